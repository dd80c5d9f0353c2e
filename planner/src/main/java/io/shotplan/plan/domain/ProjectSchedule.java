package io.shotplan.plan.domain;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A multi-mode resource-constrained project: activities with modes, a renewable calendar, non-renewable limits.
 * The solver chooses each activity's mode and the activity list; start times follow by decoding.
 */
@PlanningSolution
public class ProjectSchedule {

    private String name;
    private RenewableCalendar calendar;
    private long[] nonRenewableCapacity;
    private String[] nonRenewableNames;
    private ScheduleObjective objective;
    private boolean justify = true;
    private long seed;
    private boolean randomStart;
    /** Per non-renewable resource: whether the score treats its overuse as hard; null means all are hard. */
    private boolean[] nonRenewableHard;

    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<Activity> activities;

    @PlanningEntityProperty
    private ActivitySequence sequence;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public ProjectSchedule() {
    }

    public ProjectSchedule(String name, RenewableCalendar calendar, String[] nonRenewableNames,
            long[] nonRenewableCapacity, List<Activity> activities, ScheduleObjective objective) {
        this.name = name;
        this.calendar = calendar;
        this.nonRenewableNames = nonRenewableNames;
        this.nonRenewableCapacity = nonRenewableCapacity;
        this.activities = activities;
        this.objective = objective;
        this.sequence = new ActivitySequence();
        for (int i = 0; i < activities.size(); i++) {
            if (activities.get(i).getIndex() != i) {
                throw new IllegalArgumentException("Activity " + activities.get(i) + " has index "
                        + activities.get(i).getIndex() + " but sits at " + i + ".");
            }
        }
    }

    public String getName() {
        return name;
    }

    public RenewableCalendar getCalendar() {
        return calendar;
    }

    public long[] nonRenewableCapacity() {
        return nonRenewableCapacity;
    }

    public String[] nonRenewableNames() {
        return nonRenewableNames;
    }

    public ScheduleObjective getObjective() {
        return objective;
    }

    /** Whether scoring applies forward-backward justification after decoding (never worse, costs about 3 decodes). */
    public boolean isJustify() {
        return justify;
    }

    public void setJustify(boolean justify) {
        this.justify = justify;
    }

    /** Seed of the construction phase's own randomness; {@code ProjectSolver} sets it from its settings for each run. */
    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    public boolean isNonRenewableHard(int resource) {
        return nonRenewableHard == null || nonRenewableHard[resource];
    }

    public void setNonRenewableHard(boolean[] nonRenewableHard) {
        this.nonRenewableHard = nonRenewableHard;
    }

    /** Whether construction starts from random modes (a restart) rather than the cheapest ones. */
    public boolean isRandomStart() {
        return randomStart;
    }

    public void setRandomStart(boolean randomStart) {
        this.randomStart = randomStart;
    }

    public List<Activity> getActivities() {
        return activities;
    }

    public ActivitySequence getSequence() {
        return sequence;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
