package io.shotplan.generation.upscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.generation.TestModels;
import io.shotplan.generation.image.FloatImage;
import io.shotplan.generation.image.SamplePlates;
import org.junit.jupiter.api.Test;

class TilingTest {

    @Test
    void tiledOutputEqualsUntiledOutputWithinOneTenThousandthOfTheRange() {
        FloatImage frame = SamplePlates.frame(150, 110, 3, 7);
        UpscaleModel model = TestModels.get("upres-x2");

        try (Upscaler upscaler = model.newUpscaler()) {
            FloatImage whole = upscaler.upscaleWhole(frame);
            // 64-pixel windows with a 10-pixel context: 3×3 cores, edge tiles smaller, batches of 2
            FloatImage tiled = upscaler.upscale(frame, 64, 2);

            assertThat(TilePlan.of(150, 110, 64, model.overlap()).tiles()).hasSizeGreaterThan(4);
            assertThat(tiled.maxAbsDifference(whole)).isLessThanOrEqualTo(1e-4f * whole.valueRange());
        }
    }

    @Test
    void theOverlapCoversTheModelsReceptiveField() {
        UpscaleModel model = TestModels.get("upres-x2");

        assertThat(model.graph().orElseThrow().receptiveRadius()).isEqualTo(10); // 9 steps of 3×3 or 5×5 context, plus half a step after up-sampling
        assertThat(model.overlap()).isGreaterThanOrEqualTo(model.graph().orElseThrow().receptiveRadius());
    }

    @Test
    void tilesPartitionTheFrame() {
        TilePlan plan = TilePlan.of(1000, 700, 256, 16);
        long covered = plan.tiles().stream().mapToLong(t -> (long) t.coreW() * t.coreH()).sum();

        assertThat(covered).isEqualTo(1000L * 700);
        assertThat(plan.tiles()).allSatisfy(t -> {
            assertThat(t.w()).isLessThanOrEqualTo(256);
            assertThat(t.h()).isLessThanOrEqualTo(256);
        });
    }
}
