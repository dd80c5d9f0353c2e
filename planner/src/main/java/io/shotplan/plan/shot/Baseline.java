package io.shotplan.plan.shot;

import java.math.BigDecimal;

/**
 * A plan summed up for comparison: what the spreadsheet's rules of thumb would give (every shot by artists; every
 * shot on its cheapest eligible mode), scheduled on the same calendar with the same pins and policy, beside the
 * planner's own.
 *
 * @param lateEpisodes episodes whose last shot finishes after their due day (delivery less the review buffer)
 * @param daysLate working days late, summed over the episodes
 * @param overBudget money over the episodes' budgets, summed
 */
public record Baseline(String name, BigDecimal totalCost, int lateEpisodes, int daysLate, BigDecimal overBudget,
        long aiShots, String score) {

    public static final String ALL_TRADITIONAL = "all-traditional";
    public static final String GREEDY = "greedy (cheapest eligible mode)";

    /** The same figures for a plan, so that it can stand beside the baselines. */
    public static Baseline of(String name, ShowPlan plan) {
        int late = 0;
        int days = 0;
        BigDecimal over = BigDecimal.ZERO;
        for (EpisodePlan e : plan.episodes()) {
            if (e.isLate()) {
                late++;
                days -= e.slackDays();
            }
            over = over.add(e.overBudget());
        }
        return new Baseline(name, plan.totalCost(), late, days, over, plan.aiShotCount(), plan.score());
    }
}
