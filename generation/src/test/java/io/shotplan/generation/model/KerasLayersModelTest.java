package io.shotplan.generation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shotplan.generation.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KerasLayersModelTest {

    @TempDir
    Path dir;

    @Test
    void readsTheEsrganSlimGraph() {
        KerasLayersModel model = KerasLayersModel.load(x2());

        assertThat(model.scale()).isEqualTo(2);
        assertThat(model.parameterCount()).isEqualTo(222_075);
        assertThat(model.layers()).filteredOn(l -> l instanceof KerasLayersModel.Conv2D).hasSize(12);
        // 116.7 GFLOP for a 512×512 frame (djl.md)
        assertThat(model.flopsPerInputPixel() * 512 * 512 / 1e9).isBetween(116.0, 117.5);
    }

    @Test
    void anUnsupportedLayerIsRefusedByName() throws IOException {
        Path modelJson = copyX2();
        Files.writeString(modelJson, Files.readString(modelJson)
                .replace("\"class_name\": \"UpSampling2D\"", "\"class_name\": \"Conv2DTranspose\"")
                .replace("\"class_name\":\"UpSampling2D\"", "\"class_name\":\"Conv2DTranspose\""));

        assertThatThrownBy(() -> KerasLayersModel.load(modelJson))
                .isInstanceOf(UnsupportedLayerException.class)
                .hasMessageContaining("UPsample")
                .hasMessageContaining("Conv2DTranspose")
                .hasMessageContaining("not supported");
    }

    @Test
    void aMissingWeightsFileNamesTheFile() throws IOException {
        Path modelJson = copyX2();
        Files.delete(modelJson.resolveSibling("group1-shard1of1.bin"));

        assertThatThrownBy(() -> KerasLayersModel.load(modelJson))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("group1-shard1of1.bin")
                .hasMessageContaining("missing");
    }

    @Test
    void aTruncatedWeightsFileIsRefused() throws IOException {
        Path modelJson = copyX2();
        Path shard = modelJson.resolveSibling("group1-shard1of1.bin");
        byte[] bytes = Files.readAllBytes(shard);
        Files.write(shard, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> KerasLayersModel.load(modelJson))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void aModelFileThatIsNotJsonIsRefused() throws IOException {
        Path modelJson = dir.resolve("model.json");
        Files.writeString(modelJson, "<html>502 Bad Gateway</html>");

        assertThatThrownBy(() -> KerasLayersModel.load(modelJson))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(modelJson.toString());
    }

    private static Path x2() {
        return TestModels.esrganSlimPackage().resolve("models/x2/model.json");
    }

    private Path copyX2() throws IOException {
        Path target = dir.resolve("x2");
        Files.createDirectories(target);
        Files.copy(x2(), target.resolve("model.json"));
        Files.copy(x2().resolveSibling("group1-shard1of1.bin"), target.resolve("group1-shard1of1.bin"));
        return target.resolve("model.json");
    }
}
