package io.shotplan.generation;

import io.shotplan.generation.model.ModelPackageCache;
import io.shotplan.generation.model.ModelRegistry;
import io.shotplan.generation.model.ModelSource;
import io.shotplan.generation.upscale.UpscaleModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The built-in models, fetched once per test JVM into the build's model cache and shared between tests. */
public final class TestModels {

    private static final Map<String, UpscaleModel> LOADED = new ConcurrentHashMap<>();

    private TestModels() {
    }

    public static UpscaleModel get(String capability) {
        return LOADED.computeIfAbsent(capability,
                c -> UpscaleModel.load(ModelRegistry.builtIn().get(c), ModelPackageCache.fromEnvironment()));
    }

    /** The unpacked {@code @upscalerjs/esrgan-slim} package folder. */
    public static Path esrganSlimPackage() {
        return packageOf("upres-x2");
    }

    /** The unpacked npm package folder of a built-in capability's model. */
    public static Path packageOf(String capability) {
        var source = (ModelSource.NpmPackage) ModelRegistry.builtIn().get(capability).source();
        return ModelPackageCache.fromEnvironment().resolve(source);
    }
}
