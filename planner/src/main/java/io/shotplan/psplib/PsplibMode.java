package io.shotplan.psplib;

import java.util.List;

/** One execution mode of a PSPLIB job: its duration, per-period renewable demand and total non-renewable demand. */
public record PsplibMode(int number, int duration, List<Integer> renewableDemand, List<Integer> nonRenewableDemand) {

    public PsplibMode {
        renewableDemand = List.copyOf(renewableDemand);
        nonRenewableDemand = List.copyOf(nonRenewableDemand);
        if (duration < 0) {
            throw new IllegalArgumentException("Mode " + number + " has a negative duration (" + duration + ").");
        }
    }
}
