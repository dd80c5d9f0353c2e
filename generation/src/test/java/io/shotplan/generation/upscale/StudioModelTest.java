package io.shotplan.generation.upscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shotplan.generation.GenerationException;
import io.shotplan.generation.image.FloatImage;
import io.shotplan.generation.model.ModelPackageCache;
import io.shotplan.generation.model.ModelRegistry;
import io.shotplan.generation.model.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A studio's own models through the registry: a TorchScript matte on DJL's PyTorch engine and an ONNX x2 model on
 * OnnxRuntime (generation/reference/studio-models.py writes both). Their weights are formulas, so the expected frames
 * are computed here in plain Java, tile seams included.
 */
class StudioModelTest {

    @TempDir
    Path dir;

    @Test
    void aTorchScriptMatteRunsFromTheRegistryTileByTile() throws Exception {
        ModelRegistry registry = registry("""
                {"capability": "roto-ai", "format": "torchscript", "source": {"file": "%s"}, "scale": 1,
                 "tileSize": 24, "tileOverlap": 1}""".formatted(resource("matte.pt")));
        ModelSpec spec = registry.get("roto-ai");
        assertThat(spec.engine()).isEqualTo("PyTorch");
        FloatImage plate = plate(61, 43);

        FloatImage matte;
        try (UpscaleModel model = UpscaleModel.load(spec, ModelPackageCache.fromEnvironment());
             Upscaler upscaler = model.newUpscaler()) {
            matte = upscaler.upscale(plate);
        }

        assertThat(matte.channels()).isEqualTo(1);
        assertThat(matte.width()).isEqualTo(61);
        assertThat(matte.maxAbsDifference(expectedMatte(plate))).isLessThan(1e-3f);
    }

    @Test
    void anOnnxModelRunsFromTheRegistryTileByTile() throws Exception {
        ModelRegistry registry = registry("""
                {"capability": "grade-x2", "format": "onnx", "source": {"file": "%s"}, "scale": 2,
                 "tileSize": 20, "tileOverlap": 1, "batchSize": 2}""".formatted(resource("grade-x2.onnx")));
        ModelSpec spec = registry.get("grade-x2");
        assertThat(spec.engine()).isEqualTo("OnnxRuntime");
        FloatImage plate = plate(37, 29);

        FloatImage graded;
        try (UpscaleModel model = UpscaleModel.load(spec, ModelPackageCache.fromEnvironment());
             Upscaler upscaler = model.newUpscaler()) {
            graded = upscaler.upscale(plate);
        }

        assertThat(graded.channels()).isEqualTo(3);
        assertThat(graded.width()).isEqualTo(74);
        assertThat(graded.height()).isEqualTo(58);
        assertThat(graded.maxAbsDifference(expectedGradeX2(plate))).isLessThan(1e-3f);
    }

    @Test
    void aRegistryScaleThatTheModelDoesNotHaveFailsPermanentlyNamingBoth() throws Exception {
        ModelRegistry registry = registry("""
                {"capability": "grade-x3", "format": "onnx", "source": {"file": "%s"}, "scale": 3}"""
                .formatted(resource("grade-x2.onnx")));

        try (UpscaleModel model = UpscaleModel.load(registry.get("grade-x3"), ModelPackageCache.fromEnvironment());
             Upscaler upscaler = model.newUpscaler()) {
            assertThatThrownBy(() -> upscaler.upscale(plate(8, 8)))
                    .isInstanceOf(GenerationException.class)
                    .matches(e -> ((GenerationException) e).permanent())
                    .hasMessageContaining("grade-x3")
                    .hasMessageContaining("scale 3")
                    .hasMessageContaining("(1, 3, 16, 16)");
        }
    }

    @Test
    void aMissingModelFileIsNamed() throws Exception {
        ModelRegistry registry = registry("""
                {"capability": "roto-ai", "format": "torchscript", "source": {"file": "nowhere/matte.pt"}, "scale": 1}""");

        assertThatThrownBy(() -> UpscaleModel.load(registry.get("roto-ai"), ModelPackageCache.fromEnvironment()))
                .hasMessageContaining("nowhere/matte.pt")
                .hasMessageContaining("not found");
    }

    private ModelRegistry registry(String entry) throws Exception {
        Path file = dir.resolve("models.json");
        Files.writeString(file, "{\"models\": [" + entry + "]}");
        return ModelRegistry.builtInWith(file);
    }

    private static String resource(String name) throws Exception {
        return Path.of(StudioModelTest.class.getResource("/studio-models/" + name).toURI()).toString();
    }

    private static FloatImage plate(int w, int h) {
        Random random = new Random(w * 31L + h);
        FloatImage image = FloatImage.blank(w, h, 3, 8);
        for (int i = 0; i < image.data().length; i++) {
            image.data()[i] = random.nextInt(256);
        }
        return image;
    }

    /** 255 · sigmoid(conv3×3(rgb) − 0.5), zero padding; w[i][dy][dx] = 0.002 · ((i + 1)(dy + 1) − (dx + 1)). */
    private static FloatImage expectedMatte(FloatImage rgb) {
        FloatImage out = FloatImage.blank(rgb.width(), rgb.height(), 1, 8);
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                double sum = -0.5;
                for (int i = 0; i < 3; i++) {
                    for (int dy = 0; dy < 3; dy++) {
                        for (int dx = 0; dx < 3; dx++) {
                            sum += 0.002 * ((i + 1) * (dy + 1) - (dx + 1)) * sample(rgb, i, y + dy - 1, x + dx - 1);
                        }
                    }
                }
                out.set(0, y, x, (float) (255 / (1 + Math.exp(-sum))));
            }
        }
        return out;
    }

    /** Nearest ×2, then conv3×3 with w[o][i][dy][dx] = [o = i] / 9 + 0.01 (o − i)(dy − dx) and bias o, zero padding. */
    private static FloatImage expectedGradeX2(FloatImage rgb) {
        FloatImage up = FloatImage.blank(rgb.width() * 2, rgb.height() * 2, 3, 8);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < up.height(); y++) {
                for (int x = 0; x < up.width(); x++) {
                    up.set(c, y, x, rgb.get(c, y / 2, x / 2));
                }
            }
        }
        FloatImage out = FloatImage.blank(up.width(), up.height(), 3, 8);
        for (int o = 0; o < 3; o++) {
            for (int y = 0; y < up.height(); y++) {
                for (int x = 0; x < up.width(); x++) {
                    double sum = o;
                    for (int i = 0; i < 3; i++) {
                        for (int dy = 0; dy < 3; dy++) {
                            for (int dx = 0; dx < 3; dx++) {
                                double w = (o == i ? 1.0 / 9 : 0) + 0.01 * (o - i) * (dy - dx);
                                sum += w * sample(up, i, y + dy - 1, x + dx - 1);
                            }
                        }
                    }
                    out.set(o, y, x, (float) sum);
                }
            }
        }
        return out;
    }

    private static double sample(FloatImage image, int c, int y, int x) {
        return y < 0 || y >= image.height() || x < 0 || x >= image.width() ? 0 : image.get(c, y, x);
    }
}
