package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
        lines.add("%-8s %5s %5s %14s %14s %7s %12s %12s %6s".formatted("Episode", "AI", "Trad.", "Cost", "Budget",
                "Of bud.", "Finish", "Due", "Slack"));
        for (EpisodePlan e : plan.episodes()) {
            lines.add("%-8s %5d %5d %14s %14s %6s%% %12s %12s %6d%s".formatted(e.code(), e.aiShots(),
                    e.traditionalShots(), money(e.cost()), money(e.budget()), percent(e.cost(), e.budget()), e.finish(),
                    e.due(), e.slackDays(), e.overBudget().signum() > 0 || e.isLate() ? "  MISSED" : ""));
        }
        lines.add("Total %s of %s spendable (%s); %d of %d shots by AI".formatted(money(plan.totalCost()),
                money(plan.spendableBudget()), currency, plan.aiShotCount(), plan.shots().size()));
        lines.addAll(beside(plan, currency));
        for (PlannedShot shot : plan.biggestSavings(3)) {
            lines.add("saved most: %-16s %-32s saves %s against %s (%s)".formatted(shot.shotCode(), shot.modeLabel(),
                    money(shot.reason().savedAgainstAlternative()), shot.reason().alternativeMode().orElse("-"),
                    shot.reason().decidedBy()));
        }
        lines.add("Score " + plan.score());
        lines.addAll(plan.explanation());
        return lines;
    }

    /** The plan beside the spreadsheet's rules of thumb, on the same calendar, pins and policy. */
    static List<String> beside(ShowPlan plan, String currency) {
        if (plan.baselines().isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("%-34s %16s %6s %9s %14s %6s".formatted("Beside the rules of thumb", "Cost (" + currency + ")",
                "Late", "Days late", "Over budget", "AI"));
        List<Baseline> rows = new ArrayList<>();
        rows.add(Baseline.of("this plan", plan));
        rows.addAll(plan.baselines());
        for (Baseline b : rows) {
            lines.add("%-34s %16s %6d %9d %14s %6d".formatted(b.name(), money(b.totalCost()), b.lateEpisodes(),
                    b.daysLate(), money(b.overBudget()), b.aiShots()));
        }
        for (Baseline b : plan.baselines()) {
            if (b.totalCost().signum() > 0) {
                BigDecimal saved = b.totalCost().subtract(plan.totalCost());
                lines.add("against %s: %s %s (%s%%)".formatted(b.name(), saved.signum() >= 0 ? "saves" : "costs",
                        money(saved.abs()), percent(saved.abs(), b.totalCost())));
            }
        }
        return lines;
    }

    /** Money as people read it: grouped thousands, cents, rounded half-even once, here. */
    static String money(BigDecimal amount) {
        return "%,.2f".formatted(amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? "-"
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_EVEN).toString();
    }
}
