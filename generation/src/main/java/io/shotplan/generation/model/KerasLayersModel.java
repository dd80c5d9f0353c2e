package io.shotplan.generation.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TensorFlow.js / Keras <em>layers-model</em> ({@code model.json} plus binary weight shards) read into plain Java:
 * the layer graph in topological order and each layer's float32 weights. {@link KerasGraphBlock} turns it into a DJL
 * block. Only channels-last, stride-1 image-to-image graphs are accepted; anything else is refused with a message that
 * names the layer.
 */
public final class KerasLayersModel {

    public static final List<String> SUPPORTED_LAYERS =
            List.of("InputLayer", "Conv2D", "Activation", "ReLU", "LeakyReLU", "Concatenate", "Add", "UpSampling2D",
                    "MultiplyBeta", "PixelShuffle<n>x");

    /** One node of the graph; {@code inputs} name earlier nodes. */
    public sealed interface Layer permits Input, Conv2D, Activation, Concatenate, Add, UpSampling2D, Scale, DepthToSpace {
        String name();

        List<String> inputs();
    }

    public record Input(String name, int channels) implements Layer {
        @Override
        public List<String> inputs() {
            return List.of();
        }
    }

    /**
     * A 2-D convolution, stride 1, "same" (odd kernel, symmetric padding) or "valid" padding.
     *
     * @param kernelOihw weights already transposed from Keras' HWIO to PyTorch's OIHW
     * @param activation applied after the bias: linear, relu, sigmoid, tanh
     */
    public record Conv2D(String name, List<String> inputs, int inChannels, int filters, int kernelHeight, int kernelWidth,
                         boolean samePadding, String activation, float[] kernelOihw, float[] bias) implements Layer {
    }

    /** An element-wise activation: relu, linear, sigmoid, tanh or leaky_relu (with {@code alpha}). */
    public record Activation(String name, List<String> inputs, String function, float alpha) implements Layer {
    }

    /** Concatenation along the channel axis (the only axis accepted for channels-last images). */
    public record Concatenate(String name, List<String> inputs) implements Layer {
    }

    public record Add(String name, List<String> inputs) implements Layer {
    }

    /** Multiplication by a constant: UpscalerJS' {@code MultiplyBeta} (residual scaling in ESRGAN-thick). */
    public record Scale(String name, List<String> inputs, float factor) implements Layer {
    }

    /**
     * TensorFlow's {@code depth_to_space} (channels-last, "DCR" order): UpscalerJS' {@code PixelShuffle<n>x}.
     * Input channel {@code (i·block + j)·C + c} becomes output pixel offset (i, j) of channel c — not PyTorch's
     * {@code pixel_shuffle} order.
     */
    public record DepthToSpace(String name, List<String> inputs, int block) implements Layer {
    }

    /** Nearest-neighbour up-sampling by integer factors. */
    public record UpSampling2D(String name, List<String> inputs, int factorY, int factorX) implements Layer {
    }

    private final Path modelJson;
    private final List<Layer> layers;
    private final String outputName;
    private final int inputChannels;
    private final int outputChannels;
    private final int scale;
    private final int receptiveRadius;
    private final long parameterCount;

    private KerasLayersModel(Path modelJson, List<Layer> layers, String outputName, int inputChannels,
                             int outputChannels, int scale, int receptiveRadius, long parameterCount) {
        this.modelJson = modelJson;
        this.layers = List.copyOf(layers);
        this.outputName = outputName;
        this.inputChannels = inputChannels;
        this.outputChannels = outputChannels;
        this.scale = scale;
        this.receptiveRadius = receptiveRadius;
        this.parameterCount = parameterCount;
    }

    public Path modelJson() {
        return modelJson;
    }

    public List<Layer> layers() {
        return layers;
    }

    public String outputName() {
        return outputName;
    }

    public int inputChannels() {
        return inputChannels;
    }

    public int outputChannels() {
        return outputChannels;
    }

    /** Output size / input size (product of the up-sampling factors; equal in x and y). */
    public int scale() {
        return scale;
    }

    /**
     * How far, in input pixels, an output pixel "sees": the tiler's overlap must be at least this for tiles to
     * reproduce the untiled result.
     */
    public int receptiveRadius() {
        return receptiveRadius;
    }

    public long parameterCount() {
        return parameterCount;
    }

    /** Multiply-adds ×2 for one input pixel (all convolutions; the rest is negligible). */
    public double flopsPerInputPixel() {
        Map<String, Double> area = new HashMap<>();
        double flops = 0;
        for (Layer layer : layers) {
            double a = layer.inputs().isEmpty() ? 1.0 : area.get(layer.inputs().get(0));
            if (layer instanceof UpSampling2D up) {
                a *= up.factorX() * up.factorY();
            }
            if (layer instanceof DepthToSpace d) {
                a *= d.block() * d.block();
            }
            if (layer instanceof Conv2D c) {
                flops += 2.0 * a * c.kernelHeight() * c.kernelWidth() * c.inChannels() * c.filters();
            }
            area.put(layer.name(), a);
        }
        return flops;
    }

    /** Reads {@code model.json} and the weight shards it lists (resolved next to it). */
    public static KerasLayersModel load(Path modelJson) {
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(modelJson)) {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("model file not found: " + modelJson, e);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("%s is not a readable layers-model JSON file: %s".formatted(modelJson, e.getMessage()), e);
        }
        try {
            return parse(modelJson, root);
        } catch (ModelLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelLoadException("%s is not a valid Keras layers-model: %s".formatted(modelJson, e), e);
        }
    }

    private static KerasLayersModel parse(Path modelJson, JsonObject root) {
        if (root.has("format") && !"layers-model".equals(root.get("format").getAsString())) {
            throw new ModelLoadException("%s has format '%s'; only TF.js 'layers-model' is supported"
                    .formatted(modelJson, root.get("format").getAsString()));
        }
        JsonObject topology = root.getAsJsonObject("modelTopology");
        if (topology == null) {
            throw new ModelLoadException(modelJson + " has no modelTopology");
        }
        JsonObject modelConfig = topology.has("model_config") ? topology.getAsJsonObject("model_config") : topology;
        String modelClass = modelConfig.get("class_name").getAsString();
        if (!modelClass.equals("Functional") && !modelClass.equals("Model")) {
            throw new ModelLoadException("%s: model class %s is not supported (Functional only)".formatted(modelJson, modelClass));
        }
        JsonObject config = modelConfig.getAsJsonObject("config");
        Map<String, float[]> weights = readWeights(modelJson, root.getAsJsonArray("weightsManifest"));
        Set<String> usedWeights = new HashSet<>();

        List<Layer> layers = new ArrayList<>();
        Map<String, Integer> channels = new HashMap<>();
        Map<String, Double> radius = new HashMap<>();
        Map<String, Integer> scaleOf = new HashMap<>();
        int inputChannels = -1;
        long parameters = 0;
        for (JsonElement element : config.getAsJsonArray("layers")) {
            JsonObject layer = element.getAsJsonObject();
            String cls = layer.get("class_name").getAsString();
            JsonObject c = layer.getAsJsonObject("config");
            String name = layer.has("name") ? layer.get("name").getAsString() : c.get("name").getAsString();
            List<String> inputs = inboundNames(layer);
            for (String in : inputs) {
                if (!channels.containsKey(in)) {
                    throw new ModelLoadException("%s: layer '%s' reads '%s', which is not defined before it".formatted(modelJson, name, in));
                }
            }
            checkChannelsLast(modelJson, name, cls, c);
            Layer parsed;
            switch (cls) {
                case "InputLayer" -> {
                    JsonArray shape = c.getAsJsonArray("batch_input_shape");
                    if (shape == null || shape.size() != 4 || shape.get(3).isJsonNull()) {
                        throw new UnsupportedLayerException(modelJson, name, cls, "input must be an image of shape [batch, h, w, channels]");
                    }
                    inputChannels = shape.get(3).getAsInt();
                    parsed = new Input(name, inputChannels);
                    channels.put(name, inputChannels);
                    radius.put(name, 0.0);
                    scaleOf.put(name, 1);
                }
                case "Conv2D" -> {
                    int[] kernel = ints(c.getAsJsonArray("kernel_size"));
                    int[] strides = ints(c.getAsJsonArray("strides"));
                    int[] dilation = c.has("dilation_rate") ? ints(c.getAsJsonArray("dilation_rate")) : new int[] {1, 1};
                    String padding = c.get("padding").getAsString();
                    if (strides[0] != 1 || strides[1] != 1) {
                        throw new UnsupportedLayerException(modelJson, name, cls, "strides other than 1 (" + c.get("strides") + ")");
                    }
                    if (dilation[0] != 1 || dilation[1] != 1) {
                        throw new UnsupportedLayerException(modelJson, name, cls, "dilation_rate other than 1");
                    }
                    if (c.has("groups") && c.get("groups").getAsInt() != 1) {
                        throw new UnsupportedLayerException(modelJson, name, cls, "grouped convolution");
                    }
                    boolean same = switch (padding) {
                        case "same" -> {
                            if (kernel[0] % 2 == 0 || kernel[1] % 2 == 0) {
                                throw new UnsupportedLayerException(modelJson, name, cls, "'same' padding with an even kernel");
                            }
                            yield true;
                        }
                        case "valid" -> {
                            if (kernel[0] != 1 || kernel[1] != 1) {
                                throw new UnsupportedLayerException(modelJson, name, cls, "'valid' padding with a kernel larger than 1×1 changes the frame size");
                            }
                            yield false;
                        }
                        default -> throw new UnsupportedLayerException(modelJson, name, cls, "padding '" + padding + "'");
                    };
                    String activation = c.has("activation") ? c.get("activation").getAsString() : "linear";
                    checkActivation(modelJson, name, cls, activation);
                    int in = channels.get(single(modelJson, name, inputs));
                    int filters = c.get("filters").getAsInt();
                    boolean useBias = !c.has("use_bias") || c.get("use_bias").getAsBoolean();
                    float[] hwio = weight(modelJson, weights, usedWeights, name, "kernel", (long) kernel[0] * kernel[1] * in * filters);
                    float[] bias = useBias ? weight(modelJson, weights, usedWeights, name, "bias", filters) : new float[filters];
                    parameters += hwio.length + (useBias ? bias.length : 0);
                    parsed = new Conv2D(name, inputs, in, filters, kernel[0], kernel[1], same, activation,
                            hwioToOihw(hwio, kernel[0], kernel[1], in, filters), bias);
                    channels.put(name, filters);
                    int s = scaleOf.get(inputs.get(0));
                    radius.put(name, radius.get(inputs.get(0)) + (Math.max(kernel[0], kernel[1]) / 2) / (double) s);
                    scaleOf.put(name, s);
                }
                case "Activation", "ReLU", "LeakyReLU" -> {
                    String fn;
                    float alpha = 0;
                    if (cls.equals("Activation")) {
                        fn = c.get("activation").getAsString();
                    } else if (cls.equals("ReLU")) {
                        if (c.has("max_value") && !c.get("max_value").isJsonNull()
                                || c.has("threshold") && c.get("threshold").getAsDouble() != 0
                                || c.has("negative_slope") && c.get("negative_slope").getAsDouble() != 0) {
                            throw new UnsupportedLayerException(modelJson, name, cls, "max_value / threshold / negative_slope");
                        }
                        fn = "relu";
                    } else {
                        fn = "leaky_relu";
                        alpha = c.has("alpha") ? c.get("alpha").getAsFloat() : 0.3f;
                    }
                    checkActivation(modelJson, name, cls, fn);
                    String in = single(modelJson, name, inputs);
                    parsed = new Activation(name, inputs, fn, alpha);
                    inherit(name, in, channels, radius, scaleOf);
                }
                case "Concatenate" -> {
                    int axis = c.has("axis") ? c.get("axis").getAsInt() : -1;
                    if (axis != -1 && axis != 3) {
                        throw new UnsupportedLayerException(modelJson, name, cls, "concatenation along axis " + axis + " (channels only)");
                    }
                    parsed = new Concatenate(name, inputs);
                    channels.put(name, inputs.stream().mapToInt(channels::get).sum());
                    merge(modelJson, name, inputs, radius, scaleOf);
                }
                case "Add" -> {
                    for (String in : inputs) {
                        if (!channels.get(in).equals(channels.get(inputs.get(0)))) {
                            throw new ModelLoadException("%s: Add layer '%s' mixes %d and %d channels".formatted(
                                    modelJson, name, channels.get(inputs.get(0)), channels.get(in)));
                        }
                    }
                    parsed = new Add(name, inputs);
                    channels.put(name, channels.get(inputs.get(0)));
                    merge(modelJson, name, inputs, radius, scaleOf);
                }
                case "UpSampling2D" -> {
                    String interpolation = c.has("interpolation") ? c.get("interpolation").getAsString() : "nearest";
                    if (!interpolation.equals("nearest")) {
                        throw new UnsupportedLayerException(modelJson, name, cls, "interpolation '" + interpolation + "'");
                    }
                    int[] size = ints(c.getAsJsonArray("size"));
                    if (size[0] != size[1]) {
                        throw new UnsupportedLayerException(modelJson, name, cls, "different x and y factors");
                    }
                    String in = single(modelJson, name, inputs);
                    parsed = new UpSampling2D(name, inputs, size[0], size[1]);
                    channels.put(name, channels.get(in));
                    radius.put(name, radius.get(in));
                    scaleOf.put(name, scaleOf.get(in) * size[0]);
                }
                case "MultiplyBeta" -> {
                    String in = single(modelJson, name, inputs);
                    parsed = new Scale(name, inputs, c.has("beta") ? c.get("beta").getAsFloat() : 0.2f);
                    inherit(name, in, channels, radius, scaleOf);
                }
                default -> {
                    if (!cls.matches("PixelShuffle\\d+x")) {
                        throw new UnsupportedLayerException(modelJson, name, cls, "");
                    }
                    String in = single(modelJson, name, inputs);
                    int block = c.has("scale") ? c.get("scale").getAsInt() : Integer.parseInt(cls.replaceAll("\\D", ""));
                    if (channels.get(in) % (block * block) != 0) {
                        throw new ModelLoadException("%s: layer '%s' shuffles %d channels by %d, not a multiple of %d"
                                .formatted(modelJson, name, channels.get(in), block, block * block));
                    }
                    parsed = new DepthToSpace(name, inputs, block);
                    channels.put(name, channels.get(in) / (block * block));
                    radius.put(name, radius.get(in));
                    scaleOf.put(name, scaleOf.get(in) * block);
                }
            }
            layers.add(parsed);
        }
        JsonArray outputLayers = config.getAsJsonArray("output_layers");
        JsonArray inputLayers = config.getAsJsonArray("input_layers");
        if (outputLayers.size() != 1 || inputLayers.size() != 1) {
            throw new ModelLoadException("%s: exactly one input and one output are supported (found %d and %d)"
                    .formatted(modelJson, inputLayers.size(), outputLayers.size()));
        }
        String output = outputLayers.get(0).getAsJsonArray().get(0).getAsString();
        if (!channels.containsKey(output)) {
            throw new ModelLoadException(modelJson + ": output layer '" + output + "' is not defined");
        }
        Set<String> unused = new HashSet<>(weights.keySet());
        unused.removeAll(usedWeights);
        if (!unused.isEmpty()) {
            throw new ModelLoadException("%s: weights %s belong to no supported layer".formatted(modelJson, unused));
        }
        int radiusPixels = (int) Math.ceil(radius.get(output));
        return new KerasLayersModel(modelJson, layers, output, inputChannels, channels.get(output), scaleOf.get(output),
                radiusPixels, parameters);
    }

    private static void checkChannelsLast(Path modelJson, String name, String cls, JsonObject c) {
        if (c.has("data_format") && !"channels_last".equals(c.get("data_format").getAsString())) {
            throw new UnsupportedLayerException(modelJson, name, cls, "data_format " + c.get("data_format"));
        }
    }

    private static void checkActivation(Path modelJson, String name, String cls, String fn) {
        if (!Set.of("linear", "relu", "sigmoid", "tanh", "leaky_relu").contains(fn)) {
            throw new UnsupportedLayerException(modelJson, name, cls, "activation '" + fn + "'");
        }
    }

    private static void inherit(String name, String in, Map<String, Integer> channels, Map<String, Double> radius,
                                Map<String, Integer> scaleOf) {
        channels.put(name, channels.get(in));
        radius.put(name, radius.get(in));
        scaleOf.put(name, scaleOf.get(in));
    }

    private static void merge(Path modelJson, String name, List<String> inputs, Map<String, Double> radius,
                              Map<String, Integer> scaleOf) {
        int s = scaleOf.get(inputs.get(0));
        double r = 0;
        for (String in : inputs) {
            if (scaleOf.get(in) != s) {
                throw new ModelLoadException("%s: layer '%s' merges tensors of different resolutions".formatted(modelJson, name));
            }
            r = Math.max(r, radius.get(in));
        }
        radius.put(name, r);
        scaleOf.put(name, s);
    }

    private static String single(Path modelJson, String name, List<String> inputs) {
        if (inputs.size() != 1) {
            throw new ModelLoadException("%s: layer '%s' must have exactly one input, has %d".formatted(modelJson, name, inputs.size()));
        }
        return inputs.get(0);
    }

    private static List<String> inboundNames(JsonObject layer) {
        List<String> names = new ArrayList<>();
        JsonArray inbound = layer.getAsJsonArray("inbound_nodes");
        if (inbound == null || inbound.isEmpty()) {
            return names;
        }
        for (JsonElement node : inbound.get(0).getAsJsonArray()) {
            names.add(node.getAsJsonArray().get(0).getAsString());
        }
        return names;
    }

    private static int[] ints(JsonArray array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsInt();
        }
        return out;
    }

    private static float[] weight(Path modelJson, Map<String, float[]> weights, Set<String> used, String layer,
                                  String kind, long expected) {
        String key = weights.containsKey(layer + "/" + kind) ? layer + "/" + kind
                : weights.keySet().stream().filter(k -> k.endsWith("/" + layer + "/" + kind)).findFirst().orElse(null);
        if (key == null) {
            throw new ModelLoadException("%s: no weight '%s/%s' in the weights manifest".formatted(modelJson, layer, kind));
        }
        float[] w = weights.get(key);
        if (w.length != expected) {
            throw new ModelLoadException("%s: weight '%s' has %d values, layer needs %d".formatted(modelJson, key, w.length, expected));
        }
        used.add(key);
        return w;
    }

    static float[] hwioToOihw(float[] hwio, int kh, int kw, int in, int out) {
        float[] oihw = new float[hwio.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        oihw[((o * in + i) * kh + y) * kw + x] = hwio[((y * kw + x) * in + i) * out + o];
                    }
                }
            }
        }
        return oihw;
    }

    /** Every weight of the manifest as float32 (a layers-model holds nothing else). */
    private static Map<String, float[]> readWeights(Path modelJson, JsonArray manifest) {
        Map<String, float[]> out = new LinkedHashMap<>();
        WeightShards.read(modelJson, manifest, Set.of("float32")).forEach((name, tensor) -> out.put(name, tensor.floats()));
        return out;
    }
}
