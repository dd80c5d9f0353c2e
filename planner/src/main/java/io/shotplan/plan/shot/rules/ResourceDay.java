package io.shotplan.plan.shot.rules;

import java.time.LocalDate;

/** What one resource (a discipline's artists, a GPU pool's hours) can supply on one working day, in hundredths. */
public record ResourceDay(String resource, Kind kind, int period, LocalDate date, int capacity) {

    public enum Kind {
        ARTISTS,
        GPU_HOURS
    }

    public int periodEnd() {
        return period + 1;
    }
}
