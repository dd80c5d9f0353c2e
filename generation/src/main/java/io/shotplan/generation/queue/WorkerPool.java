package io.shotplan.generation.queue;

import io.shotplan.generation.GenerationException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
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
    private final Set<String> preload;
    private final String ownerPrefix;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService heartbeats;

    /**
     * @param profile what the workers claim (capabilities, pools) and the device they were started for
     * @param preload capabilities whose models each worker thread loads and warms up before its first claim
     *                ({@link FrameProcessor#prepare}); others are loaded by the first job that needs them
     * @param name    the last part of the workers' lease owner, after host and process id
     */
    public WorkerPool(JobRepository jobs, FrameProcessor processor, QueueSettings settings, GenerationMetrics metrics,
                      WorkerProfile profile, Set<String> preload, String name) {
        this.jobs = jobs;
        this.processor = processor;
        this.settings = settings;
        this.metrics = metrics;
        this.profile = profile;
        this.preload = Set.copyOf(preload);
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

    /**
     * One worker thread. The model should never wait for the database: while the last frame of a job renders, the
     * worker's queue thread claims the next job, and it completes the finished one while the next renders. Only a
     * worker that found the queue empty waits for a claim.
     */
    private void loop(String owner) {
        ExecutorService queue = Executors.newSingleThreadExecutor(r -> daemon(r, owner + "-queue"));
        JobLease next = null;
        try {
            preload(owner);
            while (running.get()) {
                JobLease job = next;
                next = null;
                try {
                    if (job == null) {
                        long t = System.nanoTime();
                        job = claim(owner).orElse(null);
                        if (job == null) {
                            sleep(settings.idlePoll());
                            continue;
                        }
                        metrics.overhead("waiting", System.nanoTime() - t);
                    }
                    next = run(job, owner, queue);
                } catch (RuntimeException e) {
                    // the database is unreachable or a bug: keep the worker alive, the lease protects the job
                    LOG.warn("generation worker {}: {}", owner, e.toString());
                    sleep(settings.idlePoll());
                }
            }
            if (next != null) {
                handBack(next, owner);
            }
        } finally {
            queue.shutdown();
            try {
                queue.awaitTermination(settings.lease().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Loads and warms up the preloaded capabilities' models on this thread, whose allocator then holds their working
     * set. A model that fails to load here is only logged: the first job that needs it tries again, and fails or
     * retries as any job does.
     */
    private void preload(String owner) {
        for (String capability : preload) {
            if (!running.get()) {
                return;
            }
            long t = System.nanoTime();
            try {
                processor.prepare(capability);
                long nanos = System.nanoTime() - t;
                metrics.preloaded(capability, nanos);
                LOG.info("generation worker {} loaded and warmed up {} in {} ms", owner, capability, nanos / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("generation worker {} could not load {} before its first job: {}", owner, capability, e.toString());
            }
        }
    }

    /** Claims the next job this worker can run; its heartbeat runs from the moment of the claim. */
    private Optional<JobLease> claim(String owner) {
        long t = System.nanoTime();
        Optional<GenerationJob> claimed = jobs.claim(owner, settings.lease(), profile);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        metrics.overhead("claim", System.nanoTime() - t);
        return Optional.of(new JobLease(claimed.get(), owner, jobs, settings, metrics, heartbeats));
    }

    /**
     * Renders the job's frames on this thread; its completion runs on {@code queue}, after the claim of the next job
     * that started there when the last frame began.
     *
     * @return the next job, claimed while the last frame rendered; null if none was due
     */
    private JobLease run(JobLease lease, String owner, ExecutorService queue) {
        GenerationJob job = lease.job();
        String model = processor.modelName(job.capability());
        Future<Optional<JobLease>> ahead = null;
        try {
            for (int frame = job.frameFrom() + job.framesDone(); frame <= job.frameTo(); frame++) {
                if (lease.lost()) {
                    lease.flush();
                    dropped(job, owner, "paused, cancelled or taken over");
                    return null;
                }
                if (!running.get()) {
                    handBack(lease, owner);
                    return null;
                }
                if (frame == job.frameTo()) {
                    ahead = queue.submit(() -> claim(owner));
                }
                FrameProcessor.FrameResult result = onDevice(processor.process(job, frame));
                lease.add(result);
                metrics.frameDone(result.deviceSeconds(), result.device());
            }
            FramesDone rest = lease.finish();
            queue.execute(() -> complete(job, owner, model, rest));
        } catch (GenerationException e) {
            failed(lease, owner, e.getMessage(), e.permanent(), model);
        } catch (RuntimeException e) {
            failed(lease, owner, e.toString(), false, model);
        } catch (OutOfMemoryError e) {
            // a plate too large for the heap: fail the attempt (a retry may land on a bigger worker), keep the thread
            failed(lease, owner, "out of memory: " + e.getMessage(), false, model);
        } catch (Error e) {
            // the thread dies: a job claimed ahead goes back to the queue rather than keep a lease no one works under
            JobLease orphan = ahead == null ? null : next(ahead, owner);
            if (orphan != null) {
                handBack(orphan, owner);
            }
            throw e;
        } finally {
            lease.abandon(); // the heartbeat stops on every path; the lease runs out where nothing was written
        }
        return ahead == null ? null : next(ahead, owner);
    }

    /** The job claimed ahead; the worker waits here only when the claim has not come back yet. */
    private JobLease next(Future<Optional<JobLease>> ahead, String owner) {
        long t = System.nanoTime();
        try {
            boolean ready = ahead.isDone();
            JobLease next = ahead.get().orElse(null);
            if (next != null && !ready) {
                metrics.overhead("waiting", System.nanoTime() - t);
            }
            return next;
        } catch (ExecutionException e) {
            LOG.warn("generation worker {} could not claim its next job: {}", owner, e.getCause().toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Completes a rendered job. While the database is unreachable (a restart, a fail-over) it tries again for up to a
     * lease, rather than let the lease run out and the frames be rendered twice; a retry after a lost answer finds
     * its own earlier completion and bills nothing more.
     */
    private void complete(GenerationJob job, String owner, String model, FramesDone rest) {
        long start = System.nanoTime();
        long giveUp = start + settings.lease().toNanos();
        while (true) {
            try {
                boolean completed = jobs.complete(job.id(), owner, model, rest).isPresent();
                metrics.overhead("complete", System.nanoTime() - start);
                if (completed) {
                    metrics.outcome("succeeded");
                } else {
                    dropped(job, owner, "lost its lease before completing");
                }
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > giveUp) {
                    // the lease runs out and another attempt renders the job again
                    LOG.warn("generation worker {} could not complete job {}: {}", owner, job.id(), e.toString());
                    return;
                }
                LOG.info("generation worker {} will try again to complete job {}: {}", owner, job.id(), e.toString());
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** Hands a job back to the queue untouched (the worker is stopping), with the frames it finished. */
    private void handBack(JobLease lease, String owner) {
        if (lease.flush() && jobs.release(lease.job().id(), owner)) {
            metrics.outcome("released");
        } else {
            dropped(lease.job(), owner, "lost its lease while stopping");
        }
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

    /** Records a failed attempt; when even that fails (the database is unreachable), the lease runs out instead. */
    private void failed(JobLease lease, String owner, String error, boolean permanent, String model) {
        GenerationJob job = lease.job();
        String message = "frame range %d–%d of %s: %s".formatted(job.frameFrom(), job.frameTo(), job.shotCode(), error);
        Optional<JobState> state;
        try {
            state = lease.flush()
                    ? jobs.fail(job.id(), owner, message, permanent, settings, model) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("generation worker {} could not record the failure of job {} ({}): {}", owner, job.id(), message,
                    e.toString());
            return;
        }
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
}
