package io.shotplan.plan.solver;

import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.calculator.IncrementalScoreCalculator;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ProjectSchedule;

/**
 * Scores a project by decoding it. The serial schedule-generation scheme is inherently sequential (moving one
 * activity can shift every later one), so there is no cheaper delta to keep than the decode itself: this calculator
 * skips Timefold's constraint-stream machinery and re-decodes on primitive arrays, which is what makes it fast.
 */
public final class ProjectScoreCalculator implements IncrementalScoreCalculator<ProjectSchedule, HardMediumSoftLongScore> {

    private ProjectSchedule solution;
    private SerialScheduleDecoder decoder;
    private ExecutionMode[] modes;

    @Override
    public void resetWorkingSolution(ProjectSchedule workingSolution) {
        this.solution = workingSolution;
        this.decoder = new SerialScheduleDecoder(workingSolution);
        this.modes = new ExecutionMode[workingSolution.getActivities().size()];
    }

    @Override
    public void beforeEntityAdded(Object entity) {
    }

    @Override
    public void afterEntityAdded(Object entity) {
    }

    @Override
    public void beforeVariableChanged(Object entity, String variableName) {
    }

    @Override
    public void afterVariableChanged(Object entity, String variableName) {
    }

    @Override
    public void beforeEntityRemoved(Object entity) {
    }

    @Override
    public void afterEntityRemoved(Object entity) {
    }

    @Override
    public HardMediumSoftLongScore calculateScore() {
        List<Activity> activities = solution.getActivities();
        for (int i = 0; i < modes.length; i++) {
            Activity activity = activities.get(i);
            ExecutionMode mode = activity.getMode();
            // an unassigned mode only occurs before construction; score it as its first option
            modes[i] = mode != null ? mode : activity.getModeOptions().get(0);
        }
        int makespan = decoder.decode(solution.getSequence().getActivities(), modes, solution.isJustify());
        return solution.getObjective().score(modes, decoder.start(), decoder.finish(), makespan,
                decoder.capacityExcess());
    }
}
