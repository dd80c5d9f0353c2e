package io.shotplan.plan.shot;

import static io.shotplan.plan.shot.ShowFixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.shotplan.show.AiPolicy;
import io.shotplan.show.Episode;
import io.shotplan.show.Shot;
import io.shotplan.show.Show;

class WhatWouldFixItTest {

    @Test
    void aBudgetTooSmallForAnyPlanIsFixedByTheExtraMoneyTheRelaxedPlanSpends() {
        Show show = ShowFixtures.show(ShowFixtures.smallShow().shots(), bd("1000"), new AiPolicy(bd("0.5"), Set.of()),
                ShowFixtures.crew("2", "2", "2"));
        ShowPlan plan = ShowPlanner.plan(show, ShowPlannerTest.quick());
        assertThat(plan.withinLimits()).isFalse();

        List<WhatWouldFixIt.Fix> fixes = WhatWouldFixIt.of(show, ShowPlannerTest.quick(), plan);
        WhatWouldFixIt.Fix money = fixes.stream().filter(f -> f.limit().equals("budget")).findFirst().orElseThrow();

        assertThat(money.fixesEverything()).isTrue();
        for (EpisodePlan e : money.relaxedPlan().episodes()) {
            assertThat(money.amounts().get(e.code())).isEqualByComparingTo(e.cost().subtract(bd("1000")));
        }
        // more artists or GPUs cannot make the shots cheap enough
        assertThat(fixes.stream().filter(f -> !f.limit().equals("budget"))).noneMatch(WhatWouldFixIt.Fix::fixesEverything);

        // and the answer is right: with the episodes' budgets raised by it, no episode is over budget
        List<Episode> raised = new ArrayList<>();
        for (Episode e : show.episodes()) {
            raised.add(new Episode(e.code(), e.title(), e.deliveryDate(), e.budget().add(money.amounts().get(e.code()))));
        }
        Show funded = new Show(show.code(), show.name(), show.currency(), show.startDate(), BigDecimal.ZERO,
                show.reviewBufferDays(), raised, show.disciplines(), show.gpuPools(), show.capabilities(), show.bidTemplate(),
                show.policy(), show.crew(), show.shots());
        ShowPlan replanned = ShowPlanner.plan(funded, ShowPlannerTest.quick());
        assertThat(replanned.withinLimits()).isTrue();
    }

    @Test
    void deliveriesMissedForLackOfArtistsAreFixedByArtistsNotMoney() {
        List<Shot> shots = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            shots.add(ShowFixtures.shot("E1_" + i, "E1", "comp", 5, 100)); // 15 comp-days each
        }
        // no AI at all, one comp artist: 60 comp-days cannot fit in the 38 working days before the end of February
        Show show = ShowFixtures.show(shots, bd("1000000"), new AiPolicy(BigDecimal.ZERO, Set.of()),
                ShowFixtures.crew("1", "1", "1"));
        ShowPlan plan = ShowPlanner.plan(show, ShowPlannerTest.quick());
        assertThat(plan.episode("E1").isLate()).isTrue();

        List<WhatWouldFixIt.Fix> fixes = WhatWouldFixIt.of(show, ShowPlannerTest.quick(), plan);

        WhatWouldFixIt.Fix artists = fixes.stream().filter(f -> f.limit().equals("artists")).findFirst().orElseThrow();
        assertThat(artists.fixesEverything()).isTrue();
        assertThat(artists.amounts()).containsOnlyKeys("comp");
        // the relaxed plan keeps a second comp artist busy all week
        assertThat(artists.amounts().get("comp")).isEqualByComparingTo(bd("5"));
        WhatWouldFixIt.Fix money = fixes.stream().filter(f -> f.limit().equals("budget")).findFirst().orElseThrow();
        assertThat(money.fixesEverything()).isFalse();

        // a stored plan keeps only dates: the working-day rule gives back the planner's own slack from them (an
        // episode without shots has no last day to read)
        WorkingDays days = new WorkingDays(show.startDate());
        for (ShowPlan p : List.of(plan, artists.relaxedPlan())) {
            for (EpisodePlan e : p.episodes().stream().filter(e -> e.aiShots() + e.traditionalShots() > 0).toList()) {
                assertThat(days.slackDays(e.finish(), e.delivery(), show.reviewBufferDays())).as(e.code())
                        .isEqualTo(e.slackDays());
            }
        }
        assertThat(WhatWouldFixIt.relaxations(show, ShowPlannerTest.quick()))
                .extracting(WhatWouldFixIt.Relaxation::limit).containsExactly("budget", "artists", "GPUs");
    }

    @Test
    void aPlanWithinItsLimitsNeedsNoFix() {
        ShowPlan plan = ShowPlanner.plan(ShowFixtures.smallShow(), ShowPlannerTest.quick());

        assertThat(plan.withinLimits()).isTrue();
        assertThat(WhatWouldFixIt.of(ShowFixtures.smallShow(), ShowPlannerTest.quick(), plan)).isEmpty();
    }

    @Test
    void scenariosAreSolvedAndComparedSideBySide() {
        List<Shot> shots = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            shots.add(ShowFixtures.shot("E1_" + i, "E1", i % 2 == 0 ? "roto" : "comp", 5, 100));
        }
        Show show = ShowFixtures.show(shots, bd("1000000"), new AiPolicy(bd("0.5"), Set.of()), ShowFixtures.crew("1", "1", "1"));

        List<Scenarios.Outcome> outcomes = Scenarios.compare(show, ShowPlannerTest.quick(), List.of(
                Scenarios.Scenario.baseline(), Scenarios.Scenario.artists(100),
                Scenarios.Scenario.policy("no AI", new AiPolicy(BigDecimal.ZERO, Set.of()))));

        assertThat(outcomes).extracting(Scenarios.Outcome::scenario).containsExactly("baseline", "artists +100%", "no AI");
        assertThat(outcomes.get(2).aiShots()).isZero();
        assertThat(outcomes.get(0).aiShots()).isPositive();
        // without AI the same shots cost more
        assertThat(outcomes.get(2).totalCost()).isGreaterThan(outcomes.get(0).totalCost());
        assertThat(outcomes.get(1).plan().episode("E1").finish()).isBeforeOrEqualTo(outcomes.get(0).plan().episode("E1").finish());
    }
}
