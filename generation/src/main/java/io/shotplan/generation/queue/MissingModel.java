package io.shotplan.generation.queue;

import io.shotplan.generation.model.ModelRegistry;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An AI capability that a plan sends shots to but that no registered model runs: dispatch will skip those shots, so
 * the plan says so before anyone dispatches.
 *
 * @param capability the capability code, e.g. {@code roto-ai}
 * @param shots      the plan's in-house AI shots on it
 */
public record MissingModel(String capability, int shots) {

    /** The capabilities of {@code shots} that no entry of {@code registry} runs, in code order, with their shots. */
    public static List<MissingModel> of(Collection<PlanDispatcher.AiShot> shots, ModelRegistry registry) {
        return shots.stream()
                .filter(shot -> shot.capability() != null && registry.find(shot.capability()).isEmpty())
                .collect(Collectors.groupingBy(PlanDispatcher.AiShot::capability, TreeMap::new, Collectors.counting()))
                .entrySet().stream()
                .map(e -> new MissingModel(e.getKey(), e.getValue().intValue()))
                .toList();
    }

    /** One line for a printout, e.g. "No model is registered for roto-ai (30 AI shots): dispatch skips them." */
    public static String line(List<MissingModel> missing) {
        return "No model is registered for " + missing.stream()
                .map(m -> "%s (%d AI shot%s)".formatted(m.capability(), m.shots(), m.shots() == 1 ? "" : "s"))
                .collect(Collectors.joining(", ")) + ": dispatch skips them.";
    }
}
