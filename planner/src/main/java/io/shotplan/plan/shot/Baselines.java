package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.solver.ProjectSolver;
import io.shotplan.show.WorkMode;

/**
 * The two plans a producer could make without the planner, computed for every plan so that it can show it beats
 * them: all-traditional (every shot by artists) and greedy (every shot on its cheapest eligible mode, the policy's AI
 * share per episode kept by giving back to artists the AI shots that save least). Both keep pins and work under way,
 * and are scheduled by the engine's decoder on the same calendar, in the construction's order, without search.
 */
final class Baselines {

    private Baselines() {
    }

    static ProjectSolver.Result allTraditional(CompiledShow compiled) {
        ExecutionMode[] modes = new ExecutionMode[compiled.shots().size()];
        for (Activity activity : compiled.schedule().getActivities()) {
            // a pin or work under way may leave only an AI mode: it is kept, as the producer would
            modes[activity.getIndex()] = activity.getModeOptions().stream()
                    .filter(m -> compiled.estimate(m).mode() instanceof WorkMode.Traditional)
                    .findFirst().orElse(activity.getModeOptions().get(0));
        }
        return ProjectSolver.scheduleWithModes(compiled.schedule(), modes);
    }

    static ProjectSolver.Result greedy(CompiledShow compiled) {
        return ProjectSolver.scheduleWithModes(compiled.schedule(),
                cheapestWithinPolicy(compiled, m -> compiled.estimate(m).totalCost()));
    }

    /**
     * Each shot on its cheapest eligible mode at {@code price}, then, per episode over the policy's AI share, the AI
     * shots that save least given back to artists: the cheapest choice there is within the policy, whatever the dates.
     */
    static ExecutionMode[] cheapestWithinPolicy(CompiledShow compiled, Function<ExecutionMode, BigDecimal> price) {
        List<Activity> activities = compiled.schedule().getActivities();
        ExecutionMode[] modes = new ExecutionMode[activities.size()];
        for (Activity activity : activities) {
            modes[activity.getIndex()] = activity.getModeOptions().stream().min(Comparator.comparing(price)).orElseThrow();
        }
        for (int e = 0; e < compiled.episodes().size(); e++) {
            // the AI shots that could go back to artists, and how many AI shots the episode has in all
            List<Activity> aiShots = new ArrayList<>();
            int aiInEpisode = 0;
            for (Activity activity : activities) {
                if (compiled.episodeOf(activity.getIndex()) == e && isAi(compiled, modes[activity.getIndex()])) {
                    aiInEpisode++;
                    if (traditional(compiled, activity) != null) {
                        aiShots.add(activity);
                    }
                }
            }
            int excess = aiInEpisode - compiled.maxAiShots(e);
            aiShots.sort(Comparator.comparing(
                    a -> price.apply(traditional(compiled, a)).subtract(price.apply(modes[a.getIndex()]))));
            for (int k = 0; k < excess && k < aiShots.size(); k++) {
                Activity activity = aiShots.get(k);
                modes[activity.getIndex()] = traditional(compiled, activity);
            }
        }
        return modes;
    }

    private static boolean isAi(CompiledShow compiled, ExecutionMode mode) {
        return !(compiled.estimate(mode).mode() instanceof WorkMode.Traditional);
    }

    private static ExecutionMode traditional(CompiledShow compiled, Activity activity) {
        return activity.getModeOptions().stream().filter(m -> !isAi(compiled, m)).findFirst().orElse(null);
    }
}
