package io.shotplan.generation.model;

/**
 * One registry entry: how to run an AI capability code (e.g. {@code upres-x2}).
 *
 * @param capability  the code used in a show's ai_capability rows and in generation jobs
 * @param engine      DJL engine; only {@code PyTorch} is bundled
 * @param format      model file format; {@code keras-layers} (TF.js layers-model) is supported
 * @param source      where the model files come from
 * @param inputLayout the layout the original model expects ({@code NHWC} for Keras); DJL runs NCHW internally
 * @param tileSize    the largest input tile side in pixels: bounds memory whatever the frame size
 * @param tileOverlap context pixels around each tile (raised to the model's receptive radius if smaller)
 * @param batchSize   tiles per forward pass
 * @param outputExtension output frame format: {@code png} (keeps the input's bit depth) or {@code jpg}
 */
public record ModelSpec(String capability, String engine, String format, ModelSource source, String inputLayout,
                        int tileSize, int tileOverlap, int batchSize, String outputExtension, String description) {

    public ModelSpec {
        if (capability == null || capability.isBlank()) {
            throw new IllegalArgumentException("a model entry needs a capability code");
        }
        if (!"PyTorch".equals(engine)) {
            throw new IllegalArgumentException("capability %s: engine '%s' is not available (PyTorch)".formatted(capability, engine));
        }
        if (!"keras-layers".equals(format)) {
            throw new IllegalArgumentException("capability %s: format '%s' is not supported (keras-layers)".formatted(capability, format));
        }
        if (!"NHWC".equals(inputLayout)) {
            throw new IllegalArgumentException("capability %s: input layout '%s' is not supported for keras-layers (NHWC)".formatted(capability, inputLayout));
        }
        if (tileSize < 16 || tileOverlap < 0 || batchSize < 1) {
            throw new IllegalArgumentException("capability %s: tileSize ≥ 16, tileOverlap ≥ 0 and batchSize ≥ 1 are required (%d, %d, %d)"
                    .formatted(capability, tileSize, tileOverlap, batchSize));
        }
        if (!"png".equals(outputExtension) && !"jpg".equals(outputExtension)) {
            throw new IllegalArgumentException("capability %s: output '%s' must be png or jpg".formatted(capability, outputExtension));
        }
    }
}
