package io.shotplan.generation.upscale;

import java.util.ArrayList;
import java.util.List;

/**
 * How a frame is cut for a fixed memory budget: each tile is an input window of at most {@code tileSize} pixels a
 * side, whose central "core" is kept and whose border of {@code overlap} pixels only gives the network the context it
 * would have seen in the whole frame. Cores partition the frame, so stitching is a copy, with no blending and no seam
 * when the overlap is at least the model's receptive radius.
 */
public record TilePlan(int width, int height, int tileSize, int overlap, List<Tile> tiles) {

    /**
     * One tile: the input window (x, y, w, h) and, inside it, the core offset and size to keep (input pixels).
     */
    public record Tile(int x, int y, int w, int h, int coreOffsetX, int coreOffsetY, int coreW, int coreH) {
    }

    public static TilePlan of(int width, int height, int tileSize, int overlap) {
        int core = tileSize - 2 * overlap;
        if (core < 1) {
            throw new IllegalArgumentException("tile size %d leaves no core with an overlap of %d".formatted(tileSize, overlap));
        }
        List<int[]> xs = spans(width, tileSize, overlap, core);
        List<int[]> ys = spans(height, tileSize, overlap, core);
        List<Tile> tiles = new ArrayList<>();
        for (int[] sy : ys) {
            for (int[] sx : xs) {
                tiles.add(new Tile(sx[0], sy[0], sx[1], sy[1], sx[2], sy[2], sx[3], sy[3]));
            }
        }
        return new TilePlan(width, height, tileSize, overlap, List.copyOf(tiles));
    }

    /**
     * Per axis: {window start, window length, core offset in window, core length}. The fewest cores that fit the tile
     * size, all of (nearly) equal length, so no tile is a thin sliver.
     */
    private static List<int[]> spans(int length, int tileSize, int overlap, int core) {
        List<int[]> out = new ArrayList<>();
        if (length <= tileSize) {
            out.add(new int[] {0, length, 0, length});
            return out;
        }
        int count = (length + core - 1) / core;
        for (int i = 0; i < count; i++) {
            int coreStart = (int) ((long) length * i / count);
            int coreEnd = (int) ((long) length * (i + 1) / count);
            int start = Math.max(0, coreStart - overlap);
            int end = Math.min(length, coreEnd + overlap);
            out.add(new int[] {start, end - start, coreStart - start, coreEnd - coreStart});
        }
        return out;
    }
}
