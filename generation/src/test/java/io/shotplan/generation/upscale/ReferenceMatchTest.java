package io.shotplan.generation.upscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.shotplan.generation.TestModels;
import io.shotplan.generation.image.FloatImage;
import io.shotplan.generation.model.ModelSource;
import io.shotplan.generation.model.ModelSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DJL against the original model in its own runtime: tensors produced by generation/reference/reference.mjs with
 * TensorFlow.js' pure-JS cpu backend. Every output sample must match to within 1e-4 of the output's value range.
 * Cases: ESRGAN-slim x2/x3/x4, ESRGAN-medium x2, a small model with ESRGAN-thick's custom layers (MultiplyBeta,
 * PixelShuffle), a small model whose channel counts oneDNN miscomputes unless the graph pads them (27, 12, 39, 20 on a
 * 40×36 input, large enough for PyTorch to take the oneDNN path), MAXIM deraining ({@code paint-ai}, a TF.js graph-model
 * run by the graph interpreter, on a 64×64 scene) and, opt-in with {@code -Dshotplan.test.thick=true} (a 110 MB
 * download), ESRGAN-thick x2.
 */
class ReferenceMatchTest {

    private static final double RELATIVE_TOLERANCE = 1e-4;

    /** A case runs a built-in capability, or (for {@code model}) a model.json stored beside the tensors. */
    record Case(String name, String capability, String model, int height, int width, int scale, float outputMin,
                float outputMax) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        try (InputStream in = resource("cases.json")) {
            JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            List<Case> cases = new ArrayList<>();
            for (JsonElement e : root.getAsJsonArray("cases")) {
                JsonObject c = e.getAsJsonObject();
                var in4 = c.getAsJsonArray("inputShape");
                var out4 = c.getAsJsonArray("outputShape");
                cases.add(new Case(c.get("name").getAsString(),
                        c.has("capability") ? c.get("capability").getAsString() : null,
                        c.has("model") ? c.get("model").getAsString() : null,
                        in4.get(1).getAsInt(), in4.get(2).getAsInt(), out4.get(1).getAsInt() / in4.get(1).getAsInt(),
                        c.get("outputMin").getAsFloat(), c.get("outputMax").getAsFloat()));
            }
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void djlMatchesTensorFlowJsSampleBySample(Case c) throws Exception {
        assumeTrue(c.capability() == null || !c.capability().endsWith("-thick") || Boolean.getBoolean("shotplan.test.thick"),
                "ESRGAN-thick is a 110 MB download: run with -Dshotplan.test.thick=true");
        FloatImage input = nhwcToPlanar(floats(c.name() + ".in.f32"), c.height(), c.width());
        FloatImage expected = nhwcToPlanar(floats(c.name() + ".out.f32"), c.height() * c.scale(), c.width() * c.scale());

        FloatImage actual;
        if (c.capability() != null) {
            try (Upscaler upscaler = TestModels.get(c.capability()).newUpscaler()) {
                actual = upscaler.upscaleWhole(input);
            }
        } else {
            Path modelJson = Path.of(ReferenceMatchTest.class.getResource("/reference/" + c.model()).toURI());
            ModelSpec spec = new ModelSpec(c.name(), "PyTorch", "keras-layers", new ModelSource.LocalFile(modelJson),
                    "NHWC", 0, 256, 0, 1, "png", "", 255, 1);
            try (UpscaleModel model = UpscaleModel.load(spec, modelJson); Upscaler upscaler = model.newUpscaler()) {
                actual = upscaler.upscaleWhole(input);
            }
        }

        double tolerance = RELATIVE_TOLERANCE * (c.outputMax() - c.outputMin());
        assertThat(actual.width()).isEqualTo(expected.width());
        assertThat(actual.height()).isEqualTo(expected.height());
        assertThat((double) actual.maxAbsDifference(expected))
                .as("max |DJL − TF.js| against tolerance %.5f", tolerance)
                .isLessThanOrEqualTo(tolerance);
    }

    private static FloatImage nhwcToPlanar(float[] nhwc, int h, int w) {
        FloatImage image = FloatImage.blank(w, h, 3, 8);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    image.set(c, y, x, nhwc[(y * w + x) * 3 + c]);
                }
            }
        }
        return image;
    }

    private static float[] floats(String name) throws IOException {
        try (InputStream in = resource(name)) {
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[bytes.remaining() / 4];
            bytes.asFloatBuffer().get(out);
            return out;
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ReferenceMatchTest.class.getResourceAsStream("/reference/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test data /reference/" + name + " (generation/reference/reference.mjs makes it)");
        }
        return in;
    }
}
