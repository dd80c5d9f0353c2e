package io.shotplan.app.audit;

import static io.shotplan.sql.schema.Tables.AUDIT_LOG;

import io.shotplan.app.web.PageOf;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The audit log: every change to budgets, pins, eligibility, plans and users, with who and when. Append-only.
 * Callers record inside the transaction of the change, so a change and its entry land together or not at all.
 */
@Service
public class AuditLog {

    private final DSLContext dsl;

    public AuditLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records a change by the current user (or the command-line user outside a web request). */
    public void record(DSLContext tx, String action, String entity, String entityId, String detail) {
        recordAs(tx, currentActor(), action, entity, entityId, detail);
    }

    /** Records a change made on a user's behalf outside their request (a solve running in the background). */
    public void recordAs(DSLContext tx, String actor, String action, String entity, String entityId, String detail) {
        tx.insertInto(AUDIT_LOG).set(AUDIT_LOG.ACTOR, actor).set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.ENTITY, entity).set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.DETAIL, detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000))
                .execute();
    }

    /** Records an event of a user who is not (yet) the request's user: a login, a failed login. */
    public void recordAs(String actor, String action, String entity, String entityId, String detail) {
        recordAs(dsl, actor, action, entity, entityId, detail);
    }

    public void record(String action, String entity, String entityId, String detail) {
        record(dsl, action, entity, entityId, detail);
    }

    /** Newest first, optionally only one entity kind or one actor. */
    public PageOf<AuditEntry> find(String entity, String actor, int page, int size) {
        Condition where = DSL.noCondition();
        if (entity != null && !entity.isBlank()) {
            where = where.and(AUDIT_LOG.ENTITY.eq(entity));
        }
        if (actor != null && !actor.isBlank()) {
            where = where.and(AUDIT_LOG.ACTOR.eq(actor));
        }
        long total = dsl.fetchCount(AUDIT_LOG, where);
        var items = dsl.selectFrom(AUDIT_LOG).where(where).orderBy(AUDIT_LOG.ID.desc())
                .limit(size).offset((long) page * size)
                .fetch(r -> new AuditEntry(r.getId(), r.getOccurredAt(), r.getActor(), r.getAction(), r.getEntity(),
                        r.getEntityId(), r.getDetail()));
        return new PageOf<>(items, page, size, total);
    }

    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null) {
            return authentication.getName();
        }
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
