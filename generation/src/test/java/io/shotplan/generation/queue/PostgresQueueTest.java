package io.shotplan.generation.queue;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.sum;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shotplan.generation.GenerationConfig;
import io.shotplan.generation.GenerationService;
import io.shotplan.generation.WorkerMain;
import io.shotplan.sql.Database;
import io.shotplan.sql.TestDatabases;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue under load on PostgreSQL: 200 jobs, three in-process workers and two worker processes; one process is
 * killed (SIGKILL) in the middle of a job. Every job must end SUCCEEDED exactly once with its one ledger row (and
 * every device second charged once),
 * and every output frame must exist.
 */
class PostgresQueueTest {

    private static final int SHOTS = 50;
    private static final int FRAMES_PER_SHOT = 12;
    private static final int FRAMES_PER_JOB = 3;

    @TempDir
    Path dir;

    @Test
    void twoHundredJobsFiveWorkersOneKilledMidJobEveryJobChargedOnce() throws Exception {
        TestDatabases.requirePostgres();
        String schema = "gen_q_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Path out = dir.resolve("out");
        List<Process> processes = new ArrayList<>();
        QueueSettings settings = new QueueSettings(Duration.ofSeconds(2), Duration.ofMillis(400), Duration.ofMillis(20),
                Duration.ofMillis(50), Duration.ofMillis(200), FRAMES_PER_JOB, 3);
        try (Database db = Database.open(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER,
                TestDatabases.POSTGRES_PASSWORD, schema);
             GenerationService service = new GenerationService(db.dsl(),
                     GenerationConfig.defaults(dir).withQueue(settings), new SimpleMeterRegistry(),
                     new FakeProcessor(out, 8), Clock.systemUTC())) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "LOAD", SHOTS, FRAMES_PER_SHOT, 2);
            assertThat(service.dispatchPlan(show.planId()).jobsCreated()).isEqualTo(200);

            Process victim = workerProcess(schema, out, 150, "victim");
            Process survivor = workerProcess(schema, out, 8, "survivor");
            processes.add(victim);
            processes.add(survivor);
            String victimOwner = ":" + victim.pid() + ":";

            // the victim has claimed a job and finished one of its frames: kill it in the middle of the job
            long victimJob = awaitJobInProgressBy(db, victimOwner, Duration.ofSeconds(120)); // a JVM start on a busy host
            service.startWorkers(3);
            victim.destroyForcibly().waitFor();

            assertThat(service.awaitIdle(show.showId(), Duration.ofSeconds(90))).isTrue();
            service.stopWorkers();

            var dsl = db.dsl();
            assertThat(dsl.fetchCount(GENERATION_JOB, GENERATION_JOB.STATE.eq("SUCCEEDED"))).isEqualTo(200);
            // one row per job; a frame a worker finished after losing its lease (a stall under load) is not dropped
            // but billed as a line of its own, keyed by the job's key and what was billed before it
            assertThat(dsl.fetchCount(COST_LEDGER, COST_LEDGER.IDEMPOTENCY_KEY.notLike("%:after-%"))).isEqualTo(200);
            assertThat(dsl.select(countDistinct(COST_LEDGER.IDEMPOTENCY_KEY)).from(COST_LEDGER)
                    .join(GENERATION_JOB).on(GENERATION_JOB.IDEMPOTENCY_KEY.eq(COST_LEDGER.IDEMPOTENCY_KEY))
                    .fetchSingle().value1()).isEqualTo(200);
            BigDecimal charged = dsl.select(sum(COST_LEDGER.GPU_SECONDS)).from(COST_LEDGER).fetchSingle().value1();
            BigDecimal measured = dsl.select(sum(GENERATION_JOB.DEVICE_SECONDS)).from(GENERATION_JOB).fetchSingle().value1();
            assertThat(charged).isEqualByComparingTo(measured);

            var killed = dsl.selectFrom(GENERATION_JOB).where(GENERATION_JOB.ID.eq(victimJob)).fetchSingle();
            assertThat(killed.getAttempts()).isEqualTo(2);
            assertThat(killed.getLeaseOwner()).doesNotContain(victimOwner);
            assertThat(killed.getDeviceSeconds()).isGreaterThan(new BigDecimal("0.15")); // includes the victim's frame

            // the work really was shared: the surviving process and the in-process workers both finished jobs
            List<String> owners = dsl.selectDistinct(GENERATION_JOB.LEASE_OWNER).from(GENERATION_JOB).fetch(GENERATION_JOB.LEASE_OWNER);
            assertThat(owners).anyMatch(o -> o.contains(":" + survivor.pid() + ":"));
            assertThat(owners).anyMatch(o -> o.contains(":in-process-"));
            assertThat(owners.size()).isGreaterThanOrEqualTo(4);

            try (var files = Files.walk(out)) {
                assertThat(files.filter(p -> p.toString().endsWith(".txt")).count()).isEqualTo(SHOTS * FRAMES_PER_SHOT);
            }
            try (var files = Files.walk(out)) {
                assertThat(files.filter(p -> p.getFileName().toString().contains(".tmp-"))).isEmpty();
            }
        } finally {
            for (Process p : processes) {
                p.destroyForcibly().waitFor();
            }
            try (var c = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER,
                    TestDatabases.POSTGRES_PASSWORD); var st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private Process workerProcess(String schema, Path out, long frameMillis, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dfake.out=" + out, "-Dfake.frameMillis=" + frameMillis, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(),
                "--db-url", TestDatabases.POSTGRES_URL, "--db-user", TestDatabases.POSTGRES_USER,
                "--db-password-env", "SHOTPLAN_TEST_PG_PASSWORD", "--schema", schema,
                "--data-dir", dir.toString(), "--workers", "1", "--processor", FakeProcessor.class.getName(),
                "--lease-seconds", "2", "--heartbeat-seconds", "0.4", "--idle-poll-ms", "20", "--management-port", "0");
        File log = dir.resolve(name + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static long awaitJobInProgressBy(Database db, String ownerPart, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var job = db.dsl().select(GENERATION_JOB.ID).from(GENERATION_JOB)
                    .where(GENERATION_JOB.STATE.eq("RUNNING")).and(GENERATION_JOB.LEASE_OWNER.contains(ownerPart))
                    .and(GENERATION_JOB.FRAMES_DONE.ge(1))
                    .fetchOptional(GENERATION_JOB.ID);
            if (job.isPresent()) {
                return job.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the victim worker process never got a job in progress");
    }
}
