package io.shotplan.app.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Solving", description = "Solve a show or scenario in the background, follow it by server-sent events, stop it early")
class FixController {

    /** {@code seconds}: each relaxed re-solve's time limit (10 unless given). */
    record FixRequest(@Min(1) @Max(600) Integer seconds) {
    }

    private static final int DEFAULT_SECONDS = 10;

    private final PlanFixes fixes;

    FixController(PlanFixes fixes) {
        this.fixes = fixes;
    }

    @PostMapping("/api/plans/{id}/fixes")
    @Operation(summary = "What would fix a plan that misses a budget or delivery (PRODUCER): 202 with the run to poll, "
            + "which lists the episodes missed and by how much at once, then the fixes as their relaxed re-solves end")
    ResponseEntity<FixRun> start(@PathVariable long id, @Valid @RequestBody(required = false) FixRequest body) {
        int seconds = body == null || body.seconds() == null ? DEFAULT_SECONDS : body.seconds();
        FixRun run = fixes.start(id, Duration.ofSeconds(seconds));
        return ResponseEntity.accepted().location(URI.create("/api/fixes/" + run.id())).body(run);
    }

    @GetMapping("/api/fixes/{id}")
    @Operation(summary = "Where a fix run is: RUNNING with the limit being relaxed and the fixes so far, then DONE, or FAILED with why")
    FixRun get(@PathVariable String id) {
        return fixes.get(id);
    }
}
