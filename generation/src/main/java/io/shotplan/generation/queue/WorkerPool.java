package io.shotplan.generation.queue;

import io.shotplan.generation.GenerationException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads that claim generation jobs, run their frames through a {@link FrameProcessor}, and record progress,
 * device time, completion and failures through the {@link JobRepository}. The same class serves the in-process
 * workers of the app (embedded H2 default) and the separate {@code shotplan worker} processes (shared PostgreSQL).
 */
public final class WorkerPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    private final JobRepository jobs;
    private final FrameProcessor processor;
    private final QueueSettings settings;
    private final GenerationMetrics metrics;
    private final WorkerProfile profile;
    private final String ownerPrefix;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService heartbeats;

    /**
     * @param profile what the workers claim (capabilities, pools) and the device they were started for
     * @param name    the last part of the workers' lease owner, after host and process id
     */
    public WorkerPool(JobRepository jobs, FrameProcessor processor, QueueSettings settings, GenerationMetrics metrics,
                      WorkerProfile profile, String name) {
        this.jobs = jobs;
        this.processor = processor;
        this.settings = settings;
        this.metrics = metrics;
        this.profile = profile;
        this.ownerPrefix = host() + ":" + ProcessHandle.current().pid() + ":" + name;
    }

    /** Starts {@code workers} worker threads; does nothing if already started. */
    public synchronized void start(int workers) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, ownerPrefix + "-heartbeat"));
        for (int i = 0; i < workers; i++) {
            String owner = ownerPrefix + "-" + i;
            Thread t = daemon(() -> loop(owner), owner);
            threads.add(t);
            t.start();
        }
        LOG.info("started {} generation worker(s) as {}", workers, ownerPrefix);
    }

    public boolean isRunning() {
        return running.get();
    }

    public String ownerPrefix() {
        return ownerPrefix;
    }

    /**
     * Stops the workers: each finishes the frame in hand and hands its job back to the queue (not counted as an
     * attempt). Waits up to {@code grace} for them.
     */
    public synchronized void stop(Duration grace) {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        heartbeats.shutdownNow();
    }

    @Override
    public void close() {
        stop(Duration.ofMinutes(1));
    }

    private void loop(String owner) {
        while (running.get()) {
            try {
                long claimStart = System.nanoTime();
                Optional<GenerationJob> claimed = jobs.claim(owner, settings.lease(), profile);
                if (claimed.isEmpty()) {
                    sleep(settings.idlePoll());
                    continue;
                }
                metrics.overhead("claim", System.nanoTime() - claimStart);
                run(claimed.get(), owner);
            } catch (RuntimeException e) {
                // the database is unreachable or a bug: keep the worker alive, the lease protects the job
                LOG.warn("generation worker {}: {}", owner, e.toString());
                sleep(settings.idlePoll());
            }
        }
    }

    private void run(GenerationJob job, String owner) {
        Unrecorded unrecorded = new Unrecorded();
        AtomicBoolean lost = new AtomicBoolean();
        long period = settings.heartbeat().toMillis();
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> beat(job, owner, unrecorded, lost),
                period, period, TimeUnit.MILLISECONDS);
        String model = processor.modelName(job.capability());
        try {
            for (int frame = job.frameFrom() + job.framesDone(); frame <= job.frameTo(); frame++) {
                if (lost.get()) {
                    flush(job, owner, unrecorded);
                    dropped(job, owner, "paused, cancelled or taken over");
                    return;
                }
                if (!running.get()) {
                    if (flush(job, owner, unrecorded) && jobs.release(job.id(), owner)) {
                        metrics.outcome("released");
                    } else {
                        dropped(job, owner, "lost its lease while stopping");
                    }
                    return;
                }
                FrameProcessor.FrameResult result = onDevice(processor.process(job, frame));
                unrecorded.add(result);
                metrics.frameDone(result.deviceSeconds(), result.device());
            }
            long t = System.nanoTime();
            boolean completed = jobs.complete(job.id(), owner, model, unrecorded.close()).isPresent();
            metrics.overhead("complete", System.nanoTime() - t);
            if (completed) {
                metrics.outcome("succeeded");
            } else {
                dropped(job, owner, "lost its lease before completing");
            }
        } catch (GenerationException e) {
            failed(job, owner, e.getMessage(), e.permanent(), model, unrecorded);
        } catch (RuntimeException e) {
            failed(job, owner, e.toString(), false, model, unrecorded);
        } catch (OutOfMemoryError e) {
            // a plate too large for the heap: fail the attempt (a retry may land on a bigger worker), keep the thread
            failed(job, owner, "out of memory: " + e.getMessage(), false, model, unrecorded);
        } finally {
            heartbeat.cancel(false);
        }
    }

    /**
     * One heartbeat: renews the lease and records the frames finished since the last one. Holding the job's
     * {@link Unrecorded} while it writes keeps a beat and the job's last write (completion, failure, release) from
     * recording the same frames twice.
     */
    private void beat(GenerationJob job, String owner, Unrecorded unrecorded, AtomicBoolean lost) {
        synchronized (unrecorded) {
            if (unrecorded.closed) {
                return;
            }
            FramesDone done = unrecorded.take();
            long t = System.nanoTime();
            try {
                if (!jobs.heartbeat(job.id(), owner, done, settings.lease())) {
                    lost.set(true);
                }
                if (!done.isEmpty()) {
                    metrics.overhead("progress", System.nanoTime() - t);
                }
            } catch (RuntimeException e) {
                unrecorded.putBack(done); // the database is unreachable: the next beat records them
                LOG.warn("heartbeat of job {} failed: {}", job.id(), e.toString());
            }
        }
    }

    /**
     * Records the frames finished since the last heartbeat before the job is handed back or failed, so a resumed job
     * skips them and a bill includes their time; false when the job is no longer this worker's.
     */
    private boolean flush(GenerationJob job, String owner, Unrecorded unrecorded) {
        return jobs.heartbeat(job.id(), owner, unrecorded.close(), settings.lease());
    }

    /**
     * The frame's result with the device named as the host knows it: a process started for GPU N sees only that GPU
     * (as its engine's device 0, through CUDA_VISIBLE_DEVICES), so a GPU result is recorded as {@code cuda:N}; a CPU
     * result stays {@code cpu}, whatever the worker was started for, so that it is billed as CPU time.
     */
    private FrameProcessor.FrameResult onDevice(FrameProcessor.FrameResult result) {
        return profile.onGpu() && WorkerProfile.isGpu(result.device())
                ? new FrameProcessor.FrameResult(result.deviceSeconds(), profile.device()) : result;
    }

    private void failed(GenerationJob job, String owner, String error, boolean permanent, String model,
                        Unrecorded unrecorded) {
        String message = "frame range %d–%d of %s: %s".formatted(job.frameFrom(), job.frameTo(), job.shotCode(), error);
        Optional<JobState> state = flush(job, owner, unrecorded)
                ? jobs.fail(job.id(), owner, message, permanent, settings, model) : Optional.empty();
        if (state.isEmpty()) {
            dropped(job, owner, "lost its lease while failing");
            return;
        }
        metrics.outcome(state.get() == JobState.FAILED ? "failed" : "retried");
        if (state.get() == JobState.FAILED) {
            LOG.warn("job {} failed: {}", job.id(), message);
        } else {
            LOG.info("job {} attempt {} failed, will retry: {}", job.id(), job.attempt(), message);
        }
    }

    private void dropped(GenerationJob job, String owner, String why) {
        metrics.outcome("dropped");
        LOG.info("worker {} dropped job {}: {}", owner, job.id(), why);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    /** The frames a running job has finished and not yet written, shared by its worker thread and its heartbeat. */
    private static final class Unrecorded {

        private FramesDone done = FramesDone.NONE;
        private boolean closed;

        synchronized void add(FrameProcessor.FrameResult frame) {
            done = done.plus(frame);
        }

        synchronized FramesDone take() {
            FramesDone taken = done;
            done = FramesDone.NONE;
            return taken;
        }

        synchronized void putBack(FramesDone taken) {
            done = taken.plus(done);
        }

        /** The rest, for the job's last write; no heartbeat records anything after this. */
        synchronized FramesDone close() {
            closed = true;
            return take();
        }
    }
}
