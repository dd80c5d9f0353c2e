package io.shotplan.plan.shot.rules;

import java.time.LocalDate;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why a rule matched, in the business's terms: which shot (or episode), which resource, which day and by how much.
 * Fields that do not apply to a rule are empty strings or null dates.
 */
public record Breach(String subject, String resource, LocalDate day, long amount, String unit, String description)
        implements ConstraintJustification {

    @Override
    public String toString() {
        return description;
    }
}
