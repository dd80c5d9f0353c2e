package io.shotplan.plan.domain;

import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * A job of the project (a PSPLIB job, a shot). Its mode is chosen by the solver; its position in the
 * {@link ActivitySequence} is its scheduling priority. Predecessors, release period and an optional fixed start
 * (work in progress or done) are facts.
 */
@PlanningEntity
public class Activity {

    private int index;
    private String label;
    private List<ExecutionMode> modeOptions;
    private int[] predecessors;
    private int[] successors;
    private int releasePeriod;
    /** -1 when the solver may place the activity; otherwise the period it is fixed to start in. */
    private int fixedStart = -1;
    /** The period the activity should finish by (exclusive), for construction priorities; MAX_VALUE when none. */
    private int duePeriod = Integer.MAX_VALUE;

    @PlanningVariable
    private ExecutionMode mode;

    public Activity() {
    }

    public Activity(int index, String label, List<ExecutionMode> modeOptions, int[] predecessors, int[] successors,
            int releasePeriod, int fixedStart) {
        if (modeOptions.isEmpty()) {
            throw new IllegalArgumentException("Activity " + label + " has no mode to choose from.");
        }
        this.index = index;
        this.label = label;
        this.modeOptions = List.copyOf(modeOptions);
        this.predecessors = predecessors;
        this.successors = successors;
        this.releasePeriod = releasePeriod;
        this.fixedStart = fixedStart;
    }

    @ValueRangeProvider
    public List<ExecutionMode> getModeOptions() {
        return modeOptions;
    }

    public int getIndex() {
        return index;
    }

    public String getLabel() {
        return label;
    }

    public int[] predecessors() {
        return predecessors;
    }

    public int[] successors() {
        return successors;
    }

    public int getReleasePeriod() {
        return releasePeriod;
    }

    public int getFixedStart() {
        return fixedStart;
    }

    public int getDuePeriod() {
        return duePeriod;
    }

    public void setDuePeriod(int duePeriod) {
        this.duePeriod = duePeriod;
    }

    public boolean isFixed() {
        return fixedStart >= 0;
    }

    public ExecutionMode getMode() {
        return mode;
    }

    public void setMode(ExecutionMode mode) {
        this.mode = mode;
    }

    @Override
    public String toString() {
        return label;
    }
}
