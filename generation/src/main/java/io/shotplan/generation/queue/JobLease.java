package io.shotplan.generation.queue;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job a worker has claimed: its lease, renewed by a heartbeat from the moment of the claim, and the frames finished
 * since the last beat, which each beat records. A beat holds {@code writing} while it writes, and the job's last write
 * (completion, failure, hand-back) takes the frames only under it, so the same frames are never recorded twice; the
 * worker adding a frame never waits for a beat's round trip.
 */
final class JobLease {

    private static final Logger LOG = LoggerFactory.getLogger(JobLease.class);

    private final GenerationJob job;
    private final String owner;
    private final JobRepository jobs;
    private final QueueSettings settings;
    private final GenerationMetrics metrics;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final ScheduledFuture<?> heartbeat;
    private final Object writing = new Object();
    private FramesDone unrecorded = FramesDone.NONE; // guarded by this
    private boolean finished; // guarded by writing

    JobLease(GenerationJob job, String owner, JobRepository jobs, QueueSettings settings, GenerationMetrics metrics,
             ScheduledExecutorService heartbeats) {
        this.job = job;
        this.owner = owner;
        this.jobs = jobs;
        this.settings = settings;
        this.metrics = metrics;
        long period = settings.heartbeat().toMillis();
        this.heartbeat = heartbeats.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    GenerationJob job() {
        return job;
    }

    /** Whether a heartbeat found the job no longer this worker's (paused, cancelled or taken over). */
    boolean lost() {
        return lost.get();
    }

    synchronized void add(FrameProcessor.FrameResult frame) {
        unrecorded = unrecorded.plus(frame);
    }

    /** Stops the heartbeat and returns the frames not yet recorded, for the job's last write. */
    FramesDone finish() {
        synchronized (writing) {
            finished = true;
            heartbeat.cancel(false);
            return take();
        }
    }

    /**
     * Records the frames not yet recorded before the job is handed back or failed, so that a resumed job skips them
     * and a bill includes their time; false when the job is no longer this worker's.
     */
    boolean flush() {
        return jobs.heartbeat(job.id(), owner, finish(), settings.lease());
    }

    /** Stops the heartbeat without recording anything (the lease then runs out). */
    void abandon() {
        heartbeat.cancel(false);
    }

    /** One heartbeat: renews the lease and records the frames finished since the last one. */
    private void beat() {
        synchronized (writing) {
            if (finished) {
                return;
            }
            FramesDone done = take();
            long t = System.nanoTime();
            try {
                if (!jobs.heartbeat(job.id(), owner, done, settings.lease())) {
                    lost.set(true);
                }
                if (!done.isEmpty()) {
                    metrics.overhead("progress", System.nanoTime() - t);
                }
            } catch (RuntimeException e) {
                putBack(done); // the database is unreachable: the next beat records them
                LOG.warn("heartbeat of job {} failed: {}", job.id(), e.toString());
            }
        }
    }

    private synchronized FramesDone take() {
        FramesDone taken = unrecorded;
        unrecorded = FramesDone.NONE;
        return taken;
    }

    private synchronized void putBack(FramesDone taken) {
        unrecorded = taken.plus(unrecorded);
    }
}
