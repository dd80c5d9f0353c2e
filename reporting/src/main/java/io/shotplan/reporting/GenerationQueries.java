package io.shotplan.reporting;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import io.shotplan.sql.schema.tables.AiCapability;
import io.shotplan.sql.schema.tables.GpuPool;
import io.shotplan.sql.schema.tables.PlanItem;
import io.shotplan.sql.schema.tables.Shot;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Generation against plan at grain (episode, shot, model, device type): actuals are the GPU cost line (GENERATION rows
 * naming no discipline, and their reversals), device type the GPU type of the row's pool or else its device; the plan
 * is the current plan's GPU hours with the model and pool of the capability each item uses. It reads the ledger's
 * lines on its own, so it can run on either connection of a report.
 */
final class GenerationQueries {

    /** Exact figures of one (episode, shot, model, device type). */
    record GenerationRow(Long episodeId, String shot, String model, String deviceType,
                         BigDecimal plannedGpuHours, BigDecimal deviceSeconds, BigDecimal cost) {
    }

    static final String NO_MODEL = "(no model)";
    static final String NO_DEVICE = "(unknown device)";

    private final ReportScope scope;

    GenerationQueries(ReportScope scope) {
        this.scope = scope;
    }

    List<GenerationRow> generation() {
        Table<?> ledger = LedgerLines.of(scope).asTable("gl");
        Shot s = SHOT.as("gs");
        GpuPool gp = GPU_POOL.as("gp");
        PlanItem pi = PLAN_ITEM.as("gpi");
        AiCapability ac = AI_CAPABILITY.as("ac");
        GpuPool pgp = GPU_POOL.as("pgp");
        Field<BigDecimal> z = inline(BigDecimal.ZERO);
        var actual = select(s.EPISODE_ID.as("episode_id"), s.CODE.as("shot"),
                coalesce(ledger.field(LedgerLines.MODEL), inline(NO_MODEL)).as("model"),
                coalesce(gp.GPU_TYPE, ledger.field(LedgerLines.DEVICE), inline(NO_DEVICE)).as("device_type"),
                z.as("planned"), ledger.field(LedgerLines.SECS).as("secs"),
                ledger.field(LedgerLines.AMOUNT).as("cost"))
                .from(ledger)
                .leftJoin(s).on(s.ID.eq(ledger.field(LedgerLines.SHOT_ID)))
                .leftJoin(gp).on(gp.ID.eq(ledger.field(LedgerLines.POOL)))
                .where(ledger.field(LedgerLines.KIND).eq(ReportScope.GPU));
        var planned = select(s.EPISODE_ID, s.CODE, coalesce(ac.MODEL, inline(NO_MODEL)),
                coalesce(pgp.GPU_TYPE, inline(NO_DEVICE)), pi.PLANNED_GPU_HOURS, z, z)
                .from(pi)
                .join(s).on(s.ID.eq(pi.SHOT_ID))
                .leftJoin(ac).on(ac.SHOW_ID.eq(scope.showId()).and(ac.CODE.eq(pi.CAPABILITY_CODE)))
                .leftJoin(pgp).on(pgp.ID.eq(ac.GPU_POOL_ID))
                .where(pi.PLAN_ID.eq(scope.currentPlanId()))
                .and(pi.PLANNED_GPU_HOURS.ne(BigDecimal.ZERO));
        Table<?> u = actual.unionAll(planned).asTable("gu");
        Field<Long> episode = u.field(0, Long.class);
        Field<String> shot = u.field(1, String.class);
        Field<String> model = u.field(2, String.class);
        Field<String> device = u.field(3, String.class);
        return scope.dsl()
                .select(episode, shot, model, device, sum(u.field(4, BigDecimal.class)),
                        sum(u.field(5, BigDecimal.class)), sum(u.field(6, BigDecimal.class)))
                .from(u)
                .where(scope.inScope(episode))
                .groupBy(episode, shot, model, device)
                .fetch(r -> new GenerationRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
    }
}
