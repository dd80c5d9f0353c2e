package io.shotplan.generation.queue;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shotplan.generation.GenerationConfig;
import io.shotplan.generation.GenerationException;
import io.shotplan.generation.GenerationService;
import io.shotplan.sql.Database;
import io.shotplan.sql.TestDatabases;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The queue's rules on both databases, with a fast fake processor. */
class QueueTest {

    static final QueueSettings FAST = new QueueSettings(Duration.ofMillis(800), Duration.ofMillis(150),
            Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(200), 4, 3);

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void dispatchSplitsLongShotsIntoFrameRangesOnce(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "DSP", 3, 10, 1);
            try (GenerationService service = service(db, new FakeProcessor(dir, 1))) {
                DispatchResult first = service.dispatchPlan(show.planId());
                DispatchResult again = service.dispatchPlan(show.planId());

                assertThat(first.shots()).isEqualTo(3);
                assertThat(first.jobsCreated()).isEqualTo(9); // 10 frames in ranges of 4: 1–4, 5–8, 9–10
                assertThat(again.jobsCreated()).isZero();
                assertThat(again.jobsExisting()).isEqualTo(9);
                assertThat(db.dsl().select(GENERATION_JOB.FRAME_FROM, GENERATION_JOB.FRAME_TO).from(GENERATION_JOB)
                        .where(GENERATION_JOB.SHOT_ID.eq(show.shotIds().get(0))).orderBy(GENERATION_JOB.FRAME_FROM)
                        .fetch(r -> r.value1() + "-" + r.value2())).containsExactly("1-4", "5-8", "9-10");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void workersRunEveryJobAndChargeEachOnceAtThePoolRate(Supplier<Database> databases) throws Exception {
        try (Database db = databases.get()) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "RUN", 6, 5, 2);
            try (GenerationService service = service(db, new FakeProcessor(dir, 5))) {
                service.dispatchPlan(show.planId());
                service.startWorkers(3);
                assertThat(service.awaitIdle(show.showId(), Duration.ofSeconds(30))).isTrue();
                service.stopWorkers();

                DSLContext dsl = db.dsl();
                assertThat(dsl.fetchCount(GENERATION_JOB, GENERATION_JOB.STATE.eq("SUCCEEDED"))).isEqualTo(12);
                assertThat(dsl.fetchCount(COST_LEDGER)).isEqualTo(12);
                for (var job : dsl.selectFrom(GENERATION_JOB).fetch()) {
                    var row = dsl.selectFrom(COST_LEDGER).where(COST_LEDGER.IDEMPOTENCY_KEY.eq(job.getIdempotencyKey())).fetchSingle();
                    assertThat(row.getGpuSeconds()).isEqualByComparingTo(job.getDeviceSeconds());
                    assertThat(row.getAmount()).isEqualByComparingTo(job.getDeviceSeconds().multiply(QueueFixtures.RATE)
                            .divide(BigDecimal.valueOf(3600), 4, RoundingMode.HALF_EVEN));
                    assertThat(row.getDevice()).isEqualTo("fake");
                    assertThat(job.getDeviceSeconds()).isGreaterThan(new BigDecimal("0.004"));
                }
                assertThat(dsl.fetchCount(SHOT, SHOT.STATUS.eq("DONE"))).isEqualTo(6);
                assertThat(service.progress(show.showId())).allSatisfy(p -> {
                    assertThat(p.framesDone()).isEqualTo(5);
                    assertThat(p.framesTotal()).isEqualTo(5);
                });
                assertThat(Files.exists(dir.resolve("SH0006/f0005.txt"))).isTrue();
                assertThat(service.costByEpisode(show.showId())).hasSize(2)
                        .allSatisfy(e -> assertThat(e.jobs()).isEqualTo(6));
                assertThat(service.metrics().registry().get("shotplan.generation.frames").counter().count()).isEqualTo(30);
                assertThat(service.metrics().registry().get("shotplan.generation.jobs").tag("state", "succeeded")
                        .gauge().value()).isEqualTo(12);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aJobShorterThanAHeartbeatWritesOnlyItsClaimAndItsCompletion(Supplier<Database> databases) throws Exception {
        QueueSettings slowBeat = new QueueSettings(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMillis(20),
                Duration.ofMillis(40), Duration.ofMillis(200), 10, 3);
        try (Database db = databases.get()) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "ONE", 3, 10, 1);
            try (GenerationService service = service(db, new FakeProcessor(dir, 5), slowBeat)) {
                service.dispatchPlan(show.planId());
                service.startWorkers(1);
                assertThat(service.awaitIdle(show.showId(), Duration.ofSeconds(20))).isTrue();
                service.stopWorkers();

                var registry = service.metrics().registry();
                assertThat(registry.find("shotplan.generation.overhead").tag("phase", "progress").timer()).isNull();
                assertThat(registry.get("shotplan.generation.overhead").tag("phase", "complete").timer().count())
                        .isEqualTo(3);
                for (var job : db.dsl().selectFrom(GENERATION_JOB).fetch()) {
                    assertThat(job.getState()).isEqualTo("SUCCEEDED");
                    assertThat(job.getFramesDone()).isEqualTo(10);
                    assertThat(job.getDeviceSeconds()).isGreaterThanOrEqualTo(new BigDecimal("0.05")); // 10 × 5 ms
                    assertThat(db.dsl().selectFrom(COST_LEDGER)
                            .where(COST_LEDGER.IDEMPOTENCY_KEY.eq(job.getIdempotencyKey())).fetchSingle().getGpuSeconds())
                            .isEqualByComparingTo(job.getDeviceSeconds());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aPauseReachesABusyWorkerAtItsNextHeartbeatAndKeepsTheFramesItRecorded(Supplier<Database> databases)
            throws Exception {
        try (Database db = databases.get()) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "BSY", 1, 20, 1);
            QueueSettings oneJob = new QueueSettings(FAST.lease(), FAST.heartbeat(), FAST.idlePoll(), FAST.backoffBase(),
                    FAST.backoffMax(), 20, 3);
            try (GenerationService service = service(db, new FakeProcessor(dir, 100), oneJob)) {
                service.dispatchPlan(show.planId());
                service.startWorkers(1);
                while (db.dsl().select(GENERATION_JOB.FRAMES_DONE).from(GENERATION_JOB).fetchSingle().value1() < 1) {
                    Thread.sleep(10);
                }
                service.pauseShow(show.showId());
                Thread.sleep(600); // the next heartbeat (150 ms) tells the worker, which drops the job after its frame
                service.stopWorkers();
                var paused = db.dsl().selectFrom(GENERATION_JOB).fetchSingle();

                assertThat(paused.getState()).isEqualTo("PAUSED");
                int rendered = (int) service.metrics().registry().get("shotplan.generation.frames").counter().count();
                assertThat(rendered).isLessThan(20);
                assertThat(paused.getFramesDone()).isBetween(1, rendered);
                // every frame rendered is in the job's device time, the ones after the pause included
                assertThat(paused.getDeviceSeconds())
                        .isGreaterThanOrEqualTo(new BigDecimal("0.1").multiply(BigDecimal.valueOf(rendered)));
                try (var frames = Files.list(dir.resolve("SH0001"))) {
                    assertThat(frames.count()).isEqualTo(rendered);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void theNextJobIsClaimedWhileTheLastFrameRendersAndAStoppedWorkerHandsItBack(Supplier<Database> databases)
            throws Exception {
        try (Database db = databases.get()) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "AHD", 1, 8, 1); // frames 1–4 and 5–8: two jobs
            FakeProcessor frames = new FakeProcessor(dir, 5);
            CountDownLatch nextClaimed = new CountDownLatch(1);
            FrameProcessor lastFrameWaits = (job, frame) -> {
                if (frame == 4) {
                    // the first job's last frame: the worker's queue thread claims the second meanwhile
                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (db.dsl().fetchCount(GENERATION_JOB, GENERATION_JOB.FRAME_FROM.eq(5)
                            .and(GENERATION_JOB.STATE.eq("RUNNING"))) == 0 && System.nanoTime() < deadline) {
                        sleepQuietly(5);
                    }
                    nextClaimed.countDown();
                    sleepQuietly(200); // the worker is stopped while this frame renders
                }
                return frames.process(job, frame);
            };
            try (GenerationService service = service(db, lastFrameWaits)) {
                service.dispatchPlan(show.planId());
                service.startWorkers(1);
                assertThat(nextClaimed.await(20, TimeUnit.SECONDS)).isTrue();
                assertThat(db.dsl().fetchCount(GENERATION_JOB, GENERATION_JOB.STATE.eq("RUNNING"))).isEqualTo(2);
                service.stopWorkers();

                var first = db.dsl().selectFrom(GENERATION_JOB).where(GENERATION_JOB.FRAME_FROM.eq(1)).fetchSingle();
                var second = db.dsl().selectFrom(GENERATION_JOB).where(GENERATION_JOB.FRAME_FROM.eq(5)).fetchSingle();
                assertThat(first.getState()).isEqualTo("SUCCEEDED");
                assertThat(second.getState()).isEqualTo("QUEUED"); // handed back untouched, the attempt not counted
                assertThat(second.getAttempts()).isZero();
                assertThat(second.getFramesDone()).isZero();
                assertThat(db.dsl().fetchCount(COST_LEDGER)).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aWorkerThatDiesHandsBackTheJobItClaimedAhead(Supplier<Database> databases) throws Exception {
        try (Database db = databases.get()) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "DIE", 1, 8, 1); // frames 1–4 and 5–8: two jobs
            FrameProcessor crashesOnTheLastFrame = (job, frame) -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (frame == 4 && db.dsl().fetchCount(GENERATION_JOB, GENERATION_JOB.FRAME_FROM.eq(5)
                        .and(GENERATION_JOB.STATE.eq("RUNNING"))) == 0 && System.nanoTime() < deadline) {
                    sleepQuietly(5);
                }
                if (frame == 4) {
                    throw new StackOverflowError("a model's runaway recursion");
                }
                return new FrameProcessor.FrameResult(0.01, "fake");
            };
            try (GenerationService service = service(db, crashesOnTheLastFrame)) {
                service.dispatchPlan(show.planId());
                service.startWorkers(1);
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (db.dsl().fetchCount(GENERATION_JOB, GENERATION_JOB.FRAME_FROM.eq(5)
                        .and(GENERATION_JOB.STATE.eq("QUEUED"))) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                var ahead = db.dsl().selectFrom(GENERATION_JOB).where(GENERATION_JOB.FRAME_FROM.eq(5)).fetchSingle();
                assertThat(ahead.getState()).isEqualTo("QUEUED"); // not RUNNING under a lease no thread works under
                assertThat(ahead.getAttempts()).isZero();
                assertThat(ahead.getLeaseOwner()).isNull();
                service.stopWorkers();
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aTransientFailureIsRetriedAfterABackOff(Supplier<Database> databases) throws Exception {
        try (Database db = databases.get()) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "RTY", 1, 2, 1);
            Map<Long, AtomicInteger> calls = new ConcurrentHashMap<>();
            FrameProcessor flaky = (job, frame) -> {
                if (calls.computeIfAbsent(job.id(), k -> new AtomicInteger()).incrementAndGet() == 1) {
                    throw new GenerationException("GPU out of memory", false);
                }
                return new FrameProcessor.FrameResult(0.01, "fake");
            };
            try (GenerationService service = service(db, flaky)) {
                service.dispatchPlan(show.planId());
                service.startWorkers(1);
                assertThat(service.awaitIdle(show.showId(), Duration.ofSeconds(20))).isTrue();
                service.stopWorkers();

                var job = db.dsl().selectFrom(GENERATION_JOB).fetchSingle();
                assertThat(job.getState()).isEqualTo("SUCCEEDED");
                assertThat(job.getAttempts()).isEqualTo(2);
                assertThat(db.dsl().fetchCount(COST_LEDGER)).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aJobThatKeepsFailingIsFailedWithItsErrorAndItsShotReplanned(Supplier<Database> databases) throws Exception {
        try (Database db = databases.get()) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "BAD", 1, 2, 1);
            FrameProcessor broken = (job, frame) -> {
                throw new IllegalStateException("driver crashed");
            };
            try (GenerationService service = service(db, broken)) {
                service.dispatchPlan(show.planId());
                service.startWorkers(2);
                assertThat(service.awaitIdle(show.showId(), Duration.ofSeconds(20))).isTrue();
                service.stopWorkers();

                var job = db.dsl().selectFrom(GENERATION_JOB).fetchSingle();
                assertThat(job.getState()).isEqualTo("FAILED");
                assertThat(job.getAttempts()).isEqualTo(3);
                assertThat(job.getError()).contains("driver crashed").contains("gave up after 3 attempts").contains("SH0001");
                assertThat(db.dsl().select(SHOT.STATUS).from(SHOT).fetchSingle().value1()).isEqualTo("REPLAN");
                assertThat(db.dsl().fetchCount(COST_LEDGER)).isZero(); // no device time was spent
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aPausedShowWaitsAndACancelledShowStops(Supplier<Database> databases) throws Exception {
        try (Database db = databases.get()) {
            QueueFixtures paused = QueueFixtures.create(db.dsl(), "PAU", 2, 4, 1);
            QueueFixtures other = QueueFixtures.create(db.dsl(), "OTH", 2, 4, 1);
            try (GenerationService service = service(db, new FakeProcessor(dir, 2))) {
                service.dispatchPlan(paused.planId());
                service.dispatchPlan(other.planId());
                assertThat(service.pauseShow(paused.showId())).isEqualTo(2);
                service.startWorkers(2);
                assertThat(service.awaitIdle(other.showId(), Duration.ofSeconds(20))).isTrue();
                Thread.sleep(200);

                assertThat(service.progress(paused.showId())).allSatisfy(p -> {
                    assertThat(p.framesDone()).isZero();
                    assertThat(p.jobsByState().get(JobState.PAUSED)).isEqualTo(1);
                });
                assertThat(service.progress(other.showId())).allSatisfy(p -> assertThat(p.fraction()).isEqualTo(1.0));

                assertThat(service.resumeShow(paused.showId())).isEqualTo(2);
                assertThat(service.awaitIdle(paused.showId(), Duration.ofSeconds(20))).isTrue();
                assertThat(service.progress(paused.showId())).allSatisfy(p -> assertThat(p.fraction()).isEqualTo(1.0));

                QueueFixtures cancelled = QueueFixtures.create(db.dsl(), "CAN", 2, 4, 1);
                service.pauseShow(cancelled.showId());
                service.dispatchPlan(cancelled.planId());
                assertThat(service.cancelShow(cancelled.showId())).isEqualTo(2);
                Thread.sleep(200);
                service.stopWorkers();
                assertThat(service.progress(cancelled.showId())).allSatisfy(p ->
                        assertThat(p.jobsByState().get(JobState.CANCELLED)).isEqualTo(1));
                // a worker may have started a job before the cancel: whatever device time was spent is billed, once
                assertThat(db.dsl().select(org.jooq.impl.DSL.coalesce(org.jooq.impl.DSL.sum(COST_LEDGER.GPU_SECONDS), BigDecimal.ZERO))
                        .from(COST_LEDGER)
                        .where(COST_LEDGER.SHOW_ID.eq(cancelled.showId())).fetchSingle().value1())
                        .isEqualByComparingTo(db.dsl().select(org.jooq.impl.DSL.coalesce(
                                        org.jooq.impl.DSL.sum(GENERATION_JOB.DEVICE_SECONDS), BigDecimal.ZERO))
                                .from(GENERATION_JOB).where(GENERATION_JOB.SHOW_ID.eq(cancelled.showId()))
                                .fetchSingle().value1());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aJobWhoseWorkerVanishedIsTakenOverWhenItsLeaseExpires(Supplier<Database> databases) throws Exception {
        try (Database db = databases.get()) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "GHO", 1, 3, 1);
            try (GenerationService service = service(db, new FakeProcessor(dir, 2))) {
                service.dispatchPlan(show.planId());
                JobRepository jobs = new JobRepository(db.dsl(), Clock.systemUTC());
                GenerationJob ghost = jobs.claim("ghost", Duration.ofMillis(300)).orElseThrow();
                assertThat(jobs.heartbeat(ghost.id(), "ghost", new FramesDone(1, 0.5, "cpu"), Duration.ofMillis(300))).isTrue();
                assertThat(jobs.claim("other", Duration.ofSeconds(5))).isEmpty(); // leased

                service.startWorkers(1);
                assertThat(service.awaitIdle(show.showId(), Duration.ofSeconds(20))).isTrue();
                service.stopWorkers();

                var job = db.dsl().selectFrom(GENERATION_JOB).fetchSingle();
                assertThat(job.getState()).isEqualTo("SUCCEEDED");
                assertThat(job.getAttempts()).isEqualTo(2);
                assertThat(job.getDeviceSeconds()).isGreaterThan(new BigDecimal("0.5")); // ghost's frame + 2 more
                assertThat(jobs.complete(ghost.id(), "ghost", "m", FramesDone.NONE)).isEmpty(); // the ghost cannot complete it
                assertThat(db.dsl().fetchCount(COST_LEDGER)).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void stoppedWorkersHandTheirJobBackAndTheNextRunResumesAfterTheFramesDone(Supplier<Database> databases) throws Exception {
        try (Database db = databases.get()) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "STP", 1, 4, 1);
            try (GenerationService service = service(db, new FakeProcessor(dir, 150))) {
                service.dispatchPlan(show.planId());
                service.startWorkers(1);
                while (db.dsl().select(GENERATION_JOB.FRAMES_DONE).from(GENERATION_JOB).fetchSingle().value1() < 1) {
                    Thread.sleep(10);
                }
                service.stopWorkers();

                var handedBack = db.dsl().selectFrom(GENERATION_JOB).fetchSingle();
                assertThat(handedBack.getState()).isEqualTo("QUEUED");
                assertThat(handedBack.getAttempts()).isZero();
                assertThat(handedBack.getFramesDone()).isBetween(1, 3);

                service.startWorkers(1);
                assertThat(service.awaitIdle(show.showId(), Duration.ofSeconds(20))).isTrue();
                service.stopWorkers();
                var done = db.dsl().selectFrom(GENERATION_JOB).fetchSingle();
                assertThat(done.getState()).isEqualTo("SUCCEEDED");
                assertThat(done.getAttempts()).isEqualTo(1);
                assertThat(done.getDeviceSeconds()).isBetween(new BigDecimal("0.55"), new BigDecimal("1.5")); // 4 × 150 ms
                assertThat(db.dsl().fetchCount(COST_LEDGER)).isEqualTo(1);
            }
        }
    }

    @Test
    void aWorkerThreadPreparesItsPreloadedModelsBeforeItsFirstClaimAndWorksOnIfOneFails() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        FrameProcessor recording = new FakeProcessor(dir, 1) {
            @Override
            public void prepare(String capability) {
                events.add(Thread.currentThread().getName() + " prepare " + capability);
                if (capability.equals("upres-x4")) {
                    throw new GenerationException("model file not found", false);
                }
            }

            @Override
            public FrameResult process(GenerationJob job, int frame) {
                events.add(Thread.currentThread().getName() + " process " + job.capability());
                return super.process(job, frame);
            }
        };
        try (Database db = TestDatabases.h2()) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "PRE", 2, 2, 1);
            try (GenerationService service = service(db, recording)) {
                service.dispatchPlan(show.planId());
                service.startWorkers(1, WorkerProfile.of(service.config().registry()), Set.of("upres-x2", "upres-x4"), "pre");
                assertThat(service.awaitIdle(show.showId(), Duration.ofSeconds(20))).isTrue();
                service.stopWorkers();

                String worker = events.getFirst().substring(0, events.getFirst().indexOf(' '));
                assertThat(worker).endsWith(":pre-0");
                // on the thread that renders: its allocator is the one that keeps the warmed-up working set
                assertThat(events.subList(0, 2)).containsExactlyInAnyOrder(worker + " prepare upres-x2", worker + " prepare upres-x4");
                assertThat(events.subList(2, events.size())).hasSize(4).containsOnly(worker + " process upres-x2");
                assertThat(db.dsl().fetchCount(GENERATION_JOB, GENERATION_JOB.STATE.eq("SUCCEEDED"))).isEqualTo(2);
                var preloads = service.metrics().registry().find("shotplan.generation.model.preload");
                assertThat(preloads.tag("capability", "upres-x2").timer().count()).isEqualTo(1);
                assertThat(preloads.tag("capability", "upres-x4").timer()).isNull(); // it failed to load
            }
        }
    }

    private GenerationService service(Database db, FrameProcessor processor) {
        return service(db, processor, FAST);
    }

    private GenerationService service(Database db, FrameProcessor processor, QueueSettings settings) {
        return new GenerationService(db.dsl(), GenerationConfig.defaults(dir).withQueue(settings),
                new SimpleMeterRegistry(), processor, Clock.systemUTC());
    }
}
