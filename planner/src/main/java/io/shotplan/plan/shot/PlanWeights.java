package io.shotplan.plan.shot;

/**
 * How a producer trades the business limits and preferences against each other. Medium: money over a budget (per
 * currency unit) and days late (per episode-day). Soft: total cost (per currency unit), then the episodes' finish
 * (per episode-day), then churn against the previous plan (per shot whose mode changes and per day a start moves).
 * Hard rules (capacity, precedence, plate-ready, eligibility, pins, the AI share) have no weight: they are never traded.
 */
public record PlanWeights(long overBudgetPerUnit, long lateDay, long costPerUnit, long finishDay, long churnModeChange,
        long churnDayMoved) {

    /** A day late weighs like 5,000 currency units over budget: about a week of one artist's cost. */
    public static final PlanWeights DEFAULT = new PlanWeights(1, 5_000, 1, 10, 200, 5);

    public PlanWeights {
        if (overBudgetPerUnit < 0 || lateDay < 0 || costPerUnit < 0 || finishDay < 0 || churnModeChange < 0
                || churnDayMoved < 0) {
            throw new IllegalArgumentException("Weights cannot be negative: " + this);
        }
    }

    public PlanWeights withOverBudgetPerUnit(long value) {
        return new PlanWeights(value, lateDay, costPerUnit, finishDay, churnModeChange, churnDayMoved);
    }

    public PlanWeights withLateDay(long value) {
        return new PlanWeights(overBudgetPerUnit, value, costPerUnit, finishDay, churnModeChange, churnDayMoved);
    }
}
