package io.shotplan.generation.upscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.generation.TestModels;
import io.shotplan.generation.image.FloatImage;
import io.shotplan.generation.image.ImageCodec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The package's own golden data: its fixture, up-scaled, reproduces its published samples to within 1 grey level. */
class GoldenFixtureTest {

    @Test
    void x2ReproducesThePackagesSample() {
        assertReproduces("upres-x2", "2x");
    }

    @Test
    void x4ReproducesThePackagesSample() {
        assertReproduces("upres-x4", "4x");
    }

    @Test
    void mediumX2ReproducesItsPackagesSample() {
        assertReproduces("upres-x2-medium", "2x");
    }

    private static void assertReproduces(String capability, String sample) {
        Path pkg = TestModels.packageOf(capability);
        FloatImage fixture = ImageCodec.read(pkg.resolve("assets/fixture.png"));
        FloatImage expected = ImageCodec.read(pkg.resolve("assets/samples/" + sample + "/result.png"));

        try (Upscaler upscaler = TestModels.get(capability).newUpscaler()) {
            FloatImage out = upscaler.upscale(fixture);
            FloatImage rounded = roundAndClip(out);

            assertThat(rounded.width()).isEqualTo(expected.width());
            assertThat(rounded.height()).isEqualTo(expected.height());
            assertThat(rounded.maxAbsDifference(expected)).isLessThanOrEqualTo(1f);
        }
    }

    private static FloatImage roundAndClip(FloatImage image) {
        float[] data = image.data().clone();
        for (int i = 0; i < data.length; i++) {
            data[i] = Math.round(Math.max(0, Math.min(255, data[i])));
        }
        return new FloatImage(image.width(), image.height(), image.channels(), data, 8);
    }
}
