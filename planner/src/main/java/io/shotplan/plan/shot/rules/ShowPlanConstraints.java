package io.shotplan.plan.shot.rules;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.max;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumLong;

import java.math.BigDecimal;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The show's business rules on a decoded plan, one method each. The solver scores the same rules on arrays
 * ({@link io.shotplan.plan.shot.ShowObjective}) for speed; these give each match a justification in words and are
 * what the plan's explanation and the verifier tests use. Medium and soft weights come from the producer's
 * {@link io.shotplan.plan.shot.PlanWeights} through constraint weight overrides.
 */
public class ShowPlanConstraints implements ConstraintProvider {

    public static final String ARTIST_CAPACITY = "Artists per discipline per day";
    public static final String GPU_CAPACITY = "GPU hours per pool per day";
    public static final String DEPENDENCY = "Shot starts after the shots it depends on";
    public static final String PLATE_READY = "Shot starts on or after its plate-ready date";
    public static final String AI_ELIGIBILITY = "AI only on eligible shots";
    public static final String PINNED_MODE = "Pinned mode kept";
    public static final String PINNED_START = "Pinned start kept";
    public static final String AI_SHARE = "AI share per episode";
    public static final String EPISODE_BUDGET = "Episode budget";
    public static final String SHOW_BUDGET = "Show budget less contingency";
    public static final String EPISODE_DELIVERY = "Episode delivery less review buffer";
    public static final String TOTAL_COST = "Total cost";
    public static final String EPISODE_FINISH = "Episode finish";
    public static final String CHURN_MODE = "Mode changed against the current plan";
    public static final String CHURN_START = "Start moved against the current plan";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                artistCapacity(factory),
                gpuCapacity(factory),
                dependencyOrder(factory),
                plateReady(factory),
                aiEligibility(factory),
                pinnedMode(factory),
                pinnedStart(factory),
                aiSharePerEpisode(factory),
                episodeBudget(factory),
                showBudget(factory),
                episodeDelivery(factory),
                totalCost(factory),
                episodeFinish(factory),
                modeChurn(factory),
                startChurn(factory)
        };
    }

    Constraint artistCapacity(ConstraintFactory factory) {
        return capacity(factory, ResourceDay.Kind.ARTISTS, ARTIST_CAPACITY, "artists");
    }

    Constraint gpuCapacity(ConstraintFactory factory) {
        return capacity(factory, ResourceDay.Kind.GPU_HOURS, GPU_CAPACITY, "GPU hours");
    }

    private static Constraint capacity(ConstraintFactory factory, ResourceDay.Kind kind, String name, String unit) {
        return factory.forEach(ResourceDay.class)
                .filter(day -> day.kind() == kind)
                .join(ShotPlacement.class,
                        Joiners.overlapping(ResourceDay::period, ResourceDay::periodEnd,
                                ShotPlacement::getStart, ShotPlacement::getFinish),
                        Joiners.filtering((day, shot) -> shot.getMode().demand(day.resource()) > 0))
                .groupBy((day, shot) -> day, sumLong((day, shot) -> shot.getMode().demand(day.resource())))
                .filter((day, used) -> used > day.capacity())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (day, used) -> used - day.capacity())
                .justifyWith((day, used, score) -> new Breach("", day.resource(), day.date(), used - day.capacity(),
                        "hundredths of " + unit, "%s on %s: %s %s planned, %s available".formatted(day.resource(),
                                day.date(), hundredths(used), unit, hundredths(day.capacity()))))
                .asConstraint(name);
    }

    Constraint dependencyOrder(ConstraintFactory factory) {
        return factory.forEach(ShotPlacement.class)
                .join(ShotPlacement.class,
                        Joiners.filtering((before, after) -> after.getDependsOn().contains(before.getShotCode())),
                        Joiners.filtering((before, after) -> after.getStart() < before.getFinish()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (before, after) -> before.getFinish() - after.getStart())
                .justifyWith((before, after, score) -> new Breach(after.getShotCode(), "", after.getStartDate(),
                        before.getFinish() - after.getStart(), "working days",
                        "%s starts %s, %d working days before %s, which it depends on, finishes".formatted(
                                after.getShotCode(), after.getStartDate(), before.getFinish() - after.getStart(),
                                before.getShotCode())))
                .asConstraint(DEPENDENCY);
    }

    Constraint plateReady(ConstraintFactory factory) {
        return factory.forEach(ShotPlacement.class)
                .filter(shot -> shot.getStart() < shot.getPlatePeriod())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, shot -> shot.getPlatePeriod() - shot.getStart())
                .justifyWith((shot, score) -> new Breach(shot.getShotCode(), "", shot.getStartDate(),
                        shot.getPlatePeriod() - shot.getStart(), "working days",
                        "%s starts %s, %d working days before its plate is ready".formatted(shot.getShotCode(),
                                shot.getStartDate(), shot.getPlatePeriod() - shot.getStart())))
                .asConstraint(PLATE_READY);
    }

    Constraint aiEligibility(ConstraintFactory factory) {
        return factory.forEach(ShotPlacement.class)
                .filter(shot -> shot.isAi() && shot.getWhyNotAi() != null)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, shot -> 1L)
                .justifyWith((shot, score) -> new Breach(shot.getShotCode(), shot.getMode().label(),
                        shot.getStartDate(), 1, "shots", "%s is planned as %s but may not go to AI: %s"
                                .formatted(shot.getShotCode(), shot.getMode().label(), shot.getWhyNotAi())))
                .asConstraint(AI_ELIGIBILITY);
    }

    Constraint pinnedMode(ConstraintFactory factory) {
        return factory.forEach(ShotPlacement.class)
                .filter(shot -> shot.getPinnedMode() != null && !shot.getPinnedMode().equals(shot.getMode().label()))
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, shot -> 1L)
                .justifyWith((shot, score) -> new Breach(shot.getShotCode(), shot.getMode().label(),
                        shot.getStartDate(), 1, "shots", "%s is pinned to %s but planned as %s".formatted(
                                shot.getShotCode(), shot.getPinnedMode(), shot.getMode().label())))
                .asConstraint(PINNED_MODE);
    }

    Constraint pinnedStart(ConstraintFactory factory) {
        return factory.forEach(ShotPlacement.class)
                .filter(shot -> shot.getPinnedStart() != null && shot.getPinnedStart() != shot.getStart())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, shot -> Math.abs(shot.getStart() - shot.getPinnedStart()))
                .justifyWith((shot, score) -> new Breach(shot.getShotCode(), "", shot.getStartDate(),
                        Math.abs(shot.getStart() - shot.getPinnedStart()), "working days",
                        "%s starts %s, %d working days off its pinned start".formatted(shot.getShotCode(),
                                shot.getStartDate(), Math.abs(shot.getStart() - shot.getPinnedStart()))))
                .asConstraint(PINNED_START);
    }

    Constraint aiSharePerEpisode(ConstraintFactory factory) {
        return factory.forEach(ShotPlacement.class)
                .filter(ShotPlacement::isAi)
                .groupBy(ShotPlacement::getEpisode, count())
                .join(EpisodeLimit.class, Joiners.equal((episode, count) -> episode, EpisodeLimit::episode))
                .filter((episode, count, limit) -> count > limit.maxAiShots())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (episode, count, limit) -> count - limit.maxAiShots())
                .justifyWith((episode, count, limit, score) -> new Breach(episode, "AI", null,
                        count - limit.maxAiShots(), "shots", "episode %s has %d AI shots, the policy allows %d"
                                .formatted(episode, count, limit.maxAiShots())))
                .asConstraint(AI_SHARE);
    }

    Constraint episodeBudget(ConstraintFactory factory) {
        return factory.forEach(ShotPlacement.class)
                .groupBy(ShotPlacement::getEpisode, sumLong(ShotPlacement::getCostCents))
                .join(EpisodeLimit.class, Joiners.equal((episode, cost) -> episode, EpisodeLimit::episode))
                .filter((episode, cost, limit) -> cost > limit.budgetCents())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, (episode, cost, limit) -> cost - limit.budgetCents())
                .justifyWith((episode, cost, limit, score) -> new Breach(episode, "budget", null,
                        cost - limit.budgetCents(), "cents", "episode %s costs %s, %s over its budget of %s".formatted(
                                episode, hundredths(cost), hundredths(cost - limit.budgetCents()),
                                hundredths(limit.budgetCents()))))
                .asConstraint(EPISODE_BUDGET);
    }

    Constraint showBudget(ConstraintFactory factory) {
        return factory.forEach(ShotPlacement.class)
                .groupBy(sumLong(ShotPlacement::getCostCents))
                .join(ShowLimit.class)
                .filter((cost, limit) -> cost > limit.spendableCents())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, (cost, limit) -> cost - limit.spendableCents())
                .justifyWith((cost, limit, score) -> new Breach("show", "budget", null, cost - limit.spendableCents(),
                        "cents", "the show costs %s, %s over its budget less contingency (%s)".formatted(
                                hundredths(cost), hundredths(cost - limit.spendableCents()),
                                hundredths(limit.spendableCents()))))
                .asConstraint(SHOW_BUDGET);
    }

    Constraint episodeDelivery(ConstraintFactory factory) {
        return factory.forEach(ShotPlacement.class)
                .groupBy(ShotPlacement::getEpisode, max(ShotPlacement::getFinish))
                .join(EpisodeLimit.class, Joiners.equal((episode, finish) -> episode, EpisodeLimit::episode))
                .filter((episode, finish, limit) -> finish > limit.duePeriod())
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, (episode, finish, limit) -> finish - limit.duePeriod())
                .justifyWith((episode, finish, limit, score) -> new Breach(episode, "delivery", limit.due(),
                        finish - limit.duePeriod(), "working days", "episode %s finishes %d working days after %s"
                                .formatted(episode, finish - limit.duePeriod(), limit.due())))
                .asConstraint(EPISODE_DELIVERY);
    }

    Constraint totalCost(ConstraintFactory factory) {
        return factory.forEach(ShotPlacement.class)
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, ShotPlacement::getCostCents)
                .justifyWith((shot, score) -> new Breach(shot.getShotCode(), shot.getMode().label(), shot.getStartDate(),
                        shot.getCostCents(), "cents", "%s costs %s as %s".formatted(shot.getShotCode(),
                                hundredths(shot.getCostCents()), shot.getMode().label())))
                .asConstraint(TOTAL_COST);
    }

    Constraint episodeFinish(ConstraintFactory factory) {
        return factory.forEach(ShotPlacement.class)
                .groupBy(ShotPlacement::getEpisode, max(ShotPlacement::getFinish))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (episode, finish) -> (long) finish)
                .justifyWith((episode, finish, score) -> new Breach(episode, "", null, finish, "working days",
                        "episode %s finishes after working day %d".formatted(episode, finish)))
                .asConstraint(EPISODE_FINISH);
    }

    Constraint modeChurn(ConstraintFactory factory) {
        return factory.forEach(ShotPlacement.class)
                .filter(shot -> shot.getPreviousMode() != null && !shot.getPreviousMode().equals(shot.getMode().label()))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, shot -> 1L)
                .justifyWith((shot, score) -> new Breach(shot.getShotCode(), shot.getMode().label(), shot.getStartDate(),
                        1, "shots", "%s changes from %s to %s".formatted(shot.getShotCode(), shot.getPreviousMode(),
                                shot.getMode().label())))
                .asConstraint(CHURN_MODE);
    }

    Constraint startChurn(ConstraintFactory factory) {
        return factory.forEach(ShotPlacement.class)
                .filter(shot -> shot.getPreviousStart() != null && shot.getPreviousStart() != shot.getStart())
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, shot -> Math.abs(shot.getStart() - shot.getPreviousStart()))
                .justifyWith((shot, score) -> new Breach(shot.getShotCode(), "", shot.getStartDate(),
                        Math.abs(shot.getStart() - shot.getPreviousStart()), "working days",
                        "%s moves %d working days against the current plan".formatted(shot.getShotCode(),
                                Math.abs(shot.getStart() - shot.getPreviousStart()))))
                .asConstraint(CHURN_START);
    }

    private static String hundredths(long value) {
        return BigDecimal.valueOf(value, 2).toPlainString();
    }
}
