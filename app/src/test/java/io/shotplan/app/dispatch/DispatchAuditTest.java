package io.shotplan.app.dispatch;

import static io.shotplan.sql.schema.Tables.AI_CAPABILITY;
import static io.shotplan.sql.schema.Tables.AUDIT_LOG;
import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.EPISODE;
import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shotplan.app.audit.AuditLog;
import io.shotplan.generation.GenerationConfig;
import io.shotplan.generation.GenerationService;
import io.shotplan.generation.queue.FrameProcessor;
import io.shotplan.sql.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dispatch, pause, resume and cancel write their audit entry in the transaction of the change: when the entry cannot
 * be written, the change is not made either (and the reverse: no change without its entry).
 */
class DispatchAuditTest {

    /** An audit log whose writes fail, as a full disk or a lost connection would make them. */
    static final class BrokenAuditLog extends AuditLog {
        BrokenAuditLog(DSLContext dsl) {
            super(dsl);
        }

        @Override
        public void recordAs(DSLContext tx, String actor, String action, String entity, String entityId, String detail) {
            throw new IllegalStateException("audit log unavailable");
        }
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void noChangeLandsWithoutItsAuditEntry(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            DSLContext dsl = db.dsl();
            long[] showAndPlan = aPlanWithOneAiShot(dsl);
            long show = showAndPlan[0];
            long plan = showAndPlan[1];
            FrameProcessor never = (job, frame) -> new FrameProcessor.FrameResult(0.01, "cpu");
            try (GenerationService generation = new GenerationService(dsl, GenerationConfig.defaults(dir),
                    new SimpleMeterRegistry(), never, Clock.systemUTC())) {
                Dispatcher broken = new Dispatcher(dsl, generation, new BrokenAuditLog(dsl), Clock.systemUTC(), 0, 0);
                Dispatcher working = new Dispatcher(dsl, generation, new AuditLog(dsl), Clock.systemUTC(), 0, 0);

                assertThatThrownBy(() -> broken.dispatch(plan)).hasMessageContaining("audit log unavailable");
                assertThat(dsl.fetchCount(GENERATION_JOB)).isZero();

                assertThat(working.dispatch(plan).jobsCreated()).isEqualTo(1);
                assertThat(dsl.select(AUDIT_LOG.ACTION, AUDIT_LOG.ACTOR).from(AUDIT_LOG).fetchSingle().value2())
                        .startsWith("cli:"); // outside a request: the OS user

                assertThatThrownBy(() -> broken.pause(show, "AUD")).hasMessageContaining("audit log unavailable");
                assertThat(dsl.fetchValue(GENERATION_JOB.STATE)).isEqualTo("QUEUED");

                // a worker spent 2 s on the job: the cancel would bill them, and must not without its entry
                dsl.update(GENERATION_JOB).set(GENERATION_JOB.DEVICE_SECONDS, new BigDecimal("2")).execute();
                assertThatThrownBy(() -> broken.cancel(show, "AUD")).hasMessageContaining("audit log unavailable");
                assertThat(dsl.fetchValue(GENERATION_JOB.STATE)).isEqualTo("QUEUED");
                assertThat(dsl.fetchCount(COST_LEDGER)).isZero();

                assertThat(working.cancel(show, "AUD")).isEqualTo(1);
                assertThat(dsl.fetchCount(COST_LEDGER)).isEqualTo(1);
                assertThat(dsl.select(AUDIT_LOG.DETAIL).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("CANCEL"))
                        .fetchSingle().value1()).contains("1 jobs cancelled").contains("the 2 device seconds");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aSampleDispatchSendsTheFirstShotsOfEachCapabilityAndAFullOneTheRest(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            DSLContext dsl = db.dsl();
            long plan = aPlanWithOneAiShot(dsl)[1];
            var first = dsl.selectFrom(SHOT).fetchSingle();
            var item = dsl.selectFrom(PLAN_ITEM).fetchSingle();
            for (String code : new String[] {"S3", "S2"}) {
                var shot = first.copy();
                shot.setCode(code);
                shot.attach(dsl.configuration());
                shot.store();
                var copy = item.copy();
                copy.setShotId(shot.getId());
                copy.attach(dsl.configuration());
                copy.store();
            }
            FrameProcessor never = (job, frame) -> new FrameProcessor.FrameResult(0.01, "cpu");
            try (GenerationService generation = new GenerationService(dsl, GenerationConfig.defaults(dir),
                    new SimpleMeterRegistry(), never, Clock.systemUTC())) {
                Dispatcher dispatcher = new Dispatcher(dsl, generation, new AuditLog(dsl), Clock.systemUTC(), 0, 0);

                assertThat(dispatcher.dispatchSample(plan, 2).jobsCreated()).isEqualTo(2);
                assertThat(dsl.select(SHOT.CODE).from(GENERATION_JOB).join(SHOT).on(SHOT.ID.eq(GENERATION_JOB.SHOT_ID))
                        .orderBy(SHOT.CODE).fetch(SHOT.CODE)).containsExactly("S1", "S2");

                assertThat(dispatcher.dispatch(plan).jobsCreated()).isEqualTo(1); // the rest, nothing twice
                assertThat(dsl.fetchCount(GENERATION_JOB)).isEqualTo(3);
            }
        }
    }

    /** A show with an in-house up-res capability and a plan that sends its one 10-frame shot to it. */
    private static long[] aPlanWithOneAiShot(DSLContext dsl) {
        LocalDate start = LocalDate.of(2027, 1, 4);
        long show = dsl.insertInto(SHOW).set(SHOW.CODE, "AUD").set(SHOW.NAME, "Audited").set(SHOW.CURRENCY, "USD")
                .set(SHOW.START_DATE, start).returningResult(SHOW.ID).fetchSingle(SHOW.ID);
        long episode = dsl.insertInto(EPISODE).set(EPISODE.SHOW_ID, show).set(EPISODE.CODE, "E1")
                .set(EPISODE.DELIVERY_DATE, start.plusMonths(2)).set(EPISODE.BUDGET, BigDecimal.TEN)
                .returningResult(EPISODE.ID).fetchSingle(EPISODE.ID);
        long pool = dsl.insertInto(GPU_POOL).set(GPU_POOL.SHOW_ID, show).set(GPU_POOL.CODE, "farm")
                .set(GPU_POOL.GPU_TYPE, "CPU").set(GPU_POOL.GPU_COUNT, 1).set(GPU_POOL.HOURS_PER_DAY, BigDecimal.TEN)
                .returningResult(GPU_POOL.ID).fetchSingle(GPU_POOL.ID);
        dsl.insertInto(AI_CAPABILITY).set(AI_CAPABILITY.SHOW_ID, show).set(AI_CAPABILITY.CODE, "upres-x2")
                .set(AI_CAPABILITY.WORK_TYPE, "upres").set(AI_CAPABILITY.GPU_POOL_ID, pool)
                .set(AI_CAPABILITY.GPU_SECONDS_PER_FRAME, BigDecimal.ONE)
                .set(AI_CAPABILITY.REFERENCE_WIDTH, 1920).set(AI_CAPABILITY.REFERENCE_HEIGHT, 1080).execute();
        long shot = dsl.insertInto(SHOT).set(SHOT.SHOW_ID, show).set(SHOT.EPISODE_ID, episode).set(SHOT.CODE, "S1")
                .set(SHOT.FRAME_COUNT, 10).set(SHOT.WIDTH, 1920).set(SHOT.HEIGHT, 1080).set(SHOT.WORK_TYPE, "upres")
                .set(SHOT.COMPLEXITY, (short) 1).returningResult(SHOT.ID).fetchSingle(SHOT.ID);
        long plan = dsl.insertInto(PLAN).set(PLAN.SHOW_ID, show).set(PLAN.VERSION, 1)
                .returningResult(PLAN.ID).fetchSingle(PLAN.ID);
        dsl.insertInto(PLAN_ITEM).set(PLAN_ITEM.PLAN_ID, plan).set(PLAN_ITEM.SHOT_ID, shot).set(PLAN_ITEM.MODE, "AI")
                .set(PLAN_ITEM.CAPABILITY_CODE, "upres-x2").set(PLAN_ITEM.START_DATE, start)
                .set(PLAN_ITEM.END_DATE, start).set(PLAN_ITEM.PLANNED_COST, BigDecimal.ONE)
                .set(PLAN_ITEM.TRADITIONAL_COST, BigDecimal.TEN).set(PLAN_ITEM.TRADITIONAL_DAYS, 1).execute();
        return new long[] {show, plan};
    }
}
