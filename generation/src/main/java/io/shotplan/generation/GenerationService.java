package io.shotplan.generation;

import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOW;

import io.micrometer.core.instrument.MeterRegistry;
import io.shotplan.generation.image.FramePaths;
import io.shotplan.generation.image.SamplePlates;
import io.shotplan.generation.queue.DispatchResult;
import io.shotplan.generation.queue.EpisodeCost;
import io.shotplan.generation.queue.FrameProcessor;
import io.shotplan.generation.queue.GenerationMetrics;
import io.shotplan.generation.queue.JobRepository;
import io.shotplan.generation.queue.JobState;
import io.shotplan.generation.queue.MissingModel;
import io.shotplan.generation.queue.ModelFrameProcessor;
import io.shotplan.generation.queue.PlanDispatcher;
import io.shotplan.generation.queue.ShotProgress;
import io.shotplan.generation.queue.WorkerPool;
import io.shotplan.generation.queue.WorkerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * What the app calls: dispatch a plan's AI shots, run in-process workers, pause / resume / cancel a show, read
 * progress and generation cost, and make sample plates for the demo. Separate worker processes use
 * {@link WorkerMain} against the same database.
 */
public final class GenerationService implements AutoCloseable {

    private final DSLContext dsl;
    private final GenerationConfig config;
    private final JobRepository jobs;
    private final GenerationMetrics metrics;
    private final FrameProcessor processor;
    private final PlanDispatcher dispatcher;
    private final Clock clock;
    private WorkerPool workers;

    public GenerationService(DSLContext dsl, GenerationConfig config, MeterRegistry meters) {
        this(dsl, config, meters, new ModelFrameProcessor(config.registry(), config.cache(), config.frames()), Clock.systemUTC());
    }

    /** With a custom frame processor (tests, studio plug-ins) and clock. */
    public GenerationService(DSLContext dsl, GenerationConfig config, MeterRegistry meters, FrameProcessor processor,
                             Clock clock) {
        this.dsl = dsl;
        this.config = config;
        this.jobs = new JobRepository(dsl, clock);
        this.metrics = new GenerationMetrics(meters, jobs);
        this.processor = processor;
        this.dispatcher = new PlanDispatcher(config.queue(), config.registry());
        this.clock = clock;
    }

    /** Creates the generation jobs of a plan's in-house AI shots (idempotent across plans), in one transaction. */
    public DispatchResult dispatchPlan(long planId) {
        return dsl.transactionResult(cfg -> dispatchPlan(cfg.dsl(), planId, Set.of()));
    }

    /**
     * Creates the jobs of a plan's in-house AI shots inside the caller's transaction: ranges rendered or queued
     * before, by any plan, are not rendered again, except for the shots named in {@code rerender}.
     */
    public DispatchResult dispatchPlan(DSLContext tx, long planId, Set<String> rerender) {
        return dispatchShots(tx, planId, dispatcher.aiShots(tx, planId), rerender);
    }

    /** Like {@link #dispatchPlan(DSLContext, long, Set)}, for some of the plan's in-house AI shots only. */
    public DispatchResult dispatchShots(DSLContext tx, long planId, Collection<PlanDispatcher.AiShot> shots,
            Set<String> rerender) {
        return dispatcher.dispatch(tx, planId, shots, rerender, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** The plan's in-house AI shots that a dispatch would send (omitted shots and shots without a model left out). */
    public List<PlanDispatcher.AiShot> dispatchableShots(long planId) {
        return dispatcher.aiShots(dsl, planId).stream().filter(s -> dispatcher.whyNot(s) == null).toList();
    }

    /**
     * The capabilities of a plan's in-house AI shots that no registered model runs, with their shot counts, in code
     * order: what dispatch would skip, known before it runs.
     */
    public List<MissingModel> capabilitiesWithoutModel(long planId) {
        return MissingModel.of(dispatcher.aiShots(dsl, planId), config.registry());
    }

    /** Starts {@code count} in-process worker threads (the embedded default): on the CPU, for every pool. */
    public synchronized void startWorkers(int count) {
        startWorkers(count, WorkerProfile.of(config.registry()), Set.of(), "in-process");
    }

    /**
     * Starts {@code count} worker threads that claim only what {@code profile} can run, each of which first loads and
     * warms up the models of {@code preload}, so that no job's first frame waits for them.
     */
    public synchronized void startWorkers(int count, WorkerProfile profile, Set<String> preload, String name) {
        if (workers == null || !workers.isRunning()) {
            workers = new WorkerPool(jobs, processor, config.queue(), metrics, profile, preload, name);
            workers.start(count);
        }
    }

    /** Stops the in-process workers; jobs in hand go back to the queue. */
    public synchronized void stopWorkers() {
        if (workers != null) {
            workers.stop(Duration.ofMinutes(1));
            workers = null;
        }
    }

    /** Whether workers of this service are running (a worker process's liveness). */
    public synchronized boolean workersRunning() {
        return workers != null && workers.isRunning();
    }

    /** The running workers' lease owner prefix (host:pid:name), or empty when none run. */
    public synchronized String workerName() {
        return workers == null ? "" : workers.ownerPrefix();
    }

    public int pauseShow(long showId) {
        return jobs.pauseShow(showId);
    }

    public int resumeShow(long showId) {
        return jobs.resumeShow(showId);
    }

    public int cancelShow(long showId) {
        return jobs.cancelShow(showId);
    }

    /** Pauses the show's jobs inside the caller's transaction (its audit entry lands with it). */
    public int pauseShow(DSLContext tx, long showId) {
        return new JobRepository(tx, clock).pauseShow(showId);
    }

    public int resumeShow(DSLContext tx, long showId) {
        return new JobRepository(tx, clock).resumeShow(showId);
    }

    /** Cancels the show's jobs and bills their spent device seconds inside the caller's transaction. */
    public int cancelShow(DSLContext tx, long showId) {
        return new JobRepository(tx, clock).cancelShow(showId);
    }

    public List<ShotProgress> progress(long showId) {
        return jobs.progress(showId);
    }

    /** Waits until no job of the show is queued or running (paused jobs do not count), or the timeout passes. */
    public boolean awaitIdle(long showId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean busy = progress(showId).stream().anyMatch(p ->
                    p.jobsByState().get(JobState.QUEUED) > 0 || p.jobsByState().get(JobState.RUNNING) > 0);
            if (!busy) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Device seconds and cost per episode, from the ledger's generation rows. */
    public List<EpisodeCost> costByEpisode(long showId) {
        return jobs.costByEpisode(showId);
    }

    /**
     * Writes small synthetic plates for every frame of every shot of the show (no committed binaries): tests and
     * benchmarks. The app writes them only for the AI shots it dispatches ({@link #writeSamplePlates}).
     *
     * @return the number of frames written
     */
    public int generateSamplePlates(long showId, int width) {
        String showCode = dsl.select(SHOW.CODE).from(SHOW).where(SHOW.ID.eq(showId)).fetchSingle(SHOW.CODE);
        int written = 0;
        for (var shot : dsl.select(SHOT.CODE, SHOT.FRAME_COUNT, SHOT.WIDTH, SHOT.HEIGHT).from(SHOT)
                .where(SHOT.SHOW_ID.eq(showId)).fetch()) {
            written += writeSamplePlates(showCode, shot.value1(), shot.value2(), shot.value3(), shot.value4(), width);
        }
        return written;
    }

    /**
     * Writes a shot's synthetic plates, sized {@code width} pixels wide at the shot's aspect ratio, where the workers
     * will read them; nothing when the shot has its last plate already (frames are written in order).
     *
     * @return the number of frames written
     */
    public int writeSamplePlates(String showCode, String shotCode, int frames, int shotWidth, int shotHeight, int width) {
        Path dir = config.frames().plateDir(showCode, shotCode);
        if (Files.exists(dir.resolve(FramePaths.frameName(shotCode, frames, "png")))) {
            return 0;
        }
        int height = Math.max(8, Math.round(width * (float) shotHeight / shotWidth));
        return SamplePlates.writeShot(dir, shotCode, frames, width, height).size();
    }

    public GenerationMetrics metrics() {
        return metrics;
    }

    public GenerationConfig config() {
        return config;
    }

    @Override
    public void close() {
        stopWorkers();
        processor.close();
    }
}
