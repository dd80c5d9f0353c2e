package io.shotplan.plan.shot;

import static io.shotplan.plan.shot.ShowFixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.shotplan.show.AiPolicy;
import io.shotplan.show.CrewPlan;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotStatus;
import io.shotplan.show.Show;

class ShowPlannerTest {

    /** A move limit, not time, ends these solves: same plan on any machine. */
    static PlanRequest quick() {
        return PlanRequest.of(Duration.ofMinutes(1)).withMoveLimit(3_000);
    }

    @Test
    void sameSeedAndMoveLimitGiveTheSamePlan() {
        Show show = ShowFixtures.smallShow();

        ShowPlan first = ShowPlanner.plan(show, quick().withSeed(5));
        ShowPlan second = ShowPlanner.plan(show, quick().withSeed(5));

        assertThat(second.shots()).isEqualTo(first.shots());
        assertThat(second.score()).isEqualTo(first.score());
    }

    @Test
    void everyShotRespectsItsPlateDateItsDependenciesAndDailyCrewCapacity() {
        List<Shot> shots = new ArrayList<>(ShowFixtures.smallShow().shots());
        shots.set(0, ShowFixtures.withPlate(shots.get(0), LocalDate.of(2027, 1, 20)));
        shots.set(1, ShowFixtures.dependingOn(shots.get(1), "E1_1"));
        Show show = ShowFixtures.show(shots, bd("100000"), new AiPolicy(bd("0.5"), Set.of()), ShowFixtures.crew("2", "2", "2"));

        ShowPlan plan = ShowPlanner.plan(show, quick());

        assertThat(plan.shots()).hasSize(12);
        assertThat(plan.feasible()).isTrue();
        assertThat(plan.shot("E1_1").start()).isAfterOrEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(plan.shot("E1_2").start()).isAfter(plan.shot("E1_1").lastDay());
        // capacity, checked from the plan's own numbers: artist-days spread evenly over the shot's working days
        Map<String, Map<LocalDate, BigDecimal>> load = new HashMap<>();
        WorkingDays days = new WorkingDays(ShowFixtures.START);
        for (PlannedShot s : plan.shots()) {
            int first = days.periodOnOrAfter(s.start());
            for (Map.Entry<String, BigDecimal> e : s.artistDays().entrySet()) {
                BigDecimal perDay = e.getValue().divide(BigDecimal.valueOf(s.workingDays()), 6, RoundingMode.CEILING);
                for (int t = first; t < first + s.workingDays(); t++) {
                    load.computeIfAbsent(e.getKey(), k -> new HashMap<>()).merge(days.date(t), perDay, BigDecimal::add);
                }
            }
        }
        load.forEach((discipline, byDay) -> byDay.forEach((day, used) ->
                assertThat(used).as(discipline + " on " + day).isLessThanOrEqualTo(show.crew().artistsOn(discipline, day))));
    }

    @Test
    void aiGoesOnlyWhereTheShotIsEligible() {
        List<Shot> shots = new ArrayList<>(ShowFixtures.smallShow().shots());
        shots.set(0, ShowFixtures.withFlags(shots.get(0), false, false, true)); // roto, human only
        shots.set(4, ShowFixtures.withFlags(shots.get(4), true, false, false)); // roto, likeness without consent
        Show show = ShowFixtures.show(shots, bd("100000"), new AiPolicy(bd("1"), Set.of()), ShowFixtures.crew("2", "2", "2"));

        ShowPlan plan = ShowPlanner.plan(show, quick());

        assertThat(plan.shot("E1_1").modeLabel()).isEqualTo("traditional");
        assertThat(plan.shot("E1_1").reason().summary()).contains("human-only");
        assertThat(plan.shot("E1_5").modeLabel()).isEqualTo("traditional");
        assertThat(plan.shot("E1_5").reason().decidedBy()).isEqualTo("eligibility");
        // comp shots have no capability at all
        assertThat(plan.shots()).filteredOn(s -> s.shotCode().endsWith("_3") || s.shotCode().endsWith("_6"))
                .allMatch(s -> s.modeLabel().equals("traditional"));
    }

    @Test
    void progressHearsEachNewBestScoreUpToThePlansOwn() {
        Show show = ShowFixtures.show(ShowFixtures.smallShow().shots(), bd("100000"), new AiPolicy(bd("0.5"), Set.of()),
                ShowFixtures.crew("2", "2", "2"));
        List<String> heard = new ArrayList<>();

        ShowPlan plan = ShowPlanner.plan(show, quick(), heard::add);

        assertThat(heard).isNotEmpty();
        assertThat(heard.getLast()).startsWith("0hard/");
        // each announcement is a better score than the one before
        List<HardMediumSoftLongScore> scores = heard.stream().map(HardMediumSoftLongScore::parseScore).toList();
        for (int i = 1; i < scores.size(); i++) {
            assertThat(scores.get(i)).isGreaterThan(scores.get(i - 1));
        }
        assertThat(plan.feasible()).isTrue();
    }

    @Test
    void aZeroAiShareKeepsEveryShotTraditional() {
        Show show = ShowFixtures.show(ShowFixtures.smallShow().shots(), bd("100000"), new AiPolicy(BigDecimal.ZERO, Set.of()),
                ShowFixtures.crew("2", "2", "2"));

        ShowPlan plan = ShowPlanner.plan(show, quick());

        assertThat(plan.feasible()).isTrue();
        assertThat(plan.aiShotCount()).isZero();
    }

    @Test
    void aiIsChosenWhereItIsCheaperAndTheReasonSaysWhatTraditionalWouldCost() {
        ShowPlan plan = ShowPlanner.plan(ShowFixtures.smallShow(), quick());

        PlannedShot roto = plan.shot("E1_1");
        // roto c2, 96 frames: traditional 3.84 roto-days + 0.96 comp-days = 2688; AI about 0.2 GPU-h + review + 10 % redo
        assertThat(roto.modeLabel()).isEqualTo("roto-ai");
        assertThat(roto.reason().alternativeMode()).contains("traditional");
        assertThat(roto.reason().alternativeCost()).contains(bd("2688.00"));
        assertThat(roto.reason().savedAgainstAlternative()).isPositive();
        assertThat(roto.reason().decidedBy()).isEqualTo("total cost");
    }

    @Test
    void pinnedModesAndDatesSurvive() {
        PlanRequest request = quick().withPins(List.of(Pin.mode("E1_1", "traditional"),
                Pin.start("E2_2", LocalDate.of(2027, 2, 1))));

        ShowPlan plan = ShowPlanner.plan(ShowFixtures.smallShow(), request);

        assertThat(plan.shot("E1_1").modeLabel()).isEqualTo("traditional");
        assertThat(plan.shot("E1_1").reason().decidedBy()).isEqualTo("pin");
        assertThat(plan.shot("E2_2").start()).isEqualTo(LocalDate.of(2027, 2, 1));
    }

    @Test
    void aPinForAModeTheShotCannotHaveIsRejectedWithTheReason() {
        PlanRequest request = quick().withPins(List.of(Pin.mode("E1_3", "roto-ai")));

        assertThatThrownBy(() -> ShowPlanner.plan(ShowFixtures.smallShow(), request))
                .hasMessageContaining("E1_3").hasMessageContaining("roto-ai").hasMessageContaining("[traditional]");
    }

    @Test
    void aReplanKeepsShotsInProgressOrDoneWhereTheCurrentPlanHasThem() {
        ShowPlan first = ShowPlanner.plan(ShowFixtures.smallShow(), quick());
        Map<String, PreviousAssignment> previous = new HashMap<>();
        for (PlannedShot s : first.shots()) {
            previous.put(s.shotCode(), new PreviousAssignment(s.modeLabel(), s.start()));
        }
        List<Shot> shots = new ArrayList<>();
        for (Shot s : ShowFixtures.smallShow().shots()) {
            shots.add(switch (s.code()) {
                case "E1_1" -> ShowFixtures.withStatus(s, ShotStatus.DONE);
                case "E1_2" -> ShowFixtures.withStatus(s, ShotStatus.IN_PROGRESS);
                default -> s;
            });
        }
        // fewer comp artists force the rest to move
        Show changed = ShowFixtures.show(shots, bd("100000"), new AiPolicy(bd("0.5"), Set.of()), ShowFixtures.crew("2", "2", "1"));

        ShowPlan replan = ShowPlanner.plan(changed, quick().withPrevious(previous));

        for (String code : List.of("E1_1", "E1_2")) {
            assertThat(replan.shot(code).modeLabel()).isEqualTo(first.shot(code).modeLabel());
            assertThat(replan.shot(code).start()).isEqualTo(first.shot(code).start());
            assertThat(replan.shot(code).fixed()).isTrue();
        }
    }

    @Test
    void aReplanStartsFromTheCurrentPlan() {
        ShowPlan first = ShowPlanner.plan(ShowFixtures.smallShow(), quick());
        Map<String, PreviousAssignment> previous = new HashMap<>();
        for (PlannedShot s : first.shots()) {
            previous.put(s.shotCode(), new PreviousAssignment(s.modeLabel(), s.start()));
        }

        // a single move: what comes back is the construction, which must be the current plan itself
        ShowPlan replan = ShowPlanner.plan(ShowFixtures.smallShow(), quick().withPrevious(previous).withMoveLimit(1));

        for (PlannedShot s : first.shots()) {
            assertThat(replan.shot(s.shotCode()).modeLabel()).isEqualTo(s.modeLabel());
            assertThat(replan.shot(s.shotCode()).start()).isEqualTo(s.start());
        }
    }

    @Test
    void theFirstPlanWorksOnTheEarliestDeliveryFirstWhateverTheShotListOrder() {
        List<Shot> shots = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            shots.add(ShowFixtures.shot("E2_" + i, "E2", "comp", 2, 100)); // listed first, delivered a month later
        }
        for (int i = 1; i <= 3; i++) {
            shots.add(ShowFixtures.shot("E1_" + i, "E1", "comp", 2, 100));
        }
        Show show = ShowFixtures.show(shots, bd("100000"), new AiPolicy(bd("0.5"), Set.of()), ShowFixtures.crew("1", "1", "1"));

        // one move: the construction's order is what comes back
        ShowPlan plan = ShowPlanner.plan(show, quick().withMoveLimit(1));

        LocalDate lastE1 = plan.episode("E1").finish();
        assertThat(plan.shots()).filteredOn(s -> s.episode().equals("E2"))
                .allMatch(s -> s.start().isAfter(lastE1));
    }

    @Test
    void aShowWithNothingToPlanGetsAnEmptyPlanNotAnError() {
        List<Shot> omitted = ShowFixtures.smallShow().shots().stream()
                .map(s -> ShowFixtures.withStatus(s, ShotStatus.OMITTED)).toList();
        Show show = ShowFixtures.show(omitted, bd("100000"), new AiPolicy(bd("0.5"), Set.of()), ShowFixtures.crew("2", "2", "2"));

        ShowPlan plan = ShowPlanner.plan(show, quick());

        assertThat(plan.shots()).isEmpty();
        assertThat(plan.episodes()).extracting(EpisodePlan::code).containsExactly("E1", "E2");
        assertThat(plan.withinLimits()).isTrue();
        assertThat(plan.explanation()).containsExactly("No shots to plan.");
    }

    @Test
    void omittedShotsAreLeftOut() {
        List<Shot> shots = new ArrayList<>(ShowFixtures.smallShow().shots());
        shots.set(2, ShowFixtures.withStatus(shots.get(2), ShotStatus.OMITTED));
        Show show = ShowFixtures.show(shots, bd("100000"), new AiPolicy(bd("0.5"), Set.of()), ShowFixtures.crew("2", "2", "2"));

        ShowPlan plan = ShowPlanner.plan(show, quick());

        assertThat(plan.shots()).extracting(PlannedShot::shotCode).doesNotContain("E1_3").hasSize(11);
    }

    @Test
    void episodeTotalsAddUpFromTheShots() {
        ShowPlan plan = ShowPlanner.plan(ShowFixtures.smallShow(), quick());

        for (EpisodePlan e : plan.episodes()) {
            BigDecimal sum = plan.shots().stream().filter(s -> s.episode().equals(e.code())).map(PlannedShot::cost)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(e.cost()).isEqualByComparingTo(sum);
            assertThat(e.aiShots() + e.traditionalShots()).isEqualTo(6);
        }
        assertThat(plan.totalCost()).isEqualByComparingTo(plan.episodes().stream().map(EpisodePlan::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void biggestSavingsAreTheShotsWhoseModeSavedMostAgainstTheAlternative() {
        ShowPlan plan = ShowPlanner.plan(ShowFixtures.smallShow(), quick());

        List<PlannedShot> top = plan.biggestSavings(3);

        assertThat(top).hasSize(3).allMatch(PlannedShot::isAi);
        assertThat(top.get(0).reason().savedAgainstAlternative())
                .isGreaterThanOrEqualTo(top.get(1).reason().savedAgainstAlternative());
        BigDecimal third = top.get(2).reason().savedAgainstAlternative();
        assertThat(plan.shots()).filteredOn(s -> !top.contains(s))
                .allMatch(s -> s.reason().savedAgainstAlternative().compareTo(third) <= 0);
    }

    @Test
    void theSummaryShowsEachEpisodeAndTheThreeBiggestSavings() {
        ShowPlan plan = ShowPlanner.plan(ShowFixtures.smallShow(), quick());

        List<String> lines = PlanSummary.lines(plan, "USD");

        EpisodePlan e1 = plan.episode("E1");
        assertThat(lines.get(1)).startsWith("E1").contains(PlanSummary.money(e1.cost())).contains(e1.finish().toString())
                .contains(" " + e1.aiShots() + " ");
        assertThat(lines).filteredOn(l -> l.startsWith("saved most: ")).hasSize(3)
                .first().asString().contains(plan.biggestSavings(1).get(0).shotCode());
        assertThat(lines).anyMatch(l -> l.startsWith("Hard: every hard rule holds"));
    }

    @Test
    void fullAssertFindsNoScoreCorruptionOnASmallShow() {
        CompiledShow compiled = new CompiledShow(ShowFixtures.smallShow(), quick());
        io.shotplan.plan.solver.ProjectSolver.Settings settings = io.shotplan.plan.solver.ProjectSolver.Settings
                .of(Duration.ofMinutes(1)).withMoveCountLimit(1_500).withRestartAfterUnimprovedSteps(0)
                .withEnvironmentMode(ai.timefold.solver.core.config.solver.EnvironmentMode.FULL_ASSERT);

        var result = io.shotplan.plan.solver.ProjectSolver.solve(compiled.schedule(), settings);

        assertThat(result.feasible()).isTrue();
    }

    static CrewPlan crew() {
        return ShowFixtures.crew("2", "2", "2");
    }
}
