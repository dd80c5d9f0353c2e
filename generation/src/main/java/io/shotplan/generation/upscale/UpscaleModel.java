package io.shotplan.generation.upscale;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import io.shotplan.generation.model.KerasGraphBlock;
import io.shotplan.generation.model.KerasLayersModel;
import io.shotplan.generation.model.ModelLoadException;
import io.shotplan.generation.model.ModelPackageCache;
import io.shotplan.generation.model.ModelSource;
import io.shotplan.generation.model.ModelSpec;
import io.shotplan.generation.model.graph.TfjsGraph;
import io.shotplan.generation.model.graph.TfjsGraphBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A registered image-to-image model loaded into DJL: a Keras layers-model rebuilt as a block on the PyTorch engine, a
 * TorchScript file on PyTorch, or an ONNX file on OnnxRuntime. It runs on the first CUDA device when the engine reports
 * one, else on the CPU. Thread-safe; each thread gets its own {@link Upscaler}.
 */
public final class UpscaleModel implements AutoCloseable {

    private final ModelSpec spec;
    private final KerasLayersModel graph;
    private final Model model;
    private final Device device;
    private final int scale;
    private final int overlap;

    private UpscaleModel(ModelSpec spec, KerasLayersModel graph, Model model, Device device, int scale, int overlap) {
        this.spec = spec;
        this.graph = graph;
        this.model = model;
        this.device = device;
        this.scale = scale;
        this.overlap = overlap;
    }

    /** Resolves the spec's files (fetching an npm package into the cache if needed) and loads them. */
    public static UpscaleModel load(ModelSpec spec, ModelPackageCache cache) {
        Path file = switch (spec.source()) {
            case ModelSource.NpmPackage npm -> cache.resolve(npm).resolve(npm.path());
            case ModelSource.LocalFile local -> local.file();
        };
        return load(spec, file);
    }

    public static UpscaleModel load(ModelSpec spec, Path file) {
        // DJL must never reach the network (telemetry, native downloads): offline unless explicitly configured
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        return switch (spec.format()) {
            case ModelSpec.KERAS_LAYERS -> loadKeras(spec, file);
            case ModelSpec.TFJS_GRAPH -> loadGraph(spec, file);
            default -> loadSaved(spec, file);
        };
    }

    private static UpscaleModel loadKeras(ModelSpec spec, Path modelJson) {
        KerasLayersModel graph = KerasLayersModel.load(modelJson);
        if (graph.inputChannels() != 3 || graph.outputChannels() != 3) {
            throw new ModelLoadException("%s: an up-res model must map RGB to RGB, this one maps %d to %d channels"
                    .formatted(modelJson, graph.inputChannels(), graph.outputChannels()));
        }
        if (spec.scale() != 0 && spec.scale() != graph.scale()) {
            throw new ModelLoadException("%s: the registry says scale %d for %s, the graph scales by %d"
                    .formatted(modelJson, spec.scale(), spec.capability(), graph.scale()));
        }
        Device device = device(spec.engine());
        Model model = Model.newInstance(spec.capability(), device, spec.engine());
        try {
            KerasGraphBlock block = new KerasGraphBlock(graph);
            model.setBlock(block);
            block.loadWeights(model.getNDManager());
        } catch (RuntimeException e) {
            model.close();
            throw new ModelLoadException("cannot build %s on DJL/%s: %s".formatted(modelJson, spec.engine(), e.getMessage()), e);
        }
        // the graph's receptive radius is exact: a core with that much context is computed as in the whole frame, so
        // a larger registered overlap would only add work (a 1920×1080 plate at tiles of 320: 11 pixels +1.4 %)
        return new UpscaleModel(spec, graph, model, device, graph.scale(), graph.receptiveRadius());
    }

    /**
     * A TF.js graph-model, interpreted op by op on the PyTorch engine. Its graph does not say how far an output pixel
     * sees, so the registry's overlap is used as it is.
     */
    private static UpscaleModel loadGraph(ModelSpec spec, Path modelJson) {
        if (spec.scale() != 1) {
            throw new ModelLoadException("%s: graph-models are run as same-size clean-up models, the registry says scale %d for %s"
                    .formatted(modelJson, spec.scale(), spec.capability()));
        }
        TfjsGraph graph = TfjsGraph.load(modelJson);
        Device device = device(spec.engine());
        Model model = Model.newInstance(spec.capability(), device, spec.engine());
        try {
            TfjsGraphBlock block = new TfjsGraphBlock(graph, spec.valueRange(), spec.divisibleBy());
            model.setBlock(block);
            block.loadWeights(model.getNDManager());
        } catch (RuntimeException e) {
            model.close();
            throw new ModelLoadException("cannot build %s on DJL/%s: %s".formatted(modelJson, spec.engine(), e.getMessage()), e);
        }
        return new UpscaleModel(spec, null, model, device, 1, spec.tileOverlap());
    }

    /** A TorchScript or ONNX file: the engine loads it as it is; scale and overlap come from the registry entry. */
    private static UpscaleModel loadSaved(ModelSpec spec, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("model file not found: " + file);
        }
        Device device = device(spec.engine());
        Model model = Model.newInstance(spec.capability(), device, spec.engine());
        try {
            // the file's full name as the prefix: DJL then takes it whatever its extension
            model.load(file.toAbsolutePath().getParent(), file.getFileName().toString());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException("cannot load %s model %s on DJL/%s: %s".formatted(
                    spec.format(), file, spec.engine(), e.getMessage()), e);
        }
        return new UpscaleModel(spec, null, model, device, spec.scale(), spec.tileOverlap());
    }

    private static Device device(String engineName) {
        return Engine.getEngine(engineName).getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The layer graph of a Keras model; empty for TorchScript and ONNX, whose graphs DJL does not show. */
    public Optional<KerasLayersModel> graph() {
        return Optional.ofNullable(graph);
    }

    public int scale() {
        return scale;
    }

    /** The overlap actually used: for Keras the model's receptive radius, for the others the registry's. */
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
