package io.shotplan.generation.queue;

import java.time.Duration;

/**
 * Tuning of the job queue; {@link #defaults()} suits production, tests shorten the times.
 *
 * @param lease        how long a claim lasts without a heartbeat; a dead worker's job is picked up after this
 * @param heartbeat    how often a busy worker renews its lease and records the frames it has finished (well under
 *                     {@code lease}); a pause or cancel reaches a busy worker within this time
 * @param idlePoll     how long an idle worker waits before looking for work again
 * @param backoffBase  the delay before the first retry; doubled for each further attempt
 * @param backoffMax   the longest delay between attempts
 * @param framesPerJob a shot longer than this is split into frame ranges, one job each
 * @param maxAttempts  attempts before a job is failed and its shot flagged for re-planning
 */
public record QueueSettings(Duration lease, Duration heartbeat, Duration idlePoll, Duration backoffBase,
                            Duration backoffMax, int framesPerJob, int maxAttempts) {

    public QueueSettings {
        if (heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("heartbeat (%s) must be shorter than the lease (%s)".formatted(heartbeat, lease));
        }
        if (framesPerJob < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("framesPerJob and maxAttempts must be at least 1");
        }
    }

    public static QueueSettings defaults() {
        return new QueueSettings(Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofMinutes(10), 100, 3);
    }

    public Duration backoff(int attemptsSoFar) {
        long factor = 1L << Math.min(20, Math.max(0, attemptsSoFar - 1));
        Duration d = backoffBase.multipliedBy(factor);
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }
}
