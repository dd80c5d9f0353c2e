package io.shotplan.plan.domain;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Turns a decoded schedule into a score. PSPLIB scores makespan; a show scores budgets, lateness, cost and churn.
 * Implementations must be pure functions of their arguments, or incremental scoring would corrupt.
 */
public interface ScheduleObjective {

    /**
     * @param modes the chosen mode of each activity, by activity index
     * @param start start period of each activity, by activity index
     * @param finish finish period (exclusive) of each activity, by activity index
     * @param makespan the latest finish
     * @param capacityExcess sum over activities of the renewable demand that can never fit any period
     */
    HardMediumSoftLongScore score(ExecutionMode[] modes, int[] start, int[] finish, int makespan, long capacityExcess);
}
