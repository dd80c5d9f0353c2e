package io.shotplan.app.plan;

import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.SHOW;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.web.NotFoundException;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** Locks a plan as its show's baseline: the plan actuals and later plans are measured against. */
@Service
public class Baselines {

    private final DSLContext dsl;
    private final AuditLog audit;

    public Baselines(DSLContext dsl, AuditLog audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    public void lock(long planId) {
        dsl.transaction(tx -> {
            var plan = tx.dsl().selectFrom(PLAN).where(PLAN.ID.eq(planId)).forUpdate().fetchOptional()
                    .orElseThrow(() -> new NotFoundException("plan", String.valueOf(planId)));
            var show = tx.dsl().selectFrom(SHOW).where(SHOW.ID.eq(plan.getShowId())).forUpdate().fetchSingle();
            if (!plan.getFeasible()) {
                throw new IllegalStateException("plan " + planId + " breaks hard constraints: only a feasible plan can be the baseline");
            }
            Long before = show.getBaselinePlanId();
            if (before != null && before == planId) {
                return;
            }
            if (plan.getLockedAt() == null) {
                plan.setLockedAt(OffsetDateTime.now());
                plan.store();
            }
            show.setBaselinePlanId(planId);
            show.store();
            audit.record(tx.dsl(), "BASELINE", "plan", String.valueOf(planId), "show " + show.getCode()
                    + " baseline " + (before == null ? "(none)" : "plan " + before) + " -> plan " + planId
                    + " (version " + plan.getVersion() + ")");
        });
    }
}
