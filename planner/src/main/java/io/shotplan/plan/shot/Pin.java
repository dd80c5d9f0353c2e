package io.shotplan.plan.shot;

import java.time.LocalDate;
import java.util.Optional;

/** A supervisor's decision the planner must keep: a shot's mode (by its label), its start date, or both. */
public record Pin(String shotCode, Optional<String> modeLabel, Optional<LocalDate> start) {

    public static Pin mode(String shotCode, String modeLabel) {
        return new Pin(shotCode, Optional.of(modeLabel), Optional.empty());
    }

    public static Pin start(String shotCode, LocalDate start) {
        return new Pin(shotCode, Optional.empty(), Optional.of(start));
    }
}
