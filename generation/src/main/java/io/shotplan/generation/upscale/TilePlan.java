package io.shotplan.generation.upscale;

import java.util.ArrayList;
import java.util.List;

/**
 * How a frame is cut for a fixed memory budget: each tile is an input window of at most {@code tileSize} pixels a
 * side, whose central "core" is kept and whose border of at least {@code overlap} pixels only gives the network the
 * context it would have seen in the whole frame. Cores partition the frame, so stitching is a copy, with no blending and
 * no seam when the overlap is at least the model's receptive radius.
 *
 * <p>All windows of a plan have the same size: the fewest that cover the frame, shrunk until neighbours overlap by
 * about twice the context, so about as many pixels are computed as with windows cut to fit. One size means one set of
 * tensor shapes for the whole frame: the native allocator hands the same blocks back tile after tile, and a batch can
 * hold any tiles.
 */
public record TilePlan(int width, int height, int tileSize, int overlap, List<Tile> tiles) {

    /**
     * One tile: the input window (x, y, w, h) and, inside it, the core offset and size to keep (input pixels).
     */
    public record Tile(int x, int y, int w, int h, int coreOffsetX, int coreOffsetY, int coreW, int coreH) {
    }

    public static TilePlan of(int width, int height, int tileSize, int overlap) {
        if (tileSize - 2 * overlap < 1) {
            throw new IllegalArgumentException("tile size %d leaves no core with an overlap of %d".formatted(tileSize, overlap));
        }
        List<Span> xs = spans(width, tileSize, overlap);
        List<Span> ys = spans(height, tileSize, overlap);
        List<Tile> tiles = new ArrayList<>();
        for (Span sy : ys) {
            for (Span sx : xs) {
                tiles.add(new Tile(sx.start(), sy.start(), sx.length(), sy.length(),
                        sx.coreOffset(), sy.coreOffset(), sx.coreLength(), sy.coreLength()));
            }
        }
        return new TilePlan(width, height, tileSize, overlap, List.copyOf(tiles));
    }

    /** The common window width and height of the plan's tiles. */
    public int windowWidth() {
        return tiles.getFirst().w();
    }

    public int windowHeight() {
        return tiles.getFirst().h();
    }

    /** One axis of a tile: the window and, inside it, the core. */
    private record Span(int start, int length, int coreOffset, int coreLength) {
    }

    /**
     * Per axis: n windows of one length w, the first at 0 and the last ending at the frame's edge, the others spread
     * evenly between. Consecutive starts lie at most w − 2·overlap apart, so each boundary between two cores can sit
     * {@code overlap} pixels inside both windows.
     */
    private static List<Span> spans(int length, int tileSize, int overlap) {
        if (length <= tileSize) {
            return List.of(new Span(0, length, 0, length));
        }
        int n = Math.ceilDiv(length - 2 * overlap, tileSize - 2 * overlap);
        int window = Math.ceilDiv(length + 2 * overlap * (n - 1), n);
        int[] starts = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = (int) ((long) i * (length - window) / (n - 1));
        }
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int coreStart = i == 0 ? 0 : starts[i] + overlap;
            int coreEnd = i == n - 1 ? length : starts[i + 1] + overlap;
            out.add(new Span(starts[i], window, coreStart - starts[i], coreEnd - coreStart));
        }
        return out;
    }
}
