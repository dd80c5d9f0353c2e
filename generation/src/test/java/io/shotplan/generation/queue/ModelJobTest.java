package io.shotplan.generation.queue;

import static io.shotplan.sql.schema.Tables.COST_LEDGER;
import static io.shotplan.sql.schema.Tables.GENERATION_JOB;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shotplan.generation.GenerationConfig;
import io.shotplan.generation.GenerationService;
import io.shotplan.generation.TestModels;
import io.shotplan.generation.image.FloatImage;
import io.shotplan.generation.image.ImageCodec;
import io.shotplan.generation.model.ModelRegistry;
import io.shotplan.sql.Database;
import io.shotplan.sql.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs run by the real model processor on the embedded H2: real frames, and clear failures that do not get stuck. */
class ModelJobTest {

    static final QueueSettings FAST = new QueueSettings(Duration.ofSeconds(5), Duration.ofSeconds(1),
            Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(200), 100, 3);

    @TempDir
    Path dir;

    @Test
    void upscalesSamplePlatesIntoRealFramesAndChargesTheDeviceTime() throws Exception {
        try (Database db = TestDatabases.h2(); GenerationService service = service(db, ModelRegistry.builtIn())) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "DEMO", 2, 3, 1);
            assertThat(service.generateSamplePlates(show.showId(), 32)).isEqualTo(6);
            Path png = dir.resolve("plates/DEMO/SH0002/SH0002.0001.png");
            ImageCodec.write(ImageCodec.read(png), png.resolveSibling("SH0002.0001.jpg")); // a JPEG plate
            Files.delete(png);
            service.dispatchPlan(show.planId());
            service.startWorkers(1);
            assertThat(service.awaitIdle(show.showId(), Duration.ofSeconds(60))).isTrue();
            service.stopWorkers();

            FloatImage plate = ImageCodec.read(dir.resolve("plates/DEMO/SH0001/SH0001.0003.png"));
            FloatImage result = ImageCodec.read(dir.resolve("renders/DEMO/SH0001/upres-x2/SH0001.0003.png"));
            assertThat(plate.width()).isEqualTo(32);
            assertThat(result.width()).isEqualTo(64);
            assertThat(result.height()).isEqualTo(plate.height() * 2);
            assertThat(ImageCodec.read(dir.resolve("renders/DEMO/SH0002/upres-x2/SH0002.0001.png")).width()).isEqualTo(64);
            var job = db.dsl().selectFrom(GENERATION_JOB).where(GENERATION_JOB.SHOT_ID.eq(show.shotIds().get(0))).fetchSingle();
            assertThat(job.getState()).isEqualTo("SUCCEEDED");
            assertThat(job.getDevice()).isIn("cpu", "cuda:0");
            var ledger = db.dsl().selectFrom(COST_LEDGER).where(COST_LEDGER.IDEMPOTENCY_KEY.eq(job.getIdempotencyKey())).fetchSingle();
            assertThat(ledger.getGpuSeconds()).isEqualByComparingTo(job.getDeviceSeconds()).isPositive();
            assertThat(ledger.getModel()).contains("upres-x2").contains("@upscalerjs/esrgan-slim@1.0.0");
            assertThat(service.costByEpisode(show.showId())).singleElement()
                    .satisfies(e -> assertThat(e.deviceSeconds()).isPositive());
        }
    }

    @Test
    void cleansUpAPlateWithMaximAtItsOwnSize() throws Exception {
        try (Database db = TestDatabases.h2(); GenerationService service = service(db, ModelRegistry.builtIn())) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "RAIN", 1, 1, 1, "paint-ai");
            service.generateSamplePlates(show.showId(), 64); // 64×36: the graph sees it padded to 64×64
            service.dispatchPlan(show.planId());
            service.startWorkers(1);
            assertThat(service.awaitIdle(show.showId(), Duration.ofSeconds(180))).isTrue();
            service.stopWorkers();

            FloatImage plate = ImageCodec.read(dir.resolve("plates/RAIN/SH0001/SH0001.0001.png"));
            FloatImage result = ImageCodec.read(dir.resolve("renders/RAIN/SH0001/paint-ai/SH0001.0001.png"));
            assertThat(result.width()).isEqualTo(plate.width());
            assertThat(result.height()).isEqualTo(plate.height());
            assertThat(result.maxAbsDifference(plate)).isPositive();
            var job = db.dsl().selectFrom(GENERATION_JOB).fetchSingle();
            assertThat(job.getState()).isEqualTo("SUCCEEDED");
            var ledger = db.dsl().selectFrom(COST_LEDGER).where(COST_LEDGER.IDEMPOTENCY_KEY.eq(job.getIdempotencyKey())).fetchSingle();
            assertThat(ledger.getModel()).contains("paint-ai").contains("@upscalerjs/maxim-deraining@0.1.0");
        }
    }

    @Test
    void aBadModelFileFailsTheJobAtOnceWithTheFileNamed() throws Exception {
        Path model = dir.resolve("broken/model.json");
        Files.createDirectories(model.getParent());
        Files.writeString(model, "{\"format\": \"layers-model\", \"modelTopology\": ");
        assertJobFailsWith(registryPointingAt(model), "is not a readable layers-model JSON file", model.toString());
    }

    @Test
    void missingWeightsFailTheJobAtOnceWithTheFileNamed() throws Exception {
        Path model = dir.resolve("noweights/model.json");
        Files.createDirectories(model.getParent());
        Files.copy(TestModels.esrganSlimPackage().resolve("models/x2/model.json"), model);
        assertJobFailsWith(registryPointingAt(model), "group1-shard1of1.bin", "is missing");
    }

    @Test
    void aCorruptFrameFailsTheJobAtOnceWithTheFrameNamed() throws Exception {
        assertJobFailsWith(ModelRegistry.builtIn(), "SH0001.0002.png", "cannot be decoded");
    }

    private void assertJobFailsWith(ModelRegistry registry, String... messageParts) throws Exception {
        try (Database db = TestDatabases.h2(); GenerationService service = service(db, registry)) {
            QueueFixtures show = QueueFixtures.create(db.dsl(), "ERR", 1, 3, 1);
            service.generateSamplePlates(show.showId(), 24);
            truncate(dir.resolve("plates/ERR/SH0001/SH0001.0002.png"));
            service.dispatchPlan(show.planId());
            service.startWorkers(1);
            assertThat(service.awaitIdle(show.showId(), Duration.ofSeconds(60))).isTrue();
            service.stopWorkers();

            var job = db.dsl().selectFrom(GENERATION_JOB).fetchSingle();
            assertThat(job.getState()).isEqualTo("FAILED");
            assertThat(job.getAttempts()).as("a permanent error is not retried").isEqualTo(1);
            assertThat(job.getLeaseOwner()).isNull();
            assertThat(job.getError()).contains(messageParts);
            assertThat(db.dsl().select(SHOT.STATUS).from(SHOT).fetchSingle().value1()).isEqualTo("REPLAN");
        }
    }

    private static void truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, 70));
    }

    private ModelRegistry registryPointingAt(Path modelJson) throws IOException {
        Path file = dir.resolve("models-" + modelJson.getParent().getFileName() + ".json");
        Files.writeString(file, """
                {"models": [{"capability": "upres-x2", "source": {"file": "%s"}}]}
                """.formatted(modelJson.toString().replace("\\", "\\\\")));
        return ModelRegistry.builtInWith(file);
    }

    private GenerationService service(Database db, ModelRegistry registry) {
        return new GenerationService(db.dsl(), GenerationConfig.defaults(dir).withRegistry(registry).withQueue(FAST),
                new SimpleMeterRegistry());
    }
}
