package io.shotplan.app.dispatch;

import io.shotplan.app.shot.ShotQueries;
import io.shotplan.generation.queue.DispatchResult;
import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(summary = "Create the generation jobs of a plan's in-house AI shots (PRODUCER, SUPERVISOR; idempotent)")
    DispatchResult dispatch(@PathVariable long id) {
        return dispatcher.dispatch(id);
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
