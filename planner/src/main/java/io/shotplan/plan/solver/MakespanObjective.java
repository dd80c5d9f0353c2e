package io.shotplan.plan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ScheduleObjective;

/**
 * The PSPLIB objective. Hard: non-renewable overuse (and renewable demand no period can supply). Medium: makespan.
 * Soft: the sum of finish times, only as a tie-breaker, so the search prefers the more compact of two schedules
 * with equal makespan; it never trades makespan for it.
 */
public record MakespanObjective(long[] nonRenewableCapacity, boolean compactnessTieBreak) implements ScheduleObjective {

    @Override
    public HardMediumSoftLongScore score(ExecutionMode[] modes, int[] start, int[] finish, int makespan,
            long capacityExcess) {
        long overuse = nonRenewableOveruse(modes, nonRenewableCapacity);
        long soft = 0;
        if (compactnessTieBreak) {
            for (int f : finish) {
                soft += f;
            }
        }
        return HardMediumSoftLongScore.of(-(overuse + capacityExcess), -makespan, -soft);
    }

    static long nonRenewableOveruse(ExecutionMode[] modes, long[] capacity) {
        long overuse = 0;
        for (int k = 0; k < capacity.length; k++) {
            long used = 0;
            for (ExecutionMode mode : modes) {
                used += mode.nonRenewableDemand()[k];
            }
            overuse += Math.max(0, used - capacity[k]);
        }
        return overuse;
    }
}
