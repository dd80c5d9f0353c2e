package io.shotplan.show.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActualsCsvReaderTest {

    static final ActualsContext SEASON = ActualsContext.of(ShotListCsvReaderTest.SEASON);
    static final Path ACTUALS = ShowFolderReaderTest.EXAMPLE.resolve("actuals");

    static List<Problem> problems(String csv) {
        return catchThrowableOfType(ImportProblems.class, () -> new ActualsCsvReader()
                .read(Source.of("actuals.csv", csv.getBytes(StandardCharsets.UTF_8)), SEASON)).problems();
    }

    @Test
    void timesheetDaysAreCostedAtTheRateCard() {
        List<Actual> lines = new ActualsCsvReader().read(ACTUALS.resolve("timesheets-2027-03.csv"), SEASON);

        assertThat(lines).hasSize(6).allMatch(a -> a.kind() == Actual.Kind.TIMESHEET);
        assertThat(lines.get(0)).isEqualTo(new Actual(Actual.Kind.TIMESHEET, 2, "EP101_010_0010", "paint",
                new BigDecimal("1.5"), new BigDecimal("600.0000"), "USD", BigDecimal.ZERO, BigDecimal.ZERO, null,
                LocalDate.of(2027, 3, 1), "TS-2027-09-0001"));
        assertThat(lines.get(1).artistDays()).isEqualByComparingTo("0.5");
        assertThat(lines.get(1).amount()).isEqualByComparingTo("310");
        assertThat(lines.get(5).shotCode()).isEmpty();
    }

    @Test
    void invoiceLinesKeepTheirAmounts() {
        List<Actual> lines = new ActualsCsvReader().read(ACTUALS.resolve("invoices-2027-04.csv"), SEASON);

        assertThat(lines).extracting(Actual::kind, Actual::amount, Actual::discipline).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Actual.Kind.INVOICE, new BigDecimal("4250.00"), "cg"),
                org.assertj.core.groups.Tuple.tuple(Actual.Kind.INVOICE, new BigDecimal("1860.00"), "comp"),
                org.assertj.core.groups.Tuple.tuple(Actual.Kind.INVOICE, new BigDecimal("3900.00"), null));
        assertThat(lines).extracting(Actual::vendor).containsOnly("Polar FX");
    }

    @Test
    void anAiVendorsUsageReportIsSecondsOrCreditsAndAnAmount() {
        List<Actual> lines = new ActualsCsvReader().read(ACTUALS.resolve("nimbus-usage-2027-04.csv"), SEASON);

        assertThat(lines).extracting(Actual::kind, Actual::seconds, Actual::credits, Actual::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Actual.Kind.AI_VENDOR, new BigDecimal("6.46"), BigDecimal.ZERO, new BigDecimal("90.44")),
                org.assertj.core.groups.Tuple.tuple(Actual.Kind.AI_VENDOR, new BigDecimal("4.21"), BigDecimal.ZERO, new BigDecimal("58.94")),
                org.assertj.core.groups.Tuple.tuple(Actual.Kind.AI_VENDOR, BigDecimal.ZERO, new BigDecimal("120"), new BigDecimal("36.00")));
    }

    @Test
    void anAmountInAnotherCurrencyKeepsItsCurrencyForTheLedgerToConvert() {
        List<Actual> lines = new ActualsCsvReader().read(Source.of("actuals.csv",
                "reference,date,shot,amount,currency\nINV-1,2027-04-30,EP101_010_0010,\"1,200,000.00\",ars\n"
                        .getBytes(StandardCharsets.UTF_8)), SEASON);

        assertThat(lines).singleElement().extracting(Actual::amount, Actual::currency)
                .containsExactly(new BigDecimal("1200000.00"), "ARS");
    }

    @Test
    void aCurrencyThatIsNoIsoCodeIsReported() {
        assertThat(problems("reference,date,shot,amount,currency\nINV-1,2027-04-30,EP101_010_0010,1200.00,PESOS\n"))
                .singleElement().isEqualTo(new Problem("actuals.csv", 2, 5, "currency",
                        "expected an ISO 4217 currency code such as USD, EUR or ARS, got 'PESOS'"));
    }

    @Test
    void aTimesheetDayIsCostedAtTheRateCardInForceThatDay() {
        // the example's comp day rate is 620 until the May wage round, 650 from Monday 3 May 2027
        List<Actual> lines = new ActualsCsvReader().read(Source.of("actuals.csv",
                "reference,date,shot,discipline,artist_days\nTS-1,2027-04-30,EP101_010_0010,comp,2\nTS-2,2027-05-03,EP101_010_0010,comp,2\n"
                        .getBytes(StandardCharsets.UTF_8)), SEASON);

        assertThat(lines).extracting(Actual::amount).containsExactly(new BigDecimal("1240.0000"),
                new BigDecimal("1300.0000"));
    }

    @Test
    void aCurrencyWrittenWithTheAmountIsCheckedToo() {
        assertThat(problems("reference,date,shot,amount\nINV-1,2027-04-30,EP101_010_0010,ARS 1200000\n"))
                .singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(
                        "currency ARS does not match the show's currency USD; convert the amount first"));
    }

    @Test
    void anUnknownShotOrDisciplineIsReported() {
        assertThat(problems("reference,date,shot,discipline,artist_days\nTS-1,2027-03-01,EP999_010_0010,lighting,1\n"))
                .extracting(Problem::field, Problem::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("shot", "unknown shot 'EP999_010_0010'; expected a shot of the show (or blank for a show-wide cost)"),
                        org.assertj.core.groups.Tuple.tuple("discipline", "unknown discipline 'lighting'; the show has anim, cg, comp, dmp, fx, matchmove, paint, roto"));
    }

    @Test
    void aReferenceUsedTwiceForTheSameShotAndDisciplineIsReported() {
        assertThat(problems("reference,date,shot,discipline,artist_days\nTS-1,2027-03-01,EP101_010_0010,paint,1\n"
                + "TS-1,2027-03-02,EP101_010_0010,paint,2\n")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).isEqualTo("reference TS-1 for EP101_010_0010 is already on line 2; each line needs its own reference");
        });
    }

    @Test
    void aLineWithoutReferenceCannotBeImportedTwiceSafelyAndIsRefused() {
        assertThat(problems("reference,date,shot,amount\n,2027-04-30,EP101_010_0010,100\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("is empty; expected a reference"));
    }
}
