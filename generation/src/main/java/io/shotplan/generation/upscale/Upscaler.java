package io.shotplan.generation.upscale;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.shotplan.generation.GenerationException;
import io.shotplan.generation.image.FloatImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Collections;
import java.util.List;

/**
 * Runs one {@link UpscaleModel} on frames of any size, tile by tile; one instance per thread. The model takes RGB
 * (0–255) and returns any number of channels at its scale: RGB for up-res and clean-up, one channel for a matte.
 */
public final class Upscaler implements AutoCloseable {

    private final UpscaleModel model;
    private final Predictor<TileBatch, FloatImage> predictor;

    Upscaler(UpscaleModel model) {
        this.model = model;
        this.predictor = model.djlModel().newPredictor(new TileTranslator(model.spec().capability(), model.scale()));
    }

    /** Up-scales a frame in tiles of the registry's tile size, batched by the registry's batch size. */
    public FloatImage upscale(FloatImage frame) {
        return upscale(frame, model.spec().tileSize(), model.spec().batchSize());
    }

    /** Up-scales the whole frame in one forward pass (memory grows with the frame). */
    public FloatImage upscaleWhole(FloatImage frame) {
        return upscale(frame, Math.max(frame.width(), frame.height()) + 2 * model.overlap(), 1);
    }

    /**
     * Runs one batch of the largest windows the tiler cuts, the registry's tile size a side, through the model once.
     * A forward pass's working set (about 170 MB for {@code upres-x2} on the CPU) is first touched here, page by page,
     * and with jemalloc (dirty pages kept, as the worker is run) stays with this thread's allocator, which hands it to
     * every later window, all no larger; the model's kernels are made here too. A worker does this before its first
     * claim, so that no job's first frame pays for it. It costs one forward pass of that size: a model registered with
     * tiles larger than its plates (a whole-frame model) warms up more than its jobs need.
     */
    public void warmUp() {
        int side = model.spec().tileSize();
        FloatImage grey = FloatImage.blank(side, side, 3, 8);
        TilePlan.Tile window = new TilePlan.Tile(0, 0, side, side, 0, 0, side, side);
        predict(new TileBatch(new Stitching(grey, model.scale(), grey.bitDepth()),
                Collections.nCopies(model.spec().batchSize(), window)));
    }

    public FloatImage upscale(FloatImage frame, int tileSize, int batchSize) {
        FloatImage rgb = frame.channels() == 3 ? frame : toRgb(frame);
        TilePlan plan = TilePlan.of(rgb.width(), rgb.height(), tileSize, model.overlap());
        Stitching stitching = new Stitching(rgb, model.scale(), frame.bitDepth());
        List<TilePlan.Tile> tiles = plan.tiles();
        for (int i = 0; i < tiles.size(); i += batchSize) {
            predict(new TileBatch(stitching, tiles.subList(i, Math.min(tiles.size(), i + batchSize))));
        }
        return stitching.result();
    }

    private void predict(TileBatch batch) {
        try {
            predictor.predict(batch);
        } catch (TranslateException e) {
            if (e.getCause() instanceof GenerationException known) {
                throw known;
            }
            TilePlan.Tile tile = batch.tiles().getFirst();
            throw new GenerationException("model %s failed on a %d×%d tile: %s".formatted(
                    model.spec().capability(), tile.w(), tile.h(), e.getMessage()), false, e);
        }
    }

    private static FloatImage toRgb(FloatImage frame) {
        FloatImage out = FloatImage.blank(frame.width(), frame.height(), 3, frame.bitDepth());
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < frame.height(); y++) {
                for (int x = 0; x < frame.width(); x++) {
                    out.set(c, y, x, frame.get(Math.min(c, frame.channels() - 1), y, x));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        predictor.close();
    }

    /**
     * A frame being up-scaled: the RGB source and the result that each tile's core is written into, created when the
     * first tile shows how many channels the model returns (3 for a plate, 1 for a matte).
     */
    private static final class Stitching {

        private final FloatImage source;
        private final int scale;
        private final int bitDepth;
        private FloatImage result;

        Stitching(FloatImage source, int scale, int bitDepth) {
            this.source = source;
            this.scale = scale;
            this.bitDepth = bitDepth;
        }

        FloatImage result(int channels) {
            if (result == null) {
                result = FloatImage.blank(source.width() * scale, source.height() * scale, channels, bitDepth);
            }
            return result;
        }

        FloatImage result() {
            return result;
        }
    }

    /** Tiles of one plan (so of one window size) that go through the model in one forward pass. */
    private record TileBatch(Stitching frame, List<TilePlan.Tile> tiles) {
    }

    /**
     * A batch of tiles to one NCHW array and back, without a Java copy of either: the windows are read from the frame
     * into a native buffer the input array wraps (kept for the next batch), and the cores are read from the output
     * array's native memory straight into the result. The predictor closes each call's arrays.
     */
    private static final class TileTranslator implements Translator<TileBatch, FloatImage> {

        private static final String BATCH = "batch";

        private final String capability;
        private final int scale;
        private ByteBuffer input = ByteBuffer.allocateDirect(0);

        TileTranslator(String capability, int scale) {
            this.capability = capability;
            this.scale = scale;
        }

        @Override
        public Batchifier getBatchifier() {
            return null; // tiles are already batched
        }

        @Override
        public NDList processInput(TranslatorContext ctx, TileBatch batch) {
            FloatImage source = batch.frame().source;
            TilePlan.Tile first = batch.tiles().getFirst();
            int w = first.w();
            int h = first.h();
            int bytes = Float.BYTES * 3 * w * h * batch.tiles().size();
            if (input.capacity() < bytes) {
                input = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            }
            FloatBuffer floats = input.asFloatBuffer();
            for (TilePlan.Tile t : batch.tiles()) {
                for (int c = 0; c < 3; c++) {
                    for (int row = 0; row < h; row++) {
                        floats.put(source.data(), (c * source.height() + t.y() + row) * source.width() + t.x(), w);
                    }
                }
            }
            ctx.setAttachment(BATCH, batch);
            ByteBuffer window = input.slice(0, bytes).order(ByteOrder.nativeOrder());
            return new NDList(ctx.getNDManager().create(window, new Shape(batch.tiles().size(), 3, h, w), DataType.FLOAT32));
        }

        @Override
        public FloatImage processOutput(TranslatorContext ctx, NDList list) {
            TileBatch batch = (TileBatch) ctx.getAttachment(BATCH);
            TilePlan.Tile first = batch.tiles().getFirst();
            NDArray out = list.get(0);
            int w = first.w() * scale;
            int h = first.h() * scale;
            Shape shape = out.getShape();
            if (shape.dimension() != 4 || shape.get(2) != h || shape.get(3) != w) {
                throw new GenerationException("model %s returned %s for %d tile(s) of %d×%d; with scale %d it must return (n, channels, %d, %d)"
                        .formatted(capability, shape, shape.get(0), first.w(), first.h(), scale, h, w), true);
            }
            int channels = (int) shape.get(1);
            FloatBuffer samples = out.toType(DataType.FLOAT32, false).toByteBuffer(true)
                    .order(ByteOrder.nativeOrder()).asFloatBuffer();
            FloatImage result = batch.frame().result(channels);
            for (int k = 0; k < batch.tiles().size(); k++) {
                TilePlan.Tile t = batch.tiles().get(k);
                int fromX = t.coreOffsetX() * scale;
                int fromY = t.coreOffsetY() * scale;
                int toX = (t.x() + t.coreOffsetX()) * scale;
                int toY = (t.y() + t.coreOffsetY()) * scale;
                for (int c = 0; c < channels; c++) {
                    for (int row = 0; row < t.coreH() * scale; row++) {
                        samples.get(((k * channels + c) * h + fromY + row) * w + fromX, result.data(),
                                (c * result.height() + toY + row) * result.width() + toX, t.coreW() * scale);
                    }
                }
            }
            return result;
        }
    }
}
