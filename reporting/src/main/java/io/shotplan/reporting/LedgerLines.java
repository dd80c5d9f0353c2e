package io.shotplan.reporting;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP;
import static io.shotplan.sql.schema.Tables.COST_LEDGER_ROLLUP_PERIOD;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import io.shotplan.sql.ledger.LedgerRepository;
import io.shotplan.sql.schema.tables.CostLedger;
import io.shotplan.sql.schema.tables.CostLedgerRollup;
import io.shotplan.sql.schema.tables.CostLedgerRollupPeriod;
import java.math.BigDecimal;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The ledger to date as lines (shot, discipline, cost line, source, GPU pool, model, device, currency) with their
 * amount, artist-days, GPU seconds and row count: whole four-week periods from {@code cost_ledger_rollup_period}, the
 * whole weeks after them from {@code cost_ledger_rollup}, the days of the as-of week from the ledger. A reversal counts
 * in the cost line of the row it reverses (the rollup's booked source). A line without a shot has shot id
 * {@link LedgerRepository#NONE} or NULL; both mean none.
 *
 * <p>The lines are not summed here: each query sums them at the grain it needs, so the rows are hashed once per use
 * instead of once into an intermediate grain and again. Every query reads them first and looks shots and plan items
 * up from them: H2 joins row by row, and with these lines on the inner side of a join it had read them again for
 * every shot (its report took over 300 s against the rollups then).
 */
final class LedgerLines {

    static final Field<Long> SHOT_ID = field(name("shot_id"), SQLDataType.BIGINT);
    static final Field<Long> DISC = field(name("disc"), SQLDataType.BIGINT);
    static final Field<String> KIND = field(name("kind"), SQLDataType.VARCHAR);
    static final Field<String> SOURCE = field(name("source"), SQLDataType.VARCHAR);
    static final Field<Long> POOL = field(name("pool"), SQLDataType.BIGINT);
    static final Field<String> MODEL = field(name("model"), SQLDataType.VARCHAR);
    static final Field<String> DEVICE = field(name("device"), SQLDataType.VARCHAR);
    static final Field<BigDecimal> AMOUNT = field(name("amount"), SQLDataType.NUMERIC);
    static final Field<BigDecimal> DAYS = field(name("days"), SQLDataType.NUMERIC);
    static final Field<BigDecimal> SECS = field(name("secs"), SQLDataType.NUMERIC);
    static final Field<String> CURRENCY = field(name("currency"), SQLDataType.VARCHAR);
    static final Field<Long> ROWS = field(name("rws"), SQLDataType.BIGINT);

    private LedgerLines() {
    }

    /** Every line of the show's ledger to date. */
    static Select<? extends Record> of(ReportScope scope) {
        CostLedgerRollupPeriod periods = COST_LEDGER_ROLLUP_PERIOD.as("pr");
        CostLedgerRollup weeks = COST_LEDGER_ROLLUP.as("w");
        return rollupLines(periods, scope.actualsInPeriods(periods))
                .unionAll(rollupLines(weeks, scope.actualWeeksAfterPeriods(weeks)))
                .unionAll(ledgerRows(scope::actualsOfAsOfWeek));
    }

    /** A line query as plain records, so that the three sources of lines can be put in one union. */
    @SuppressWarnings("unchecked")
    private static Select<Record> lines(Select<? extends Record> query) {
        return (Select<Record>) query;
    }

    /**
     * The lines of a ledger rollup (weekly or four-weekly: the same columns), where {@link LedgerRepository#NONE}
     * and {@link LedgerRepository#NO_NAME} stand for none.
     */
    private static Select<Record> rollupLines(Table<?> rollup, Condition which) {
        CostLedgerRollup columns = COST_LEDGER_ROLLUP;
        Field<Long> discipline = ReportScope.rollupId(column(rollup, columns.DISCIPLINE_ID));
        return lines(select(column(rollup, columns.SHOT_ID).as(SHOT_ID), discipline.as(DISC),
                ReportScope.kindOfLedger(discipline, column(rollup, columns.BOOKED_SOURCE)).as(KIND),
                column(rollup, columns.SOURCE).as(SOURCE),
                ReportScope.rollupId(column(rollup, columns.GPU_POOL_ID)).as(POOL),
                ReportScope.rollupName(column(rollup, columns.MODEL)).as(MODEL),
                ReportScope.rollupName(column(rollup, columns.DEVICE)).as(DEVICE),
                column(rollup, columns.AMOUNT).as(AMOUNT), column(rollup, columns.ARTIST_DAYS).as(DAYS),
                column(rollup, columns.GPU_SECONDS).as(SECS), column(rollup, columns.CURRENCY).as(CURRENCY),
                column(rollup, columns.ROW_COUNT).as(ROWS))
                .from(rollup)
                .where(which));
    }

    /** The column of {@code rollup} named like {@code like}. */
    private static <T> Field<T> column(Table<?> rollup, Field<T> like) {
        return java.util.Objects.requireNonNull(rollup.field(like.getName(), like.getType()),
                () -> rollup.getName() + " has no column " + like.getName());
    }

    /**
     * Ledger rows, one line each; a reversal looks up the source of the row it reverses by primary key (a join let
     * PostgreSQL hash the whole ledger for the few reversals).
     */
    private static Select<Record> ledgerRows(Function<CostLedger, Condition> which) {
        CostLedger l = COST_LEDGER.as("cl");
        CostLedger original = COST_LEDGER.as("orig");
        Field<String> bookedSource = when(l.REVERSES_ID.isNull(), l.SOURCE).otherwise(field(
                select(original.SOURCE).from(original).where(original.ID.eq(l.REVERSES_ID))));
        return lines(select(l.SHOT_ID.as(SHOT_ID), l.DISCIPLINE_ID.as(DISC),
                ReportScope.kindOfLedger(l.DISCIPLINE_ID, bookedSource).as(KIND), l.SOURCE.as(SOURCE),
                l.GPU_POOL_ID.as(POOL), l.MODEL.as(MODEL), l.DEVICE.as(DEVICE), l.AMOUNT.as(AMOUNT),
                l.ARTIST_DAYS.as(DAYS), l.GPU_SECONDS.as(SECS), l.CURRENCY.as(CURRENCY), inline(1L).as(ROWS))
                .from(l)
                .where(which.apply(l)));
    }
}
