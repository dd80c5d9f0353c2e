package io.shotplan.app.imports;

import static io.shotplan.sql.schema.Tables.AUDIT_LOG;
import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.EXCHANGE_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.shotplan.reporting.ReportOptions;
import io.shotplan.reporting.ShowReport;
import io.shotplan.reporting.ShowReportQuery;
import io.shotplan.show.io.ImportProblems;
import io.shotplan.show.io.Problem;
import io.shotplan.show.io.Source;
import io.shotplan.sql.Database;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Exchange rates in, then costs in pesos booked in the show's dollars at the rate in force on their day. */
class ExchangeRateImportTest {

    private static final String RATES = """
            currency,effective_from,rate
            ARS,2027-03-01,1050
            ARS,2027-05-03,1100.5
            """;

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aBadRatesFileNamesEachProblemsLineAndFieldAndStoresNothing(Supplier<Database> databases) {
        try (ImportServiceTest.Fixture f = ImportServiceTest.Fixture.of(databases)) {
            List<String> before = ImportServiceTest.snapshot(f.dsl());
            ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> f.imports().importExchangeRates(
                    "NVB", ImportServiceTest.csv("rates.csv", """
                            currency,effective_from,rate
                            ARS,2027-03-01,1050
                            PESO,2027-03-01,1050
                            USD,2027-03-01,1
                            ARS,2027-02-30,1050
                            EUR,2027-03-01,0
                            ARS,2027-03-01,1060
                            """)));

            assertThat(problems.problems()).extracting(Problem::file, Problem::line, Problem::field, Problem::message)
                    .containsExactly(
                            tuple("rates.csv", 3, "currency",
                                    "expected an ISO 4217 currency code such as USD, EUR or ARS, got 'PESO'"),
                            tuple("rates.csv", 4, "currency", "USD is the show's own currency; a rate is for another currency"),
                            tuple("rates.csv", 5, "effective_from", problems.problems().get(2).message()),
                            tuple("rates.csv", 6, "rate", "expected units of the currency per one USD, above 0, got 0"),
                            tuple("rates.csv", 7, "effective_from",
                                    "a second ARS rate from 2027-03-01; the first is on line 2"));
            assertThat(problems.problems().get(2).message()).contains("2027-02-30");
            assertThat(ImportServiceTest.snapshot(f.dsl())).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void invoicesInPesosAreBookedInDollarsAtTheRateOfTheirDayWithTheOriginalAndTheRateKept(Supplier<Database> databases) {
        try (ImportServiceTest.Fixture f = ImportServiceTest.Fixture.of(databases)) {
            ImportResult rates = f.imports().importExchangeRates("NVB", ImportServiceTest.csv("rates.csv", RATES));
            f.imports().importActuals("NVB", ImportServiceTest.csv("invoices-ars.csv", """
                    invoice,invoice_date,vendor,shot,discipline,amount,currency
                    ARS-1,2027-04-30,Estudio Sur,EP101_010_0010,comp,"2,100,000.00",ARS
                    ARS-2,2027-05-03,Estudio Sur,EP101_010_0010,comp,"1,100,500.00",ARS
                    USD-1,2027-05-03,Polar FX,EP101_010_0010,cg,"950.00",USD
                    """));

            assertThat(rates.summary()).isEqualTo("Stored 2 exchange rates from rates.csv for show NVB.");
            assertThat(f.dsl().fetchCount(EXCHANGE_RATE)).isEqualTo(2);
            assertThat(f.dsl().select(COST_LEDGER.REFERENCE, COST_LEDGER.AMOUNT, COST_LEDGER.CURRENCY,
                            COST_LEDGER.ORIGINAL_AMOUNT, COST_LEDGER.ORIGINAL_CURRENCY, COST_LEDGER.EXCHANGE_RATE)
                    .from(COST_LEDGER).orderBy(COST_LEDGER.ID).fetch(r -> List.of(r.value1(),
                            r.value2().toPlainString(), r.value3(), String.valueOf(r.value4()), String.valueOf(r.value5()),
                            r.value6().stripTrailingZeros().toPlainString())))
                    .containsExactly(
                            List.of("ARS-1", "2000.0000", "USD", "2100000.0000", "ARS", "1050"),
                            List.of("ARS-2", "1000.0000", "USD", "1100500.0000", "ARS", "1100.5"),
                            List.of("USD-1", "950.0000", "USD", "null", "null", "1"));
            assertThat(f.dsl().select(AUDIT_LOG.DETAIL).from(AUDIT_LOG).where(AUDIT_LOG.ENTITY.eq("exchange_rate"))
                    .fetchSingle(AUDIT_LOG.DETAIL))
                    .contains("ARS 1050 from 2027-03-01", "ARS 1100.5 from 2027-05-03");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void theExamplesPesoInvoicesReportInDollarsToTheCentWithTheRatesUsed(Supplier<Database> databases) {
        try (ImportServiceTest.Fixture f = ImportServiceTest.Fixture.of(databases)) {
            f.imports().importExchangeRates("NVB", Source.of(ImportServiceTest.EXAMPLE.resolve("exchange-rates.csv")));
            f.imports().importActuals("NVB", Source.of(ImportServiceTest.EXAMPLE.resolve("actuals/invoices-2027-05-ars.csv")));
            f.imports().importActuals("NVB", Source.of(ImportServiceTest.EXAMPLE.resolve("actuals/nimbus-usage-2027-04.csv")));

            ShowReport report = new ShowReportQuery(f.dsl()).build("NVB", Optional.empty(),
                    ReportOptions.asOf(LocalDate.of(2027, 6, 30)));

            // 1,307,100 + 827,830 pesos at 1,089.25 are 1,200 + 760 dollars, 2,160,600 at 1,108 are 1,950; Nimbus
            // bills 90.44 + 58.94 + 36.00 dollars
            assertThat(report.total().figures().actualCost()).isEqualByComparingTo("4095.38");
            assertThat(report.ratesUsed()).extracting(ShowReport.RateUsed::currency, r -> r.rate().toPlainString(),
                            ShowReport.RateUsed::rows, r -> r.originalAmount().toPlainString(),
                            r -> r.amount().toPlainString())
                    .containsExactly(tuple("ARS", "1089.25", 2L, "2134930.00", "1960.00"),
                            tuple("ARS", "1108", 1L, "2160600.00", "1950.00"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aCostInPesosBeforeAnyRateIsAProblemOfItsLineAndNothingIsBooked(Supplier<Database> databases) {
        try (ImportServiceTest.Fixture f = ImportServiceTest.Fixture.of(databases)) {
            f.imports().importExchangeRates("NVB", ImportServiceTest.csv("rates.csv", RATES));

            Problem problem = ImportServiceTest.rejected(f, () -> f.imports().importActuals("NVB",
                    ImportServiceTest.csv("invoices-ars.csv", """
                            invoice,invoice_date,shot,amount,currency
                            USD-1,2027-03-01,EP101_010_0010,950.00,USD
                            ARS-0,2027-02-26,EP101_010_0010,"1,000,000.00",ARS
                            """)));

            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.field()).isEqualTo("currency");
            assertThat(problem.message()).contains("no exchange rate of ARS", "2027-02-26");
        }
    }
}
