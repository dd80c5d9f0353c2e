package io.shotplan.app.shot;

import io.shotplan.app.shot.ShowView.ShotRow;
import io.shotplan.app.web.PageOf;
import io.shotplan.show.ShotStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/shows/{show}")
@Tag(name = "Shots", description = "The shot list with filters and paging; supervisors pin modes and set eligibility")
class ShotController {

    /** {@code mode}: TRADITIONAL, an AI capability code of the show, or null to let the planner choose. */
    record Pin(@Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String mode) {
    }

    record HumanOnly(@NotNull Boolean humanOnly) {
    }

    record Consent(@NotNull Boolean consentOnFile) {
    }

    private final ShotQueries queries;
    private final ShotEdits edits;

    ShotController(ShotQueries queries, ShotEdits edits) {
        this.queries = queries;
        this.edits = edits;
    }

    @GetMapping("/shots")
    @Operation(summary = "Shots, filtered by episode, work type, planned mode and status, a page at a time")
    PageOf<ShotRow> shots(@PathVariable String show,
                          @RequestParam(required = false) String episode,
                          @RequestParam(required = false) String workType,
                          @RequestParam(required = false) ShotFilter.PlannedMode mode,
                          @RequestParam(required = false) ShotStatus status,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.shots(show, new ShotFilter(episode, workType, mode, status), page, size);
    }

    @GetMapping("/shots/{shot}")
    ShotRow shot(@PathVariable String show, @PathVariable String shot) {
        return queries.shot(show, shot);
    }

    @GetMapping("/work-types")
    @Operation(summary = "The show's work types (the shots filter's choices)")
    List<String> workTypes(@PathVariable String show) {
        return queries.workTypes(show);
    }

    @GetMapping("/capabilities")
    @Operation(summary = "The show's AI capabilities (what shots can be pinned to besides TRADITIONAL)")
    List<ShowView.Capability> capabilities(@PathVariable String show) {
        return queries.capabilities(show);
    }

    @PutMapping("/shots/{shot}/pin")
    @Operation(summary = "Pin a shot's mode (SUPERVISOR; audited)")
    ShotRow pin(@PathVariable String show, @PathVariable String shot, @Valid @RequestBody Pin body) {
        return edits.pin(show, shot, body.mode());
    }

    @PutMapping("/shots/{shot}/human-only")
    @Operation(summary = "Mark a shot human-only, or lift that (SUPERVISOR; audited)")
    ShotRow humanOnly(@PathVariable String show, @PathVariable String shot, @Valid @RequestBody HumanOnly body) {
        return edits.humanOnly(show, shot, body.humanOnly());
    }

    @PutMapping("/shots/{shot}/consent")
    @Operation(summary = "Record whether performer consent is on file (SUPERVISOR; audited)")
    ShotRow consent(@PathVariable String show, @PathVariable String shot, @Valid @RequestBody Consent body) {
        return edits.consent(show, shot, body.consentOnFile());
    }
}
