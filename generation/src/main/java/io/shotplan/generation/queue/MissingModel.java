package io.shotplan.generation.queue;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An AI capability that a plan sends shots to but that no registered model runs: dispatch will skip those shots, so
 * the plan says so before anyone dispatches.
 *
 * @param capability the capability code, e.g. {@code roto-ai}
 * @param shots      the plan's in-house AI shots on it
 */
public record MissingModel(String capability, int shots) {

    /** One line for a printout, e.g. "No model is registered for roto-ai (30 AI shots): dispatch skips them." */
    public static String line(List<MissingModel> missing) {
        return "No model is registered for " + missing.stream()
                .map(m -> "%s (%d AI shot%s)".formatted(m.capability(), m.shots(), m.shots() == 1 ? "" : "s"))
                .collect(Collectors.joining(", ")) + ": dispatch skips them.";
    }
}
