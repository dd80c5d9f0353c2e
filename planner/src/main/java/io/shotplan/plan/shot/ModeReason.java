package io.shotplan.plan.shot;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Why a shot got its mode: the best alternative's cost and working days, what switching to it would do to the
 * plan's score (computed by re-scoring the plan with only that shot switched), and the rule that decided.
 *
 * @param decidedBy the rule whose part of the score gets worse with the alternative, e.g. "total cost",
 *        "episode delivery", "AI share per episode"; or "eligibility", "pin", "in progress or done"
 * @param savedAgainstAlternative money the chosen mode saves against the alternative (negative: it costs more)
 */
public record ModeReason(String decidedBy, Optional<String> alternativeMode, Optional<BigDecimal> alternativeCost,
        Optional<Integer> alternativeDays, BigDecimal savedAgainstAlternative, String summary) {
}
