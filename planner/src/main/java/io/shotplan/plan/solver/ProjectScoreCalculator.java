package io.shotplan.plan.solver;

import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.calculator.IncrementalScoreCalculator;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ProjectSchedule;

/**
 * Scores a project by decoding it, from the first list position a move touched when the decoder can replay
 * (plain serial scheme), in full otherwise (with justification). The serial schedule-generation scheme is inherently sequential (moving one
 * activity can shift every later one), so there is no cheaper delta to keep than the decode itself: this calculator
 * skips Timefold's constraint-stream machinery and re-decodes on primitive arrays, which is what makes it fast.
 */
public final class ProjectScoreCalculator implements IncrementalScoreCalculator<ProjectSchedule, HardMediumSoftLongScore> {

    private ProjectSchedule solution;
    private SerialScheduleDecoder decoder;
    private ExecutionMode[] modes;
    /** The first list position that may differ from the last decoded solution; 0 = decode everything. */
    private int firstChanged;
    /** List position of each activity in the last decoded solution. */
    private int[] lastPosition;

    @Override
    public void resetWorkingSolution(ProjectSchedule workingSolution) {
        this.solution = workingSolution;
        this.decoder = new SerialScheduleDecoder(workingSolution);
        this.modes = new ExecutionMode[workingSolution.getActivities().size()];
        this.lastPosition = new int[modes.length];
        this.firstChanged = 0;
    }

    @Override
    public void beforeEntityAdded(Object entity) {
        firstChanged = 0;
    }

    @Override
    public void afterEntityAdded(Object entity) {
    }

    @Override
    public void beforeVariableChanged(Object entity, String variableName) {
    }

    @Override
    public void afterVariableChanged(Object entity, String variableName) {
        if (entity instanceof Activity activity) {
            // a mode change only matters from where the activity stands in the list
            firstChanged = Math.min(firstChanged, lastPosition[activity.getIndex()]);
        } else {
            firstChanged = 0;
        }
    }

    @Override
    public void beforeListVariableChanged(Object entity, String variableName, int fromIndex, int toIndex) {
        firstChanged = Math.min(firstChanged, fromIndex);
    }

    @Override
    public void afterListVariableChanged(Object entity, String variableName, int fromIndex, int toIndex) {
        firstChanged = Math.min(firstChanged, fromIndex);
    }

    @Override
    public void afterListVariableElementAssigned(String variableName, Object element) {
        firstChanged = 0;
    }

    @Override
    public void afterListVariableElementUnassigned(String variableName, Object element) {
        firstChanged = 0;
    }

    @Override
    public void beforeEntityRemoved(Object entity) {
        firstChanged = 0;
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
        List<Activity> order = solution.getSequence().getActivities();
        int makespan = decoder.decode(order, modes, solution.isJustify(), firstChanged);
        // activities missing from the list (before construction) make every position uncertain
        boolean complete = order.size() == modes.length;
        for (int p = 0; p < order.size(); p++) {
            lastPosition[order.get(p).getIndex()] = p;
        }
        firstChanged = complete ? Integer.MAX_VALUE : 0;
        return solution.getObjective().score(modes, decoder.start(), decoder.finish(), makespan,
                decoder.capacityExcess());
    }
}
