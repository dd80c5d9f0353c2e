package io.shotplan.plan.shot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import io.shotplan.show.AiPolicy;
import io.shotplan.show.RateCard;
import io.shotplan.show.Show;

class PlanBoundTest {

    private static PlanRequest quick() {
        return PlanRequest.of(Duration.ofMinutes(5)).withMoveLimit(2_000);
    }

    @Test
    void noPlanCostsLessThanTheBoundAndTheGapSaysHowFarThePlanIs() {
        for (long seed = 1; seed <= 3; seed++) {
            Show show = GeneratedSeason.generate(200, seed);

            ShowPlan plan = ShowPlanner.plan(show, quick());

            BigDecimal bound = plan.bound().costLowerBound();
            assertThat(bound).isPositive();
            assertThat(plan.totalCost()).isGreaterThanOrEqualTo(bound);
            // the cheapest choice within the policy is the greedy baseline's, whatever its dates; delivering as well
            // as the plan may take more
            assertThat(bound).isGreaterThanOrEqualTo(plan.baselines().get(1).totalCost());
            assertThat(plan.costGapPercent()).isEqualByComparingTo(plan.totalCost().subtract(bound)
                    .multiply(BigDecimal.valueOf(100)).divide(bound, 1, java.math.RoundingMode.HALF_EVEN));
            assertThat(plan.explanation()).anyMatch(line -> line.startsWith(
                    "Bound: no plan within the policy that does as well on budgets and deliveries costs less than"));
        }
    }

    /**
     * Comp falls from 800 to 400 a day from Monday 18 January: a shot that could still start then may cost half, so the
     * bound prices each shot at the least of the days it may take, not at its earliest start's.
     */
    @Test
    void whereRatesFallTheBoundPricesEachShotAtItsCheapestDays() {
        Show fixture = ShowFixtures.show(List.of(ShowFixtures.shot("A", "E1", "comp", 1, 100),
                        ShowFixtures.shot("B", "E1", "comp", 1, 100)),
                new BigDecimal("100000"), new AiPolicy(new BigDecimal("0.5"), Set.of()), ShowFixtures.crew("2", "2", "3"));
        Show show = fixture.withRates(fixture.currency(), List.of(new RateCard("cut", "USD", LocalDate.of(2027, 1, 18),
                        Map.of("comp", new BigDecimal("400")), Map.of())), List.of());

        ShowPlan plan = ShowPlanner.plan(show, quick().withPins(List.of(Pin.start("A", LocalDate.of(2027, 1, 11)))));

        // A is pinned before the cut: 3 days at 800; B may start on or after it: 3 days at 400
        assertThat(plan.bound().costLowerBound()).isEqualByComparingTo("3600");
        assertThat(plan.totalCost()).isGreaterThanOrEqualTo(plan.bound().costLowerBound());
    }

    @Test
    void anEpisodeDueBeforeItsWorkCanBeDoneIsProvenLateAndThePlanIsAtLeastThatLate() {
        Show season = GeneratedSeason.generate(400, 5);
        // E001 delivered 11 weeks early: a week after the season starts, before most of its plates arrive
        Show show = ShowVariants.withDeliveryMoved(season, "E001", -77);

        ShowPlan plan = ShowPlanner.plan(show, quick());

        PlanBound.EpisodeBound e001 = plan.bound().episodes().get(0);
        assertThat(e001.code()).isEqualTo("E001");
        assertThat(e001.daysLateAtLeast()).isPositive();
        assertThat(-plan.episode("E001").slackDays()).isGreaterThanOrEqualTo(e001.daysLateAtLeast());
        assertThat(plan.bound().unavoidable()).anyMatch(line -> line.contains("E001 finishes")
                && line.contains(e001.daysLateAtLeast() + " working days after"));
        assertThat(plan.explanation()).containsAll(plan.bound().unavoidable());
        // the bound moves with the date: at its own date, E001 is proven 77 calendar days less late
        CompiledShow original = new CompiledShow(season, quick());
        PlanBound.EpisodeBound before = PlanBound.of(original, HardMediumSoftLongScore.ZERO, true).episodes().get(0);
        assertThat(before.daysLateAtLeast()).isLessThan(e001.daysLateAtLeast());
    }

    /**
     * Half the crew a season needs: unlimited crews would deliver most episodes on time, so only the crews' relaxation
     * can prove the days late, and no plan may be fewer days late than it proves.
     */
    @Test
    void theCrewsProveDaysLateThatUnlimitedCrewsCannot() {
        for (long seed = 1; seed <= 2; seed++) {
            Show show = ShowVariants.withCrew(GeneratedSeason.generate(400, seed), new BigDecimal("0.5"));

            ShowPlan plan = ShowPlanner.plan(show, quick());

            int withUnlimitedCrew = plan.bound().episodes().stream().mapToInt(PlanBound.EpisodeBound::daysLateAtLeast).sum();
            int planDaysLate = plan.episodes().stream().mapToInt(e -> Math.max(0, -e.slackDays())).sum();
            assertThat(plan.bound().daysLateAtLeast()).isGreaterThan(withUnlimitedCrew).isLessThanOrEqualTo(planDaysLate);
            assertThat(plan.bound().unavoidable()).contains(("Counting what each discipline and GPU pool can do week by "
                    + "week, no plan is fewer than %d working days late over all episodes together.")
                    .formatted(plan.bound().daysLateAtLeast()));
        }
    }

    /**
     * Ten complex roto shots due in 38 working days with one roto artist, and AI roto on dear GPUs: artists are
     * cheaper, but one can do three of them in time. Any plan that delivers on time puts most on AI, so the bound for
     * plans that do as well as this one is above the cheapest modes' cost.
     */
    @Test
    void deliveringAsWellAsThePlanCostsMoreThanTheCheapestModes() {
        List<io.shotplan.show.Shot> shots = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            shots.add(ShowFixtures.shot("R" + i, "E1", "roto", 5, 96));
        }
        Show fixture = ShowFixtures.show(shots, new BigDecimal("1000000"), new AiPolicy(BigDecimal.ONE, Set.of()),
                ShowFixtures.crew("1", "1", "2"));
        // 450 GPU-seconds a frame at 400 an hour: 12 GPU-hours, 4,800 a shot, where an artist's roto costs 5,000
        Show show = new Show(fixture.code(), fixture.name(), fixture.currency(), fixture.startDate(),
                fixture.contingencyPercent(), fixture.reviewBufferDays(), fixture.episodes(), fixture.disciplines(),
                List.of(new io.shotplan.show.GpuPool("a100", "A100", 4, new BigDecimal("400"), new BigDecimal("20"))),
                List.of(new io.shotplan.show.AiCapability("roto-ai", "roto", "standard", "a100", null, null, null,
                        new BigDecimal("450"), io.shotplan.show.Resolution.HD, "roto", new BigDecimal("0.5"),
                        new BigDecimal("0.10"), "segmenter")),
                fixture.bidTemplate(), fixture.policy(), fixture.crew(), fixture.shots());

        ShowPlan plan = ShowPlanner.plan(show, quick());

        BigDecimal cheapest = plan.baselines().get(1).totalCost();
        assertThat(plan.withinLimits()).isTrue();
        assertThat(plan.shots().stream().filter(PlannedShot::isAi).count()).isGreaterThanOrEqualTo(7);
        assertThat(plan.bound().costLowerBound()).isGreaterThan(cheapest).isLessThanOrEqualTo(plan.totalCost());
        // the greedy plan keeps every shot with artists and is late: doing as well takes about 6.5 shots on AI
        assertThat(plan.baselines().get(1).aiShots()).isZero();
        assertThat(plan.baselines().get(1).daysLate()).isPositive();
    }
}
