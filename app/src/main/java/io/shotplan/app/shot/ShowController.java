package io.shotplan.app.shot;

import io.shotplan.app.shot.ShowView.EpisodeInfo;
import io.shotplan.app.shot.ShowView.ShowInfo;
import io.shotplan.app.show.ShowArchive;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/shows")
@Tag(name = "Shows and episodes", description = "The shows in the database, their episodes and budgets")
class ShowController {

    record BudgetChange(@NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal budget) {
    }

    private final ShotQueries queries;
    private final ShotEdits edits;
    private final ShowArchive archive;

    ShowController(ShotQueries queries, ShotEdits edits, ShowArchive archive) {
        this.queries = queries;
        this.edits = edits;
        this.archive = archive;
    }

    @GetMapping
    @Operation(summary = "The active shows; archived=true lists the archived ones too")
    List<ShowInfo> shows(@RequestParam(defaultValue = "false") boolean archived) {
        return queries.shows(archived);
    }

    @PostMapping("/{show}/archive")
    @Operation(summary = "Archive a show (ADMIN; audited): it leaves the active lists, its plans, jobs, cost ledger and"
            + " reports stay")
    ShowArchive.Archived archive(@PathVariable String show) {
        return archive.archive(show);
    }

    @GetMapping("/{show}")
    ShowInfo show(@PathVariable String show) {
        return queries.show(show);
    }

    @GetMapping("/{show}/episodes")
    @Operation(summary = "A show's episodes with delivery dates, budgets, shots and frames")
    List<EpisodeInfo> episodes(@PathVariable String show) {
        return queries.episodes(show);
    }

    @PutMapping("/{show}/episodes/{episode}/budget")
    @Operation(summary = "Set an episode's budget (PRODUCER; audited)")
    EpisodeInfo budget(@PathVariable String show, @PathVariable String episode, @Valid @RequestBody BudgetChange body) {
        return edits.budget(show, episode, body.budget());
    }
}
