package io.shotplan.sql.money;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.RATE_CARD;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.shotplan.sql.Database;
import io.shotplan.sql.ledger.LedgerEntry;
import io.shotplan.sql.ledger.LedgerRepository;
import io.shotplan.sql.ledger.LedgerSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CurrencyLedgerTest {

    private static final LocalDate MARCH = LocalDate.of(2027, 3, 1);
    private static final LocalDate MAY = LocalDate.of(2027, 5, 3);

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void anAmountInPesosIsBookedInDollarsAtTheRateInForceWithTheOriginalBesideIt(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long show = aShow(db.dsl());
            db.dsl().transaction(tx -> new ExchangeRateRepository(tx.dsl()).store(show, List.of(
                    new ExchangeRate("ARS", MARCH, new BigDecimal("1050")),
                    new ExchangeRate("ARS", MAY, new BigDecimal("1100"))), "rates.csv", "finance"));
            var ledger = new LedgerRepository(db.dsl());
            ledger.append(LedgerEntry.money(show, null, LedgerSource.INVOICE, new BigDecimal("1000000"), "ARS",
                    MAY.minusDays(1), "ARS-1", "ars:1"));
            long may = ledger.appendNew(LedgerEntry.money(show, null, LedgerSource.INVOICE, new BigDecimal("1000000"),
                    "ARS", MAY, "ARS-2", "ars:2"));
            ledger.reverse(may, "billed twice", "ars:2:reversal");

            var rows = db.dsl().selectFrom(COST_LEDGER).orderBy(COST_LEDGER.ID).fetch();
            // 1,000,000 / 1,050 = 952.380952… and / 1,100 = 909.090909…, each rounded once, half-even, to 4 places
            assertThat(rows).extracting(r -> r.getAmount().toPlainString(), r -> r.getCurrency(),
                            r -> r.getOriginalAmount().toPlainString(), r -> r.getOriginalCurrency(),
                            r -> r.getExchangeRate().stripTrailingZeros().toPlainString())
                    .containsExactly(
                            tuple("952.3810", "USD", "1000000.0000", "ARS", "1050"),
                            tuple("909.0909", "USD", "1000000.0000", "ARS", "1100"),
                            tuple("-909.0909", "USD", "-1000000.0000", "ARS", "1100"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void anAmountWithNoRateInForceIsRefusedAndNothingIsBooked(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long show = aShow(db.dsl());
            db.dsl().transaction(tx -> new ExchangeRateRepository(tx.dsl()).store(show, List.of(
                    new ExchangeRate("ARS", MAY, new BigDecimal("1100"))), "rates.csv", "finance"));

            assertThatThrownBy(() -> new LedgerRepository(db.dsl()).append(LedgerEntry.money(show, null,
                    LedgerSource.INVOICE, BigDecimal.TEN, "ARS", MARCH, "ARS-0", "ars:0")))
                    .isInstanceOf(MissingExchangeRateException.class).hasMessageContaining("ARS")
                    .hasMessageContaining("2027-03-01");
            assertThat(db.dsl().fetchCount(COST_LEDGER)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void theCardInForceIsTheLatestStartedOnOrBeforeTheDayAndTheFirstBeforeItStarts(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long show = aShow(db.dsl());
            long first = card(db.dsl(), show, "2027", MARCH);
            long second = card(db.dsl(), show, "2027 from May", MAY);

            assertThat(RateCardsInForce.cardOn(db.dsl(), show, MARCH.minusDays(30))).contains(first);
            assertThat(RateCardsInForce.cardOn(db.dsl(), show, MAY.minusDays(1))).contains(first);
            assertThat(RateCardsInForce.cardOn(db.dsl(), show, MAY)).contains(second);
            assertThat(RateCardsInForce.cardOn(db.dsl(), show, MAY.plusYears(3))).contains(second);
            assertThat(RateCardsInForce.ofShow(db.dsl(), show)).extracting(RateCardsInForce.Span::name,
                            RateCardsInForce.Span::from, RateCardsInForce.Span::until)
                    .containsExactly(tuple("2027", Optional.empty(), Optional.of(MAY)),
                            tuple("2027 from May", Optional.of(MAY), Optional.empty()));
        }
    }

    private static long card(DSLContext dsl, long show, String name, LocalDate from) {
        return dsl.insertInto(RATE_CARD).set(RATE_CARD.SHOW_ID, show).set(RATE_CARD.NAME, name)
                .set(RATE_CARD.CURRENCY, "USD").set(RATE_CARD.EFFECTIVE_FROM, from)
                .returningResult(RATE_CARD.ID).fetchSingle(RATE_CARD.ID);
    }

    private static long aShow(DSLContext dsl) {
        return dsl.insertInto(SHOW).set(SHOW.CODE, "NVB").set(SHOW.NAME, "Nevada Blanca").set(SHOW.CURRENCY, "USD")
                .set(SHOW.START_DATE, MARCH).returningResult(SHOW.ID).fetchSingle(SHOW.ID);
    }
}
