package io.shotplan.plan.shot.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

import org.junit.jupiter.api.Test;

class ShowPlanConstraintsTest {

    private static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

    private final ConstraintVerifier<ShowPlanConstraints, ShowPlanCheck> verifier =
            ConstraintVerifier.build(new ShowPlanConstraints(), ShowPlanCheck.class, ShotPlacement.class);

    private static final ModeChoice TRADITIONAL = new ModeChoice("traditional", false, 300_000, 3, Map.of("comp", 100));
    private static final ModeChoice AI = new ModeChoice("roto-ai", true, 50_000, 2, Map.of("roto", 50, "a100", 800));

    private static ShotPlacement shot(String code, String episode, ModeChoice mode, int start) {
        return new ShotPlacement(code, episode, List.of(TRADITIONAL, AI), mode, start, MONDAY.plusDays(start), 0,
                List.of(), null, null, null, null, null);
    }

    private static ShotPlacement shot(String code, ModeChoice mode, int start, int plate, List<String> dependsOn,
            String whyNotAi, String pinnedMode, Integer pinnedStart, String previousMode, Integer previousStart) {
        return new ShotPlacement(code, "E1", List.of(TRADITIONAL, AI), mode, start, MONDAY.plusDays(start), plate,
                dependsOn, whyNotAi, pinnedMode, pinnedStart, previousMode, previousStart);
    }

    private static EpisodeLimit episode(String code, long budgetCents, int due, int maxAi) {
        return new EpisodeLimit(code, budgetCents, due, MONDAY.plusDays(due - 1), maxAi);
    }

    @Test
    void artistCapacityPenalizesEachDayByTheArtistsBeyondTheCrew() {
        // two comp shots of one artist each overlap on days 1 and 2; one comp artist available
        ResourceDay day1 = new ResourceDay("comp", ResourceDay.Kind.ARTISTS, 1, MONDAY.plusDays(1), 100);
        ResourceDay day2 = new ResourceDay("comp", ResourceDay.Kind.ARTISTS, 2, MONDAY.plusDays(2), 100);
        ResourceDay day3 = new ResourceDay("comp", ResourceDay.Kind.ARTISTS, 3, MONDAY.plusDays(3), 200);

        verifier.verifyThat(ShowPlanConstraints::artistCapacity)
                .given(shot("A", "E1", TRADITIONAL, 0), shot("B", "E1", TRADITIONAL, 1), day1, day2, day3)
                .justifiesWith(new Breach("", "comp", MONDAY.plusDays(1), 100, "hundredths of artists",
                        "comp on 2027-01-05: 2.00 artists planned, 1.00 available"))
                .penalizesBy(200);
    }

    @Test
    void gpuCapacityPenalizesGpuHoursBeyondThePool() {
        ResourceDay day0 = new ResourceDay("a100", ResourceDay.Kind.GPU_HOURS, 0, MONDAY, 1_000);

        verifier.verifyThat(ShowPlanConstraints::gpuCapacity)
                .given(shot("A", "E1", AI, 0), shot("B", "E1", AI, 0), day0)
                .justifiesWith(new Breach("", "a100", MONDAY, 600, "hundredths of GPU hours",
                        "a100 on 2027-01-04: 16.00 GPU hours planned, 10.00 available"))
                .penalizesBy(600);
    }

    @Test
    void gpuCapacityIgnoresArtistDays() {
        ResourceDay roto = new ResourceDay("roto", ResourceDay.Kind.ARTISTS, 0, MONDAY, 0);

        verifier.verifyThat(ShowPlanConstraints::gpuCapacity).given(shot("A", "E1", AI, 0), roto).penalizesBy(0);
    }

    @Test
    void dependencyOrderPenalizesTheDaysADependentShotStartsTooEarly() {
        ShotPlacement plate = shot("P", TRADITIONAL, 0, 0, List.of(), null, null, null, null, null);
        ShotPlacement comp = shot("C", TRADITIONAL, 1, 0, List.of("P"), null, null, null, null, null);

        verifier.verifyThat(ShowPlanConstraints::dependencyOrder)
                .given(plate, comp)
                .justifiesWith(new Breach("C", "", MONDAY.plusDays(1), 2, "working days",
                        "C starts 2027-01-05, 2 working days before P, which it depends on, finishes"))
                .penalizesBy(2);
        verifier.verifyThat(ShowPlanConstraints::dependencyOrder)
                .given(plate, shot("C", TRADITIONAL, 3, 0, List.of("P"), null, null, null, null, null))
                .penalizesBy(0);
    }

    @Test
    void plateReadyPenalizesDaysBeforeThePlateArrives() {
        verifier.verifyThat(ShowPlanConstraints::plateReady)
                .given(shot("A", TRADITIONAL, 2, 5, List.of(), null, null, null, null, null))
                .justifiesWith(new Breach("A", "", MONDAY.plusDays(2), 3, "working days",
                        "A starts 2027-01-06, 3 working days before its plate is ready"))
                .penalizesBy(3);
    }

    @Test
    void aiEligibilityPenalizesAnAiModeOnAShotThatMayNotHaveIt() {
        verifier.verifyThat(ShowPlanConstraints::aiEligibility)
                .given(shot("A", AI, 0, 0, List.of(), "marked human-only", null, null, null, null),
                        shot("B", TRADITIONAL, 0, 0, List.of(), "marked human-only", null, null, null, null),
                        shot("C", AI, 0, 0, List.of(), null, null, null, null, null))
                .justifiesWith(new Breach("A", "roto-ai", MONDAY, 1, "shots",
                        "A is planned as roto-ai but may not go to AI: marked human-only"))
                .penalizesBy(1);
    }

    @Test
    void pinnedModePenalizesAShotPlannedInAnotherMode() {
        verifier.verifyThat(ShowPlanConstraints::pinnedMode)
                .given(shot("A", AI, 0, 0, List.of(), null, "traditional", null, null, null),
                        shot("B", TRADITIONAL, 0, 0, List.of(), null, "traditional", null, null, null))
                .justifiesWith(new Breach("A", "roto-ai", MONDAY, 1, "shots", "A is pinned to traditional but planned as roto-ai"))
                .penalizesBy(1);
    }

    @Test
    void pinnedStartPenalizesTheDaysOff() {
        verifier.verifyThat(ShowPlanConstraints::pinnedStart)
                .given(shot("A", TRADITIONAL, 4, 0, List.of(), null, null, 1, null, null))
                .justifiesWith(new Breach("A", "", MONDAY.plusDays(4), 3, "working days",
                        "A starts 2027-01-08, 3 working days off its pinned start"))
                .penalizesBy(3);
    }

    @Test
    void aiSharePenalizesAiShotsBeyondThePolicy() {
        verifier.verifyThat(ShowPlanConstraints::aiSharePerEpisode)
                .given(shot("A", "E1", AI, 0), shot("B", "E1", AI, 0), shot("C", "E1", AI, 0), shot("D", "E2", AI, 0),
                        episode("E1", 1_000_000, 10, 1), episode("E2", 1_000_000, 10, 1))
                .justifiesWith(new Breach("E1", "AI", null, 2, "shots", "episode E1 has 3 AI shots, the policy allows 1"))
                .penalizesBy(2);
    }

    @Test
    void episodeBudgetPenalizesTheCentsOver() {
        verifier.verifyThat(ShowPlanConstraints::episodeBudget)
                .given(shot("A", "E1", TRADITIONAL, 0), shot("B", "E1", AI, 0), shot("C", "E2", TRADITIONAL, 0),
                        episode("E1", 320_000, 10, 5), episode("E2", 400_000, 10, 5))
                .justifiesWith(new Breach("E1", "budget", null, 30_000, "cents",
                        "episode E1 costs 3500.00, 300.00 over its budget of 3200.00"))
                .penalizesBy(30_000);
    }

    @Test
    void showBudgetPenalizesTheCentsOverTheBudgetLessContingency() {
        verifier.verifyThat(ShowPlanConstraints::showBudget)
                .given(shot("A", "E1", TRADITIONAL, 0), shot("B", "E2", TRADITIONAL, 0), new ShowLimit(500_000))
                .justifiesWith(new Breach("show", "budget", null, 100_000, "cents",
                        "the show costs 6000.00, 1000.00 over its budget less contingency (5000.00)"))
                .penalizesBy(100_000);
    }

    @Test
    void episodeDeliveryPenalizesTheDaysTheLastShotFinishesLate() {
        // last E1 shot finishes (exclusive) at 3 + 3 = 6; due 4
        verifier.verifyThat(ShowPlanConstraints::episodeDelivery)
                .given(shot("A", "E1", TRADITIONAL, 0), shot("B", "E1", TRADITIONAL, 3), episode("E1", 1_000_000, 4, 5))
                .justifiesWith(new Breach("E1", "delivery", MONDAY.plusDays(3), 2, "working days",
                        "episode E1 finishes 2 working days after 2027-01-07"))
                .penalizesBy(2);
    }

    @Test
    void totalCostPenalizesEveryCent() {
        verifier.verifyThat(ShowPlanConstraints::totalCost)
                .given(shot("A", "E1", TRADITIONAL, 0), shot("B", "E1", AI, 0))
                .justifiesWith(new Breach("B", "roto-ai", MONDAY, 50_000, "cents", "B costs 500.00 as roto-ai"))
                .penalizesBy(350_000);
    }

    @Test
    void episodeFinishPenalizesEachEpisodesLastDay() {
        verifier.verifyThat(ShowPlanConstraints::episodeFinish)
                .given(shot("A", "E1", TRADITIONAL, 0), shot("B", "E1", AI, 4), shot("C", "E2", AI, 1))
                .penalizesBy(6 + 3);
    }

    @Test
    void modeChurnPenalizesShotsThatChangeMode() {
        verifier.verifyThat(ShowPlanConstraints::modeChurn)
                .given(shot("A", AI, 0, 0, List.of(), null, null, null, "traditional", 0),
                        shot("B", AI, 0, 0, List.of(), null, null, null, "roto-ai", 0),
                        shot("C", AI, 0, 0, List.of(), null, null, null, null, null))
                .justifiesWith(new Breach("A", "roto-ai", MONDAY, 1, "shots", "A changes from traditional to roto-ai"))
                .penalizesBy(1);
    }

    @Test
    void startChurnPenalizesTheDaysAStartMoves() {
        verifier.verifyThat(ShowPlanConstraints::startChurn)
                .given(shot("A", TRADITIONAL, 5, 0, List.of(), null, null, null, "traditional", 2),
                        shot("B", TRADITIONAL, 1, 0, List.of(), null, null, null, "traditional", 3))
                .penalizesBy(3 + 2);
    }
}
