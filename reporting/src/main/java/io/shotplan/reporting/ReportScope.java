package io.shotplan.reporting;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.localDateDiff;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.when;

import io.shotplan.sql.ledger.LedgerRepository;
import io.shotplan.sql.schema.tables.CostLedger;
import io.shotplan.sql.schema.tables.CostLedgerRollup;
import io.shotplan.sql.schema.tables.CostLedgerRollupPeriod;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * What every report query filters on, and the SQL expressions they share.
 *
 * @param currentPlanId  -1 without a current plan (queries then find no plan rows)
 * @param baselinePlanId -1 without a baseline
 * @param episodeId      the one episode asked for, if any
 */
record ReportScope(
        DSLContext dsl,
        long showId,
        String currency,
        long currentPlanId,
        long baselinePlanId,
        Optional<Long> episodeId,
        ReportOptions options,
        Rounding rounding) {

    static final long NO_PLAN = -1;


    /** Weeks are numbered from this Monday: week k runs from day 7k to day 7k + 6. */
    static final LocalDate WEEK_ZERO = LocalDate.of(1900, 1, 1);

    /** Cost lines that name no discipline. */
    static final String GPU = "GPU";
    static final String VENDOR = "VENDOR";
    static final String OTHER = "OTHER";
    static final String DISCIPLINE = "DISCIPLINE";
    static final String UNPLANNED = "UNPLANNED";

    LocalDate asOf() {
        return options.asOf();
    }

    /** The same scope, queried through another connection (one that shares this one's snapshot). */
    ReportScope on(DSLContext other) {
        return new ReportScope(other, showId, currency, currentPlanId, baselinePlanId, episodeId, options, rounding);
    }

    /** Days since {@link #WEEK_ZERO}. */
    static Field<Integer> dayNumber(Field<LocalDate> date) {
        // inlined: a constant, and PostgreSQL matches grouped expressions textually
        return localDateDiff(date, inline(WEEK_ZERO));
    }

    static Field<Integer> weekNumber(Field<LocalDate> date) {
        return dayNumber(date).div(inline(7));
    }

    static LocalDate weekStart(int week) {
        return WEEK_ZERO.plusWeeks(week);
    }

    /** The cost line of a plan item's cost that no discipline carries. */
    static Field<String> kindOfMode(Field<String> mode) {
        return when(mode.eq("AI"), inline(GPU)).when(mode.eq("AI_VENDOR"), inline(VENDOR)).otherwise(inline(OTHER));
    }

    /**
     * The cost line of ledger rows: their discipline, else GPU, VENDOR or OTHER by their effective source (for a
     * reversal, the source of the row it reverses).
     */
    static Field<String> kindOfLedger(Field<Long> disciplineId, Field<String> effectiveSource) {
        return when(disciplineId.isNotNull(), inline(DISCIPLINE))
                .when(effectiveSource.eq(inline("GENERATION")), inline(GPU))
                .when(effectiveSource.eq(inline("AI_VENDOR")), inline(VENDOR))
                .otherwise(inline(OTHER));
    }

    /**
     * Rows that reverse another. Ids are positive, and a closed range lets both databases range-scan
     * cost_ledger_show_reverses_idx: H2 uses no index for IS NOT NULL, and with an open range it walks on through the
     * NULLs, which it sorts last.
     */
    static Condition isReversal(CostLedger l) {
        return l.REVERSES_ID.between(1L, Long.MAX_VALUE);
    }

    /** The show's ledger rows that are actuals as of the report date. */
    Condition actuals(CostLedger l) {
        return l.SHOW_ID.eq(showId).and(l.OCCURRED_ON.le(asOf()));
    }

    /**
     * The first day whose ledger rows are not read from {@code cost_ledger_rollup}: the Monday of the as-of week, or
     * the Monday after it when the as-of date is a Sunday. Whole weeks before it come from the rollup; the days from it
     * to the as-of date from the ledger (see {@link #actualsOfAsOfWeek}).
     */
    LocalDate rollupEnd() {
        LocalDate monday = LedgerRepository.weekStart(asOf());
        return asOf().getDayOfWeek() == DayOfWeek.SUNDAY ? monday.plusWeeks(1) : monday;
    }

    /** The show's rollup rows of whole weeks that are actuals as of the report date. */
    Condition actualsInRollup(CostLedgerRollup r) {
        return r.SHOW_ID.eq(showId).and(r.WEEK_START.lt(rollupEnd()));
    }

    /** The first day of the four-week period that {@link #rollupEnd} falls in: whole periods before it are actuals. */
    LocalDate periodsEnd() {
        return LedgerRepository.periodStart(rollupEnd());
    }

    /** The show's four-week rollup rows of whole periods that are actuals as of the report date. */
    Condition actualsInPeriods(CostLedgerRollupPeriod p) {
        return p.SHOW_ID.eq(showId).and(p.PERIOD_START.lt(periodsEnd()));
    }

    /** The show's weekly rollup rows of whole weeks after the last whole period, up to the as-of week. */
    Condition actualWeeksAfterPeriods(CostLedgerRollup r) {
        return r.SHOW_ID.eq(showId).and(r.WEEK_START.ge(periodsEnd())).and(r.WEEK_START.lt(rollupEnd()));
    }

    /** The show's ledger rows of the as-of week up to the as-of date (none when it is a Sunday). */
    Condition actualsOfAsOfWeek(CostLedger l) {
        return l.SHOW_ID.eq(showId).and(l.OCCURRED_ON.between(rollupEnd(), asOf()));
    }

    /** A rollup id, where {@link LedgerRepository#NONE} stands for none, as the ledger's nullable id. */
    static org.jooq.Field<Long> rollupId(org.jooq.Field<Long> id) {
        return nullif(id, inline(LedgerRepository.NONE));
    }

    /** A rollup name, where {@link LedgerRepository#NO_NAME} stands for none, as the ledger's nullable name. */
    static org.jooq.Field<String> rollupName(org.jooq.Field<String> name) {
        return nullif(name, inline(LedgerRepository.NO_NAME));
    }

    /** Rows of the episode asked for, or of any episode (and none) without one. */
    Condition inScope(Field<Long> episodeIdField) {
        return episodeId.map(episodeIdField::eq).orElse(org.jooq.impl.DSL.noCondition());
    }
}
