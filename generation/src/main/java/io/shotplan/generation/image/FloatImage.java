package io.shotplan.generation.image;

/**
 * An image as planar float samples (channel, row, column), on the 0–255 scale whatever the file's bit depth
 * (a 16-bit sample v is v / 257), which is the scale the up-res models expect.
 *
 * @param bitDepth 8 or 16: the precision of the file it came from, and the one to write it back with
 */
public record FloatImage(int width, int height, int channels, float[] data, int bitDepth) {

    public FloatImage {
        if (width <= 0 || height <= 0 || channels <= 0) {
            throw new IllegalArgumentException("image size must be positive: %d×%d×%d".formatted(width, height, channels));
        }
        if (data.length != (long) width * height * channels) {
            throw new IllegalArgumentException("%d samples for a %d×%d×%d image".formatted(data.length, width, height, channels));
        }
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("bit depth must be 8 or 16, was " + bitDepth);
        }
    }

    public static FloatImage blank(int width, int height, int channels, int bitDepth) {
        return new FloatImage(width, height, channels, new float[width * height * channels], bitDepth);
    }

    public float get(int channel, int y, int x) {
        return data[(channel * height + y) * width + x];
    }

    public void set(int channel, int y, int x, float value) {
        data[(channel * height + y) * width + x] = value;
    }

    /** The largest absolute sample difference to another image of the same size. */
    public float maxAbsDifference(FloatImage other) {
        if (other.width != width || other.height != height || other.channels != channels) {
            throw new IllegalArgumentException("sizes differ: %d×%d×%d vs %d×%d×%d".formatted(
                    width, height, channels, other.width, other.height, other.channels));
        }
        float max = 0;
        for (int i = 0; i < data.length; i++) {
            max = Math.max(max, Math.abs(data[i] - other.data[i]));
        }
        return max;
    }

    /** Max − min over all samples. */
    public float valueRange() {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : data) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }
}
