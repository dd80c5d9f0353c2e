package io.shotplan.plan.shot.rules;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * A decoded show plan laid out for the business rules: the shots with their modes and dates, the resource days,
 * the episode and show limits, and the producer's weights as constraint weight overrides.
 */
@PlanningSolution
public class ShowPlanCheck {

    @PlanningEntityCollectionProperty
    private List<ShotPlacement> shots;
    @ProblemFactCollectionProperty
    private List<ResourceDay> resourceDays;
    @ProblemFactCollectionProperty
    private List<EpisodeLimit> episodes;
    @ProblemFactProperty
    private ShowLimit showLimit;
    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides;
    @PlanningScore
    private HardMediumSoftLongScore score;

    public ShowPlanCheck() {
    }

    public ShowPlanCheck(List<ShotPlacement> shots, List<ResourceDay> resourceDays, List<EpisodeLimit> episodes,
            ShowLimit showLimit, ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides) {
        this.shots = shots;
        this.resourceDays = resourceDays;
        this.episodes = episodes;
        this.showLimit = showLimit;
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    public List<ShotPlacement> getShots() {
        return shots;
    }

    public List<ResourceDay> getResourceDays() {
        return resourceDays;
    }

    public List<EpisodeLimit> getEpisodes() {
        return episodes;
    }

    public ShowLimit getShowLimit() {
        return showLimit;
    }

    public ConstraintWeightOverrides<HardMediumSoftLongScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides) {
        this.constraintWeightOverrides = overrides;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
