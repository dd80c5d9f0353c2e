package io.shotplan.app.dispatch;

import io.shotplan.app.shot.ShotQueries;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@Tag(name = "Dispatch and generation", description = "Send a plan's AI shots to the GPUs, pause, resume, cancel, follow progress")
class DispatchController {

    record Affected(int jobs) {
    }

    private final Dispatcher dispatcher;
    private final GenerationQueue queue;
    private final ShotQueries shows;

    DispatchController(Dispatcher dispatcher, GenerationQueue queue, ShotQueries shows) {
        this.dispatcher = dispatcher;
        this.queue = queue;
        this.shows = shows;
    }

    @PostMapping("/api/plans/{id}/dispatch")
    @Operation(summary = "Start dispatching a plan's in-house AI shots (PRODUCER, SUPERVISOR): 202 with the dispatch to"
            + " poll. Idempotent per shot, capability and frame range across plans: what was rendered is not rendered or"
            + " billed again; `rerender` names shots to render again anyway (audited, billed as new lines)")
    ResponseEntity<DispatchRun> dispatch(@PathVariable long id,
                                         @RequestParam(required = false) @Size(max = 10_000) List<@Size(max = 64) String> rerender) {
        DispatchRun run = dispatcher.start(id, rerender == null ? Set.of() : Set.copyOf(rerender));
        return ResponseEntity.accepted().location(URI.create("/api/dispatches/" + run.id())).body(run);
    }

    @GetMapping("/api/dispatches/{id}")
    @Operation(summary = "Where a dispatch is: RUNNING with the shots whose plates are ready, then DONE with what it did, or FAILED with why")
    DispatchRun dispatchRun(@PathVariable String id) {
        return dispatcher.get(id);
    }

    @GetMapping("/api/shows/{show}/generation")
    @Operation(summary = "The show's generation queue: totals, and per shot (running and failed first, at most limit) jobs by state, frames, device seconds, cost, errors")
    GenerationQueue.View queue(@PathVariable String show,
                               @RequestParam(defaultValue = "500") @Min(1) @Max(100_000) int limit) {
        return queue.of(shows.showId(show), limit);
    }

    @PostMapping("/api/shows/{show}/generation/pause")
    Affected pause(@PathVariable String show) {
        return new Affected(dispatcher.pause(shows.showId(show), show));
    }

    @PostMapping("/api/shows/{show}/generation/resume")
    Affected resume(@PathVariable String show) {
        return new Affected(dispatcher.resume(shows.showId(show), show));
    }

    @PostMapping("/api/shows/{show}/generation/cancel")
    Affected cancel(@PathVariable String show) {
        return new Affected(dispatcher.cancel(shows.showId(show), show));
    }
}
