package io.shotplan.app.show;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.web.ConflictException;
import io.shotplan.app.web.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Archiving a show: it leaves the active lists, and everything finance reads stays — plans, jobs, the cost ledger,
 * its reports. The one way a show is put away (a show with costs cannot be deleted); ADMIN only, audited in the same
 * transaction.
 */
@Service
public class ShowArchive {

    /** What the archive kept, for the caller and the audit log. */
    public record Archived(String show, OffsetDateTime archivedAt, String archivedBy, int plansKept, int ledgerRowsKept,
                           BigDecimal ledgerAmountKept, String currency) {
    }

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;

    public ShowArchive(DSLContext dsl, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
    }

    public Archived archive(String showCode) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            var show = db.selectFrom(SHOW).where(SHOW.CODE.eq(showCode)).forUpdate().fetchOptional()
                    .orElseThrow(() -> new NotFoundException("show", showCode));
            if (show.getArchivedAt() != null) {
                throw new ConflictException("show " + showCode + " was archived on " + show.getArchivedAt()
                        + " by " + show.getArchivedBy());
            }
            int unfinished = db.fetchCount(GENERATION_JOB, GENERATION_JOB.SHOW_ID.eq(show.getId())
                    .and(GENERATION_JOB.STATE.in("QUEUED", "RUNNING", "PAUSED")));
            if (unfinished > 0) {
                throw new ConflictException("show " + showCode + " has " + unfinished + " unfinished generation jobs:"
                        + " let them finish or cancel them (their device time is billed) before archiving it");
            }
            String actor = AuditLog.currentActor();
            OffsetDateTime now = OffsetDateTime.now(clock);
            db.update(SHOW).set(SHOW.ARCHIVED_AT, now).set(SHOW.ARCHIVED_BY, actor).where(SHOW.ID.eq(show.getId()))
                    .execute();
            var ledger = db.select(count(), coalesce(sum(COST_LEDGER.AMOUNT), BigDecimal.ZERO)).from(COST_LEDGER)
                    .where(COST_LEDGER.SHOW_ID.eq(show.getId())).fetchSingle();
            int plans = db.fetchCount(PLAN, PLAN.SHOW_ID.eq(show.getId()));
            Archived archived = new Archived(showCode, now, actor, plans, ledger.value1(), ledger.value2(),
                    show.getCurrency());
            audit.recordAs(db, actor, "ARCHIVE", "show", showCode, "Archived show %s: kept %d plans and its cost ledger"
                    .formatted(showCode, plans) + " (%d rows, %s %s); its reports still run.".formatted(ledger.value1(),
                    ledger.value2().setScale(2, RoundingMode.HALF_EVEN).toPlainString(), show.getCurrency()));
            return archived;
        });
    }
}
