package io.shotplan.plan.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ScheduleObjective;

/**
 * The PSPLIB objective. Hard: non-renewable overuse (and renewable demand no period can supply). Medium: makespan.
 * Soft stays 0: a tie-breaker (sum of finish times) was tried and made late acceptance stop wandering across
 * equal-makespan plateaus, which cost optimal solutions on j10-j20.
 */
public record MakespanObjective(long[] nonRenewableCapacity) implements ScheduleObjective {

    @Override
    public HardMediumSoftLongScore score(ExecutionMode[] modes, int[] start, int[] finish, int makespan,
            long capacityExcess) {
        long overuse = nonRenewableOveruse(modes, nonRenewableCapacity);
        return HardMediumSoftLongScore.of(-(overuse + capacityExcess), -makespan, 0);
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
