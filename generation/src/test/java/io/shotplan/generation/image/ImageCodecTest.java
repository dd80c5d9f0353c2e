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
    void greyPlatesAreReadRawInEightAndSixteenBits() throws IOException {
        java.awt.image.BufferedImage grey8 = new java.awt.image.BufferedImage(3, 1, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        grey8.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 100, 255});
        java.awt.image.BufferedImage grey16 = new java.awt.image.BufferedImage(3, 1, java.awt.image.BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 257 * 100 + 128, 65535});
        javax.imageio.ImageIO.write(grey8, "png", dir.resolve("g8.png").toFile());
        javax.imageio.ImageIO.write(grey16, "png", dir.resolve("g16.png").toFile());

        FloatImage g8 = ImageCodec.read(dir.resolve("g8.png"));
        FloatImage g16 = ImageCodec.read(dir.resolve("g16.png"));

        assertThat(g8.bitDepth()).isEqualTo(8);
        assertThat(new float[] {g8.get(0, 0, 1), g8.get(1, 0, 1), g8.get(2, 0, 2)}).containsExactly(100f, 100f, 255f);
        assertThat(g16.bitDepth()).isEqualTo(16);
        assertThat(g16.get(2, 0, 1)).isCloseTo(100f + 128f / 257f, org.assertj.core.data.Offset.offset(1e-4f));
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
