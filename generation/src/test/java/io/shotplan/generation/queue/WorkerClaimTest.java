package io.shotplan.generation.queue;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static io.shotplan.sql.schema.Tables.GPU_POOL;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shotplan.generation.GenerationConfig;
import io.shotplan.generation.GenerationService;
import io.shotplan.generation.model.ModelRegistry;
import io.shotplan.sql.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a worker claims (its capabilities, its pools) and what its jobs are billed (the device that ran them). */
class WorkerClaimTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aWorkerClaimsOnlyJobsOfTheCapabilitiesItHasModelsFor(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            QueueFixtures x2 = dispatched(db.dsl(), "CX2", "upres-x2");
            QueueFixtures x4 = dispatched(db.dsl(), "CX4", "upres-x4");
            JobRepository jobs = new JobRepository(db.dsl(), Clock.systemUTC());
            WorkerProfile x4Only = new WorkerProfile(Set.of("upres-x4"), Set.of(), "cpu");

            assertThat(jobs.claim("w", LEASE, x4Only)).get().extracting(GenerationJob::showId).isEqualTo(x4.showId());
            assertThat(jobs.claim("w", LEASE, x4Only)).isEmpty(); // the x2 job waits for a worker with that model
            assertThat(jobs.claim("w", LEASE, WorkerProfile.of(ModelRegistry.builtIn())))
                    .get().extracting(GenerationJob::showId).isEqualTo(x2.showId());
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aWorkerOfNamedPoolsClaimsOnlyTheirJobsAndJobsOfNoPool(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            QueueFixtures gpu = dispatched(db.dsl(), "GPU", "upres-x2");
            pool(db.dsl(), gpu, "render-a", "L40S");
            QueueFixtures cpu = dispatched(db.dsl(), "CPU", "upres-x2");
            QueueFixtures none = dispatched(db.dsl(), "NON", "upres-x2");
            db.dsl().update(GENERATION_JOB).setNull(GENERATION_JOB.GPU_POOL_ID)
                    .where(GENERATION_JOB.SHOW_ID.eq(none.showId())).execute();
            JobRepository jobs = new JobRepository(db.dsl(), Clock.systemUTC());
            WorkerProfile cpuFarm = WorkerProfile.of(ModelRegistry.builtIn()).forPools(Set.of("cpu-farm"));

            assertThat(jobs.claim("w", LEASE, cpuFarm)).get().extracting(GenerationJob::showId).isEqualTo(cpu.showId());
            assertThat(jobs.claim("w", LEASE, cpuFarm)).get().extracting(GenerationJob::showId).isEqualTo(none.showId());
            assertThat(jobs.claim("w", LEASE, cpuFarm)).isEmpty();
            WorkerProfile renderA = WorkerProfile.of(ModelRegistry.builtIn()).forPools(Set.of("render-a")).onGpu(0);
            assertThat(jobs.claim("g", LEASE, renderA)).get().extracting(GenerationJob::showId).isEqualTo(gpu.showId());
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aGpuPoolsJobIsChargedAtTheGpuRateOnlyWhenAGpuRanIt(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            QueueFixtures show = dispatched(db.dsl(), "BIL", 2, "upres-x2");
            pool(db.dsl(), show, "render-a", "L40S");
            JobRepository jobs = new JobRepository(db.dsl(), Clock.systemUTC());

            GenerationJob onCpu = jobs.claim("w", LEASE).orElseThrow();
            jobs.complete(onCpu.id(), "w", "m", new FramesDone(1, 7.2, "cpu")).orElseThrow();
            GenerationJob onGpu = jobs.claim("w", LEASE).orElseThrow();
            jobs.complete(onGpu.id(), "w", "m", new FramesDone(1, 7.2, "cuda:1")).orElseThrow();

            var cpuRow = ledgerRow(db.dsl(), onCpu);
            assertThat(cpuRow.getDevice()).isEqualTo("cpu");
            assertThat(cpuRow.getGpuSeconds()).isEqualByComparingTo("7.2"); // the time is kept, not charged
            assertThat(cpuRow.getAmount()).isEqualByComparingTo("0");
            var gpuRow = ledgerRow(db.dsl(), onGpu);
            assertThat(gpuRow.getDevice()).isEqualTo("cuda:1");
            assertThat(gpuRow.getAmount()).isEqualByComparingTo("0.0072"); // 7.2 s at 3.60 per GPU-hour
        }
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aWorkerForGpuNRecordsAndBillsTheHostsGpuNotItsEnginesIndex(Supplier<Database> databases) throws Exception {
        try (Database db = databases.get()) {
            QueueFixtures show = dispatched(db.dsl(), "DEV", "upres-x2");
            pool(db.dsl(), show, "render-a", "L40S");
            // CUDA_VISIBLE_DEVICES=3 shows GPU 3 to the engine as its device 0
            FrameProcessor engineSeesOneGpu = (job, frame) -> new FrameProcessor.FrameResult(0.5, "cuda:0");
            try (GenerationService service = new GenerationService(db.dsl(),
                    GenerationConfig.defaults(dir).withQueue(QueueTest.FAST), new SimpleMeterRegistry(),
                    engineSeesOneGpu, Clock.systemUTC())) {
                service.startWorkers(1, WorkerProfile.of(ModelRegistry.builtIn()).onGpu(3), Set.of(), "gpu3");
                assertThat(service.awaitIdle(show.showId(), Duration.ofSeconds(20))).isTrue();
            }
            var job = db.dsl().selectFrom(GENERATION_JOB).where(GENERATION_JOB.SHOW_ID.eq(show.showId())).fetchSingle();
            assertThat(job.getDevice()).isEqualTo("cuda:3");
            assertThat(job.getLeaseOwner()).endsWith(":gpu3-0");
            var row = db.dsl().selectFrom(COST_LEDGER).where(COST_LEDGER.SHOW_ID.eq(show.showId())).fetchSingle();
            assertThat(row.getDevice()).isEqualTo("cuda:3");
            assertThat(row.getAmount()).isEqualByComparingTo("0.0010"); // two frames of 0.5 s at 3.60 per hour
        }
    }

    private static QueueFixtures dispatched(DSLContext dsl, String code, String capability) {
        return dispatched(dsl, code, 1, capability);
    }

    private static QueueFixtures dispatched(DSLContext dsl, String code, int shots, String capability) {
        QueueFixtures show = QueueFixtures.create(dsl, code, shots, 2, 1, capability);
        try (GenerationService generation = new GenerationService(dsl, GenerationConfig.defaults(Path.of("target")),
                new SimpleMeterRegistry())) {
            generation.dispatchPlan(show.planId());
        }
        return show;
    }

    private static void pool(DSLContext dsl, QueueFixtures show, String code, String gpuType) {
        dsl.update(GPU_POOL).set(GPU_POOL.CODE, code).set(GPU_POOL.GPU_TYPE, gpuType)
                .where(GPU_POOL.ID.eq(show.poolId())).execute();
    }

    private static io.shotplan.sql.schema.tables.records.CostLedgerRecord ledgerRow(DSLContext dsl, GenerationJob job) {
        return dsl.selectFrom(COST_LEDGER).where(COST_LEDGER.REFERENCE.eq("generation_job:" + job.id())).fetchSingle();
    }

}
