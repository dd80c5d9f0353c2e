package io.shotplan.plan.solver;

import java.util.List;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.calculator.IncrementalScoreCalculator;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.domain.ProjectSchedule;

/**
 * Scores a project by decoding it, replaying from the first list position where it differs from the last decoded
 * solution when the decoder can replay (plain serial scheme), in full otherwise (with justification). The serial
 * schedule-generation scheme is inherently sequential (moving one activity can shift every later one), so there is no
 * cheaper delta to keep than the decode itself: this calculator skips Timefold's constraint-stream machinery and
 * re-decodes on primitive arrays, which is what makes it fast.
 * <p>
 * Where the change starts is found by comparing the list and modes with those decoded, not from the variable events:
 * local search undoes a rejected move and redoes an accepted one without scoring, so the events of one scoring span
 * several moves and start earlier than the actual difference. When the solution is closer to the decode before the
 * last one (the last move was undone), the decoder takes its last replay back and replays against that one.
 */
public final class ProjectScoreCalculator implements IncrementalScoreCalculator<ProjectSchedule, HardMediumSoftLongScore> {

    private ProjectSchedule solution;
    private SerialScheduleDecoder decoder;
    private ExecutionMode[] modes;
    /** Set when activities joined or left the list or the project: the next decode starts from scratch. */
    private boolean fromScratch;
    /** The list (activity indexes) and modes of the last decode ... */
    private Decoded last;
    /** ... and of the one before it, which the decoder can return to. */
    private Decoded previous;

    /** A decoded list and its modes. */
    private record Decoded(int[] order, ExecutionMode[] modes) {

        Decoded(int n) {
            this(new int[n], new ExecutionMode[n]);
        }

        /** The first list position where the given list or the mode of the activity there differs from this one. */
        int firstDifference(List<Activity> list, ExecutionMode[] currentModes) {
            for (int p = 0; p < order.length; p++) {
                int a = list.get(p).getIndex();
                if (order[p] != a || modes[a] != currentModes[a]) {
                    return p;
                }
            }
            return order.length;
        }

        void remember(List<Activity> list, ExecutionMode[] currentModes) {
            for (int p = 0; p < order.length; p++) {
                order[p] = list.get(p).getIndex();
            }
            System.arraycopy(currentModes, 0, modes, 0, modes.length);
        }
    }

    @Override
    public void resetWorkingSolution(ProjectSchedule workingSolution) {
        this.solution = workingSolution;
        this.decoder = new SerialScheduleDecoder(workingSolution);
        int n = workingSolution.getActivities().size();
        this.modes = new ExecutionMode[n];
        this.last = new Decoded(n);
        this.previous = new Decoded(n);
        this.fromScratch = true;
    }

    @Override
    public void beforeEntityAdded(Object entity) {
        fromScratch = true;
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
    public void beforeListVariableChanged(Object entity, String variableName, int fromIndex, int toIndex) {
    }

    @Override
    public void afterListVariableChanged(Object entity, String variableName, int fromIndex, int toIndex) {
    }

    @Override
    public void afterListVariableElementAssigned(String variableName, Object element) {
        fromScratch = true;
    }

    @Override
    public void afterListVariableElementUnassigned(String variableName, Object element) {
        fromScratch = true;
    }

    @Override
    public void beforeEntityRemoved(Object entity) {
        fromScratch = true;
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
        // activities missing from the list (before construction) make every position uncertain
        boolean complete = order.size() == modes.length;
        boolean replay = complete && !fromScratch && !solution.isJustify();
        int firstChanged = 0;
        if (replay) {
            firstChanged = last.firstDifference(order, modes);
            if (decoder.canTakeBackLastReplay()) {
                int fromPrevious = previous.firstDifference(order, modes);
                if (fromPrevious > firstChanged) {
                    decoder.takeBackLastReplay();
                    firstChanged = fromPrevious;
                    Decoded swap = last;
                    last = previous;
                    previous = swap;
                }
            }
        }
        int makespan = decoder.decode(order, modes, solution.isJustify(), firstChanged);
        if (complete && !solution.isJustify()) {
            Decoded swap = previous;
            previous = last;
            last = swap;
            last.remember(order, modes);
        }
        fromScratch = !complete;
        return solution.getObjective().score(modes, decoder.start(), decoder.finish(), makespan,
                decoder.capacityExcess());
    }
}
