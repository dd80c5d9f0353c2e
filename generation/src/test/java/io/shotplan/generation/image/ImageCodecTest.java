package io.shotplan.generation.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCodecTest {

    @TempDir
    Path dir;

    @Test
    void eightBitPngRoundTripsExactly() {
        FloatImage plate = SamplePlates.frame(40, 30, 1, 3);
        Path file = dir.resolve("a.png");

        ImageCodec.write(plate, file);
        FloatImage back = ImageCodec.read(file);

        assertThat(back.bitDepth()).isEqualTo(8);
        assertThat(back.maxAbsDifference(plate)).isZero();
    }

    @Test
    void sixteenBitPngKeepsSixteenBitPrecision() {
        FloatImage image = FloatImage.blank(8, 4, 3, 16);
        for (int i = 0; i < image.data().length; i++) {
            image.data()[i] = i * 1.001f + 0.25f; // between 8-bit levels
        }
        Path file = dir.resolve("deep.png");

        ImageCodec.write(image, file);
        FloatImage back = ImageCodec.read(file);

        assertThat(back.bitDepth()).isEqualTo(16);
        assertThat(back.maxAbsDifference(image)).isLessThanOrEqualTo(0.5f / 257f + 1e-4f);
    }

    @Test
    void jpegRoundTripsApproximately() {
        FloatImage plate = SamplePlates.frame(64, 48, 2, 3);
        Path file = dir.resolve("a.jpg");

        ImageCodec.write(plate, file);
        FloatImage back = ImageCodec.read(file);

        assertThat(back.width()).isEqualTo(64);
        double meanError = 0;
        for (int i = 0; i < plate.data().length; i++) {
            meanError += Math.abs(plate.data()[i] - back.data()[i]);
        }
        assertThat(meanError / plate.data().length).isLessThan(6);
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws IOException {
        ImageCodec.write(SamplePlates.frame(16, 16, 1, 1), dir.resolve("x.png"));

        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("x.png");
        }
    }

    @Test
    void aCorruptFrameIsAClearError() throws IOException {
        Path file = dir.resolve("broken.png");
        ImageCodec.write(SamplePlates.frame(32, 32, 1, 1), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, 60));

        assertThatThrownBy(() -> ImageCodec.read(file))
                .isInstanceOf(CorruptFrameException.class)
                .hasMessageContaining("broken.png");
    }

    @Test
    void aFileThatIsNoImageIsAClearError() throws IOException {
        Path file = dir.resolve("notes.png");
        Files.writeString(file, "not an image");

        assertThatThrownBy(() -> ImageCodec.read(file))
                .isInstanceOf(CorruptFrameException.class)
                .hasMessageContaining("notes.png");
    }
}
