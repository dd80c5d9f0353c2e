package io.shotplan.generation;

import io.shotplan.generation.image.FramePaths;
import io.shotplan.generation.model.ModelPackageCache;
import io.shotplan.generation.model.ModelRegistry;
import io.shotplan.generation.queue.QueueSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of the generation module; the app builds one from its properties.
 *
 * @param frames   where plates are read and results written
 * @param registry capability code → model
 * @param cache    where model packages are fetched to
 * @param queue    lease, retry and splitting settings
 */
public record GenerationConfig(FramePaths frames, ModelRegistry registry, ModelPackageCache cache, QueueSettings queue) {

    /** The studio's own registry entries, if this file exists in the data folder. */
    public static final String STUDIO_MODELS_FILE = "models.json";

    /**
     * Plates and results under {@code dataDir} ({@code plates/}, {@code renders/}); the built-in models plus those of
     * {@code <dataDir>/models.json} when present; the default queue settings.
     */
    public static GenerationConfig defaults(Path dataDir) {
        Path studioModels = dataDir.resolve(STUDIO_MODELS_FILE);
        ModelRegistry registry = Files.isRegularFile(studioModels)
                ? ModelRegistry.builtInWith(studioModels) : ModelRegistry.builtIn();
        return new GenerationConfig(new FramePaths(dataDir.resolve("plates"), dataDir.resolve("renders")),
                registry, ModelPackageCache.fromEnvironment(), QueueSettings.defaults());
    }

    public GenerationConfig withQueue(QueueSettings settings) {
        return new GenerationConfig(frames, registry, cache, settings);
    }

    public GenerationConfig withRegistry(ModelRegistry other) {
        return new GenerationConfig(frames, other, cache, queue);
    }
}
