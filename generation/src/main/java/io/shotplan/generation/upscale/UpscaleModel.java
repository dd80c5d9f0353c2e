package io.shotplan.generation.upscale;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import io.shotplan.generation.model.KerasGraphBlock;
import io.shotplan.generation.model.KerasLayersModel;
import io.shotplan.generation.model.ModelLoadException;
import io.shotplan.generation.model.ModelPackageCache;
import io.shotplan.generation.model.ModelSource;
import io.shotplan.generation.model.ModelSpec;
import java.nio.file.Path;

/**
 * A registered up-res model loaded into DJL on the PyTorch engine, on the first CUDA device when the host has one and
 * the CUDA natives are present, else on the CPU. Thread-safe; each thread gets its own {@link Upscaler}.
 */
public final class UpscaleModel implements AutoCloseable {

    private static final String ENGINE = "PyTorch";

    private final ModelSpec spec;
    private final KerasLayersModel graph;
    private final Model model;
    private final Device device;
    private final int overlap;

    private UpscaleModel(ModelSpec spec, KerasLayersModel graph, Model model, Device device) {
        this.spec = spec;
        this.graph = graph;
        this.model = model;
        this.device = device;
        this.overlap = Math.max(spec.tileOverlap(), graph.receptiveRadius());
    }

    /** Resolves the spec's files (fetching an npm package into the cache if needed) and loads them. */
    public static UpscaleModel load(ModelSpec spec, ModelPackageCache cache) {
        Path modelJson = switch (spec.source()) {
            case ModelSource.NpmPackage npm -> cache.resolve(npm).resolve(npm.path());
            case ModelSource.LocalFile file -> file.modelJson();
        };
        return load(spec, modelJson);
    }

    public static UpscaleModel load(ModelSpec spec, Path modelJson) {
        KerasLayersModel graph = KerasLayersModel.load(modelJson);
        if (graph.inputChannels() != 3 || graph.outputChannels() != 3) {
            throw new ModelLoadException("%s: an up-res model must map RGB to RGB, this one maps %d to %d channels"
                    .formatted(modelJson, graph.inputChannels(), graph.outputChannels()));
        }
        // DJL must never reach the network (telemetry, native downloads): offline unless explicitly configured
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        Engine engine = Engine.getEngine(ENGINE);
        Device device = engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        Model model = Model.newInstance(spec.capability(), device, ENGINE);
        try {
            KerasGraphBlock block = new KerasGraphBlock(graph);
            model.setBlock(block);
            block.loadWeights(model.getNDManager());
        } catch (RuntimeException e) {
            model.close();
            throw new ModelLoadException("cannot build %s on DJL/%s: %s".formatted(modelJson, ENGINE, e.getMessage()), e);
        }
        return new UpscaleModel(spec, graph, model, device);
    }

    public ModelSpec spec() {
        return spec;
    }

    public KerasLayersModel graph() {
        return graph;
    }

    public int scale() {
        return graph.scale();
    }

    /** The overlap actually used: the configured one, raised to the model's receptive radius. */
    public int overlap() {
        return overlap;
    }

    /** The device the model runs on, as recorded on jobs and ledger rows, e.g. {@code cpu} or {@code cuda:0}. */
    public String deviceName() {
        return device.isGpu() ? "cuda:" + device.getDeviceId() : "cpu";
    }

    public boolean onGpu() {
        return device.isGpu();
    }

    Model djlModel() {
        return model;
    }

    /** A new up-scaler for the calling thread (it holds a DJL predictor, which is not thread-safe). */
    public Upscaler newUpscaler() {
        return new Upscaler(this);
    }

    @Override
    public void close() {
        model.close();
    }
}
