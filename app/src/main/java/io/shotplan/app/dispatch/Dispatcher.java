package io.shotplan.app.dispatch;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.web.NotFoundException;
import io.shotplan.generation.GenerationService;
import io.shotplan.generation.queue.DispatchResult;
import io.shotplan.generation.queue.PlanDispatcher.AiShot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Sends a plan's in-house AI shots to the generation queue and lets producers and supervisors pause, resume or
 * cancel a show's jobs. With {@code shotplan.generation.workers > 0} (serve's default: 1) the app runs
 * that many workers itself; otherwise separate {@code shotplan worker} processes (or {@code dispatch}) take the jobs.
 *
 * <p>Each change and its audit entry are one transaction, with the actor (the logged-in user, or the OS user on the
 * command line). Over HTTP a dispatch runs in the background ({@link #start}): writing plates and jobs for a long
 * show must not hold a request.
 */
@Service
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** Marks a show's plates folder as written by shotplan's sample plates, which may add to it. */
    static final String SYNTHETIC_MARKER = ".synthetic-sample-plates";
    /** How long a finished dispatch can still be polled. */
    private static final Duration KEPT_FOR = Duration.ofHours(1);

    private final DSLContext dsl;
    private final GenerationService generation;
    private final AuditLog audit;
    private final Clock clock;
    private final int inProcessWorkers;
    private final int samplePlateWidth;
    private final Map<String, DispatchRun> runs = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("dispatch-", 1).daemon().factory());

    public Dispatcher(DSLContext dsl, GenerationService generation, AuditLog audit, Clock clock,
                      @Value("${shotplan.generation.workers:0}") int inProcessWorkers,
                      @Value("${shotplan.generation.sample-plate-width:0}") int samplePlateWidth) {
        this.dsl = dsl;
        this.generation = generation;
        this.audit = audit;
        this.clock = clock;
        this.inProcessWorkers = inProcessWorkers;
        this.samplePlateWidth = samplePlateWidth;
    }

    /** With in-process workers (serve), they start with the app and take what is queued, e.g. from before a restart. */
    @EventListener(ApplicationReadyEvent.class)
    public void startInProcessWorkers() {
        if (inProcessWorkers > 0) {
            generation.startWorkers(inProcessWorkers);
        }
    }

    /**
     * Starts dispatching in the background and returns at once with the run to poll.
     *
     * @param rerender shots to render again although their frames were rendered (billed as new lines)
     */
    public DispatchRun start(long planId, Set<String> rerender) {
        String show = showOf(planId);
        Instant forgotten = clock.instant().minus(KEPT_FOR);
        runs.values().removeIf(r -> r.finishedAt() != null && r.finishedAt().isBefore(forgotten));
        DispatchRun run = new DispatchRun(UUID.randomUUID().toString(), planId, show, AuditLog.currentActor(),
                List.copyOf(new TreeSet<>(rerender)), "RUNNING", 0, 0, clock.instant(), null, null, null);
        runs.put(run.id(), run);
        background.submit(() -> {
            try {
                DispatchResult result = dispatch(run, ready -> runs.computeIfPresent(run.id(), (k, r) -> r.progressed(ready)));
                runs.computeIfPresent(run.id(), (k, r) -> r.done(result, clock.instant()));
            } catch (RuntimeException e) {
                LOG.warn("dispatching plan {} failed", planId, e);
                runs.computeIfPresent(run.id(), (k, r) -> r.failed(
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), clock.instant()));
            }
        });
        return run;
    }

    public DispatchRun get(String id) {
        DispatchRun run = runs.get(id);
        if (run == null) {
            throw new NotFoundException("dispatch", id);
        }
        return run;
    }

    /** Dispatches in the calling thread (the command line), as the current user. */
    public DispatchResult dispatch(long planId, Set<String> rerender) {
        return dispatch(cliRun(planId, rerender), ready -> { });
    }

    public DispatchResult dispatch(long planId) {
        return dispatch(planId, Set.of());
    }

    /**
     * Dispatches a sample of the plan in the calling thread: the first {@code perCapability} dispatchable shots of each
     * capability, by code. The demo renders this much on a laptop's CPU; a full dispatch renders the rest later.
     */
    public DispatchResult dispatchSample(long planId, int perCapability) {
        Map<String, Integer> taken = new HashMap<>();
        List<AiShot> sample = generation.dispatchableShots(planId).stream()
                .filter(shot -> taken.merge(shot.capability(), 1, Integer::sum) <= perCapability).toList();
        return dispatch(cliRun(planId, Set.of()), Optional.of(sample), ready -> { });
    }

    private DispatchRun cliRun(long planId, Set<String> rerender) {
        return new DispatchRun("cli", planId, showOf(planId), AuditLog.currentActor(),
                List.copyOf(new TreeSet<>(rerender)), "RUNNING", 0, 0, clock.instant(), null, null, null);
    }

    private DispatchResult dispatch(DispatchRun run, IntConsumer shotsReady) {
        return dispatch(run, Optional.empty(), shotsReady);
    }

    /** Every in-house AI shot of the plan, or only {@code sample}. */
    private DispatchResult dispatch(DispatchRun run, Optional<List<AiShot>> sample, IntConsumer shotsReady) {
        List<AiShot> shots = sample.orElseGet(() -> generation.dispatchableShots(run.planId()));
        Set<String> known = new TreeSet<>();
        shots.forEach(s -> known.add(s.code()));
        List<String> unknown = run.rerender().stream().filter(code -> !known.contains(code)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("cannot re-render " + String.join(", ", unknown) + ": not an in-house AI"
                    + " shot of plan " + run.planId());
        }
        runs.computeIfPresent(run.id(), (k, r) -> new DispatchRun(r.id(), r.planId(), r.show(), r.requestedBy(),
                r.rerender(), r.state(), shots.size(), 0, r.startedAt(), null, null, null));
        writeSamplePlates(run.show(), shots, shotsReady);
        DispatchResult result = dsl.transactionResult(tx -> {
            DispatchResult r = sample.isPresent()
                    ? generation.dispatchShots(tx.dsl(), run.planId(), sample.get(), Set.copyOf(run.rerender()))
                    : generation.dispatchPlan(tx.dsl(), run.planId(), Set.copyOf(run.rerender()));
            audit.recordAs(tx.dsl(), run.requestedBy(), "DISPATCH", "plan", String.valueOf(run.planId()),
                    "%d jobs created for %d AI shots, %d ranges already queued or rendered (not rendered or billed"
                            .formatted(r.jobsCreated(), r.shots(), r.jobsExisting())
                            + " again), %d cancelled or failed jobs resumed, %d skipped".formatted(r.jobsResumed(),
                            r.skipped().size())
                            + (run.rerender().isEmpty() ? "" : "; re-render asked for " + String.join(", ", run.rerender())
                            + ": " + r.jobsRerendered() + " jobs, billed as new lines"));
            return r;
        });
        if (inProcessWorkers > 0) {
            generation.startWorkers(inProcessWorkers);
        }
        return result;
    }

    /**
     * Synthetic plates for the AI shots being dispatched, only when configured ({@code sample-plate-width > 0}) and
     * only into a show's plates folder that shotplan created for them: a studio's real plates are never mixed with
     * synthetic ones.
     */
    private void writeSamplePlates(String show, List<AiShot> shots, IntConsumer shotsReady) {
        if (samplePlateWidth <= 0) {
            return;
        }
        Path showPlates = generation.config().frames().platesRoot().resolve(show);
        try {
            if (!Files.isDirectory(showPlates)) {
                Files.createDirectories(showPlates);
                Files.createFile(showPlates.resolve(SYNTHETIC_MARKER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plates folder " + showPlates, e);
        }
        if (!Files.exists(showPlates.resolve(SYNTHETIC_MARKER))) {
            return;
        }
        int ready = 0;
        for (AiShot shot : shots) {
            generation.writeSamplePlates(show, shot.code(), shot.frameCount(), shot.width(), shot.height(),
                    samplePlateWidth);
            shotsReady.accept(++ready);
        }
    }

    private String showOf(long planId) {
        return dsl.select(SHOW.CODE).from(PLAN).join(SHOW).on(SHOW.ID.eq(PLAN.SHOW_ID))
                .where(PLAN.ID.eq(planId)).fetchOptional(SHOW.CODE)
                .orElseThrow(() -> new NotFoundException("plan", String.valueOf(planId)));
    }

    public int pause(long showId, String showCode) {
        return dsl.transactionResult(tx -> {
            int jobs = generation.pauseShow(tx.dsl(), showId);
            audit.record(tx.dsl(), "PAUSE", "generation", showCode, jobs + " jobs paused");
            return jobs;
        });
    }

    public int resume(long showId, String showCode) {
        int resumed = dsl.transactionResult(tx -> {
            int jobs = generation.resumeShow(tx.dsl(), showId);
            audit.record(tx.dsl(), "RESUME", "generation", showCode, jobs + " jobs resumed");
            return jobs;
        });
        if (inProcessWorkers > 0) {
            generation.startWorkers(inProcessWorkers);
        }
        return resumed;
    }

    /** Cancels the show's unfinished jobs; the device seconds they spent are billed in the same transaction. */
    public int cancel(long showId, String showCode) {
        return dsl.transactionResult(tx -> {
            long lastRow = tx.dsl().select(coalesce(max(COST_LEDGER.ID), 0L)).from(COST_LEDGER).fetchSingle().value1();
            int jobs = generation.cancelShow(tx.dsl(), showId);
            var billed = tx.dsl().select(coalesce(sum(COST_LEDGER.GPU_SECONDS), BigDecimal.ZERO),
                            coalesce(sum(COST_LEDGER.AMOUNT), BigDecimal.ZERO))
                    .from(COST_LEDGER).where(COST_LEDGER.SHOW_ID.eq(showId)).and(COST_LEDGER.ID.gt(lastRow))
                    .fetchSingle();
            audit.record(tx.dsl(), "CANCEL", "generation", showCode, "%d jobs cancelled; the %s device seconds they had"
                    .formatted(jobs, billed.value1().stripTrailingZeros().toPlainString())
                    + " spent and not yet billed were billed: %s".formatted(
                    billed.value2().stripTrailingZeros().toPlainString()));
            return jobs;
        });
    }
}
