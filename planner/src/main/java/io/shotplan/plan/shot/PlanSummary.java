package io.shotplan.plan.shot;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan in a few lines, as the demo prints it: per episode the AI and traditional shot counts, cost against
 * budget and finish against delivery; then the three shots whose mode choice saved the most, and the score in words.
 */
public final class PlanSummary {

    private PlanSummary() {
    }

    public static List<String> lines(ShowPlan plan, String currency) {
        List<String> lines = new ArrayList<>();
        lines.add("%-8s %4s %5s %16s %16s %12s %12s %6s".formatted("episode", "AI", "trad", "cost", "budget",
                "finish", "due", "slack"));
        for (EpisodePlan e : plan.episodes()) {
            lines.add("%-8s %4d %5d %16s %16s %12s %12s %6d%s".formatted(e.code(), e.aiShots(), e.traditionalShots(),
                    e.cost().toPlainString(), e.budget().toPlainString(), e.finish(), e.due(), e.slackDays(),
                    e.overBudget().signum() > 0 || e.isLate() ? "  MISSED" : ""));
        }
        lines.add("total %s %s against %s %s spendable; %d of %d shots by AI".formatted(plan.totalCost().toPlainString(),
                currency, plan.spendableBudget().toPlainString(), currency, plan.aiShotCount(), plan.shots().size()));
        for (PlannedShot shot : plan.biggestSavings(3)) {
            lines.add("saved most: %s %s".formatted(shot.shotCode(), shot.reason().summary()));
        }
        lines.add("score " + plan.score());
        lines.addAll(plan.explanation());
        return lines;
    }
}
