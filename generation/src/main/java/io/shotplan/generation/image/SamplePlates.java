package io.shotplan.generation.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small synthetic plates for demos and tests, so that no binary frames are committed: a sky gradient, a hill line,
 * a disc moving across the frame, fine stripes (detail for an up-res model to keep) and film grain.
 * Deterministic for a given size, frame and seed.
 */
public final class SamplePlates {

    private SamplePlates() {
    }

    /** One 8-bit RGB plate. */
    public static FloatImage frame(int width, int height, int frame, long seed) {
        FloatImage image = FloatImage.blank(width, height, 3, 8);
        SplittableRandom grain = new SplittableRandom(seed * 1_000_003L + frame);
        double discX = width * (0.2 + 0.6 * ((frame * 0.07) % 1.0));
        double discY = height * 0.35;
        double radius = Math.max(2, Math.min(width, height) * 0.12);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = (double) y / height;
                double hill = height * (0.65 + 0.08 * Math.sin(x * 6.0 / width + seed));
                double r;
                double g;
                double b;
                if (y > hill) {
                    double stripe = ((x + y) / 2) % 2 == 0 ? 18 : -18;
                    r = 70 + stripe;
                    g = 110 + 60 * (y - hill) / height + stripe;
                    b = 50;
                } else {
                    r = 120 + 90 * v;
                    g = 160 + 60 * v;
                    b = 235 - 30 * v;
                }
                double d = Math.hypot(x - discX, y - discY);
                if (d < radius) {
                    r = 250;
                    g = 215 - 40 * d / radius;
                    b = 90;
                }
                double n = grain.nextGaussian() * 4;
                image.set(0, y, x, clamp(r + n));
                image.set(1, y, x, clamp(g + n));
                image.set(2, y, x, clamp(b + n));
            }
        }
        return image;
    }

    /**
     * Writes frames {@code 1..frameCount} of a shot as {@code <dir>/<shot>.<frame:04>.png}, atomically.
     *
     * @return the written files
     */
    public static List<Path> writeShot(Path dir, String shotCode, int frameCount, int width, int height) {
        List<Path> files = new ArrayList<>();
        long seed = shotCode.hashCode();
        // long: at Integer.MAX_VALUE frames an int counter would wrap and the loop would never end
        for (long f = 1; f <= frameCount; f++) {
            Path file = dir.resolve(FramePaths.frameName(shotCode, (int) f, "png"));
            ImageCodec.write(frame(width, height, (int) f, seed), file);
            files.add(file);
        }
        return files;
    }

    private static float clamp(double v) {
        return (float) Math.max(0, Math.min(255, Math.round(v)));
    }
}
