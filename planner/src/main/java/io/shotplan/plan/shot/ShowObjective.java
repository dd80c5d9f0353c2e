package io.shotplan.plan.shot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ScheduleObjective;
import io.shotplan.plan.shot.rules.ShowPlanConstraints;

/**
 * The show's score on a decoded schedule, computed on arrays because it runs on every move. The same rules, one
 * per method and with justifications, live in {@link ShowPlanConstraints}; {@link Parts#byRule} names each part by
 * its constraint, and a test compares the two rule by rule.
 */
public final class ShowObjective implements ScheduleObjective {

    /** The parts of the score, in the business's units. */
    public record Parts(long capacityExcess, long aiShareExcess, long episodeOverBudgetCents, long showOverBudgetCents,
            long lateDays, long costCents, long finishDays, long modeChanges, long daysMoved) {

        public HardMediumSoftLongScore score(PlanWeights w) {
            long hard = capacityExcess + aiShareExcess;
            long medium = w.overBudgetPerCent() * (episodeOverBudgetCents + showOverBudgetCents) + w.lateDay() * lateDays;
            long soft = w.costPerCent() * costCents + w.finishDay() * finishDays
                    + w.churnModeChange() * modeChanges + w.churnDayMoved() * daysMoved;
            return HardMediumSoftLongScore.of(-hard, -medium, -soft);
        }

        /**
         * Each rule's part of {@link #score}, under the name of the constraint that explains it. The decoder never
         * breaks precedence, plates, eligibility or pins, and counts artists and GPU-hours over capacity together.
         */
        public Map<String, HardMediumSoftLongScore> byRule(PlanWeights w) {
            Map<String, HardMediumSoftLongScore> rules = new LinkedHashMap<>();
            rules.put(CAPACITY, HardMediumSoftLongScore.ofHard(-capacityExcess));
            for (String decoded : List.of(ShowPlanConstraints.DEPENDENCY, ShowPlanConstraints.PLATE_READY,
                    ShowPlanConstraints.AI_ELIGIBILITY, ShowPlanConstraints.PINNED_MODE, ShowPlanConstraints.PINNED_START)) {
                rules.put(decoded, HardMediumSoftLongScore.ZERO);
            }
            rules.put(ShowPlanConstraints.AI_SHARE, HardMediumSoftLongScore.ofHard(-aiShareExcess));
            rules.put(ShowPlanConstraints.EPISODE_BUDGET,
                    HardMediumSoftLongScore.ofMedium(-w.overBudgetPerCent() * episodeOverBudgetCents));
            rules.put(ShowPlanConstraints.SHOW_BUDGET, HardMediumSoftLongScore.ofMedium(-w.overBudgetPerCent() * showOverBudgetCents));
            rules.put(ShowPlanConstraints.EPISODE_DELIVERY, HardMediumSoftLongScore.ofMedium(-w.lateDay() * lateDays));
            rules.put(ShowPlanConstraints.TOTAL_COST, HardMediumSoftLongScore.ofSoft(-w.costPerCent() * costCents));
            rules.put(ShowPlanConstraints.EPISODE_FINISH, HardMediumSoftLongScore.ofSoft(-w.finishDay() * finishDays));
            rules.put(ShowPlanConstraints.CHURN_MODE, HardMediumSoftLongScore.ofSoft(-w.churnModeChange() * modeChanges));
            rules.put(ShowPlanConstraints.CHURN_START, HardMediumSoftLongScore.ofSoft(-w.churnDayMoved() * daysMoved));
            return rules;
        }
    }

    /** The decoder's capacity excess: {@link ShowPlanConstraints#ARTIST_CAPACITY} and {@link ShowPlanConstraints#GPU_CAPACITY} together. */
    public static final String CAPACITY = ShowPlanConstraints.ARTIST_CAPACITY + " + " + ShowPlanConstraints.GPU_CAPACITY;

    private final int[] episodeOf;
    private final long[] costCentsByKey;
    /** Null where no price depends on the day. */
    private final DatedCosts datedCosts;
    private final boolean[] aiByKey;
    private final long[] episodeBudgetCents;
    private final long showBudgetCents;
    private final int[] episodeDuePeriod;
    private final int[] maxAiShots;
    private final int[] previousKey;
    private final int[] previousStart;
    private final PlanWeights weights;
    private final long[] episodeCost;
    private final int[] episodeFinish;
    private final int[] aiShots;

    public ShowObjective(int[] episodeOf, long[] costCentsByKey, DatedCosts datedCosts, boolean[] aiByKey,
            long[] episodeBudgetCents, long showBudgetCents, int[] episodeDuePeriod, int[] maxAiShots, int[] previousKey,
            int[] previousStart, PlanWeights weights) {
        this.episodeOf = episodeOf;
        this.costCentsByKey = costCentsByKey;
        this.datedCosts = datedCosts;
        this.aiByKey = aiByKey;
        this.episodeBudgetCents = episodeBudgetCents;
        this.showBudgetCents = showBudgetCents;
        this.episodeDuePeriod = episodeDuePeriod;
        this.maxAiShots = maxAiShots;
        this.previousKey = previousKey;
        this.previousStart = previousStart;
        this.weights = weights;
        this.episodeCost = new long[episodeBudgetCents.length];
        this.episodeFinish = new int[episodeBudgetCents.length];
        this.aiShots = new int[episodeBudgetCents.length];
    }

    public PlanWeights weights() {
        return weights;
    }

    public int maxAiShots(int episode) {
        return maxAiShots[episode];
    }

    public boolean isAi(ExecutionMode mode) {
        return aiByKey[mode.getKey()];
    }

    /** What the mode costs from the shot's earliest start. */
    public long costCents(ExecutionMode mode) {
        return costCentsByKey[mode.getKey()];
    }

    /** What the mode costs starting at {@code start}: where prices depend on the day, the days it then takes. */
    public long costCents(ExecutionMode mode, int start) {
        return datedCosts == null ? costCentsByKey[mode.getKey()] : datedCosts.cents(mode.getKey(), start);
    }

    @Override
    public HardMediumSoftLongScore score(ExecutionMode[] modes, int[] start, int[] finish, int makespan,
            long capacityExcess) {
        return parts(modes, start, finish, capacityExcess).score(weights);
    }

    /** Not thread-safe: reuses its per-episode arrays. */
    public Parts parts(ExecutionMode[] modes, int[] start, int[] finish, long capacityExcess) {
        java.util.Arrays.fill(episodeCost, 0);
        java.util.Arrays.fill(episodeFinish, 0);
        java.util.Arrays.fill(aiShots, 0);
        long total = 0;
        long modeChanges = 0;
        long daysMoved = 0;
        for (int i = 0; i < modes.length; i++) {
            int key = modes[i].getKey();
            int e = episodeOf[i];
            long cost = datedCosts == null ? costCentsByKey[key] : datedCosts.cents(key, start[i]);
            episodeCost[e] += cost;
            total += cost;
            episodeFinish[e] = Math.max(episodeFinish[e], finish[i]);
            if (aiByKey[key]) {
                aiShots[e]++;
            }
            if (previousKey[i] >= 0) {
                if (previousKey[i] != key) {
                    modeChanges++;
                }
                daysMoved += Math.abs(start[i] - previousStart[i]);
            }
        }
        long aiExcess = 0;
        long episodeOver = 0;
        long late = 0;
        long finishDays = 0;
        for (int e = 0; e < episodeCost.length; e++) {
            aiExcess += Math.max(0, aiShots[e] - maxAiShots[e]);
            episodeOver += Math.max(0, episodeCost[e] - episodeBudgetCents[e]);
            late += Math.max(0, episodeFinish[e] - episodeDuePeriod[e]);
            finishDays += episodeFinish[e];
        }
        return new Parts(capacityExcess, aiExcess, episodeOver, Math.max(0, total - showBudgetCents), late, total,
                finishDays, modeChanges, daysMoved);
    }
}
