package io.shotplan.generation.model;

import java.nio.file.Path;

/** Where a model's files come from. */
public sealed interface ModelSource {

    /**
     * A package on the npm registry, fetched with {@code npm pack} into the model cache and checked against a pinned
     * SHA-256 of its tarball.
     *
     * @param spec   name@version, e.g. {@code @upscalerjs/esrgan-slim@1.0.0}
     * @param sha256 hex SHA-256 of the tarball
     * @param path   the model file inside the package, e.g. {@code models/x2/model.json}
     */
    record NpmPackage(String spec, String sha256, String path) implements ModelSource {
    }

    /**
     * A model file already on disk, e.g. a studio's own: a layers-model's model.json (its weight shards beside it), a
     * TorchScript file or an ONNX file.
     */
    record LocalFile(Path file) implements ModelSource {
    }
}
