package io.shotplan.generation.queue;

import io.shotplan.generation.GenerationException;
import io.shotplan.generation.image.FloatImage;
import io.shotplan.generation.image.FramePaths;
import io.shotplan.generation.image.ImageCodec;
import io.shotplan.generation.model.ModelPackageCache;
import io.shotplan.generation.model.ModelRegistry;
import io.shotplan.generation.model.ModelSource;
import io.shotplan.generation.model.ModelSpec;
import io.shotplan.generation.upscale.UpscaleModel;
import io.shotplan.generation.upscale.Upscaler;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The built-in frame processor: reads the shot's plate, runs the job's capability model from the registry (loaded
 * once per process, one predictor per worker thread), and writes the result atomically. The device time is the
 * model's own time, not the file I/O.
 */
public final class ModelFrameProcessor implements FrameProcessor {

    private final ModelRegistry registry;
    private final ModelPackageCache cache;
    private final FramePaths paths;
    private final Map<String, UpscaleModel> models = new ConcurrentHashMap<>();
    private final ThreadLocal<Map<String, Upscaler>> upscalers = ThreadLocal.withInitial(HashMap::new);
    private final List<Upscaler> allUpscalers = new CopyOnWriteArrayList<>();

    public ModelFrameProcessor(ModelRegistry registry, ModelPackageCache cache, FramePaths paths) {
        this.registry = registry;
        this.cache = cache;
        this.paths = paths;
    }

    @Override
    public FrameResult process(GenerationJob job, int frame) {
        Upscaler upscaler = upscaler(job.capability());
        UpscaleModel model = model(job.capability());
        FloatImage plate = ImageCodec.read(paths.plate(job.showCode(), job.shotCode(), frame));
        long start = System.nanoTime();
        FloatImage result = upscaler.upscale(plate);
        double seconds = (System.nanoTime() - start) / 1e9;
        try {
            ImageCodec.write(result, paths.output(job.showCode(), job.shotCode(), job.capability(), frame,
                    model.spec().outputExtension()));
        } catch (UncheckedIOException e) {
            throw new GenerationException(e.getMessage(), false, e);
        }
        return new FrameResult(seconds, model.deviceName());
    }

    /** Loads the capability's model (once per process) and warms it up on the calling thread ({@link Upscaler#warmUp()}). */
    @Override
    public void prepare(String capability) {
        upscaler(capability).warmUp();
    }

    /** The calling thread's up-scaler for a capability, the model loaded first if no thread has loaded it yet. */
    public Upscaler upscaler(String capability) {
        return upscalers.get().computeIfAbsent(capability, c -> {
            Upscaler u = model(c).newUpscaler();
            allUpscalers.add(u);
            return u;
        });
    }

    /** Loads (once) the model for a capability; a failed load is not remembered, so a fixed file is picked up. */
    public UpscaleModel model(String capability) {
        return models.computeIfAbsent(capability, c -> UpscaleModel.load(registry.get(c), cache));
    }

    @Override
    public String modelName(String capability) {
        return registry.find(capability).map(ModelFrameProcessor::describe).orElse(capability);
    }

    private static String describe(ModelSpec spec) {
        String source = switch (spec.source()) {
            case ModelSource.NpmPackage npm -> npm.spec() + " " + npm.path();
            case ModelSource.LocalFile file -> file.file().getFileName().toString();
        };
        String name = spec.capability() + " (" + source + ")";
        return name.length() <= 200 ? name : name.substring(0, 200);
    }

    @Override
    public void close() {
        allUpscalers.forEach(Upscaler::close);
        models.values().forEach(UpscaleModel::close);
    }
}
