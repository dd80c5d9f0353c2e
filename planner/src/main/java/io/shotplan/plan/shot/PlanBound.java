package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;

/**
 * What no plan can beat, from two relaxations of the show, and how far the plan is from it.
 * <ul>
 * <li>Cost: each shot on its cheapest eligible mode, the policy's AI share per episode kept by giving back to artists
 * the AI shots that save least, each mode priced at the least it can cost on any days from the shot's earliest start.
 * With dates ignored this is the cheapest choice there is (per episode, the AI share is a count, so the largest
 * savings win), so every plan that keeps the policy costs at least this much.</li>
 * <li>Delivery: each shot on its fastest mode with unlimited crew and GPUs, started as soon as its plate and its
 * dependencies allow (work under way and pinned starts as they are). An episode that still finishes after its due
 * day is late in every plan, by at least that many working days.</li>
 * </ul>
 *
 * @param costLowerBound the least total cost of any plan within the policy
 * @param episodes per episode, the earliest finish any plan can reach and the working days it is late at least
 */
public record PlanBound(BigDecimal costLowerBound, List<EpisodeBound> episodes) {

    /** An episode's earliest possible finish (last working day) and how late that is, in working days (0: on time). */
    public record EpisodeBound(String code, LocalDate earliestFinish, LocalDate due, int daysLateAtLeast) {
    }

    public PlanBound {
        episodes = List.copyOf(episodes);
    }

    /** How far the plan's cost can at most be above the best possible: (cost - bound) / bound, in percent. */
    public BigDecimal costGapPercent(BigDecimal planCost) {
        if (costLowerBound.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return planCost.subtract(costLowerBound).multiply(BigDecimal.valueOf(100))
                .divide(costLowerBound, 1, RoundingMode.HALF_EVEN);
    }

    /** The proof-level statements: episodes that no plan can deliver on time. */
    public List<String> unavoidable() {
        List<String> lines = new ArrayList<>();
        for (EpisodeBound e : episodes) {
            if (e.daysLateAtLeast() > 0) {
                lines.add("Even with every shot on its fastest mode and unlimited crew, %s finishes %s, %d working days after %s."
                        .formatted(e.code(), e.earliestFinish(), e.daysLateAtLeast(), e.due()));
            }
        }
        return lines;
    }

    /**
     * The bound of a compiled show. Its cost prices each mode at the least it can cost on any days the shot may take
     * ({@link CompiledShow#leastCost}: where rates rise it is the greedy plan's pricing, where they may fall or an
     * exchange rate moves it is lower), so no schedule's dates can take a plan below it.
     */
    static PlanBound of(CompiledShow compiled) {
        BigDecimal cost = BigDecimal.ZERO;
        for (ExecutionMode mode : Baselines.cheapestWithinPolicy(compiled, compiled::leastCost)) {
            cost = cost.add(compiled.leastCost(mode).setScale(2, RoundingMode.HALF_EVEN));
        }
        List<Activity> activities = compiled.schedule().getActivities();
        int[] finish = earliestFinishes(activities);
        List<EpisodeBound> episodes = new ArrayList<>();
        for (int e = 0; e < compiled.episodes().size(); e++) {
            int episodeFinish = 0;
            for (Activity activity : activities) {
                if (compiled.episodeOf(activity.getIndex()) == e) {
                    episodeFinish = Math.max(episodeFinish, finish[activity.getIndex()]);
                }
            }
            int due = compiled.duePeriod(e);
            episodes.add(new EpisodeBound(compiled.episodes().get(e).code(), compiled.days().lastDay(episodeFinish),
                    compiled.days().lastDay(due), Math.max(0, episodeFinish - due)));
        }
        return new PlanBound(cost, episodes);
    }

    /** Each activity's earliest finish period on its fastest mode, with release dates, fixed starts and precedence. */
    private static int[] earliestFinishes(List<Activity> activities) {
        int n = activities.size();
        int[] finish = new int[n];
        boolean changed = true;
        // dependencies form a DAG; relax until stable rather than rely on any order of the shots
        while (changed) {
            changed = false;
            for (Activity activity : activities) {
                int start = activity.getReleasePeriod();
                for (int p : activity.predecessors()) {
                    start = Math.max(start, finish[p]);
                }
                if (activity.getFixedStart() >= 0) {
                    start = activity.getFixedStart();
                }
                int fastest = activity.getModeOptions().stream().mapToInt(ExecutionMode::getDuration).min().orElseThrow();
                if (start + fastest > finish[activity.getIndex()]) {
                    finish[activity.getIndex()] = start + fastest;
                    changed = true;
                }
            }
        }
        return finish;
    }
}
