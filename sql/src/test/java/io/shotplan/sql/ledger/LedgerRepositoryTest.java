package io.shotplan.sql.ledger;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shotplan.sql.Database;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LedgerRepositoryTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void appendsExactAmountsAndReadsThemBack(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long show = aShow(db.dsl());
            var ledger = new LedgerRepository(db.dsl());
            ledger.append(LedgerEntry.money(show, null, LedgerSource.INVOICE, new BigDecimal("1234.5678"), "USD", DAY,
                    "INV-7", "invoice:INV-7:1"));
            ledger.append(LedgerEntry.money(show, null, LedgerSource.TIMESHEET, new BigDecimal("0.1"), "USD", DAY,
                    "TS-1", "timesheet:TS-1"));

            assertThat(ledger.forShow(show)).extracting(LedgerEntry::amount)
                    .containsExactly(new BigDecimal("1234.5678"), new BigDecimal("0.1000"));
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aSecondRowWithTheSameIdempotencyKeyIsRejected(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long show = aShow(db.dsl());
            var ledger = new LedgerRepository(db.dsl());
            var entry = LedgerEntry.money(show, null, LedgerSource.GENERATION, BigDecimal.TEN, "USD", DAY, "job 1", "job:1");

            assertThat(ledger.append(entry)).isPresent();
            assertThat(ledger.append(entry)).isEmpty();
            assertThatThrownBy(() -> ledger.appendNew(entry)).isInstanceOf(IntegrityConstraintViolationException.class);
            assertThat(db.dsl().fetchCount(COST_LEDGER)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aReversalIsANewRowThatCancelsTheOriginal(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long show = aShow(db.dsl());
            var ledger = new LedgerRepository(db.dsl());
            long original = ledger.appendNew(LedgerEntry.money(show, null, LedgerSource.INVOICE, new BigDecimal("500.00"),
                    "USD", DAY, "INV-9", "invoice:INV-9"));

            long reversal = ledger.reverse(original, "billed twice", "reversal:INV-9");

            assertThat(ledger.forShow(show)).hasSize(2);
            var rows = ledger.forShow(show);
            assertThat(rows.get(1).reversesId()).isEqualTo(original);
            assertThat(rows.get(1).amount()).isEqualByComparingTo("-500.00");
            assertThat(rows.stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isZero();
            assertThat(reversal).isNotEqualTo(original);
        }
    }

    static long aShow(DSLContext dsl) {
        return dsl.insertInto(SHOW).set(SHOW.CODE, "NVB").set(SHOW.NAME, "Nevada Blanca").set(SHOW.CURRENCY, "USD")
                .set(SHOW.START_DATE, DAY).returningResult(SHOW.ID).fetchSingle(SHOW.ID);
    }
}
