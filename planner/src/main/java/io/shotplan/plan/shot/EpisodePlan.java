package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One episode in the plan. {@code due} is the delivery date less the review buffer; {@code slackDays} is how many
 * working days before it the last shot finishes (negative: late).
 */
public record EpisodePlan(String code, BigDecimal cost, BigDecimal budget, LocalDate finish, LocalDate due,
        LocalDate delivery, int slackDays, int aiShots, int traditionalShots) {

    public BigDecimal overBudget() {
        return cost.subtract(budget).max(BigDecimal.ZERO);
    }

    public boolean isLate() {
        return slackDays < 0;
    }
}
