package io.shotplan.plan.shot;

/**
 * How a producer trades the business limits and preferences against each other, all in score points where one point
 * is one cent. Medium: money over a budget (per cent) and days late (per episode and working day). Soft: total cost
 * (per cent), then the episodes' finish (per episode and working day), then churn against the previous plan (per shot
 * whose mode changes, per working day a start moves). Hard rules (capacity, precedence, plate dates, eligibility, pins,
 * the AI share) have no weight: they are never traded.
 */
public record PlanWeights(long overBudgetPerCent, long lateDay, long costPerCent, long finishDay, long churnModeChange,
        long churnDayMoved) {

    /**
     * A day late weighs like 5,000.00 over budget (about a week of one artist); an episode finishing a day earlier
     * is worth 10.00; changing a shot's mode against the current plan costs like 200.00, moving its start 5.00 a day.
     */
    public static final PlanWeights DEFAULT = new PlanWeights(1, 500_000, 1, 1_000, 20_000, 500);

    public PlanWeights {
        if (overBudgetPerCent < 0 || lateDay < 0 || costPerCent < 0 || finishDay < 0 || churnModeChange < 0
                || churnDayMoved < 0) {
            throw new IllegalArgumentException("Weights cannot be negative: " + this);
        }
    }

    public PlanWeights withOverBudgetPerCent(long value) {
        return new PlanWeights(value, lateDay, costPerCent, finishDay, churnModeChange, churnDayMoved);
    }

    public PlanWeights withLateDay(long value) {
        return new PlanWeights(overBudgetPerCent, value, costPerCent, finishDay, churnModeChange, churnDayMoved);
    }
}
