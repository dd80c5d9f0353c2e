package io.shotplan.plan.shot;

import static io.shotplan.plan.shot.ShowFixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shotplan.plan.domain.ExecutionMode;
import io.shotplan.show.AiPolicy;
import io.shotplan.show.ExchangeRate;
import io.shotplan.show.RateCard;
import io.shotplan.show.Show;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RateChangePlanTest {

    /** Comp goes from 800 to 1,000 a day on Monday 18 January. */
    private static final LocalDate CHANGE = LocalDate.of(2027, 1, 18);

    @Test
    void aRateChangeMidSeasonPricesTheDaysOnEachSideAtTheirCard() {
        // comp work of complexity 1 is 3 comp-days per 100 frames: three working days at one artist a day
        Show fixture = ShowFixtures.show(List.of(ShowFixtures.shot("BEFORE", "E1", "comp", 1, 100),
                        ShowFixtures.shot("ACROSS", "E1", "comp", 1, 100), ShowFixtures.shot("AFTER", "E1", "comp", 1, 100)),
                bd("100000"), new AiPolicy(bd("0.5"), Set.of()), ShowFixtures.crew("2", "2", "3"));
        Show show = fixture.withRates(fixture.currency(),
                List.of(new RateCard("2027 raise", "USD", CHANGE, Map.of("comp", bd("1000")), Map.of())), List.of());

        ShowPlan plan = ShowPlanner.plan(show, PlanRequest.of(Duration.ofSeconds(5)).withMoveLimit(200).withPins(List.of(
                Pin.start("BEFORE", LocalDate.of(2027, 1, 11)),     // Mon 11 – Wed 13: 3 × 800
                Pin.start("ACROSS", LocalDate.of(2027, 1, 14)),     // Thu 14, Fri 15 at 800, Mon 18 at 1,000
                Pin.start("AFTER", CHANGE))));                       // Mon 18 – Wed 20: 3 × 1,000

        assertThat(plan.shots()).extracting(PlannedShot::shotCode, PlannedShot::start, PlannedShot::cost).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("ACROSS", LocalDate.of(2027, 1, 14), bd("2600.00")),
                org.assertj.core.groups.Tuple.tuple("AFTER", CHANGE, bd("3000.00")),
                org.assertj.core.groups.Tuple.tuple("BEFORE", LocalDate.of(2027, 1, 11), bd("2400.00")));
        assertThat(plan.shots()).filteredOn(s -> s.shotCode().equals("ACROSS")).singleElement()
                .satisfies(s -> assertThat(s.costByDiscipline()).containsExactly(Map.entry("comp", bd("2600.0000"))));
        assertThat(plan.episodes()).extracting(EpisodePlan::cost).first().isEqualTo(bd("8000.00"));
        assertThat(plan.totalCost()).isEqualTo(bd("8000.00"));
        // "against traditional" is priced on the same days, not at the first card
        assertThat(plan.shots()).allSatisfy(s -> assertThat(s.traditionalCost()).isEqualTo(s.cost()));
    }

    /**
     * The search prices a mode on the days it would take from the start it is given, as the plan is priced: the same
     * three comp days cost 2,400 before the raise, 2,600 across it and 3,000 after it.
     */
    @Test
    void theSearchPricesEachShotOnTheDaysItWouldTake() {
        Show fixture = ShowFixtures.show(List.of(ShowFixtures.shot("A", "E1", "comp", 1, 100)),
                bd("100000"), new AiPolicy(bd("0.5"), Set.of()), ShowFixtures.crew("2", "2", "3"));
        Show show = fixture.withRates(fixture.currency(), List.of(new RateCard("2027 raise", "USD", CHANGE,
                        Map.of("comp", bd("1000")), Map.of())), List.of());
        CompiledShow compiled = new CompiledShow(show, PlanRequest.of(Duration.ofSeconds(1)));
        var traditional = compiled.schedule().getActivities().get(0).getModeOptions().get(0);
        int monday11 = compiled.days().periodOnOrAfter(LocalDate.of(2027, 1, 11));

        assertThat(compiled.objective().costCents(traditional, monday11)).isEqualTo(240_000);
        assertThat(compiled.objective().costCents(traditional, monday11 + 3)).isEqualTo(260_000);
        assertThat(compiled.objective().costCents(traditional, monday11 + 5)).isEqualTo(300_000);
        assertThat(compiled.objective().costCents(traditional, monday11 + 500)).isEqualTo(300_000);
    }

    /**
     * Searched window by window (a long season), a window's budget is what the shots outside it leave: each priced on
     * the days it is scheduled, so a shot after the raise leaves 600 less of the episode's 4,000 than before it.
     */
    @Test
    void aWindowCountsTheShotsOutsideItAtTheDaysTheyAreScheduled() {
        Show fixture = ShowFixtures.show(List.of(ShowFixtures.shot("INSIDE", "E1", "comp", 1, 100),
                        ShowFixtures.shot("OUTSIDE", "E1", "comp", 1, 100)),
                bd("4000"), new AiPolicy(bd("0.5"), Set.of()), ShowFixtures.crew("2", "2", "3"));
        Show show = fixture.withRates(fixture.currency(), List.of(new RateCard("2027 raise", "USD", CHANGE,
                Map.of("comp", bd("1000")), Map.of())), List.of());
        CompiledShow compiled = new CompiledShow(show, PlanRequest.of(Duration.ofSeconds(1)));
        int inside = compiled.shots().get(0).code().equals("INSIDE") ? 0 : 1;
        ExecutionMode[] modes = compiled.schedule().getActivities().stream().map(a -> a.getModeOptions().get(0))
                .toArray(ExecutionMode[]::new); // traditional, three comp days
        int monday11 = compiled.days().periodOnOrAfter(LocalDate.of(2027, 1, 11));
        int[] beforeRaise = {monday11, monday11};
        int[] afterRaise = {monday11, monday11};
        afterRaise[1 - inside] = monday11 + 5;

        long overBefore = overBudgetOfWindow(compiled, inside, modes, beforeRaise);
        long overAfter = overBudgetOfWindow(compiled, inside, modes, afterRaise);

        assertThat(overBefore).isEqualTo(80_000);           // 2,400 + 2,400 against 4,000
        assertThat(overAfter - overBefore).isEqualTo(60_000); // the outside shot's three days at 1,000, not 800
    }

    private static long overBudgetOfWindow(CompiledShow compiled, int inside, ExecutionMode[] modes, int[] start) {
        ShowObjective window = compiled.windowObjective(new int[] {inside}, modes, start);
        return window.parts(new ExecutionMode[] {modes[inside]}, new int[] {start[inside]},
                new int[] {start[inside] + 3}, 0).episodeOverBudgetCents();
    }

    /**
     * The crew is paid in euros from the start (the show file's rate_currency): comp at 800 EUR a day, the dollar
     * buying 0.80 EUR until Wednesday 20 January and 0.90 from then on.
     */
    @Test
    void ratesInAnotherCurrencyFromTheStartPriceEachDayAtThatDaysExchangeRate() {
        Show fixture = studioInPesos(List.of());
        Show show = fixture.withRates("EUR", List.of(), List.of(new ExchangeRate("EUR", fixture.startDate(), bd("0.80")),
                        new ExchangeRate("EUR", LocalDate.of(2027, 1, 20), bd("0.90"))));

        ShowPlan plan = ShowPlanner.plan(show, pinned());

        assertThat(plan.shots()).extracting(PlannedShot::shotCode, PlannedShot::cost).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("BEFORE", bd("3000.00")),  // 3 × 800 / 0.80
                org.assertj.core.groups.Tuple.tuple("ACROSS", bd("3000.00")),  // Thu 14 – Mon 18, all at 0.80
                org.assertj.core.groups.Tuple.tuple("AFTER", bd("2888.89")));  // 2 × 800 / 0.80 + 800 / 0.90
    }

    @Test
    void theCardInForceIsTheLastThatStartedOnOrBeforeTheDayAndTheFirstBeforeThat() {
        Show show = ShowFixtures.smallShow();
        Show changed = show.withRates(show.currency(),
                List.of(new RateCard("late", "USD", CHANGE.plusWeeks(4), Map.of(), Map.of("a100", bd("4"))),
                        new RateCard("raise", "USD", CHANGE, Map.of("comp", bd("1000")), Map.of())), List.of());
        var cards = changed.rateCards();

        assertThat(cards.on(show.startDate().minusDays(3)).name()).isEqualTo("default");
        assertThat(cards.on(CHANGE.minusDays(1)).name()).isEqualTo("default");
        assertThat(cards.on(CHANGE).name()).isEqualTo("raise");
        assertThat(cards.dayRate("comp", CHANGE.plusWeeks(5))).isEqualTo(bd("1000"));   // carried on to the later card
        assertThat(cards.hourlyRate("a100", CHANGE.plusWeeks(5))).isEqualTo(bd("4"));
        assertThat(cards.hourlyRate("a100", CHANGE)).isEqualTo(bd("3"));
        assertThat(Optional.of(cards.all().size())).contains(3);
    }

    /**
     * From Monday 18 January an Argentine studio does the comp at 1,000,000 pesos a day; the dollar buys 1,050 pesos
     * until Wednesday 20, 1,200 from then on. Each day is priced at its card converted at that day's rate.
     */
    @Test
    void aCardInAnotherCurrencyPricesEachDayConvertedAtTheRateInForceThatDay() {
        ShowPlan plan = ShowPlanner.plan(studioInPesos(List.of(new ExchangeRate("ARS", LocalDate.of(2027, 1, 4), bd("1050")),
                new ExchangeRate("ARS", LocalDate.of(2027, 1, 20), bd("1200")))), pinned());

        assertThat(plan.shots()).extracting(PlannedShot::shotCode, PlannedShot::cost).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("BEFORE", bd("2400.00")),  // 3 × 800 USD
                org.assertj.core.groups.Tuple.tuple("ACROSS", bd("2552.38")),  // 800 + 800 + 1,000,000 / 1,050
                org.assertj.core.groups.Tuple.tuple("AFTER", bd("2738.10")));  // 2 × 1,000,000 / 1,050 + 1,000,000 / 1,200
        assertThat(plan.shots()).filteredOn(s -> s.shotCode().equals("AFTER")).singleElement()
                .satisfies(s -> assertThat(s.costByDiscipline()).containsExactly(Map.entry("comp", bd("2738.0952"))));
    }

    @Test
    void aDayOfACardInAnotherCurrencyWithNoRateInForceIsAnErrorNamingTheCardAndTheDay() {
        Show show = studioInPesos(List.of(new ExchangeRate("ARS", CHANGE.plusDays(1), bd("1050"))));

        assertThatThrownBy(() -> ShowPlanner.plan(show, pinned())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rate card '2027 studio' is in ARS")
                .hasMessageContaining("no exchange rate of ARS against the show's USD is in force on 2027-01-18");
    }

    private static Show studioInPesos(List<ExchangeRate> rates) {
        Show fixture = ShowFixtures.show(List.of(ShowFixtures.shot("BEFORE", "E1", "comp", 1, 100),
                        ShowFixtures.shot("ACROSS", "E1", "comp", 1, 100), ShowFixtures.shot("AFTER", "E1", "comp", 1, 100)),
                bd("100000"), new AiPolicy(bd("0.5"), Set.of()), ShowFixtures.crew("2", "2", "3"));
        RateCard studio = new RateCard("2027 studio", "ARS", CHANGE,
                Map.of("roto", bd("500000"), "paint", bd("500000"), "comp", bd("1000000")), Map.of("a100", bd("3000")));
        return fixture.withRates(fixture.currency(), List.of(studio), rates);
    }

    private static PlanRequest pinned() {
        return PlanRequest.of(Duration.ofSeconds(5)).withMoveLimit(200).withPins(List.of(
                Pin.start("BEFORE", LocalDate.of(2027, 1, 11)), Pin.start("ACROSS", LocalDate.of(2027, 1, 14)),
                Pin.start("AFTER", CHANGE)));
    }
}
