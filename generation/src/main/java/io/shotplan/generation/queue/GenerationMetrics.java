package io.shotplan.generation.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Micrometer meters of the generation queue:
 * <ul>
 *   <li>{@code shotplan.generation.jobs{state}} — jobs per state in the database (queued, running, failed, …)</li>
 *   <li>{@code shotplan.generation.frames} — frames produced by this process; {@code …frames.per.second} over the last minute</li>
 *   <li>{@code shotplan.generation.device.seconds{device}} — measured device time</li>
 *   <li>{@code shotplan.generation.job.outcomes{outcome}} — succeeded, retried, failed, dropped (lease lost)</li>
 *   <li>{@code shotplan.generation.frame.time} — model time per frame</li>
 *   <li>{@code shotplan.generation.overhead{phase}} — the queue's round trips (claim, progress, complete; they run beside
 *   the model, on a worker's queue thread and heartbeat) and {@code waiting}: the time a worker with work to do waited
 *   for the queue instead of running the model</li>
 *   <li>{@code shotplan.generation.model.preload{capability}} — the time a worker thread took to load and warm up a
 *   model before its first claim</li>
 * </ul>
 */
public final class GenerationMetrics {

    private static final long STATE_CACHE_NANOS = Duration.ofSeconds(2).toNanos();
    private static final int WINDOW_SECONDS = 60;

    private final MeterRegistry registry;
    private final JobRepository jobs;
    private final Counter frames;
    private final Timer frameTime;
    private final AtomicLongArray framesPerSecond = new AtomicLongArray(WINDOW_SECONDS);
    private final AtomicLongArray bucketSecond = new AtomicLongArray(WINDOW_SECONDS);
    private volatile Map<JobState, Integer> stateCounts;
    private volatile long stateCountsAt;

    public GenerationMetrics(MeterRegistry registry, JobRepository jobs) {
        this.registry = registry;
        this.jobs = jobs;
        this.frames = Counter.builder("shotplan.generation.frames").description("frames produced").register(registry);
        this.frameTime = Timer.builder("shotplan.generation.frame.time").description("model time per frame").register(registry);
        for (JobState state : JobState.values()) {
            Gauge.builder("shotplan.generation.jobs", this, m -> m.jobsIn(state))
                    .tag("state", state.name().toLowerCase())
                    .description("generation jobs per state").register(registry);
        }
        Gauge.builder("shotplan.generation.frames.per.second", this, GenerationMetrics::recentFramesPerSecond)
                .description("frames per second over the last minute, this process").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void frameDone(double deviceSeconds, String device) {
        frames.increment();
        frameTime.record(Duration.ofNanos((long) (deviceSeconds * 1e9)));
        registry.counter("shotplan.generation.device.seconds", "device", device).increment(deviceSeconds);
        long second = System.currentTimeMillis() / 1000;
        int slot = (int) (second % WINDOW_SECONDS);
        if (bucketSecond.getAndSet(slot, second) != second) {
            framesPerSecond.set(slot, 0);
        }
        framesPerSecond.incrementAndGet(slot);
    }

    void outcome(String outcome) {
        registry.counter("shotplan.generation.job.outcomes", "outcome", outcome).increment();
    }

    void overhead(String phase, long nanos) {
        registry.timer("shotplan.generation.overhead", "phase", phase).record(Duration.ofNanos(nanos));
    }

    void preloaded(String capability, long nanos) {
        registry.timer("shotplan.generation.model.preload", "capability", capability).record(Duration.ofNanos(nanos));
    }

    /** Total time of a phase (claim, progress, complete, waiting), in seconds; 0 before any call. */
    public double totalOverheadSeconds(String phase) {
        Timer t = registry.find("shotplan.generation.overhead").tag("phase", phase).timer();
        return t == null ? 0 : t.totalTime(TimeUnit.NANOSECONDS) / 1e9;
    }

    /** Mean overhead per call of a phase (claim, progress, complete, waiting), in seconds; 0 before any call. */
    public double meanOverheadSeconds(String phase) {
        Timer t = registry.find("shotplan.generation.overhead").tag("phase", phase).timer();
        return t == null || t.count() == 0 ? 0 : t.mean(TimeUnit.NANOSECONDS) / 1e9;
    }

    public double meanFrameSeconds() {
        return frameTime.count() == 0 ? 0 : frameTime.mean(TimeUnit.NANOSECONDS) / 1e9;
    }

    private double jobsIn(JobState state) {
        long now = System.nanoTime();
        if (stateCounts == null || now - stateCountsAt > STATE_CACHE_NANOS) {
            try {
                stateCounts = jobs.countByState();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
            stateCountsAt = now;
        }
        return stateCounts.getOrDefault(state, 0);
    }

    private double recentFramesPerSecond() {
        long now = System.currentTimeMillis() / 1000;
        long total = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (now - bucketSecond.get(i) < WINDOW_SECONDS) {
                total += framesPerSecond.get(i);
            }
        }
        return total / (double) WINDOW_SECONDS;
    }
}
