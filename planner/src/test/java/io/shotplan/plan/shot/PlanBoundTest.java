package io.shotplan.plan.shot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

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
            // the cheapest choice within the policy is the greedy baseline's, whatever its dates
            assertThat(bound).isEqualByComparingTo(plan.baselines().get(1).totalCost());
            assertThat(plan.costGapPercent()).isEqualByComparingTo(plan.totalCost().subtract(bound)
                    .multiply(BigDecimal.valueOf(100)).divide(bound, 1, java.math.RoundingMode.HALF_EVEN));
            assertThat(plan.explanation()).anyMatch(line -> line.startsWith("Bound: no plan within the policy costs less than"));
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
        PlanBound.EpisodeBound before = PlanBound.of(original).episodes().get(0);
        assertThat(before.daysLateAtLeast()).isLessThan(e001.daysLateAtLeast());
    }
}
