package io.shotplan.generation.queue;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.EXCHANGE_RATE;
import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static io.shotplan.sql.schema.Tables.PLAN;
import static io.shotplan.sql.schema.Tables.PLAN_ITEM;
import static io.shotplan.sql.schema.Tables.RATE_CARD;
import static io.shotplan.sql.schema.Tables.RATE_CARD_GPU_POOL;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shotplan.generation.GenerationConfig;
import io.shotplan.generation.GenerationService;
import io.shotplan.sql.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Nothing rendered twice unless asked, every device second billed exactly once: across plans, cancels and pauses. */
class DispatchBillingTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aNewerPlanDoesNotRenderOrBillAgainWhatWasRenderedUnlessAReRenderIsAsked(Supplier<Database> databases)
            throws Exception {
        try (Database db = databases.get()) {
            DSLContext dsl = db.dsl();
            QueueFixtures show = QueueFixtures.create(dsl, "IDM", 2, 6, 1); // ranges 1–4 and 5–6 per shot
            try (GenerationService service = service(db)) {
                assertThat(service.dispatchPlan(show.planId()).jobsCreated()).isEqualTo(4);
                runToIdle(service, show);
                assertThat(dsl.fetchCount(COST_LEDGER)).isEqualTo(4);
                BigDecimal billed = ledgerSeconds(dsl);

                long newer = secondPlan(dsl, show);
                DispatchResult again = service.dispatchPlan(newer);
                runToIdle(service, show);

                assertThat(again.jobsCreated()).isZero();
                assertThat(again.jobsExisting()).isEqualTo(4);
                assertThat(dsl.fetchCount(GENERATION_JOB)).isEqualTo(4);
                assertThat(dsl.fetchCount(COST_LEDGER)).isEqualTo(4);
                assertThat(ledgerSeconds(dsl)).isEqualByComparingTo(billed);

                DispatchResult redo = dsl.transactionResult(cfg -> service.dispatchPlan(cfg.dsl(), newer, Set.of("SH0001")));
                runToIdle(service, show);

                assertThat(redo.jobsRerendered()).isEqualTo(2);
                assertThat(redo.jobsExisting()).isEqualTo(2); // SH0002's ranges
                assertThat(dsl.fetchCount(COST_LEDGER)).isEqualTo(6); // the re-render is billed as new lines
                assertThat(dsl.select(COST_LEDGER.IDEMPOTENCY_KEY).from(COST_LEDGER).fetch(COST_LEDGER.IDEMPOTENCY_KEY))
                        .filteredOn(k -> k.endsWith(":redo-1")).hasSize(2);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aCompletionTriedAgainAfterItsAnswerWasLostBillsOnce(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            DSLContext dsl = db.dsl();
            QueueFixtures show = QueueFixtures.create(dsl, "TWC", 1, 4, 1);
            try (GenerationService service = service(db)) {
                service.dispatchPlan(show.planId());
                JobRepository jobs = new JobRepository(dsl, Clock.systemUTC());
                GenerationJob job = jobs.claim("w1", Duration.ofMinutes(1)).orElseThrow();
                FramesDone rendered = new FramesDone(4, 8.0, "gpu");

                long first = jobs.complete(job.id(), "w1", "m", rendered).orElseThrow();
                // the worker never saw that answer (the connection broke after the commit) and tries again
                assertThat(jobs.complete(job.id(), "w1", "m", rendered)).contains(first);
                assertThat(jobs.complete(job.id(), "w2", "m", FramesDone.NONE)).isEmpty(); // another worker cannot

                assertThat(dsl.fetchCount(COST_LEDGER)).isEqualTo(1);
                assertThat(ledgerSeconds(dsl)).isEqualByComparingTo("8.0");
                assertThat(dsl.select(GENERATION_JOB.DEVICE_SECONDS).from(GENERATION_JOB).fetchSingle().value1())
                        .isEqualByComparingTo("8.0");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aCancelBillsTheSecondsSpentAndTheFrameStillRunningIsBilledWhenItEnds(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            DSLContext dsl = db.dsl();
            QueueFixtures show = QueueFixtures.create(dsl, "CNB", 1, 4, 1);
            try (GenerationService service = service(db)) {
                service.dispatchPlan(show.planId());
                JobRepository jobs = new JobRepository(dsl, Clock.systemUTC());
                GenerationJob job = jobs.claim("w1", Duration.ofMinutes(1)).orElseThrow();
                assertThat(jobs.heartbeat(job.id(), "w1", new FramesDone(1, 2.0, "gpu"), Duration.ofMinutes(1))).isTrue();

                assertThat(service.cancelShow(show.showId())).isEqualTo(1);

                assertThat(ledgerSeconds(dsl)).isEqualByComparingTo("2.0");
                assertThat(dsl.fetchValue(COST_LEDGER.AMOUNT)).isEqualByComparingTo("0.0020"); // 2 s at 3.60 an hour

                // the frame the worker had in hand finishes after the cancel
                assertThat(jobs.heartbeat(job.id(), "w1", new FramesDone(1, 1.5, "gpu"), Duration.ofMinutes(1))).isFalse();
                assertThat(ledgerSeconds(dsl)).isEqualByComparingTo("3.5");
                assertThat(dsl.fetchCount(COST_LEDGER)).isEqualTo(2);

                // cancelling again bills nothing more
                service.cancelShow(show.showId());
                assertThat(ledgerSeconds(dsl)).isEqualByComparingTo("3.5");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aPoolPricedInAnotherCurrencyIsBilledInItAndBookedConvertedAtTheRateInForce(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            DSLContext dsl = db.dsl();
            QueueFixtures show = QueueFixtures.create(dsl, "ARS", 1, 4, 1); // the show reports in EUR
            dsl.update(RATE_CARD).set(RATE_CARD.CURRENCY, "ARS").where(RATE_CARD.SHOW_ID.eq(show.showId())).execute();
            dsl.update(RATE_CARD_GPU_POOL).set(RATE_CARD_GPU_POOL.HOURLY_RATE, new BigDecimal("3600"))
                    .where(RATE_CARD_GPU_POOL.GPU_POOL_ID.eq(show.poolId())).execute();
            dsl.insertInto(EXCHANGE_RATE).set(EXCHANGE_RATE.SHOW_ID, show.showId()).set(EXCHANGE_RATE.CURRENCY, "ARS")
                    .set(EXCHANGE_RATE.EFFECTIVE_FROM, LocalDate.of(2020, 1, 1)).set(EXCHANGE_RATE.RATE, new BigDecimal("1050"))
                    .set(EXCHANGE_RATE.SOURCE, "test").set(EXCHANGE_RATE.UPLOADED_BY, "test").execute();
            try (GenerationService service = service(db)) {
                service.dispatchPlan(show.planId());
                JobRepository jobs = new JobRepository(dsl, Clock.systemUTC());
                GenerationJob job = jobs.claim("w1", Duration.ofMinutes(1)).orElseThrow();
                assertThat(jobs.heartbeat(job.id(), "w1", new FramesDone(1, 2.0, "gpu"), Duration.ofMinutes(1))).isTrue();

                service.cancelShow(show.showId());

                var row = dsl.select(COST_LEDGER.AMOUNT, COST_LEDGER.CURRENCY, COST_LEDGER.ORIGINAL_AMOUNT,
                        COST_LEDGER.ORIGINAL_CURRENCY, COST_LEDGER.EXCHANGE_RATE).from(COST_LEDGER).fetchSingle();
                assertThat(row.value3()).isEqualByComparingTo("2.0000");       // 2 s at 3,600 pesos an hour
                assertThat(row.value4()).isEqualTo("ARS");
                assertThat(row.value5()).isEqualByComparingTo("1050");
                assertThat(row.value1()).isEqualByComparingTo("0.0019");       // 2 / 1,050 = 0.00190..., half-even
                assertThat(row.value2()).isEqualTo("EUR");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aPauseKeepsTheSecondsOfTheFrameInProgressAndAResumedCancelledJobBillsOnlyTheRest(Supplier<Database> databases)
            throws Exception {
        try (Database db = databases.get()) {
            DSLContext dsl = db.dsl();
            QueueFixtures show = QueueFixtures.create(dsl, "PSB", 1, 4, 1);
            try (GenerationService service = service(db)) {
                service.dispatchPlan(show.planId());
                JobRepository jobs = new JobRepository(dsl, Clock.systemUTC());
                GenerationJob job = jobs.claim("w1", Duration.ofMinutes(1)).orElseThrow();
                assertThat(jobs.heartbeat(job.id(), "w1", new FramesDone(1, 1.0, "gpu"), Duration.ofMinutes(1))).isTrue();
                service.pauseShow(show.showId());
                assertThat(jobs.heartbeat(job.id(), "w1", new FramesDone(1, 0.5, "gpu"), Duration.ofMinutes(1))).isFalse();
                assertThat(dsl.select(GENERATION_JOB.DEVICE_SECONDS).from(GENERATION_JOB).fetchSingle().value1())
                        .isEqualByComparingTo("1.5");

                service.cancelShow(show.showId());
                assertThat(ledgerSeconds(dsl)).isEqualByComparingTo("1.5");

                // dispatching again resumes the cancelled job after its finished frame; the rest is billed once
                DispatchResult again = service.dispatchPlan(show.planId());
                assertThat(again.jobsResumed()).isEqualTo(1);
                runToIdle(service, show);
                var done = dsl.selectFrom(GENERATION_JOB).fetchSingle();
                assertThat(done.getState()).isEqualTo("SUCCEEDED");
                assertThat(done.getDeviceSeconds()).isGreaterThan(new BigDecimal("1.5"));
                assertThat(ledgerSeconds(dsl)).isEqualByComparingTo(done.getDeviceSeconds());
                assertThat(dsl.fetchCount(COST_LEDGER)).isEqualTo(2);
            }
        }
    }

    /** With an int counter, {@code from += framesPerJob} wraps past 2³¹−1 and the insert loop never ends. */
    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aShotOfTheLargestFrameCountGetsItsRangesAndTheLoopEnds(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            DSLContext dsl = db.dsl();
            QueueFixtures show = QueueFixtures.create(dsl, "BIG", 1, Integer.MAX_VALUE, 1);
            QueueSettings huge = new QueueSettings(Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofSeconds(1),
                    Duration.ofSeconds(10), Duration.ofMinutes(10), 1 << 30, 3);
            try (GenerationService service = new GenerationService(dsl, GenerationConfig.defaults(dir).withQueue(huge),
                    new SimpleMeterRegistry(), new FakeProcessor(dir, 1), Clock.systemUTC())) {
                DispatchResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> service.dispatchPlan(show.planId()));
                assertThat(result.jobsCreated()).isEqualTo(2);
                assertThat(dsl.select(GENERATION_JOB.FRAME_FROM, GENERATION_JOB.FRAME_TO).from(GENERATION_JOB)
                        .orderBy(GENERATION_JOB.FRAME_FROM).fetch(r -> r.value1() + "-" + r.value2()))
                        .containsExactly("1-1073741824", "1073741825-2147483647");
            }
        }
    }

    private static long secondPlan(DSLContext dsl, QueueFixtures show) {
        long plan = dsl.insertInto(PLAN).set(PLAN.SHOW_ID, show.showId()).set(PLAN.VERSION, 2).set(PLAN.FEASIBLE, true)
                .returningResult(PLAN.ID).fetchSingle().value1();
        LocalDate start = LocalDate.of(2026, 2, 2);
        for (long shot : show.shotIds()) {
            dsl.insertInto(PLAN_ITEM).set(PLAN_ITEM.PLAN_ID, plan).set(PLAN_ITEM.SHOT_ID, shot)
                    .set(PLAN_ITEM.MODE, "AI").set(PLAN_ITEM.CAPABILITY_CODE, "upres-x2")
                    .set(PLAN_ITEM.START_DATE, start).set(PLAN_ITEM.END_DATE, start.plusDays(1))
                    .set(PLAN_ITEM.PLANNED_COST, new BigDecimal("90")).set(PLAN_ITEM.TRADITIONAL_COST, new BigDecimal("900"))
                    .set(PLAN_ITEM.TRADITIONAL_DAYS, 5).execute();
        }
        return plan;
    }

    private static BigDecimal ledgerSeconds(DSLContext dsl) {
        return dsl.select(DSL.coalesce(DSL.sum(COST_LEDGER.GPU_SECONDS), BigDecimal.ZERO)).from(COST_LEDGER)
                .fetchSingle().value1();
    }

    private static void runToIdle(GenerationService service, QueueFixtures show) throws InterruptedException {
        service.startWorkers(2);
        assertThat(service.awaitIdle(show.showId(), Duration.ofSeconds(30))).isTrue();
        service.stopWorkers();
    }

    private GenerationService service(Database db) {
        return new GenerationService(db.dsl(), GenerationConfig.defaults(dir).withQueue(QueueTest.FAST),
                new SimpleMeterRegistry(), new FakeProcessor(dir, 2), Clock.systemUTC());
    }
}
