package io.shotplan.sql.ledger;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP;
import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shotplan.sql.Database;
import io.shotplan.sql.schema.Tables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ledger is append-only in the database itself: no statement, whoever sends it, changes or removes a row. */
class LedgerAppendOnlyTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 1);

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void anUpdateOfALedgerRowIsRefused(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long show = LedgerRepositoryTest.aShow(db.dsl());
            new LedgerRepository(db.dsl()).append(invoice(show, "INV-1", "500.00"));

            assertThatThrownBy(() -> db.dsl().update(COST_LEDGER).set(COST_LEDGER.AMOUNT, BigDecimal.ONE).execute())
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("cost_ledger is append-only: UPDATE refused");
            assertThat(db.dsl().fetchValue(COST_LEDGER.AMOUNT)).isEqualByComparingTo("500.00");
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aDeleteOfALedgerRowIsRefused(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long show = LedgerRepositoryTest.aShow(db.dsl());
            new LedgerRepository(db.dsl()).append(invoice(show, "INV-1", "500.00"));

            assertThatThrownBy(() -> db.dsl().deleteFrom(COST_LEDGER).execute())
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("cost_ledger is append-only: DELETE refused");
            assertThat(db.dsl().fetchCount(COST_LEDGER)).isEqualTo(1);
        }
    }

    /** ON DELETE CASCADE is gone: deleting the show would have taken its ledger and rollups with it. */
    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aShowWithLedgerRowsCannotBeDeletedAndOneWithoutCan(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            DSLContext dsl = db.dsl();
            long billed = LedgerRepositoryTest.aShow(dsl);
            long empty = dsl.insertInto(SHOW).set(SHOW.CODE, "EMPTY").set(SHOW.NAME, "No costs").set(SHOW.CURRENCY, "USD")
                    .set(SHOW.START_DATE, DAY).returningResult(SHOW.ID).fetchSingle(SHOW.ID);
            new LedgerRepository(dsl).append(invoice(billed, "INV-1", "500.00"));

            assertThatThrownBy(() -> dsl.deleteFrom(SHOW).where(SHOW.ID.eq(billed)).execute())
                    .isInstanceOf(DataAccessException.class);
            assertThat(dsl.fetchCount(COST_LEDGER)).isEqualTo(1);
            assertThat(dsl.fetchCount(COST_LEDGER_ROLLUP)).isEqualTo(1);

            assertThat(dsl.deleteFrom(SHOW).where(SHOW.ID.eq(empty)).execute()).isEqualTo(1);
        }
    }

    /** A shot or discipline with costs would have had them set to null (an UPDATE of the ledger): refused too. */
    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aShotOrDisciplineWithLedgerRowsCannotBeDeleted(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            DSLContext dsl = db.dsl();
            long show = LedgerRepositoryTest.aShow(dsl);
            long episode = dsl.insertInto(Tables.EPISODE).set(Tables.EPISODE.SHOW_ID, show).set(Tables.EPISODE.CODE, "EP1")
                    .set(Tables.EPISODE.DELIVERY_DATE, DAY).set(Tables.EPISODE.BUDGET, BigDecimal.TEN)
                    .returningResult(Tables.EPISODE.ID).fetchSingle(Tables.EPISODE.ID);
            long shot = dsl.insertInto(SHOT).set(SHOT.SHOW_ID, show).set(SHOT.EPISODE_ID, episode).set(SHOT.CODE, "S1")
                    .set(SHOT.FRAME_COUNT, 10).set(SHOT.WIDTH, 1920).set(SHOT.HEIGHT, 1080).set(SHOT.WORK_TYPE, "roto")
                    .set(SHOT.COMPLEXITY, (short) 2).returningResult(SHOT.ID).fetchSingle(SHOT.ID);
            long discipline = dsl.insertInto(DISCIPLINE).set(DISCIPLINE.SHOW_ID, show).set(DISCIPLINE.CODE, "comp")
                    .returningResult(DISCIPLINE.ID).fetchSingle(DISCIPLINE.ID);
            LedgerEntry timesheet = new LedgerEntry(show, shot, LedgerSource.TIMESHEET, new BigDecimal("800"), "USD",
                    BigDecimal.ZERO, BigDecimal.ONE, discipline, null, null, null, DAY, "TS-1", null, "timesheet:TS-1");
            new LedgerRepository(dsl).append(timesheet);

            assertThatThrownBy(() -> dsl.deleteFrom(SHOT).where(SHOT.ID.eq(shot)).execute())
                    .isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> dsl.deleteFrom(DISCIPLINE).where(DISCIPLINE.ID.eq(discipline)).execute())
                    .isInstanceOf(DataAccessException.class);
            assertThat(dsl.select(COST_LEDGER.SHOT_ID, COST_LEDGER.DISCIPLINE_ID).from(COST_LEDGER).fetchSingle())
                    .satisfies(r -> {
                        assertThat(r.value1()).isEqualTo(shot);
                        assertThat(r.value2()).isEqualTo(discipline);
                    });
        }
    }

    @Test
    void truncatingTheLedgerIsRefusedOnPostgres() {
        try (Database db = io.shotplan.sql.TestDatabases.postgres()) {
            long show = LedgerRepositoryTest.aShow(db.dsl());
            new LedgerRepository(db.dsl()).append(invoice(show, "INV-1", "500.00"));

            assertThatThrownBy(() -> db.dsl().truncate(COST_LEDGER).execute())
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only");
            assertThat(db.dsl().fetchCount(COST_LEDGER)).isEqualTo(1);
        }
    }

    /** Appending still works, rollups included, and a correction is a reversal row. */
    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void appendsAndReversalsStillWork(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            long show = LedgerRepositoryTest.aShow(db.dsl());
            var ledger = new LedgerRepository(db.dsl());
            long original = ledger.appendNew(invoice(show, "INV-1", "500.00"));
            ledger.reverse(original, "billed twice", "reversal:INV-1");
            ledger.append(invoice(show, "INV-2", "120.00"));

            assertThat(db.dsl().select(org.jooq.impl.DSL.sum(COST_LEDGER_ROLLUP.AMOUNT)).from(COST_LEDGER_ROLLUP).fetchSingle().value1()).isEqualByComparingTo("120");
            assertThat(db.dsl().fetchCount(COST_LEDGER)).isEqualTo(3);
        }
    }

    private static LedgerEntry invoice(long show, String reference, String amount) {
        return LedgerEntry.money(show, null, LedgerSource.INVOICE, new BigDecimal(amount), "USD", DAY, reference,
                "invoice:" + reference);
    }
}
