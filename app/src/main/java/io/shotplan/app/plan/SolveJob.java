package io.shotplan.app.plan;

import java.time.Duration;
import java.time.Instant;

/**
 * A solve running in the background, as the API reports it.
 *
 * @param state   SOLVING, DONE, FAILED
 * @param planId  the stored plan, once DONE
 */
public record SolveJob(String id, String show, String scenario, String state, Instant startedAt, long limitMillis,
                       long elapsedMillis, boolean stoppedEarly, String bestScore, Long planId, String error) {

    public static SolveJob started(String id, String show, String scenario, Duration limit) {
        return new SolveJob(id, show, scenario, "SOLVING", Instant.now(), limit.toMillis(), 0, false, null, null, null);
    }
}
