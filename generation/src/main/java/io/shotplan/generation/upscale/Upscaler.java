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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@link UpscaleModel} on frames of any size, tile by tile; one instance per thread. The model takes RGB
 * (0–255) and returns any number of channels at its scale: RGB for up-res and clean-up, one channel for a matte.
 */
public final class Upscaler implements AutoCloseable {

    private final UpscaleModel model;
    private final Predictor<List<FloatImage>, List<FloatImage>> predictor;

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

    public FloatImage upscale(FloatImage frame, int tileSize, int batchSize) {
        FloatImage rgb = frame.channels() == 3 ? frame : toRgb(frame);
        int s = model.scale();
        TilePlan plan = TilePlan.of(rgb.width(), rgb.height(), tileSize, model.overlap());
        FloatImage out = null; // its channel count is the model's: 3 for a plate, 1 for a matte
        // tiles of equal window size can share a forward pass
        Map<String, List<TilePlan.Tile>> bySize = new LinkedHashMap<>();
        for (TilePlan.Tile t : plan.tiles()) {
            bySize.computeIfAbsent(t.w() + "x" + t.h(), k -> new ArrayList<>()).add(t);
        }
        for (List<TilePlan.Tile> group : bySize.values()) {
            for (int i = 0; i < group.size(); i += batchSize) {
                List<TilePlan.Tile> batch = group.subList(i, Math.min(group.size(), i + batchSize));
                List<FloatImage> inputs = batch.stream().map(t -> rgb.crop(t.x(), t.y(), t.w(), t.h())).toList();
                List<FloatImage> outputs = predict(inputs);
                if (out == null) {
                    out = FloatImage.blank(rgb.width() * s, rgb.height() * s, outputs.get(0).channels(), frame.bitDepth());
                }
                for (int k = 0; k < batch.size(); k++) {
                    TilePlan.Tile t = batch.get(k);
                    out.paste(outputs.get(k), t.coreOffsetX() * s, t.coreOffsetY() * s, t.coreW() * s, t.coreH() * s,
                            (t.x() + t.coreOffsetX()) * s, (t.y() + t.coreOffsetY()) * s);
                }
            }
        }
        return out;
    }

    private List<FloatImage> predict(List<FloatImage> tiles) {
        try {
            return predictor.predict(tiles);
        } catch (TranslateException e) {
            if (e.getCause() instanceof GenerationException known) {
                throw known;
            }
            throw new GenerationException("model %s failed on a %d×%d tile: %s".formatted(
                    model.spec().capability(), tiles.get(0).width(), tiles.get(0).height(), e.getMessage()), false, e);
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

    /** Equal-sized RGB tiles (planar, 0–255) to one NCHW batch and back; the predictor scopes each call's arrays. */
    private record TileTranslator(String capability, int scale) implements Translator<List<FloatImage>, List<FloatImage>> {

        @Override
        public Batchifier getBatchifier() {
            return null; // tiles are already batched
        }

        @Override
        public NDList processInput(TranslatorContext ctx, List<FloatImage> tiles) {
            FloatImage first = tiles.get(0);
            int plane = first.width() * first.height() * 3;
            float[] batch = new float[plane * tiles.size()];
            for (int i = 0; i < tiles.size(); i++) {
                System.arraycopy(tiles.get(i).data(), 0, batch, i * plane, plane);
            }
            NDArray array = ctx.getNDManager().create(batch, new Shape(tiles.size(), 3, first.height(), first.width()));
            ctx.setAttachment("tile", first);
            return new NDList(array);
        }

        @Override
        public List<FloatImage> processOutput(TranslatorContext ctx, NDList list) {
            FloatImage first = (FloatImage) ctx.getAttachment("tile");
            NDArray out = list.get(0);
            int w = first.width() * scale;
            int h = first.height() * scale;
            Shape shape = out.getShape();
            if (shape.dimension() != 4 || shape.get(2) != h || shape.get(3) != w) {
                throw new GenerationException("model %s returned %s for %d tile(s) of %d×%d; with scale %d it must return (n, channels, %d, %d)"
                        .formatted(capability, shape, shape.get(0), first.width(), first.height(), scale, h, w), true);
            }
            int channels = (int) shape.get(1);
            float[] all = out.toType(DataType.FLOAT32, false).toFloatArray();
            int plane = w * h * channels;
            List<FloatImage> images = new ArrayList<>();
            for (int i = 0; i < shape.get(0); i++) {
                float[] one = new float[plane];
                System.arraycopy(all, i * plane, one, 0, plane);
                images.add(new FloatImage(w, h, channels, one, first.bitDepth()));
            }
            return images;
        }
    }
}
