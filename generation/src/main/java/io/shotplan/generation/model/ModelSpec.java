package io.shotplan.generation.model;

import java.util.List;

/**
 * One registry entry: how to run an AI capability code (e.g. {@code upres-x2}).
 *
 * @param capability  the code used in a show's ai_capability rows and in generation jobs
 * @param engine      DJL engine: {@code PyTorch} for {@code keras-layers} and {@code torchscript}, {@code OnnxRuntime}
 *                    for {@code onnx}
 * @param format      {@code keras-layers} (TF.js layers-model), {@code torchscript} or {@code onnx}
 * @param source      where the model files come from
 * @param inputLayout the layout the original model expects: {@code NHWC} for Keras (DJL runs NCHW internally),
 *                    {@code NCHW} for TorchScript and ONNX
 * @param scale       output size / input size; a Keras graph says it itself (0 here, or the same value), TorchScript
 *                    and ONNX entries must give it
 * @param tileSize    the largest input tile side in pixels: bounds memory whatever the frame size
 * @param tileOverlap context pixels around each tile; unused for Keras, whose graph gives its exact receptive radius
 *                    instead. TF.js graph, TorchScript and ONNX models are opaque, so their entry's value is used as it is
 * @param batchSize   tiles per forward pass
 * @param outputExtension output frame format: {@code png} (keeps the input's bit depth) or {@code jpg}
 * @param valueRange  the sample value of white the model was trained on: 255, or 1 for a model on 0–1 (only
 *                    {@code tfjs-graph} models may take 1; the others take 0–255)
 * @param divisibleBy the model takes only frames whose sides are multiples of this; the loader pads tiles to it (only
 *                    {@code tfjs-graph}; 1 for the others)
 */
public record ModelSpec(String capability, String engine, String format, ModelSource source, String inputLayout,
                        int scale, int tileSize, int tileOverlap, int batchSize, String outputExtension,
                        String description, float valueRange, int divisibleBy) {

    public static final String KERAS_LAYERS = "keras-layers";
    public static final String TFJS_GRAPH = "tfjs-graph";
    public static final String TORCHSCRIPT = "torchscript";
    public static final String ONNX = "onnx";

    public ModelSpec {
        if (capability == null || capability.isBlank()) {
            throw new IllegalArgumentException("a model entry needs a capability code");
        }
        if (!List.of(KERAS_LAYERS, TFJS_GRAPH, TORCHSCRIPT, ONNX).contains(format)) {
            throw new IllegalArgumentException("capability %s: format '%s' is not supported (keras-layers, tfjs-graph, torchscript, onnx)"
                    .formatted(capability, format));
        }
        if (!engineFor(format).equals(engine)) {
            throw new IllegalArgumentException("capability %s: format %s runs on engine %s, not '%s'"
                    .formatted(capability, format, engineFor(format), engine));
        }
        if (!layoutFor(format).equals(inputLayout)) {
            throw new IllegalArgumentException("capability %s: input layout '%s' is not supported for %s (%s)"
                    .formatted(capability, inputLayout, format, layoutFor(format)));
        }
        if (scale < (format.equals(KERAS_LAYERS) ? 0 : 1)) {
            throw new IllegalArgumentException("capability %s: a %s model needs its scale (output size / input size, ≥ 1), got %d"
                    .formatted(capability, format, scale));
        }
        if (tileSize < 16 || tileOverlap < 0 || batchSize < 1) {
            throw new IllegalArgumentException("capability %s: tileSize ≥ 16, tileOverlap ≥ 0 and batchSize ≥ 1 are required (%d, %d, %d)"
                    .formatted(capability, tileSize, tileOverlap, batchSize));
        }
        if (valueRange != 255 && !(TFJS_GRAPH.equals(format) && valueRange == 1)) {
            throw new IllegalArgumentException("capability %s: valueRange %s is not supported for %s (255%s)"
                    .formatted(capability, valueRange, format, TFJS_GRAPH.equals(format) ? " or 1" : ""));
        }
        if (divisibleBy < 1 || divisibleBy != 1 && !TFJS_GRAPH.equals(format)) {
            throw new IllegalArgumentException("capability %s: divisibleBy %d is not supported for %s (%s)"
                    .formatted(capability, divisibleBy, format, TFJS_GRAPH.equals(format) ? "≥ 1" : "1"));
        }
        if (!"png".equals(outputExtension) && !"jpg".equals(outputExtension)) {
            throw new IllegalArgumentException("capability %s: output '%s' must be png or jpg".formatted(capability, outputExtension));
        }
    }

    /** The DJL engine that runs a format: the one engine bundled for it. */
    public static String engineFor(String format) {
        return ONNX.equals(format) ? "OnnxRuntime" : "PyTorch";
    }

    /** The input layout a format's models take. */
    public static String layoutFor(String format) {
        return KERAS_LAYERS.equals(format) || TFJS_GRAPH.equals(format) ? "NHWC" : "NCHW";
    }
}
