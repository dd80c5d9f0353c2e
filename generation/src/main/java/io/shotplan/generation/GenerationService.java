package io.shotplan.generation;

import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOW;

import io.micrometer.core.instrument.MeterRegistry;
import io.shotplan.generation.image.SamplePlates;
import io.shotplan.generation.queue.DispatchResult;
import io.shotplan.generation.queue.EpisodeCost;
import io.shotplan.generation.queue.FrameProcessor;
import io.shotplan.generation.queue.GenerationMetrics;
import io.shotplan.generation.queue.JobRepository;
import io.shotplan.generation.queue.JobState;
import io.shotplan.generation.queue.ModelFrameProcessor;
import io.shotplan.generation.queue.PlanDispatcher;
import io.shotplan.generation.queue.ShotProgress;
import io.shotplan.generation.queue.WorkerPool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
        this.dispatcher = new PlanDispatcher(dsl, config.queue(), config.registry());
    }

    /** Creates the generation jobs of a plan's in-house AI shots (idempotent). */
    public DispatchResult dispatchPlan(long planId) {
        return dispatcher.dispatch(planId);
    }

    /** Starts {@code count} in-process worker threads (the embedded default). */
    public synchronized void startWorkers(int count) {
        if (workers == null || !workers.isRunning()) {
            workers = new WorkerPool(jobs, processor, config.queue(), metrics, "in-process");
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

    public int pauseShow(long showId) {
        return jobs.pauseShow(showId);
    }

    public int resumeShow(long showId) {
        return jobs.resumeShow(showId);
    }

    public int cancelShow(long showId) {
        return jobs.cancelShow(showId);
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
     * Writes small synthetic plates for every frame of every shot of the show (no committed binaries), sized
     * {@code width} pixels wide at each shot's aspect ratio, where the workers will read them.
     *
     * @return the number of frames written
     */
    public int generateSamplePlates(long showId, int width) {
        String showCode = dsl.select(SHOW.CODE).from(SHOW).where(SHOW.ID.eq(showId)).fetchSingle(SHOW.CODE);
        int written = 0;
        for (var shot : dsl.select(SHOT.CODE, SHOT.FRAME_COUNT, SHOT.WIDTH, SHOT.HEIGHT).from(SHOT)
                .where(SHOT.SHOW_ID.eq(showId)).fetch()) {
            int height = Math.max(8, Math.round(width * (float) shot.value4() / shot.value3()));
            written += SamplePlates.writeShot(config.frames().plateDir(showCode, shot.value1()), shot.value1(),
                    shot.value2(), width, height).size();
        }
        return written;
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
