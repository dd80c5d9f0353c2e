package io.shotplan.reporting;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.DISCIPLINE;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.select;

import io.shotplan.sql.schema.tables.CostLedger;
import io.shotplan.sql.schema.tables.Discipline;
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
}
