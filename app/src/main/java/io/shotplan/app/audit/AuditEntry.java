package io.shotplan.app.audit;

import java.time.OffsetDateTime;

/** One change: who did what to which entity, when, and the details (old and new values). */
public record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String entity,
                         String entityId, String detail) {
}
