package io.shotplan.reporting;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shotplan.reporting.ShowReport.CostLine;
import io.shotplan.reporting.ShowReport.EpisodeReport;
import io.shotplan.reporting.ShowReport.Figures;
import io.shotplan.reporting.ShowReport.GenerationLine;
import io.shotplan.reporting.ShowReport.LedgerLine;
import io.shotplan.reporting.ShowReport.ModeLine;
import io.shotplan.reporting.ShowReport.SourceLine;
import io.shotplan.reporting.ShowReport.UtilisationWeek;
import io.shotplan.reporting.ShowReport.VarianceDriver;
import io.shotplan.sql.Database;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The figures of {@link SmallShow}, worked out by hand, on H2 and PostgreSQL. */
class ShowReportQueryTest {

    private static BigDecimal m(String amount) {
        return new BigDecimal(amount);
    }

    /**
     * Actuals come from whole weeks of the ledger's rollup plus the as-of week's days from the ledger: on every day of
     * two weeks around the small show's rows (Sunday to Sunday), the report's rows and amounts per source equal the
     * ledger's rows to that day, counted here.
     */
    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void actualsToDateOnEveryDayOfTheWeek(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long show = SmallShow.create(db.dsl());
            var ledger = io.shotplan.sql.schema.Tables.COST_LEDGER;
            for (LocalDate day = LocalDate.of(2026, 2, 8); !day.isAfter(LocalDate.of(2026, 2, 22)); day = day.plusDays(1)) {
                ShowReport report = new ShowReportQuery(db.dsl()).build(SmallShow.CODE, Optional.empty(),
                        ReportOptions.asOf(day));
                var expected = db.dsl().select(ledger.SOURCE, org.jooq.impl.DSL.count(),
                                org.jooq.impl.DSL.sum(ledger.AMOUNT))
                        .from(ledger).where(ledger.SHOW_ID.eq(show)).and(ledger.OCCURRED_ON.le(day))
                        .groupBy(ledger.SOURCE).fetchMap(r -> r.value1(), r -> r);
                var bySource = report.total().bySource();
                assertThat(bySource).as("as of %s", day).extracting(SourceLine::source)
                        .containsExactlyInAnyOrderElementsOf(expected.keySet());
                for (SourceLine line : bySource) {
                    var sums = expected.get(line.source());
                    assertThat(line.rows()).as("%s rows as of %s", line.source(), day).isEqualTo(sums.value2().longValue());
                    // each cell is rounded once, so the line may differ from the rounded exact sum by a cent or two
                    assertThat(line.amount()).as("%s as of %s", line.source(), day)
                            .isCloseTo(sums.value3(), org.assertj.core.api.Assertions.within(m("0.02")));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void showFigures(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            SmallShow.create(db.dsl());
            ShowReport report = new ShowReportQuery(db.dsl()).build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS);

            assertThat(report.show().currency()).isEqualTo("USD");
            assertThat(report.show().baselinePlan()).get().extracting(ShowReport.PlanRef::version).isEqualTo(1);
            assertThat(report.show().currentPlan()).get().extracting(ShowReport.PlanRef::version).isEqualTo(2);
            assertThat(report.episodes()).extracting(EpisodeReport::code).containsExactly("EP1", "EP2", "EP3");

            Figures f = report.total().figures();
            assertThat(f.budget()).isEqualTo(m("23000.00"));
            assertThat(f.contingency()).isEqualTo(m("2300.00"));
            assertThat(f.baselineCost()).isEqualTo(m("10450.00"));
            assertThat(f.plannedCost()).isEqualTo(m("8250.00"));
            assertThat(f.actualCost()).isEqualTo(m("3885.77"));
            assertThat(f.remainingCost()).isEqualTo(m("4589.49"));
            assertThat(f.eac()).isEqualTo(m("8475.26"));
            assertThat(f.varianceToBudget()).isEqualTo(m("14524.74"));
            assertThat(f.varianceToBudgetWithContingency()).isEqualTo(m("16824.74"));
            assertThat(f.varianceToBaseline()).contains(m("1974.74"));
            assertThat(f.shots()).isEqualTo(11);
            assertThat(f.aiShots()).isEqualTo(5);
            assertThat(f.aiShareOfShots()).isEqualTo(m("0.4545"));
            assertThat(f.aiShareOfCost()).isEqualTo(m("0.2485"));
            assertThat(f.plannedArtistDays()).isEqualTo(m("13.60"));
            assertThat(f.actualArtistDays()).isEqualTo(m("4.60"));
            assertThat(f.traditionalCost()).isEqualTo(m("12850.00"));
            assertThat(f.savings()).isEqualTo(m("4600.00"));
            assertThat(f.schedule().episodesAtRisk()).isEqualTo(1);
            assertThat(f.schedule().lateShots()).isEqualTo(2);
            assertThat(f.schedule().slippedShots()).isEqualTo(2);

            assertThat(report.unallocated().actualCost()).isEqualTo(m("75.00"));
            assertThat(report.total().bySource()).containsExactly(
                    new SourceLine("TIMESHEET", 5, m("2300.50")),
                    new SourceLine("INVOICE", 2, m("875.00")),
                    new SourceLine("GENERATION", 3, m("570.27")),
                    new SourceLine("AI_VENDOR", 2, m("290.00")),
                    new SourceLine("REVERSAL", 1, m("-150.00")));
            assertFoots(report.total());
            report.episodes().forEach(e -> assertFoots(e.breakdown()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void episodeFigures(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            SmallShow.create(db.dsl());
            ShowReport report = new ShowReportQuery(db.dsl()).build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS);
            EpisodeReport ep1 = report.episode("EP1").orElseThrow();
            Figures f1 = ep1.figures();
            assertThat(List.of(f1.budget(), f1.contingency(), f1.baselineCost(), f1.plannedCost(), f1.actualCost(),
                    f1.remainingCost(), f1.eac(), f1.varianceToBudget(), f1.varianceToBaseline().orElseThrow()))
                    .containsExactly(m("10000.00"), m("1000.00"), m("4900.00"), m("3400.00"), m("1460.00"),
                            m("2040.00"), m("3500.00"), m("6500.00"), m("1400.00"));
            assertThat(f1.aiShareOfCost()).isEqualTo(m("0.2647"));
            assertThat(f1.savings()).isEqualTo(m("2300.00"));
            assertThat(ep1.breakdown().byMode()).containsExactly(
                    line("TRADITIONAL", "TRADITIONAL", "4500.00", "2500.00", "1100.00", "1500.00", "2600.00", "5.00", "2.20"),
                    line("AI", "AI", "0.00", "500.00", "220.00", "280.00", "500.00", "0.60", "0.20"),
                    line("AI_VENDOR", "AI_VENDOR", "400.00", "400.00", "140.00", "260.00", "400.00", "0.00", "0.00"));
            assertThat(ep1.breakdown().byDiscipline()).containsExactly(
                    line("COMP", "Compositing", "2500.00", "2500.00", "1100.00", "1500.00", "2600.00", "5.00", "2.20"),
                    line("ROTO", "Roto", "2000.00", "300.00", "100.00", "200.00", "300.00", "0.60", "0.20"),
                    line("GPU", "GPU compute", "0.00", "200.00", "120.00", "80.00", "200.00", "0.00", "0.00"),
                    line("VENDOR", "AI vendor", "400.00", "400.00", "140.00", "260.00", "400.00", "0.00", "0.00"));
            assertThat(ep1.breakdown().modes()).extracting(ModeLine::mode, ModeLine::shots, ModeLine::savings)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("TRADITIONAL", 2L, m("0.00")),
                            org.assertj.core.groups.Tuple.tuple("AI", 1L, m("1500.00")),
                            org.assertj.core.groups.Tuple.tuple("AI_VENDOR", 1L, m("800.00")));
            var s1 = f1.schedule();
            assertThat(s1.lateShots()).isEqualTo(2);
            assertThat(s1.slippedShots()).isEqualTo(1);
            assertThat(s1.plannedFinish()).contains(LocalDate.of(2026, 3, 6));
            assertThat(s1.slackDays()).isEqualTo(20);
            assertThat(s1.atRisk()).isFalse();
            assertThat(ep1.drivers()).extracting(VarianceDriver::shot, VarianceDriver::varianceToBaseline,
                            VarianceDriver::slipDays)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("E1S2", Optional.of(m("1500.00")), 0L),
                            org.assertj.core.groups.Tuple.tuple("E1S1", Optional.of(m("-100.00")), 0L),
                            org.assertj.core.groups.Tuple.tuple("E1S3", Optional.of(m("0.00")), 7L));
            assertThat(ep1.corrections()).extracting(LedgerLine::source, LedgerLine::amount).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("AI_VENDOR", m("150.00")),
                    org.assertj.core.groups.Tuple.tuple("REVERSAL", m("-150.00")));
            assertThat(ep1.corrections().get(1).reversesId()).contains(ep1.corrections().get(0).id());
            assertThat(ep1.generation().byShot()).containsExactly(
                    new GenerationLine("E1S2", 1, m("36000.00"), m("10.00"), m("20.00"), m("120.00"), m("120.00")));
            assertThat(ep1.generation().byDeviceType()).extracting(GenerationLine::key).containsExactly("H100");
            assertThat(ep1.burn().getLast().actual()).isEqualTo(m("1460.00"));
            assertThat(ep1.burn().getLast().planned()).isEqualTo(m("3400.00"));
            assertThat(ep1.burn().getLast().baseline()).isEqualTo(m("4900.00"));

            EpisodeReport ep2 = report.episode("EP2").orElseThrow();
            Figures f2 = ep2.figures();
            assertThat(List.of(f2.baselineCost(), f2.plannedCost(), f2.actualCost(), f2.remainingCost(), f2.eac(),
                    f2.varianceToBudget(), f2.varianceToBaseline().orElseThrow()))
                    .containsExactly(m("3100.00"), m("3000.00"), m("2350.75"), m("699.50"), m("3050.25"),
                            m("4949.75"), m("49.75"));
            assertThat(f2.shots()).isEqualTo(3);
            assertThat(f2.aiShareOfShots()).isEqualTo(m("0.3333"));
            assertThat(f2.schedule().slackDays()).isEqualTo(-3);
            assertThat(f2.schedule().slipDays()).isEqualTo(5);
            assertThat(f2.schedule().atRisk()).isTrue();
            assertThat(ep2.breakdown().byMode()).extracting(CostLine::key, CostLine::eac).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("TRADITIONAL", m("2400.00")),
                    org.assertj.core.groups.Tuple.tuple("AI", m("600.25")),
                    org.assertj.core.groups.Tuple.tuple("UNPLANNED", m("50.00")));
            assertThat(ep2.drivers()).extracting(VarianceDriver::shot)
                    .containsExactly("E2S4", "E2S1", "E2S2");

            // half-even, once: 100.0050 -> 100.00 and 200.0050 -> 200.00, so the plan foots to 1850.00
            EpisodeReport ep3 = report.episode("EP3").orElseThrow();
            Figures f3 = ep3.figures();
            assertThat(List.of(f3.budget(), f3.contingency(), f3.plannedCost(), f3.actualCost(), f3.remainingCost(),
                    f3.eac(), f3.savings(), f3.aiShareOfCost()))
                    .containsExactly(m("5000.00"), m("500.00"), m("1850.00"), m("0.02"), m("1849.99"), m("1850.01"),
                            m("1100.00"), m("0.2973"));
            assertThat(ep3.generation().total()).isEqualTo(
                    new GenerationLine("TOTAL", 2, m("18.00"), m("0.00"), m("22.50"), m("0.02"), m("0.01")));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void utilisationAndOneEpisode(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            SmallShow.create(db.dsl());
            ShowReportQuery query = new ShowReportQuery(db.dsl());
            ShowReport report = query.build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS);
            assertThat(report.utilisation()).contains(
                    new UtilisationWeek(LocalDate.of(2026, 1, 12), "CREW", "COMP", m("10.00"), m("2.00"), m("2.20"),
                            m("0.2000"), m("0.2200")),
                    new UtilisationWeek(LocalDate.of(2026, 1, 19), "GPU", "POOL1", m("140.00"), m("11.67"), m("10.00"),
                            m("0.0834"), m("0.0714")));

            ShowReport one = query.build(SmallShow.CODE, Optional.of("EP2"), SmallShow.OPTIONS);
            assertThat(one.episodes()).extracting(EpisodeReport::code).containsExactly("EP2");
            assertThat(one.total().figures().eac()).isEqualTo(m("3050.25"));
            assertThat(one.total().figures()).isEqualTo(one.episodes().getFirst().figures());

            assertThatThrownBy(() -> query.build("NOPE", Optional.empty(), SmallShow.OPTIONS))
                    .isInstanceOf(ReportNotFoundException.class).hasMessageContaining("NOPE");
            assertThatThrownBy(() -> query.build(SmallShow.CODE, Optional.of("EP9"), SmallShow.OPTIONS))
                    .isInstanceOf(ReportNotFoundException.class).hasMessageContaining("EP9");
        }
    }

    /**
     * The burn chart's cumulative series end at the report's figures of each episode: baseline and plan at their
     * costs, actuals (from the as-of week on) at actuals to date. EP3's plan is the case that needs it: its cells
     * round half-even to 1,850.00 while its exact sum, 1,850.01, would round up.
     */
    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void burnEndsAtTheFigures(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            SmallShow.create(db.dsl());
            ShowReport report = new ShowReportQuery(db.dsl()).build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS);
            for (EpisodeReport e : report.episodes()) {
                Figures f = e.figures();
                ShowReport.BurnPoint last = e.burn().getLast();
                assertThat(List.of(last.baseline(), last.planned(), last.actual())).as(e.code())
                        .containsExactly(f.baselineCost(), f.plannedCost(), f.actualCost());
                assertThat(e.burn()).as(e.code()).filteredOn(p -> !p.weekStart().plusDays(6).isBefore(SmallShow.AS_OF))
                        .isNotEmpty().allSatisfy(p -> assertThat(p.actual()).isEqualTo(f.actualCost()));
            }
            assertThat(report.episode("EP3").orElseThrow().burn().getLast().planned()).isEqualTo(m("1850.00"));
        }
    }

    /**
     * Crew capacity per week counts each working day's artists, a calendar exception replacing the crew of its day:
     * COMP (2 artists) in the week of 12 January with a holiday for everyone on Monday, its own exception of 1 artist
     * on Tuesday (before an exception for everyone that day) and a Saturday closure (not a working day) has
     * 0 + 1 + 2 + 2 + 2 = 7 artist-days instead of 10, so the same 2 planned days are a higher share of it.
     */
    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void crewCapacityRespectsCalendarExceptions(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long show = SmallShow.create(db.dsl());
            var ce = io.shotplan.sql.schema.Tables.CALENDAR_EXCEPTION;
            var d = io.shotplan.sql.schema.Tables.DISCIPLINE;
            long comp = db.dsl().select(d.ID).from(d).where(d.SHOW_ID.eq(show)).and(d.CODE.eq("COMP")).fetchSingle(d.ID);
            db.dsl().insertInto(ce, ce.SHOW_ID, ce.DISCIPLINE_ID, ce.ON_DATE, ce.ARTISTS, ce.REASON)
                    .values(show, null, LocalDate.of(2026, 1, 12), m("0"), "holiday")
                    .values(show, comp, LocalDate.of(2026, 1, 13), m("1"), "half the compers at a festival")
                    .values(show, null, LocalDate.of(2026, 1, 13), m("0"), "closure, but not for COMP")
                    .values(show, null, LocalDate.of(2026, 1, 17), m("0"), "Saturday")
                    .execute();
            ShowReport report = new ShowReportQuery(db.dsl()).build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS);
            assertThat(report.utilisation()).contains(
                    new UtilisationWeek(LocalDate.of(2026, 1, 12), "CREW", "COMP", m("7.00"), m("2.00"), m("2.20"),
                            m("0.2857"), m("0.3143")),
                    new UtilisationWeek(LocalDate.of(2026, 1, 19), "GPU", "POOL1", m("140.00"), m("11.67"), m("10.00"),
                            m("0.0834"), m("0.0714")));
            assertThat(report.utilisation()).filteredOn(u -> u.kind().equals("CREW") && u.resource().equals("COMP")
                            && !u.weekStart().equals(LocalDate.of(2026, 1, 12)))
                    .isNotEmpty().allSatisfy(u -> assertThat(u.capacity()).isEqualTo(m("10.00")));
        }
    }

    /**
     * Before a baseline is locked there is no variance to baseline: absent in the figures, every cost line and every
     * driver, not a variance against zero (EP1 would read -3,500.00).
     */
    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void noVarianceToBaselineBeforeABaselineIsLocked(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            SmallShow.create(db.dsl());
            SmallShow.unlockBaseline(db.dsl());
            ShowReport report = new ShowReportQuery(db.dsl()).build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS);

            assertThat(report.show().baselinePlan()).isEmpty();
            EpisodeReport ep1 = report.episode("EP1").orElseThrow();
            assertThat(ep1.figures().eac()).isEqualTo(m("3500.00"));
            assertThat(ep1.figures().baselineCost()).isEqualTo(m("0.00"));
            for (ShowReport.Breakdown b : Stream.concat(Stream.of(report.total()),
                    report.episodes().stream().map(EpisodeReport::breakdown)).toList()) {
                assertThat(b.figures().varianceToBaseline()).isEmpty();
                assertThat(Stream.concat(b.byMode().stream(), b.byDiscipline().stream()))
                        .isNotEmpty().allSatisfy(line -> assertThat(line.varianceToBaseline()).isEmpty());
            }
            assertThat(report.unallocated().varianceToBaseline()).isEmpty();
            // without a baseline only E1S1 costs more than its plan (1,100.00 of timesheets against 1,000.00)
            assertThat(ep1.drivers()).extracting(VarianceDriver::shot, VarianceDriver::plannedCost, VarianceDriver::eac,
                            VarianceDriver::varianceToBaseline)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("E1S1", m("1000.00"), m("1100.00"),
                            Optional.empty()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aTwoCurrencyShowReportsToTheCentInItsCurrencyAndListsTheRatesUsed(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long show = SmallShow.create(db.dsl());
            var query = new ShowReportQuery(db.dsl());
            BigDecimal before = query.build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS).total().figures()
                    .actualCost();
            db.dsl().transaction(tx -> new io.shotplan.sql.money.ExchangeRateRepository(tx.dsl()).store(show, List.of(
                    new io.shotplan.sql.money.ExchangeRate("ARS", LocalDate.of(2026, 1, 1), m("1050")),
                    new io.shotplan.sql.money.ExchangeRate("ARS", LocalDate.of(2026, 2, 9), m("1100"))),
                    "rates.csv", "finance"));
            var ledger = new io.shotplan.sql.ledger.LedgerRepository(db.dsl());
            for (String[] row : List.of(new String[] {"2026-02-02", "1000000"}, new String[] {"2026-02-10", "500000"},
                    new String[] {"2026-02-13", "250000.50"}, new String[] {"2026-03-02", "999999"})) {
                ledger.append(io.shotplan.sql.ledger.LedgerEntry.money(show, null,
                        io.shotplan.sql.ledger.LedgerSource.INVOICE, m(row[1]), "ARS", LocalDate.parse(row[0]),
                        "pesos " + row[0], "ars:" + row[0]));
            }

            ShowReport report = query.build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS);
            // 1,000,000 / 1,050 = 952.3810, then 500,000 / 1,100 = 454.5455 and 250,000.50 / 1,100 = 227.2732, each row
            // rounded once to the ledger's 4 places; their sum 1,634.1997 is 1,634.20. March is after the as-of date.
            assertThat(report.total().figures().actualCost().subtract(before)).isEqualTo(m("1634.20"));
            assertThat(report.ratesUsed()).extracting(ShowReport.RateUsed::currency, r -> r.rate().toPlainString(),
                            ShowReport.RateUsed::firstDay, ShowReport.RateUsed::lastDay, ShowReport.RateUsed::rows,
                            ShowReport.RateUsed::originalAmount, ShowReport.RateUsed::amount)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("ARS", "1050", LocalDate.of(2026, 2, 2),
                                    LocalDate.of(2026, 2, 2), 1L, m("1000000.00"), m("952.38")),
                            org.assertj.core.groups.Tuple.tuple("ARS", "1100", LocalDate.of(2026, 2, 10),
                                    LocalDate.of(2026, 2, 13), 2L, m("750000.50"), m("681.82")));
            // every tabular form lists them under the summary, the original amounts in pesos
            assertThat(io.shotplan.reporting.export.ReportTables.summary(report).tables())
                    .filteredOn(t -> t.title().equals(io.shotplan.reporting.export.ReportTables.RATES_USED))
                    .singleElement().satisfies(t -> assertThat(t.rows()).extracting(row -> row.get(5))
                            .containsExactly("1000000.00 ARS", "750000.50 ARS"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void onDemandTheOriginalAmountsSumToWhatWasBookedAndTheConvertedFiguresStayTheSame(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long show = SmallShow.create(db.dsl());
            db.dsl().transaction(tx -> new io.shotplan.sql.money.ExchangeRateRepository(tx.dsl()).store(show, List.of(
                    new io.shotplan.sql.money.ExchangeRate("ARS", LocalDate.of(2026, 1, 1), m("1050")),
                    new io.shotplan.sql.money.ExchangeRate("ARS", LocalDate.of(2026, 2, 9), m("1100")),
                    new io.shotplan.sql.money.ExchangeRate("EUR", LocalDate.of(2026, 1, 1), m("0.9215"))),
                    "rates.csv", "finance"));
            Map<String, Long> shots = db.dsl().select(SHOT.CODE, SHOT.ID).from(SHOT).where(SHOT.SHOW_ID.eq(show))
                    .fetchMap(SHOT.CODE, SHOT.ID);
            var ledger = new io.shotplan.sql.ledger.LedgerRepository(db.dsl());
            // shot (none: a line of no episode), currency, day, amount; March is after the as-of date
            for (String[] row : List.of(new String[] {"E1S1", "ARS", "2026-02-02", "1000000"},
                    new String[] {"E1S1", "ARS", "2026-02-10", "333333.33"}, new String[] {"E2S1", "ARS", "2026-02-13", "250000.50"},
                    new String[] {"E1S2", "EUR", "2026-02-03", "1234.57"}, new String[] {"E1S3", "EUR", "2026-02-04", "0.01"},
                    new String[] {"", "ARS", "2026-02-05", "77777.77"}, new String[] {"E1S1", "EUR", "2026-03-02", "999"})) {
                ledger.append(io.shotplan.sql.ledger.LedgerEntry.money(show, row[0].isEmpty() ? null : shots.get(row[0]),
                        io.shotplan.sql.ledger.LedgerSource.INVOICE, m(row[3]), row[1], LocalDate.parse(row[2]),
                        row[1] + " " + row[2], row[0] + ":" + row[2]));
            }
            var query = new ShowReportQuery(db.dsl());

            ShowReport without = query.build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS);
            ShowReport with = query.build(SmallShow.CODE, Optional.empty(), SmallShow.OPTIONS.withOriginals(true));

            assertThat(without.originals()).isEmpty();
            assertThat(with.total()).isEqualTo(without.total());
            assertThat(with.episodes()).isEqualTo(without.episodes());
            assertThat(with.unallocated()).isEqualTo(without.unallocated());
            assertThat(with.ratesUsed()).isEqualTo(without.ratesUsed());
            assertThat(with.originals()).extracting(ShowReport.OriginalAmount::episode,
                            ShowReport.OriginalAmount::currency, ShowReport.OriginalAmount::rows,
                            ShowReport.OriginalAmount::originalAmount, ShowReport.OriginalAmount::amount)
                    .containsExactly(
                            // each row converted and rounded to 4 places when booked (77,777.77 / 1,050 = 74.0741),
                            // a line's dollars rounded once from their sum (952.3810 + 303.0303)
                            org.assertj.core.groups.Tuple.tuple("", "ARS", 1L, m("77777.77"), m("74.07")),
                            org.assertj.core.groups.Tuple.tuple("EP1", "ARS", 2L, m("1333333.33"), m("1255.41")),
                            org.assertj.core.groups.Tuple.tuple("EP1", "EUR", 2L, m("1234.58"), m("1339.75")),
                            org.assertj.core.groups.Tuple.tuple("EP2", "ARS", 1L, m("250000.50"), m("227.27")));
            // the originals to date sum to the cent to what was booked in each currency
            for (String currency : List.of("ARS", "EUR")) {
                BigDecimal booked = db.dsl().select(org.jooq.impl.DSL.sum(COST_LEDGER.ORIGINAL_AMOUNT)).from(COST_LEDGER)
                        .where(COST_LEDGER.SHOW_ID.eq(show), COST_LEDGER.ORIGINAL_CURRENCY.eq(currency),
                                COST_LEDGER.OCCURRED_ON.le(SmallShow.AS_OF)).fetchSingle().value1();
                assertThat(with.originals().stream().filter(o -> o.currency().equals(currency))
                        .map(ShowReport.OriginalAmount::originalAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .as(currency).isEqualByComparingTo(booked);
            }
            // the CSV (every tabular form) has them under the summary only when asked
            assertThat(io.shotplan.reporting.export.ReportTables.summary(without).tables())
                    .noneMatch(t -> t.title().equals(io.shotplan.reporting.export.ReportTables.ORIGINALS));
            assertThat(io.shotplan.reporting.export.ReportTables.summary(with).tables())
                    .filteredOn(t -> t.title().equals(io.shotplan.reporting.export.ReportTables.ORIGINALS))
                    .singleElement().satisfies(t -> assertThat(t.rows()).extracting(row -> row.get(0), row -> row.get(3))
                            .contains(org.assertj.core.groups.Tuple.tuple("(no shot)", "77777.77 ARS"),
                                    org.assertj.core.groups.Tuple.tuple("EP1", "1234.58 EUR")));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aShowWithoutPlansOrLedgerReportsItsBudgetAndZeros(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            var dsl = db.dsl();
            long show = dsl.insertInto(io.shotplan.sql.schema.Tables.SHOW)
                    .set(io.shotplan.sql.schema.Tables.SHOW.CODE, "NEW").set(io.shotplan.sql.schema.Tables.SHOW.NAME, "New")
                    .set(io.shotplan.sql.schema.Tables.SHOW.CURRENCY, "JPY")
                    .set(io.shotplan.sql.schema.Tables.SHOW.START_DATE, LocalDate.of(2026, 1, 5))
                    .returningResult(io.shotplan.sql.schema.Tables.SHOW.ID).fetchSingle().value1();
            dsl.insertInto(io.shotplan.sql.schema.Tables.EPISODE)
                    .set(io.shotplan.sql.schema.Tables.EPISODE.SHOW_ID, show)
                    .set(io.shotplan.sql.schema.Tables.EPISODE.CODE, "E1")
                    .set(io.shotplan.sql.schema.Tables.EPISODE.DELIVERY_DATE, LocalDate.of(2026, 6, 1))
                    .set(io.shotplan.sql.schema.Tables.EPISODE.BUDGET, m("1000000.5")).execute();
            ShowReport report = new ShowReportQuery(dsl).build("NEW", Optional.empty(), SmallShow.OPTIONS);
            assertThat(report.show().currentPlan()).isEmpty();
            assertThat(report.show().baselinePlan()).isEmpty();
            Figures f = report.total().figures();
            // yen have no minor unit: half-even to whole yen
            assertThat(f.budget()).isEqualTo(m("1000000"));
            assertThat(f.eac()).isEqualTo(m("0"));
            assertThat(f.varianceToBudget()).isEqualTo(m("1000000"));
            assertThat(f.varianceToBaseline()).isEmpty();
            assertThat(f.shots()).isZero();
            assertThat(report.episodes().getFirst().burn()).isEmpty();
            assertThat(report.utilisation()).isEmpty();
        }
    }

    /** Every split adds up to the figures, to the cent. */
    static void assertFoots(ShowReport.Breakdown b) {
        Figures f = b.figures();
        for (List<CostLine> split : List.of(b.byMode(), b.byDiscipline())) {
            assertThat(split.stream().map(CostLine::eac).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(f.eac());
            assertThat(split.stream().map(CostLine::actualCost).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(f.actualCost());
            assertThat(split.stream().map(CostLine::baselineCost).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(f.baselineCost());
        }
        assertThat(b.bySource().stream().map(SourceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(f.actualCost());
        assertThat(f.eac()).isEqualByComparingTo(f.actualCost().add(f.remainingCost()));
    }

    private static CostLine line(String key, String label, String baseline, String planned, String actual,
                                 String remaining, String eac, String plannedDays, String actualDays) {
        return new CostLine(key, label, m(baseline), m(planned), m(actual), m(remaining), m(eac),
                Optional.of(m(baseline).subtract(m(eac))), m(plannedDays), m(actualDays));
    }
}
