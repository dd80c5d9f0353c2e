package io.shotplan.generation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shotplan.generation.GenerationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    @Test
    void builtInEntriesPinTheNpmPackage() {
        ModelSpec x2 = ModelRegistry.builtIn().get("upres-x2");

        assertThat(x2.engine()).isEqualTo("PyTorch");
        assertThat(x2.source()).isEqualTo(new ModelSource.NpmPackage("@upscalerjs/esrgan-slim@1.0.0",
                "b53070ff01363e74d33138106dcc72b58d341c9fb7e8fd648554a4e7744142b5", "models/x2/model.json"));
        assertThat(ModelRegistry.builtIn().all()).extracting(ModelSpec::capability)
                .contains("upres-x2", "upres-x3", "upres-x4", "upres-x8", "upres-x2-medium", "upres-x4-thick");
    }

    @Test
    void paintAiIsMaximDerainingOnZeroToOneTilesOfSixtyFourPixelMultiples() {
        ModelSpec paint = ModelRegistry.builtIn().get("paint-ai");

        assertThat(paint.format()).isEqualTo(ModelSpec.TFJS_GRAPH);
        assertThat(paint.source()).isEqualTo(new ModelSource.NpmPackage("@upscalerjs/maxim-deraining@0.1.0",
                "32eefe4bcc0d835438bf01598e73bc89f53802a7119e3d192f1e9bfc7d663857", "models/model.json"));
        assertThat(paint.scale()).isEqualTo(1);
        assertThat(paint.valueRange()).isEqualTo(1f);
        assertThat(paint.divisibleBy()).isEqualTo(64);
    }

    @Test
    void aStudioFileAddsAndReplacesEntries(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("models.json");
        Files.writeString(file, """
                {"models": [
                  {"capability": "upres-x2", "source": {"file": "studio/x2/model.json"}, "tileSize": 128, "batchSize": 4},
                  {"capability": "denoise", "source": {"file": "/models/denoise/model.json"}, "output": "jpg"}
                ]}
                """);

        ModelRegistry registry = ModelRegistry.builtInWith(file);

        assertThat(registry.get("upres-x2").source()).isEqualTo(new ModelSource.LocalFile(dir.resolve("studio/x2/model.json")));
        assertThat(registry.get("upres-x2").batchSize()).isEqualTo(4);
        assertThat(registry.get("denoise").outputExtension()).isEqualTo("jpg");
        assertThat(registry.get("upres-x4").tileSize()).isEqualTo(128);
    }

    @Test
    void aModelsFileInTheDataFolderIsPickedUp(@TempDir Path dataDir) throws IOException {
        Files.writeString(dataDir.resolve("models.json"), """
                {"models": [{"capability": "relight", "source": {"file": "relight/model.json"}}]}
                """);

        ModelRegistry registry = GenerationConfig.defaults(dataDir).registry();

        assertThat(registry.get("relight").source()).isEqualTo(new ModelSource.LocalFile(dataDir.resolve("relight/model.json")));
        assertThat(registry.find("upres-x2")).isPresent();
    }

    @Test
    void anUnknownCapabilityListsTheRegisteredOnes() {
        assertThatThrownBy(() -> ModelRegistry.builtIn().get("relight"))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("relight")
                .hasMessageContaining("upres-x2");
    }

    @Test
    void torchScriptAndOnnxEntriesTakeTheirEngineAndNeedAScale(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("models.json");
        Files.writeString(file, """
                {"models": [{"capability": "roto-ai", "format": "torchscript", "source": {"file": "m.pt"}, "scale": 1},
                            {"capability": "sky-ai", "format": "onnx", "source": {"file": "m.onnx"}, "scale": 1}]}""");

        ModelRegistry registry = ModelRegistry.builtInWith(file);

        assertThat(registry.get("roto-ai").engine()).isEqualTo("PyTorch");
        assertThat(registry.get("roto-ai").inputLayout()).isEqualTo("NCHW");
        assertThat(registry.get("sky-ai").engine()).isEqualTo("OnnxRuntime");
        assertThat(registry.get("sky-ai").source()).isEqualTo(new ModelSource.LocalFile(dir.resolve("m.onnx")));
    }

    @Test
    void anOnnxEntryWithoutItsScaleOrOnAnotherEngineIsRefusedByName(@TempDir Path dir) throws IOException {
        Path noScale = dir.resolve("no-scale.json");
        Files.writeString(noScale, """
                {"models": [{"capability": "sky-ai", "format": "onnx", "source": {"file": "m.onnx"}}]}""");
        Path wrongEngine = dir.resolve("wrong-engine.json");
        Files.writeString(wrongEngine, """
                {"models": [{"capability": "sky-ai", "format": "onnx", "engine": "PyTorch", "source": {"file": "m.onnx"}, "scale": 1}]}""");

        assertThatThrownBy(() -> ModelRegistry.builtInWith(noScale))
                .hasMessageContaining("no-scale.json").hasMessageContaining("sky-ai").hasMessageContaining("scale");
        assertThatThrownBy(() -> ModelRegistry.builtInWith(wrongEngine))
                .hasMessageContaining("sky-ai").hasMessageContaining("OnnxRuntime");
    }

    @Test
    void aTarballWithTheWrongHashIsRefused(@TempDir Path cache) throws IOException {
        // a tarball put in the cache by hand that is not the pinned one: npm pack fetches the real one, whose hash
        // differs from this bogus pin, so the cache refuses it either way
        var bogus = new ModelSource.NpmPackage("@upscalerjs/esrgan-slim@1.0.0", "00".repeat(32), "models/x2/model.json");

        assertThatThrownBy(() -> new ModelPackageCache(cache).resolve(bogus))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("SHA-256");
    }
}
