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

    /** A copy of the window starting at (x, y). */
    public FloatImage crop(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("crop %d,%d %d×%d outside %d×%d".formatted(x, y, w, h, width, height));
        }
        float[] out = new float[w * h * channels];
        for (int c = 0; c < channels; c++) {
            for (int row = 0; row < h; row++) {
                System.arraycopy(data, (c * height + y + row) * width + x, out, (c * h + row) * w, w);
            }
        }
        return new FloatImage(w, h, channels, out, bitDepth);
    }

    /** Copies {@code source}'s window (sx, sy, w, h) into this image at (dx, dy). */
    public void paste(FloatImage source, int sx, int sy, int w, int h, int dx, int dy) {
        for (int c = 0; c < channels; c++) {
            for (int row = 0; row < h; row++) {
                System.arraycopy(source.data, (c * source.height + sy + row) * source.width + sx,
                        data, (c * height + dy + row) * width + dx, w);
            }
        }
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
