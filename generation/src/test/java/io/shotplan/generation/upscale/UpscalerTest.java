package io.shotplan.generation.upscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.generation.TestModels;
import io.shotplan.generation.image.FloatImage;
import io.shotplan.generation.image.ImageCodec;
import io.shotplan.generation.image.SamplePlates;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpscalerTest {

    @Test
    void aSixteenBitPlateStaysSixteenBitAndKeepsItsFinePrecision(@TempDir Path dir) {
        FloatImage eight = SamplePlates.frame(20, 14, 1, 5);
        float[] fine = eight.data().clone();
        for (int i = 0; i < fine.length; i++) {
            fine[i] = Math.min(255f, fine[i] + 0.37f); // between 8-bit levels
        }
        FloatImage sixteen = new FloatImage(20, 14, 3, fine, 16);
        ImageCodec.write(sixteen, dir.resolve("plate16.png"));

        FloatImage plate = ImageCodec.read(dir.resolve("plate16.png"));
        try (Upscaler upscaler = TestModels.get("upres-x2").newUpscaler()) {
            FloatImage out = upscaler.upscale(plate);
            ImageCodec.write(out, dir.resolve("out16.png"));
            FloatImage back = ImageCodec.read(dir.resolve("out16.png"));

            assertThat(plate.bitDepth()).isEqualTo(16);
            assertThat(back.bitDepth()).isEqualTo(16);
            assertThat(back.width()).isEqualTo(40);
            // the model is nearly linear in its input: 0.37 of a level shows up in the 16-bit output, not rounded away
            FloatImage outEight = upscaler.upscale(eight);
            double meanShift = 0;
            for (int i = 0; i < out.data().length; i++) {
                meanShift += out.data()[i] - outEight.data()[i];
            }
            assertThat(meanShift / out.data().length).isBetween(0.1, 0.6);
        }
    }

    @Test
    void aWarmedUpUpscalerGivesTheSameFramesAsAColdOne() {
        FloatImage frame = SamplePlates.frame(150, 110, 3, 7);
        UpscaleModel model = TestModels.get("upres-x2");
        try (Upscaler cold = model.newUpscaler(); Upscaler warm = model.newUpscaler()) {
            warm.warmUp(); // one 320² window: larger than any window of this frame's plan

            assertThat(warm.upscale(frame, 64, 1).data()).isEqualTo(cold.upscale(frame, 64, 1).data());
        }
    }

    @Test
    void aGreyOrSingleChannelFrameIsUpscaledAsRgb() {
        // the red plane of a plate, as a one-channel image
        FloatImage grey = new FloatImage(12, 10, 1, java.util.Arrays.copyOf(SamplePlates.frame(12, 10, 1, 1).data(), 120), 8);
        try (Upscaler upscaler = TestModels.get("upres-x2").newUpscaler()) {
            FloatImage out = upscaler.upscale(grey);

            assertThat(out.channels()).isEqualTo(3);
            assertThat(out.width()).isEqualTo(24);
            assertThat(out.height()).isEqualTo(20);
        }
    }
}
