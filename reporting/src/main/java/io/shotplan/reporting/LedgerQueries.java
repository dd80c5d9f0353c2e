package io.shotplan.reporting;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import io.shotplan.sql.schema.tables.CostLedger;
import io.shotplan.sql.schema.tables.Discipline;
import io.shotplan.sql.schema.tables.Episode;
import io.shotplan.sql.schema.tables.Shot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;

/** Ledger rows a report lists one by one. */
final class LedgerQueries {

    /** A booked row and the episode of its shot. */
    record Correction(Long episodeId, long id, LocalDate occurredOn, String source, String shot, String discipline,
                      BigDecimal amount, String reference, Optional<Long> reversesId) {
    }

    /** Ledger rows to date booked from another currency, summed per currency and rate; amounts exact. */
    record RateRow(String currency, BigDecimal rate, LocalDate firstDay, LocalDate lastDay, long rows,
                   BigDecimal originalAmount, BigDecimal amount) {
    }

    /** Ledger rows to date booked from another currency, summed per episode (null: no shot) and currency. */
    record OriginalRow(String episode, String currency, long rows, BigDecimal originalAmount, BigDecimal amount) {
    }

    private final ReportScope scope;

    LedgerQueries(ReportScope scope) {
        this.scope = scope;
    }

    /**
     * Reversals to date (rows with {@code reverses_id}) and the rows they reverse, each reversed row followed by its
     * reversal.
     */
    List<Correction> corrections() {
        CostLedger r = COST_LEDGER.as("r");
        CostLedger o = COST_LEDGER.as("o");
        Shot s = SHOT.as("s");
        Discipline d = DISCIPLINE.as("d");
        Condition reversal = ReportScope.isReversal(r).and(scope.actuals(r));
        var reversals = select(r.ID.as("id"), r.SHOT_ID.as("shot_id"), r.DISCIPLINE_ID.as("disc"),
                r.OCCURRED_ON.as("occurred_on"), r.SOURCE.as("source"), r.AMOUNT.as("amount"),
                r.REFERENCE.as("reference"), r.REVERSES_ID.as("reverses_id"))
                .from(r).where(reversal);
        var reversed = select(o.ID, o.SHOT_ID, o.DISCIPLINE_ID, o.OCCURRED_ON, o.SOURCE, o.AMOUNT, o.REFERENCE,
                o.REVERSES_ID)
                .from(r).join(o).on(o.ID.eq(r.REVERSES_ID)).where(reversal);
        Table<?> rows = reversals.unionAll(reversed).asTable("c");
        Field<Long> id = rows.field("id", Long.class);
        Field<Long> reverses = rows.field("reverses_id", Long.class);
        return scope.dsl()
                .select(s.EPISODE_ID, id, rows.field("occurred_on", LocalDate.class), rows.field("source", String.class),
                        s.CODE, d.CODE, rows.field("amount", BigDecimal.class), rows.field("reference", String.class),
                        reverses)
                .from(rows)
                .leftJoin(s).on(s.ID.eq(rows.field("shot_id", Long.class)))
                .leftJoin(d).on(d.ID.eq(rows.field("disc", Long.class)))
                .where(scope.inScope(s.EPISODE_ID))
                .orderBy(coalesce(reverses, id), id)
                .fetch(x -> new Correction(x.value1(), x.value2(), x.value3(), x.value4(),
                        x.value5() == null ? "" : x.value5(), x.value6() == null ? "" : x.value6(), x.value7(),
                        x.value8() == null ? "" : x.value8(), Optional.ofNullable(x.value9())));
    }

    /** The exchange rates the actuals in scope were booked at, with what each converted. */
    List<RateRow> ratesUsed() {
        CostLedger l = COST_LEDGER.as("l");
        Shot s = SHOT.as("s");
        Field<LocalDate> first = min(l.OCCURRED_ON);
        return scope.dsl()
                .select(l.ORIGINAL_CURRENCY, l.EXCHANGE_RATE, first, max(l.OCCURRED_ON), count(),
                        sum(l.ORIGINAL_AMOUNT), sum(l.AMOUNT))
                .from(l).leftJoin(s).on(s.ID.eq(l.SHOT_ID))
                .where(scope.actuals(l), l.ORIGINAL_CURRENCY.isNotNull(), scope.inScope(s.EPISODE_ID))
                .groupBy(l.ORIGINAL_CURRENCY, l.EXCHANGE_RATE)
                .orderBy(l.ORIGINAL_CURRENCY, first)
                .fetch(r -> new RateRow(r.value1().trim(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
    }

    /** The actuals in scope booked from another currency, per episode and currency; exact sums. */
    List<OriginalRow> originals() {
        CostLedger l = COST_LEDGER.as("l");
        Shot s = SHOT.as("s");
        Episode e = EPISODE.as("e");
        return scope.dsl()
                .select(e.CODE, l.ORIGINAL_CURRENCY, count(), sum(l.ORIGINAL_AMOUNT), sum(l.AMOUNT))
                .from(l).leftJoin(s).on(s.ID.eq(l.SHOT_ID)).leftJoin(e).on(e.ID.eq(s.EPISODE_ID))
                .where(scope.actuals(l), l.ORIGINAL_CURRENCY.isNotNull(), scope.inScope(s.EPISODE_ID))
                .groupBy(e.CODE, l.ORIGINAL_CURRENCY)
                .orderBy(e.CODE.nullsFirst(), l.ORIGINAL_CURRENCY)
                .fetch(r -> new OriginalRow(r.value1(), r.value2().trim(), r.value3(), r.value4(), r.value5()));
    }
}
