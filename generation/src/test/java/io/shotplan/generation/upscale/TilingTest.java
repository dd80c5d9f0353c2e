package io.shotplan.generation.upscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shotplan.generation.TestModels;
import io.shotplan.generation.image.FloatImage;
import io.shotplan.generation.image.SamplePlates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TilingTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void tiledOutputEqualsUntiledOutputWithinAMillionthOfTheRange(int batchSize) {
        FloatImage frame = SamplePlates.frame(150, 110, 3, 7);
        UpscaleModel model = TestModels.get("upres-x2");

        try (Upscaler upscaler = model.newUpscaler()) {
            FloatImage whole = upscaler.upscaleWhole(frame);
            // 64-pixel windows with the model's 10-pixel context and no more: 3×3 tiles, the edge ones shifted inward,
            // the last batch of 5 short
            FloatImage tiled = upscaler.upscale(frame, 64, batchSize);

            assertThat(TilePlan.of(150, 110, 64, model.overlap()).tiles()).hasSize(9);
            // identical on this machine (2026-12-06); with one pixel less context the tiles are off by 4e-5 of the range
            assertThat(tiled.maxAbsDifference(whole)).isLessThanOrEqualTo(1e-6f * whole.valueRange());
        }
    }

    @Test
    void everyWindowOfAPlanHasOneSizeAndEveryCoreItsWholeContext() {
        for (int width : new int[] {40, 65, 150, 299, 1920}) {
            for (int height : new int[] {33, 110, 1080}) {
                for (int tileSize : new int[] {64, 100, 280}) {
                    TilePlan plan = TilePlan.of(width, height, tileSize, 11);
                    int[] covered = new int[width * height];
                    for (TilePlan.Tile t : plan.tiles()) {
                        assertThat(t.w()).isEqualTo(plan.windowWidth()).isLessThanOrEqualTo(tileSize);
                        assertThat(t.h()).isEqualTo(plan.windowHeight()).isLessThanOrEqualTo(tileSize);
                        assertThat(t.x() + t.w()).isLessThanOrEqualTo(width);
                        assertThat(t.y() + t.h()).isLessThanOrEqualTo(height);
                        int left = t.x() + t.coreOffsetX();
                        int top = t.y() + t.coreOffsetY();
                        assertThat(t.coreOffsetX() >= 11 || left == 0).isTrue();
                        assertThat(t.coreOffsetY() >= 11 || top == 0).isTrue();
                        assertThat(t.w() - t.coreOffsetX() - t.coreW() >= 11 || left + t.coreW() == width).isTrue();
                        assertThat(t.h() - t.coreOffsetY() - t.coreH() >= 11 || top + t.coreH() == height).isTrue();
                        for (int y = top; y < top + t.coreH(); y++) {
                            for (int x = left; x < left + t.coreW(); x++) {
                                covered[y * width + x]++;
                            }
                        }
                    }
                    assertThat(covered).as("%d×%d in tiles of %d", width, height, tileSize).containsOnly(1);
                }
            }
        }
    }

    @Test
    void aHdPlateInTilesOf280ComputesAboutASixthMoreThanItsOwnPixels() {
        TilePlan plan = TilePlan.of(1920, 1080, 280, 11);

        assertThat(plan.tiles()).hasSize(8 * 5);
        assertThat(plan.windowWidth()).isEqualTo(260);
        assertThat(plan.windowHeight()).isEqualTo(234);
        // within 0.5 % of the area of windows cut to fit the frame (2074 × 1168)
        assertThat(8 * 260 * 5 * 234 / (1920.0 * 1080)).isCloseTo(1.174, within(0.001));
    }

    @Test
    void theOverlapIsTheModelsReceptiveRadiusWhichTheTiledOutputAboveShowsIsEnough() {
        UpscaleModel model = TestModels.get("upres-x2");

        assertThat(model.graph().orElseThrow().receptiveRadius()).isEqualTo(10); // 9 steps of 3×3 or 5×5 context, plus half a step after up-sampling
        assertThat(model.overlap()).isEqualTo(10);
    }

    @Test
    void anHdPlateAtTheRegistrysTilesOf320ComputesAnEighthMoreThanItsOwnPixels() {
        TilePlan plan = TilePlan.of(1920, 1080, 320, TestModels.get("upres-x2").overlap());

        assertThat(plan.tiles()).hasSize(7 * 4);
        assertThat(plan.windowWidth()).isEqualTo(292);
        assertThat(plan.windowHeight()).isEqualTo(285);
        // 294×287 with the 11 pixels registered before: 13.9 %
        assertThat(7 * 292 * 4 * 285 / (1920.0 * 1080)).isCloseTo(1.124, within(0.001));
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
