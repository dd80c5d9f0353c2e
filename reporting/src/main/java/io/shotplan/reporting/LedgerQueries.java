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
        CostLedger l = COST_LEDGER.as("l");
        CostLedger r = COST_LEDGER.as("r");
        Shot s = SHOT.as("s");
        Discipline d = DISCIPLINE.as("d");
        return scope.dsl()
                .select(s.EPISODE_ID, l.ID, l.OCCURRED_ON, l.SOURCE, s.CODE, d.CODE, l.AMOUNT, l.REFERENCE,
                        l.REVERSES_ID)
                .from(l)
                .leftJoin(s).on(s.ID.eq(l.SHOT_ID))
                .leftJoin(d).on(d.ID.eq(l.DISCIPLINE_ID))
                .where(scope.actuals(l))
                // a correction is a row that reverses another (cost_ledger_reverses_idx finds both sides)
                .and(l.REVERSES_ID.isNotNull().or(l.ID.in(select(r.REVERSES_ID).from(r)
                        .where(r.REVERSES_ID.isNotNull()).and(scope.actuals(r)))))
                .and(scope.inScope(s.EPISODE_ID))
                .orderBy(coalesce(l.REVERSES_ID, l.ID), l.ID)
                .fetch(x -> new Correction(x.value1(), x.value2(), x.value3(), x.value4(),
                        x.value5() == null ? "" : x.value5(), x.value6() == null ? "" : x.value6(), x.value7(),
                        x.value8() == null ? "" : x.value8(), Optional.ofNullable(x.value9())));
    }
}
