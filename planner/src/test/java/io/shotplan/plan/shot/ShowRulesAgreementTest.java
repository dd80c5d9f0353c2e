package io.shotplan.plan.shot;

import static io.shotplan.plan.shot.ShowFixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.junit.jupiter.api.Test;

import io.shotplan.plan.domain.Activity;
import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.plan.shot.rules.ShowPlanConstraints;
import io.shotplan.plan.solver.SerialScheduleDecoder;
import io.shotplan.show.AiPolicy;
import io.shotplan.show.ExchangeRate;
import io.shotplan.show.RateCard;
import io.shotplan.show.Show;

/**
 * The solver scores shows with {@link ShowObjective} on arrays; the rules with justifications live in the
 * constraint provider. Both must give the same score, rule by rule, for any decoded plan, or the explanation would lie;
 * a rule that drifts is named.
 */
class ShowRulesAgreementTest {

    @Test
    void objectiveAndRulesGiveTheSameScoreOnRandomPlans() {
        assertAgreeOnRandomPlans(tight());
    }

    /** Where prices depend on the day (a raise, a card in euros), both price each shot on the days it takes. */
    @Test
    void objectiveAndRulesAgreeWherePricesDependOnTheDay() {
        Show show = tight();
        LocalDate raise = ShowFixtures.START.plusWeeks(2);
        Show dated = show.withRates(show.currency(),
                List.of(new RateCard("raise", "USD", raise, Map.of("comp", bd("1000")), Map.of()),
                        new RateCard("euros", "EUR", raise.plusWeeks(2), Map.of("roto", bd("450"), "paint", bd("450"),
                                "comp", bd("900")), Map.of("a100", bd("2.75")))),
                List.of(new ExchangeRate("EUR", show.startDate(), bd("0.90")),
                        new ExchangeRate("EUR", raise.plusWeeks(3), bd("0.95"))));

        assertAgreeOnRandomPlans(dated);
    }

    /** Tight budgets, a low AI share and a previous plan make every medium and soft rule count. */
    private static Show tight() {
        return ShowFixtures.show(ShowFixtures.smallShow().shots(), bd("3000"), new AiPolicy(bd("0.34"), Set.of()),
                ShowFixtures.crew("1", "1", "1"));
    }

    private static void assertAgreeOnRandomPlans(Show show) {
        Map<String, PreviousAssignment> previous = new HashMap<>();
        for (var shot : show.shots()) {
            previous.put(shot.code(), new PreviousAssignment("traditional", ShowFixtures.START.plusDays(7)));
        }
        CompiledShow compiled = new CompiledShow(show, ShowPlannerTest.quick().withPrevious(previous));
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(compiled.schedule());
        Random random = new Random(11);
        List<Activity> order = new ArrayList<>(compiled.schedule().getActivities());
        for (int round = 0; round < 25; round++) {
            Collections.shuffle(order, random);
            ExecutionMode[] modes = new ExecutionMode[order.size()];
            for (Activity a : compiled.schedule().getActivities()) {
                modes[a.getIndex()] = a.getModeOptions().get(random.nextInt(a.getModeOptions().size()));
            }
            decoder.decode(order, modes, false);
            ShowObjective.Parts parts = compiled.objective()
                    .parts(modes, decoder.start(), decoder.finish(), decoder.capacityExcess());
            HardMediumSoftLongScore objective = parts.score(compiled.objective().weights());
            var analysis = ShowPlanChecks.analyze(ShowPlanChecks.of(compiled, modes, decoder.start()));

            assertThat(driftingRules(parts.byRule(compiled.objective().weights()), analysis)).isEmpty();
            assertThat(parts.byRule(compiled.objective().weights()).values().stream()
                    .reduce(HardMediumSoftLongScore.ZERO, HardMediumSoftLongScore::add)).isEqualTo(objective);
            assertThat(analysis.score()).isEqualTo(objective);
            assertThat(objective.mediumScore()).isNegative();
        }
    }

    /** Each rule whose part of the objective differs from its constraint's score, named, with both scores. */
    static List<String> driftingRules(Map<String, HardMediumSoftLongScore> objective,
            ScoreAnalysis<HardMediumSoftLongScore> analysis) {
        Map<String, HardMediumSoftLongScore> constraints = new LinkedHashMap<>();
        analysis.constraintMap().forEach((ref, constraint) -> constraints.merge(
                ref.constraintName().equals(ShowPlanConstraints.ARTIST_CAPACITY)
                        || ref.constraintName().equals(ShowPlanConstraints.GPU_CAPACITY)
                        ? ShowObjective.CAPACITY : ref.constraintName(),
                constraint.score(), HardMediumSoftLongScore::add));
        Set<String> rules = new TreeSet<>(objective.keySet());
        rules.addAll(constraints.keySet());
        List<String> drifting = new ArrayList<>();
        for (String rule : rules) {
            HardMediumSoftLongScore fast = objective.getOrDefault(rule, HardMediumSoftLongScore.ZERO);
            HardMediumSoftLongScore explained = constraints.getOrDefault(rule, HardMediumSoftLongScore.ZERO);
            if (!fast.equals(explained)) {
                drifting.add(rule + ": objective " + fast + ", constraints " + explained);
            }
        }
        return drifting;
    }

    @Test
    void aRuleThatDriftsIsNamed() {
        Map<String, HardMediumSoftLongScore> objective = new LinkedHashMap<>();
        objective.put(ShowPlanConstraints.AI_SHARE, HardMediumSoftLongScore.ofHard(-2));
        Show show = ShowFixtures.show(ShowFixtures.smallShow().shots(), bd("100000"), new AiPolicy(bd("0.5"), Set.of()),
                ShowFixtures.crew("2", "2", "2"));
        CompiledShow compiled = new CompiledShow(show, ShowPlannerTest.quick());
        ExecutionMode[] modes = new ExecutionMode[compiled.shots().size()];
        for (Activity a : compiled.schedule().getActivities()) {
            modes[a.getIndex()] = a.getModeOptions().get(0);
        }
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(compiled.schedule());
        decoder.decode(compiled.schedule().getActivities(), modes, false);
        var analysis = ShowPlanChecks.analyze(ShowPlanChecks.of(compiled, modes, decoder.start()));

        assertThat(driftingRules(objective, analysis))
                .anyMatch(line -> line.startsWith(ShowPlanConstraints.AI_SHARE + ": objective -2hard"));
    }

    @Test
    void aPinnedStartThatOverloadsACrewIsHardInBothAndTheRulesSayWhere() {
        // two comp shots (0.96 comp artists a day each) pinned to the same Monday with one comp artist
        Show show = ShowFixtures.show(ShowFixtures.smallShow().shots(), bd("100000"), new AiPolicy(bd("0.5"), Set.of()),
                ShowFixtures.crew("2", "2", "1"));
        java.time.LocalDate monday = ShowFixtures.START.plusWeeks(2);
        CompiledShow compiled = new CompiledShow(show, ShowPlannerTest.quick().withPins(List.of(
                Pin.start("E1_3", monday), Pin.start("E1_6", monday))));
        SerialScheduleDecoder decoder = new SerialScheduleDecoder(compiled.schedule());
        ExecutionMode[] modes = new ExecutionMode[compiled.shots().size()];
        for (Activity a : compiled.schedule().getActivities()) {
            modes[a.getIndex()] = a.getModeOptions().get(0);
        }
        decoder.decode(compiled.schedule().getActivities(), modes, false);
        HardMediumSoftLongScore objective = compiled.objective()
                .parts(modes, decoder.start(), decoder.finish(), decoder.capacityExcess()).score(compiled.objective().weights());

        var analysis = ShowPlanChecks.analyze(ShowPlanChecks.of(compiled, modes, decoder.start()));

        assertThat(objective.hardScore()).isNegative();
        assertThat(analysis.score()).isEqualTo(objective);
        assertThat(ShowPlanChecks.explain(ShowPlanChecks.of(compiled, modes, decoder.start()), 3))
                .anyMatch(line -> line.contains("comp on " + monday + ": 1.92 artists planned, 1.00 available"));
    }
}
