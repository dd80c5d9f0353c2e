package io.shotplan.plan.shot.rules;

/** The show's budget less its contingency reserve, in cents. */
public record ShowLimit(long spendableCents) {
}
