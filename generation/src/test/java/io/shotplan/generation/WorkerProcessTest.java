package io.shotplan.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shotplan.generation.queue.FakeProcessor;
import io.shotplan.generation.queue.QueueFixtures;
import io.shotplan.generation.queue.QueueSettings;
import io.shotplan.sql.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker process's start-up checks and its management port: liveness, readiness following the database, metrics. */
class WorkerProcessTest {

    private static final QueueSettings FAST = new QueueSettings(Duration.ofMillis(800), Duration.ofMillis(150),
            Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(200), 4, 3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void theManagementPortServesHealthAndPrometheusMetricsAndReadinessFollowsTheDatabase() throws Exception {
        WorkerMain.Options options = options("cpu", Set.of());
        try (WorkerMain.Worker worker = WorkerMain.start(options)) {
            QueueFixtures show = QueueFixtures.create(worker.database().dsl(), "MGT", 2, 2, 1);
            worker.service().dispatchPlan(show.planId());
            assertThat(worker.service().awaitIdle(show.showId(), Duration.ofSeconds(20))).isTrue();
            int port = worker.management().port();

            assertThat(get(port, "/actuator/health/liveness")).isEqualTo("200 {\"status\":\"UP\"}");
            assertThat(get(port, "/actuator/health/readiness")).isEqualTo("200 {\"status\":\"UP\"}");
            String metrics = get(port, "/actuator/prometheus");
            assertThat(metrics).startsWith("200 ")
                    .contains("shotplan_generation_frames_total 4.0")
                    .contains("shotplan_generation_jobs{state=\"succeeded\"} 2.0")
                    .contains("shotplan_generation_job_outcomes_total{outcome=\"succeeded\"} 2.0")
                    .contains("jvm_memory_used_bytes");

            worker.database().close(); // the pool is gone: the worker can neither claim nor finish
            assertThat(get(port, "/actuator/health/readiness")).isEqualTo("503 {\"status\":\"DOWN\"}");
            assertThat(get(port, "/actuator/health/liveness")).startsWith("200 ");
        }
    }

    @Test
    void aWorkerForAGpuPoolOnTheCpuRefusesToStartAndLeavesNothingOpen() throws Exception {
        try (Database db = Database.open(url(), "sa", "")) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "L40", 1, 1, 1);
            db.dsl().update(io.shotplan.sql.schema.Tables.GPU_POOL).set(io.shotplan.sql.schema.Tables.GPU_POOL.GPU_TYPE, "L40S")
                    .where(io.shotplan.sql.schema.Tables.GPU_POOL.ID.eq(show.poolId())).execute();
        }
        assertThatThrownBy(() -> WorkerMain.start(options("cpu", Set.of("cpu-farm"))))
                .isInstanceOf(WorkerRefusedException.class).hasMessageContaining("GPU pool cpu-farm (L40S) needs a GPU worker");
    }

    @Test
    void aWorkerToldToPreloadACapabilityNoModelRunsRefusesToStart() {
        WorkerMain.Options options = options("cpu", Set.of());
        WorkerMain.Options typo = new WorkerMain.Options(options.dbUrl(), "sa", "", null, dir, 1, "cpu", Set.of(), null,
                Set.of("upres-2x"), FAST, FakeProcessor.class.getName(), "127.0.0.1", 0);

        assertThatThrownBy(() -> WorkerMain.start(typo)).isInstanceOf(WorkerRefusedException.class)
                .hasMessageContaining("--preload upres-2x: no registered model runs it").hasMessageContaining("upres-x2");
    }

    private WorkerMain.Options options(String device, Set<String> pools) {
        return new WorkerMain.Options(url(), "sa", "", null, dir, 1, device, pools, null, Set.of(), FAST,
                FakeProcessor.class.getName(), "127.0.0.1", 0);
    }

    private String url() {
        return Database.embeddedUrl(dir) + ";DB_CLOSE_DELAY=0";
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
