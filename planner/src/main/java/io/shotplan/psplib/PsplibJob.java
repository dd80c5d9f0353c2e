package io.shotplan.psplib;

import java.util.List;

/** A PSPLIB job (1-based number as in the file), its successors (job numbers) and its modes. */
public record PsplibJob(int number, List<Integer> successors, List<PsplibMode> modes) {

    public PsplibJob {
        successors = List.copyOf(successors);
        modes = List.copyOf(modes);
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("Job " + number + " has no mode.");
        }
    }

    public PsplibMode mode(int modeNumber) {
        return modes.get(modeNumber - 1);
    }
}
