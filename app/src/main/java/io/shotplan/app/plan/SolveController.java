package io.shotplan.app.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Solving", description = "Solve a show or scenario in the background, follow it by server-sent events, stop it early")
class SolveController {

    /** {@code scenario}: a scenario's name, or null for the show as it is; {@code seconds}: the time limit. */
    record SolveRequest(@Size(max = 100) String scenario, @NotNull @Min(1) @Max(600) Integer seconds) {
    }

    private final Solving solving;

    SolveController(Solving solving) {
        this.solving = solving;
    }

    @PostMapping("/api/shows/{show}/plans")
    @Operation(summary = "Start solving (PRODUCER): 202 with the solve to follow; the plan is stored when it ends")
    ResponseEntity<SolveJob> start(@PathVariable String show, @Valid @RequestBody SolveRequest body) {
        SolveJob job = solving.start(show, Optional.ofNullable(body.scenario()).filter(s -> !s.isBlank()),
                Duration.ofSeconds(body.seconds()));
        return ResponseEntity.accepted().location(URI.create("/api/solves/" + job.id())).body(job);
    }

    @GetMapping("/api/solves/{id}")
    @Operation(summary = "Where a solve is: elapsed time, state, and the plan id once done")
    SolveJob get(@PathVariable String id) {
        return solving.get(id);
    }

    @PostMapping("/api/solves/{id}/stop")
    @Operation(summary = "Stop a solve early (PRODUCER); it stores the best plan found so far")
    SolveJob stop(@PathVariable String id) {
        return solving.stop(id);
    }

    @GetMapping(path = "/api/solves/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: 'progress' about twice a second, then 'done' (with planId) or 'failed'")
    SseEmitter events(@PathVariable String id) {
        SolveJob job = solving.get(id);
        SseEmitter emitter = new SseEmitter(job.limitMillis() + Duration.ofMinutes(2).toMillis());
        Consumer<Solving.Event> follower = new Consumer<>() {
            @Override
            public void accept(Solving.Event event) {
                try {
                    emitter.send(SseEmitter.event().name(event.kind().toLowerCase()).data(event.job(), MediaType.APPLICATION_JSON));
                    if (!event.kind().equals("PROGRESS")) {
                        emitter.complete();
                        solving.unfollow(id, this);
                    }
                } catch (IOException | IllegalStateException e) {
                    solving.unfollow(id, this);
                    emitter.completeWithError(e);
                }
            }
        };
        emitter.onCompletion(() -> solving.unfollow(id, follower));
        emitter.onTimeout(() -> solving.unfollow(id, follower));
        solving.follow(id, follower);
        return emitter;
    }
}
