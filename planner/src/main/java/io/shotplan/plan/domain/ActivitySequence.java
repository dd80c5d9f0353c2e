package io.shotplan.plan.domain;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

/**
 * The activity list: a priority order that the serial schedule-generation scheme turns into start times.
 * An activity is scheduled as soon as all its predecessors are, in list order; so every order decodes to a
 * precedence-feasible schedule and the solver can move activities freely.
 */
@PlanningEntity
public class ActivitySequence {

    @PlanningListVariable
    private List<Activity> activities = new ArrayList<>();

    public ActivitySequence() {
    }

    public List<Activity> getActivities() {
        return activities;
    }

    public void setActivities(List<Activity> activities) {
        this.activities = activities;
    }
}
