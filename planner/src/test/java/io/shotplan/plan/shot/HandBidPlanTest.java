package io.shotplan.plan.shot;

import static io.shotplan.plan.shot.ShowFixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.show.AiPolicy;
import io.shotplan.show.EstimateOverride;
import io.shotplan.show.Show;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A supervisor's hand bid changes what the planner weighs, and the plan says the number came from it. */
class HandBidPlanTest {

    private static Show rotoShow(Map<String, List<EstimateOverride>> bids) {
        Show show = ShowFixtures.show(List.of(ShowFixtures.shot("R1", "E1", "roto", 1, 100)), bd("100000"),
                new AiPolicy(bd("1"), Set.of()), ShowFixtures.crew("2", "2", "2"));
        return show.withEstimateOverrides(bids);
    }

    @Test
    void anExpensiveAiBidSendsTheShotToArtistsAndTheReasonNamesTheBid() {
        ShowPlan derived = ShowPlanner.plan(rotoShow(Map.of()), ShowPlannerTest.quick());
        ShowPlan bid = ShowPlanner.plan(rotoShow(Map.of("R1", List.of(new EstimateOverride.GpuHours("roto-ai", bd("2000"))))),
                ShowPlannerTest.quick());

        assertThat(derived.shot("R1").modeLabel()).isEqualTo("roto-ai");
        assertThat(derived.shot("R1").reason().summary()).doesNotContain("hand bid");
        assertThat(bid.shot("R1").modeLabel()).isEqualTo("traditional");
        assertThat(bid.shot("R1").reason().alternativeCost()).hasValueSatisfying(cost ->
                assertThat(cost).isGreaterThan(bd("6000"))); // 2,000 GPU-hours at 3 an hour
        assertThat(bid.shot("R1").reason().summary()).endsWith("; estimate overridden by hand bid: roto-ai 2000 GPU-hours");
        assertThat(bid.explanation()).contains("Estimates: 1 shots priced with supervisors' hand bids (R1).");
    }

    @Test
    void aTraditionalBidSetsThePlannedDaysCostAndDuration() {
        ShowPlan plan = ShowPlanner.plan(rotoShow(Map.of("R1", List.of(
                        new EstimateOverride.ArtistDays("TRADITIONAL", "roto", bd("6")),
                        new EstimateOverride.GpuHours("roto-ai", bd("2000"))))),
                ShowPlannerTest.quick());

        PlannedShot r1 = plan.shot("R1");
        assertThat(r1.modeLabel()).isEqualTo("traditional");
        assertThat(r1.artistDays().get("roto")).isEqualByComparingTo("6");
        assertThat(r1.cost()).isEqualByComparingTo("3800"); // 6 roto-days at 500, 1 comp-day at 800
        assertThat(r1.workingDays()).isEqualTo(6);
        assertThat(r1.reason().summary()).contains("TRADITIONAL roto 6 days", "roto-ai 2000 GPU-hours");
    }
}
