package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.util.List;

/**
 * The planner's answer for a show: every shot's mode and dates with its reason, every episode's cost, finish and
 * slack, the totals, and the score in words.
 *
 * @param feasible no hard rule is broken (capacity, precedence, plate dates, eligibility, pins, AI share)
 * @param withinLimits feasible, and every budget and delivery date is met
 * @param baselines the rule-of-thumb plans beside this one ({@link Baseline}): all-traditional and greedy
 * @param bound what no plan can beat ({@link PlanBound}): the least cost within the policy, the earliest finishes
 */
public record ShowPlan(String showCode, List<PlannedShot> shots, List<EpisodePlan> episodes, BigDecimal totalCost,
        BigDecimal spendableBudget, String score, boolean feasible, boolean withinLimits, List<String> explanation,
        List<String> assumptions, long solveMillis, List<Baseline> baselines, PlanBound bound) {

    public ShowPlan {
        shots = List.copyOf(shots);
        episodes = List.copyOf(episodes);
        explanation = List.copyOf(explanation);
        assumptions = List.copyOf(assumptions);
        baselines = List.copyOf(baselines);
    }

    public ShowPlan withExplanation(List<String> explanation) {
        return new ShowPlan(showCode, shots, episodes, totalCost, spendableBudget, score, feasible, withinLimits,
                explanation, assumptions, solveMillis, baselines, bound);
    }

    public PlannedShot shot(String code) {
        return shots.stream().filter(s -> s.shotCode().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No shot " + code + " in the plan."));
    }

    public EpisodePlan episode(String code) {
        return episodes.stream().filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No episode " + code + " in the plan."));
    }

    /** The shots whose mode choice saved the most against their best alternative: what the demo highlights. */
    public List<PlannedShot> biggestSavings(int count) {
        return shots.stream()
                .filter(s -> s.reason().savedAgainstAlternative().signum() > 0)
                .sorted(java.util.Comparator.comparing((PlannedShot s) -> s.reason().savedAgainstAlternative()).reversed())
                .limit(count)
                .toList();
    }

    /** How far this plan's cost can at most be above the best possible, in percent. */
    public BigDecimal costGapPercent() {
        return bound.costGapPercent(totalCost);
    }

    public long aiShotCount() {
        return shots.stream().filter(PlannedShot::isAi).count();
    }
}
