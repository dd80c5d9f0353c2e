package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;

/**
 * What no plan can beat, from three relaxations of the show, and how far the plan is from it.
 * <ul>
 * <li>Cost: each shot on its cheapest eligible mode, the policy's AI share per episode kept by giving back to artists
 * the AI shots that save least, each mode priced at the least it can cost on any days from the shot's earliest start.
 * With dates ignored this is the cheapest choice there is (per episode, the AI share is a count, so the largest
 * savings win), so every plan that keeps the policy costs at least this much.</li>
 * <li>Delivery: each shot on its fastest mode with unlimited crew and GPUs, started as soon as its plate and its
 * dependencies allow (work under way and pinned starts as they are). An episode that still finishes after its due
 * day is late in every plan, by at least that many working days.</li>
 * <li>Crews ({@link CrewBound}, for shows of up to {@link #CREW_BOUND_UP_TO_SHOTS} shots): the work each discipline
 * and GPU pool can do week by week. It proves days late that the crews force, which unlimited crews cannot, and
 * raises the cost bound where delivering as well as the plan takes dearer modes than the cheapest.</li>
 * </ul>
 *
 * @param costLowerBound the least total cost of any plan within the policy that scores at least as well on budgets
 *        and deliveries
 * @param episodes per episode, the earliest finish any plan can reach and the working days it is late at least
 * @param daysLateAtLeast the working days late, summed over the episodes, of every plan: the episodes' own bounds
 *        summed, or more where the crews prove more
 */
public record PlanBound(BigDecimal costLowerBound, List<EpisodeBound> episodes, int daysLateAtLeast) {

    /**
     * Above this many shots the crews' relaxation is left out: GLOP took 3 s for its days late at 5,000 shots and
     * found no optimum in 20 s at 20,000 (docs/benchmarks.md).
     */
    static final int CREW_BOUND_UP_TO_SHOTS = 5_000;

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

    /** The proof-level statements: episodes that no plan can deliver on time, and the days late the crews force. */
    public List<String> unavoidable() {
        List<String> lines = new ArrayList<>();
        int withUnlimitedCrew = 0;
        for (EpisodeBound e : episodes) {
            if (e.daysLateAtLeast() > 0) {
                lines.add("Even with every shot on its fastest mode and unlimited crew, %s finishes %s, %d working days after %s."
                        .formatted(e.code(), e.earliestFinish(), e.daysLateAtLeast(), e.due()));
                withUnlimitedCrew += e.daysLateAtLeast();
            }
        }
        if (daysLateAtLeast > withUnlimitedCrew) {
            lines.add(("Counting what each discipline and GPU pool can do week by week, no plan is fewer than %d working "
                    + "days late over all episodes together.").formatted(daysLateAtLeast));
        }
        return lines;
    }

    /**
     * The bound of a compiled show, for a plan with {@code planScore}. The crews' relaxation, where
     * {@code countCrews}, bounds the plans that score at least as well, so it is left out for a plan that breaks a
     * hard rule. The cost prices each mode at the least it can cost on any days the shot may take
     * ({@link CompiledShow#leastCost}: where rates rise it is the greedy plan's pricing, where they may fall or an
     * exchange rate moves it is lower), so no schedule's dates can take a plan below it.
     */
    static PlanBound of(CompiledShow compiled, HardMediumSoftLongScore planScore, boolean countCrews) {
        BigDecimal cost = BigDecimal.ZERO;
        for (ExecutionMode mode : Baselines.cheapestWithinPolicy(compiled, compiled::leastCost)) {
            cost = cost.add(compiled.leastCost(mode).setScale(2, RoundingMode.HALF_EVEN));
        }
        List<Activity> activities = compiled.schedule().getActivities();
        int[] finish = earliestFinishes(activities);
        int[] episodeFinish = new int[compiled.episodes().size()];
        for (Activity activity : activities) {
            int e = compiled.episodeOf(activity.getIndex());
            episodeFinish[e] = Math.max(episodeFinish[e], finish[activity.getIndex()]);
        }
        List<EpisodeBound> episodes = new ArrayList<>();
        int daysLate = 0;
        for (int e = 0; e < compiled.episodes().size(); e++) {
            int due = compiled.duePeriod(e);
            int late = Math.max(0, episodeFinish[e] - due);
            episodes.add(new EpisodeBound(compiled.episodes().get(e).code(), compiled.days().lastDay(episodeFinish[e]),
                    compiled.days().lastDay(due), late));
            daysLate += late;
        }
        if (countCrews && planScore.hardScore() == 0 && activities.size() <= CREW_BOUND_UP_TO_SHOTS) {
            try (CrewBound crews = CrewBound.of(compiled, episodeFinish)) {
                daysLate = Math.max(daysLate, crews.daysLateAtLeast().orElse(0));
                cost = cost.max(crews.costAtLeastCents(-planScore.mediumScore()).map(CompiledShow::money).orElse(BigDecimal.ZERO));
            }
        }
        return new PlanBound(cost, episodes, daysLate);
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
