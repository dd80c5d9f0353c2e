package io.shotplan.app.plan;

import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.SHOT;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.scenario.Scenario;
import io.shotplan.app.scenario.ScenarioChanges;
import io.shotplan.app.scenario.ScenarioRepository;
import io.shotplan.app.shot.ShotEdits;
import io.shotplan.app.shot.ShotQueries;
import io.shotplan.app.show.ShowRepository;
import io.shotplan.app.web.ConflictException;
import io.shotplan.app.web.NotFoundException;
import io.shotplan.plan.shot.Pin;
import io.shotplan.plan.shot.PlanRequest;
import io.shotplan.plan.shot.PreviousAssignment;
import io.shotplan.plan.shot.ShowPlan;
import io.shotplan.plan.shot.ShowPlanner;
import io.shotplan.show.AiCapability;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotEstimator;
import io.shotplan.show.Show;
import io.shotplan.show.WorkMode;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Solves a show (or one of its scenarios) in the background and stores the result as the show's next plan.
 * Followers get a progress event about twice a second and one final event; stopping early interrupts the solver,
 * which keeps the best plan found so far. One solve per show at a time.
 */
@Service
public class Solving {

    private static final Logger LOG = LoggerFactory.getLogger(Solving.class);
    private static final long PROGRESS_EVERY_MILLIS = 500;

    /** What followers are told: PROGRESS while solving, then DONE or FAILED. */
    public record Event(String kind, SolveJob job) {
    }

    private final DSLContext dsl;
    private final ShowRepository shows;
    private final ShotQueries shotQueries;
    private final ScenarioRepository scenarios;
    private final PlanStore store;
    private final AuditLog audit;
    private final ExecutorService solvers;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("solve-progress").daemon().factory());
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Duration maxLimit;
    private final MeterRegistry meters;

    private final class Running {
        volatile SolveJob job;
        volatile Thread thread;
        volatile boolean stopRequested;
        /** The search's best score so far, for progress events. */
        volatile String bestScore;
        /** The finished plan with its show's currency, for callers that print it (the command line). */
        volatile Solved solved;
        final List<Consumer<Event>> followers = new CopyOnWriteArrayList<>();

        Running(SolveJob job) {
            this.job = job;
        }

        void publish(Event event) {
            followers.forEach(f -> {
                try {
                    f.accept(event);
                } catch (RuntimeException e) {
                    followers.remove(f);
                }
            });
        }
    }

    public Solving(DSLContext dsl, ShowRepository shows, ShotQueries shotQueries, ScenarioRepository scenarios,
                   PlanStore store, AuditLog audit, @Value("${shotplan.plan.max-seconds:600}") int maxSeconds,
                   @Value("${shotplan.plan.concurrent-solves:1}") int concurrentSolves,
                   @Value("${shotplan.plan.niceness:10}") int niceness, MeterRegistry meters) {
        this.dsl = dsl;
        this.audit = audit;
        this.shows = shows;
        this.shotQueries = shotQueries;
        this.scenarios = scenarios;
        this.store = store;
        this.maxLimit = Duration.ofSeconds(maxSeconds);
        this.solvers = Executors.newFixedThreadPool(concurrentSolves,
                PlanningThreads.of(Thread.ofPlatform().name("solver-", 1), niceness));
        this.meters = meters;
        Gauge.builder("shotplan.solves.running", running,
                        r -> r.values().stream().filter(run -> run.job.state().equals("SOLVING")).count())
                .description("solves in progress").register(meters);
    }

    /** Starts solving; the returned job's id follows it. */
    public SolveJob start(String showCode, Optional<String> scenarioName, Duration limit) {
        if (limit.isNegative() || limit.isZero() || limit.compareTo(maxLimit) > 0) {
            throw new IllegalArgumentException("time limit must be between 1 and " + maxLimit.toSeconds() + " seconds");
        }
        long showId = shotQueries.showId(showCode);
        Optional<Scenario> scenario = scenarioName.map(name -> scenarios.find(showCode, name)
                .orElseThrow(() -> new NotFoundException("scenario", showCode + "/" + name)));
        if (running.values().stream().anyMatch(r -> r.job.show().equals(showCode) && r.job.state().equals("SOLVING"))) {
            throw new ConflictException("show " + showCode + " is being solved already: stop that solve or wait for it");
        }
        Show stored = shows.load(showId);
        dropIneligiblePins(showCode, showId, stored);
        Show show = scenario.map(Scenario::changes).orElse(ScenarioChanges.NONE).applyTo(stored);
        PlanRequest request = request(showId, show, limit);
        String actor = AuditLog.currentActor();
        String id = UUID.randomUUID().toString();
        Running run = new Running(SolveJob.started(id, showCode, scenario.map(Scenario::name).orElse(null), limit));
        running.put(id, run);
        var progress = ticker.scheduleAtFixedRate(() -> tick(run), PROGRESS_EVERY_MILLIS, PROGRESS_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
        solvers.submit(() -> {
            run.thread = Thread.currentThread();
            Timer.Sample solveTime = Timer.start(meters);
            try {
                ShowPlan plan = run.stopRequested ? null : ShowPlanner.plan(show, request, score -> run.bestScore = score);
                boolean stopped = run.stopRequested;
                Thread.interrupted(); // a stop interrupts the solver: clear it before touching the database
                if (plan == null) {
                    throw new IllegalStateException("stopped before the solver started");
                }
                long planId = store.save(showId, scenario.map(Scenario::id).orElse(null), show, plan, actor, stopped);
                run.solved = new Solved(plan, show, request);
                run.job = finish(run.job, "DONE", stopped, plan.score(), planId, null);
                progress.cancel(false);
                run.publish(new Event("DONE", run.job));
            } catch (RuntimeException | Error e) {
                Thread.interrupted();
                LOG.warn("solving {} failed", showCode, e);
                run.job = finish(run.job, "FAILED", run.stopRequested, null, null,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                progress.cancel(false);
                run.publish(new Event("FAILED", run.job));
            } finally {
                solveTime.stop(meters.timer("shotplan.solves", "outcome",
                        run.job.state().equals("FAILED") ? "failed" : run.stopRequested ? "stopped" : "done"));
                run.thread = null;
                ticker.schedule(() -> running.remove(id), 10, TimeUnit.MINUTES);
            }
        });
        return run.job;
    }

    /** What a solve of the show starts from: its supervisors' pins and the current plan (to change no more than needed). */
    PlanRequest request(long showId, Show show, Duration limit) {
        return PlanRequest.of(limit).withPins(pins(showId, show)).withPrevious(previous(showId, show));
    }

    public SolveJob get(String id) {
        return find(id).job;
    }

    /** A finished plan as the planner returned it, with the show and request it was solved for. */
    public record Solved(ShowPlan plan, Show show, PlanRequest request) {
    }

    /** The finished solve's plan, while the job is kept (ten minutes after it ends); empty before it is done. */
    public Optional<Solved> solved(String id) {
        return Optional.ofNullable(find(id).solved);
    }

    /**
     * Asks a running solve to stop and keep its best plan so far. The stop is audited (who stopped which solve, after
     * how long, at what score); the plan it keeps is audited when it is stored, as "stopped early".
     */
    public SolveJob stop(String id) {
        Running run = find(id);
        SolveJob job = run.job;
        if (!job.state().equals("SOLVING") || run.stopRequested) {
            return job; // finished already, or stopped by someone else: nothing changes
        }
        audit.record("STOP", "solve", id, "show " + job.show() + (job.scenario() == null ? "" : ", scenario "
                + job.scenario()) + ": stopped after " + elapsed(job) / 1000 + " s of " + job.limitMillis() / 1000
                + " s" + (run.bestScore == null ? ", before a first solution" : ", best score " + run.bestScore));
        run.stopRequested = true;
        Thread thread = run.thread;
        if (thread != null) {
            thread.interrupt();
        }
        return run.job;
    }

    /** Follows a solve: the follower gets the current state at once, then every event until DONE or FAILED. */
    public void follow(String id, Consumer<Event> follower) {
        Running run = find(id);
        run.followers.add(follower);
        SolveJob now = run.job;
        follower.accept(new Event(now.state().equals("SOLVING") ? "PROGRESS" : now.state(), now));
    }

    public void unfollow(String id, Consumer<Event> follower) {
        Running run = running.get(id);
        if (run != null) {
            run.followers.remove(follower);
        }
    }

    private void tick(Running run) {
        SolveJob job = run.job;
        if (!job.state().equals("SOLVING")) {
            return;
        }
        run.job = new SolveJob(job.id(), job.show(), job.scenario(), job.state(), job.startedAt(), job.limitMillis(),
                elapsed(job), run.stopRequested, run.bestScore, null, null);
        run.publish(new Event("PROGRESS", run.job));
    }

    private static SolveJob finish(SolveJob job, String state, boolean stopped, String score, Long planId, String error) {
        return new SolveJob(job.id(), job.show(), job.scenario(), state, job.startedAt(), job.limitMillis(),
                elapsed(job), stopped, score, planId, error);
    }

    private static long elapsed(SolveJob job) {
        return Duration.between(job.startedAt(), Instant.now()).toMillis();
    }

    private Running find(String id) {
        Running run = running.get(id);
        if (run == null) {
            throw new NotFoundException("solve", id);
        }
        return run;
    }

    /**
     * A pin the eligibility rule no longer allows — the policy now keeps the work type for artists, or the shot's AI
     * job failed for good (REPLAN) — is dropped with its reason in the audit log, rather than failing the solve.
     */
    private void dropIneligiblePins(String showCode, long showId, Show show) {
        ShotEstimator estimator = new ShotEstimator(show);
        Map<String, Shot> byCode = new HashMap<>();
        show.shots().forEach(shot -> byCode.put(shot.code(), shot));
        dsl.transaction(tx -> tx.dsl().select(SHOT.ID, SHOT.CODE, SHOT.PINNED_MODE).from(SHOT)
                .where(SHOT.SHOW_ID.eq(showId), SHOT.PINNED_MODE.isNotNull()).forUpdate()
                .forEach(r -> {
                    Shot shot = byCode.get(r.value2());
                    String pinned = r.value3();
                    if (shot == null) {
                        return;
                    }
                    estimator.whyNot(shot, pinned).ifPresent(why -> {
                        tx.dsl().update(SHOT).setNull(SHOT.PINNED_MODE).where(SHOT.ID.eq(r.value1())).execute();
                        audit.record(tx.dsl(), "PIN", "shot", showCode + "/" + shot.code(), "pinned mode " + pinned
                                + " -> (none): dropped before solving, the shot may no longer go to it: " + why);
                    });
                }));
    }

    /** Supervisors' pins: TRADITIONAL or a capability code, as the planner's mode labels. */
    private List<Pin> pins(long showId, Show show) {
        Map<String, String> labels = labels(show);
        List<Pin> pins = new ArrayList<>();
        dsl.select(SHOT.CODE, SHOT.PINNED_MODE).from(SHOT).where(SHOT.SHOW_ID.eq(showId), SHOT.PINNED_MODE.isNotNull())
                .forEach(r -> {
                    String label = labels.get(r.value2());
                    if (label != null) {
                        pins.add(Pin.mode(r.value1(), label));
                    }
                });
        return pins;
    }

    /** The baseline's modes and starts: kept for shots under way, and what churn is measured against. */
    private Map<String, PreviousAssignment> previous(long showId, Show show) {
        Map<String, String> labels = labels(show);
        Map<String, PreviousAssignment> previous = new HashMap<>();
        shotQueries.currentPlanId(showId).ifPresent(planId -> dsl.select(SHOT.CODE, PLAN_ITEM.MODE,
                        PLAN_ITEM.CAPABILITY_CODE, PLAN_ITEM.START_DATE)
                .from(PLAN_ITEM).join(SHOT).on(SHOT.ID.eq(PLAN_ITEM.SHOT_ID)).where(PLAN_ITEM.PLAN_ID.eq(planId))
                .forEach(r -> {
                    String label = labels.get(r.value3() == null ? ShotEdits.TRADITIONAL : r.value3());
                    if (label != null) {
                        previous.put(r.value1(), new PreviousAssignment(label, r.value4()));
                    }
                }));
        return previous;
    }

    private static Map<String, String> labels(Show show) {
        Map<String, String> labels = new HashMap<>();
        labels.put(ShotEdits.TRADITIONAL, WorkMode.TRADITIONAL.label());
        for (AiCapability capability : show.capabilities()) {
            labels.put(capability.code(), WorkMode.of(capability).label());
        }
        return labels;
    }

    @PreDestroy
    void shutdown() {
        running.values().forEach(r -> {
            Thread t = r.thread;
            if (t != null) {
                t.interrupt();
            }
        });
        solvers.shutdownNow();
        ticker.shutdownNow();
    }
}
