package io.shotplan.generation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link KerasLayersModel} as a DJL block, NCHW: each Conv2D becomes a DJL {@link Conv2d} child block holding the
 * model's weights; activations, concatenation, addition and nearest up-sampling are evaluated in graph order.
 * Tensors hold spare zero-weighted channels where oneDNN would otherwise pad them itself and miscompute (see
 * {@link ChannelLayout}); the block's output is the model's own. A convolution that is the only reader of a nearest
 * up-sampling is computed on the small input instead, as a sub-pixel convolution followed by depth-to-space (see
 * {@link #subPixelKernel}). Call {@link #loadWeights(NDManager)} once instead of a random initialisation.
 */
public final class KerasGraphBlock extends AbstractBlock {

    private final KerasLayersModel model;
    private final Map<String, Conv2d> convolutions = new LinkedHashMap<>();
    /** Per layer: the channel layout of its output. */
    private final Map<String, ChannelLayout> layouts = new HashMap<>();
    /** Per Conv2D: the layout it reads, after zero channels were appended to an input oneDNN would pad. */
    private final Map<String, ChannelLayout> convInputs = new HashMap<>();
    /** Layers that read their inputs compacted: depth-to-space (channel order matters) and adds of unlike layouts. */
    private final Set<String> compactInputs = new HashSet<>();
    /** Per layer index: the earlier outputs that no layer after it reads. */
    private final List<List<String>> deadAfter = new ArrayList<>();
    /** Per Conv2D that is the only reader of a nearest up-sampling: that up-sampling, which is never evaluated. */
    private final Map<String, KerasLayersModel.UpSampling2D> subPixel = new HashMap<>();

    public KerasGraphBlock(KerasLayersModel model) {
        this.model = model;
        findSubPixelConvolutions();
        Map<String, Integer> lastUse = new HashMap<>();
        List<KerasLayersModel.Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            for (String in : inputsOf(layers.get(i))) {
                lastUse.put(in, i);
            }
        }
        for (int i = 0; i < layers.size(); i++) {
            deadAfter.add(new ArrayList<>());
        }
        lastUse.forEach((name, i) -> {
            if (!name.equals(model.outputName())) {
                deadAfter.get(i).add(name);
            }
        });
        for (KerasLayersModel.Layer layer : model.layers()) {
            layouts.put(layer.name(), layoutOf(layer));
            if (layer instanceof KerasLayersModel.Conv2D c) {
                int[] kernel = kernelShape(c);
                int padY = c.samePadding() ? kernel[0] / 2 : 0;
                int padX = c.samePadding() ? kernel[1] / 2 : 0;
                Conv2d conv = Conv2d.builder()
                        .setKernelShape(new Shape(kernel[0], kernel[1]))
                        .setFilters(storedFilters(c))
                        .optPadding(new Shape(padY, padX))
                        .optBias(true)
                        .build();
                convolutions.put(c.name(), addChildBlock(c.name(), conv));
            }
        }
    }

    /**
     * A "same" convolution with an odd kernel that is the only reader of an up-sampling by equal factors: up-sampling
     * there multiplies the convolution's pixels, its work and its input's memory by the factor squared for nothing.
     */
    private void findSubPixelConvolutions() {
        Map<String, KerasLayersModel.Layer> byName = new HashMap<>();
        Map<String, Integer> readers = new HashMap<>();
        for (KerasLayersModel.Layer layer : model.layers()) {
            byName.put(layer.name(), layer);
            layer.inputs().forEach(in -> readers.merge(in, 1, Integer::sum));
        }
        for (KerasLayersModel.Layer layer : model.layers()) {
            if (layer instanceof KerasLayersModel.Conv2D c && c.samePadding() && c.kernelHeight() % 2 == 1
                    && c.kernelWidth() % 2 == 1
                    && byName.get(c.inputs().get(0)) instanceof KerasLayersModel.UpSampling2D up
                    && up.factorX() == up.factorY() && readers.get(up.name()) == 1 && !up.name().equals(model.outputName())) {
                subPixel.put(c.name(), up);
            }
        }
    }

    /** The layers whose outputs a layer reads as it is evaluated here. */
    private List<String> inputsOf(KerasLayersModel.Layer layer) {
        if (layer instanceof KerasLayersModel.Conv2D c && subPixel.containsKey(c.name())) {
            return subPixel.get(c.name()).inputs();
        }
        return isFolded(layer) ? List.of() : layer.inputs();
    }

    /** Whether a layer is an up-sampling that its convolution computes. */
    private boolean isFolded(KerasLayersModel.Layer layer) {
        return layer instanceof KerasLayersModel.UpSampling2D && subPixel.containsValue(layer);
    }

    /** Kernel height and width as built: a sub-pixel kernel reaches ⌈radius / factor⌉ input pixels each way. */
    private int[] kernelShape(KerasLayersModel.Conv2D c) {
        KerasLayersModel.UpSampling2D up = subPixel.get(c.name());
        if (up == null) {
            return new int[] {c.kernelHeight(), c.kernelWidth()};
        }
        int s = up.factorY();
        return new int[] {2 * Math.ceilDiv(c.kernelHeight() / 2, s) + 1, 2 * Math.ceilDiv(c.kernelWidth() / 2, s) + 1};
    }

    /** Filters as built: a sub-pixel convolution has one set per output phase, factor² in all. */
    private int storedFilters(KerasLayersModel.Conv2D c) {
        KerasLayersModel.UpSampling2D up = subPixel.get(c.name());
        return up == null ? layouts.get(c.name()).stored() : up.factorY() * up.factorY() * c.filters();
    }

    private ChannelLayout layoutOf(KerasLayersModel.Layer layer) {
        return switch (layer) {
            case KerasLayersModel.Input in -> ChannelLayout.compact(in.channels());
            case KerasLayersModel.Conv2D c -> {
                ChannelLayout in = layouts.get(inputsOf(c).get(0));
                convInputs.put(c.name(), new ChannelLayout(in.slots(), ChannelLayout.safeCount(in.stored())));
                // depth-to-space leaves a sub-pixel convolution's output compact
                yield subPixel.containsKey(c.name()) ? ChannelLayout.compact(c.filters()) : ChannelLayout.padded(c.filters());
            }
            case KerasLayersModel.Concatenate cat -> ChannelLayout.concat(cat.inputs().stream().map(layouts::get).toList());
            case KerasLayersModel.Add add -> {
                ChannelLayout first = layouts.get(add.inputs().get(0));
                if (add.inputs().stream().allMatch(in -> layouts.get(in).equals(first))) {
                    yield first;
                }
                compactInputs.add(add.name());
                yield ChannelLayout.compact(first.real());
            }
            case KerasLayersModel.DepthToSpace d -> {
                compactInputs.add(d.name());
                yield ChannelLayout.compact(layouts.get(d.inputs().get(0)).real() / (d.block() * d.block()));
            }
            case KerasLayersModel.Activation a -> layouts.get(a.inputs().get(0));
            case KerasLayersModel.UpSampling2D up -> layouts.get(up.inputs().get(0));
            case KerasLayersModel.Scale scale -> layouts.get(scale.inputs().get(0));
        };
    }

    /** Initialises the parameters and copies the model's weights into them, zero for the spare channels. */
    public void loadWeights(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, model.inputChannels(), 8, 8));
        for (KerasLayersModel.Layer layer : model.layers()) {
            if (layer instanceof KerasLayersModel.Conv2D c) {
                Conv2d conv = convolutions.get(c.name());
                int filters = storedFilters(c);
                KerasLayersModel.UpSampling2D up = subPixel.get(c.name());
                ChannelLayout in = convInputs.get(c.name());
                conv.getParameters().get("weight").getArray().set(up == null ? kernel(c, in, filters)
                        : subPixelKernel(c, up.factorY(), in));
                float[] bias = Arrays.copyOf(c.bias(), filters); // spare filters: zero
                if (up != null) {
                    for (int i = c.filters(); i < filters; i++) {
                        bias[i] = c.bias()[i % c.filters()]; // the same biases for every phase
                    }
                }
                conv.getParameters().get("bias").getArray().set(bias);
            }
        }
    }

    /** The OIHW kernel for {@code filters} outputs reading {@code in}: real weights at the real channels' slots. */
    private static float[] kernel(KerasLayersModel.Conv2D c, ChannelLayout in, int filters) {
        int k = c.kernelHeight() * c.kernelWidth();
        float[] real = c.kernelOihw();
        float[] stored = new float[filters * in.stored() * k];
        for (int o = 0; o < c.filters(); o++) {
            for (int i = 0; i < c.inChannels(); i++) {
                System.arraycopy(real, (o * c.inChannels() + i) * k, stored, (o * in.stored() + in.slots()[i]) * k, k);
            }
        }
        return stored;
    }

    /**
     * The OIHW kernel of a convolution over a nearest up-sampling by {@code s}, as one over the up-sampling's input.
     * Output pixel (s·h + i, s·w + j) reads up-sampled pixel (s·h + i + dy, …), which is input pixel
     * (h + ⌊(i + dy) / s⌋, …); so each phase (i, j) is an ordinary convolution of the input whose taps that land on the
     * same input pixel are summed. Its filters come out as channel (i·s + j)·filters + o, the order depth-to-space
     * reads. Zero padding agrees: an up-sampled pixel lies outside the frame exactly when its input pixel does.
     */
    static float[] subPixelKernel(KerasLayersModel.Conv2D c, int s, ChannelLayout in) {
        int ry = c.kernelHeight() / 2;
        int rx = c.kernelWidth() / 2;
        int qy = Math.ceilDiv(ry, s);
        int qx = Math.ceilDiv(rx, s);
        int kh = 2 * qy + 1;
        int kw = 2 * qx + 1;
        float[] real = c.kernelOihw();
        float[] out = new float[s * s * c.filters() * in.stored() * kh * kw];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                for (int o = 0; o < c.filters(); o++) {
                    int filter = (i * s + j) * c.filters() + o;
                    for (int ic = 0; ic < c.inChannels(); ic++) {
                        for (int dy = -ry; dy <= ry; dy++) {
                            for (int dx = -rx; dx <= rx; dx++) {
                                int ky = Math.floorDiv(i + dy, s) + qy;
                                int kx = Math.floorDiv(j + dx, s) + qx;
                                out[((filter * in.stored() + in.slots()[ic]) * kh + ky) * kw + kx] +=
                                        real[((o * c.inChannels() + ic) * c.kernelHeight() + dy + ry) * c.kernelWidth() + dx + rx];
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (KerasLayersModel.Layer layer : model.layers()) {
            if (layer instanceof KerasLayersModel.Conv2D c) {
                convolutions.get(c.name()).initialize(manager, dataType,
                        new Shape(1, convInputs.get(c.name()).stored(), 8, 8));
            }
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        Map<String, NDArray> values = new HashMap<>();
        List<KerasLayersModel.Layer> layers = model.layers();
        NDArray input = channelsLast(inputs.singletonOrThrow());
        for (int index = 0; index < layers.size(); index++) {
            KerasLayersModel.Layer layer = layers.get(index);
            if (isFolded(layer)) {
                continue;
            }
            List<NDArray> temporaries = new ArrayList<>();
            List<NDArray> in = inputsOf(layer).stream().map(name -> {
                NDArray x = values.get(name);
                if (compactInputs.contains(layer.name()) && !layouts.get(name).isCompact()) {
                    x = compacted(x, layouts.get(name));
                    temporaries.add(x);
                }
                return x;
            }).toList();
            NDArray out = switch (layer) {
                case KerasLayersModel.Input ignored -> input;
                case KerasLayersModel.Conv2D c -> {
                    NDArray x = in.get(0);
                    int spare = convInputs.get(c.name()).stored() - layouts.get(inputsOf(c).get(0)).stored();
                    if (spare > 0) {
                        x = withZeroChannels(List.of(x), spare);
                        temporaries.add(x);
                    }
                    NDArray y = convolutions.get(c.name()).forward(parameterStore, new NDList(x), training).singletonOrThrow();
                    KerasLayersModel.UpSampling2D up = subPixel.get(c.name());
                    if (up != null) {
                        temporaries.add(y);
                        y = depthToSpace(y, up.factorY());
                    }
                    yield activate(y, c.activation(), 0f);
                }
                case KerasLayersModel.Activation a -> activate(in.get(0), a.function(), a.alpha());
                case KerasLayersModel.Concatenate cat -> withZeroChannels(in, layouts.get(cat.name()).stored()
                        - cat.inputs().stream().mapToInt(name -> layouts.get(name).stored()).sum());
                case KerasLayersModel.Add add -> {
                    NDArray sum = in.get(0).add(in.get(1));
                    for (int i = 2; i < in.size(); i++) {
                        sum = sum.add(in.get(i));
                    }
                    yield sum;
                }
                case KerasLayersModel.UpSampling2D up -> in.get(0).repeat(2, up.factorY()).repeat(3, up.factorX());
                case KerasLayersModel.Scale scale -> in.get(0).mul(scale.factor());
                case KerasLayersModel.DepthToSpace d -> depthToSpace(in.get(0), d.block());
            };
            temporaries.forEach(NDArray::close);
            values.put(layer.name(), out);
            releaseDead(values, index, out, input);
        }
        NDArray output = values.get(model.outputName());
        return new NDList(compacted(output, layouts.get(model.outputName())));
    }

    /**
     * The same NCHW array stored channels-last (NHWC). oneDNN then reads and writes every activation as it is stored,
     * instead of reordering each convolution's input into its channel-blocked layout and the output back (a copy of
     * each and two temporary arrays per convolution), and the element-wise ops and concatenations between the
     * convolutions keep that order as long as every operand has it.
     */
    private static NDArray channelsLast(NDArray nchw) {
        Shape s = nchw.getShape();
        return nchw.transpose(0, 2, 3, 1).flatten().reshape(s.get(0), s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
    }

    /** The arrays concatenated on the channel axis, followed by {@code spare} zero channels (channels-last too). */
    private static NDArray withZeroChannels(List<NDArray> parts, int spare) {
        NDList list = new NDList(parts.toArray(NDArray[]::new));
        if (spare == 0) {
            return list.size() == 1 ? list.get(0) : NDArrays.concat(list, 1);
        }
        Shape s = parts.get(0).getShape();
        // freed at once, not with the tile: the working set is what bounds the tile size
        try (NDArray zeros = parts.get(0).getManager().zeros(new Shape(s.get(0), s.get(2), s.get(3), spare));
             NDArray channels = zeros.transpose(0, 3, 1, 2)) {
            list.add(channels);
            return NDArrays.concat(list, 1);
        }
    }

    /** Only the real channels, in order. */
    private static NDArray compacted(NDArray x, ChannelLayout layout) {
        if (layout.isCompact()) {
            return x;
        }
        NDList runs = new NDList();
        for (int[] run : layout.runs()) {
            runs.add(x.get(new NDIndex(":, {}:{}", run[0], run[1])));
        }
        return runs.size() == 1 ? runs.get(0) : NDArrays.concat(runs, 1);
    }

    /**
     * Frees activations no later layer reads: peak memory falls from the sum of all activations to a few of them,
     * and the allocator reuses the freed blocks instead of mapping fresh pages.
     */
    private void releaseDead(Map<String, NDArray> values, int index, NDArray justMade, NDArray input) {
        for (String name : deadAfter.get(index)) {
            NDArray array = values.remove(name);
            if (array != null && array != justMade && array != input && !values.containsValue(array)) {
                array.close();
            }
        }
    }

    /** TF depth_to_space (DCR) on NCHW: channel (i·b + j)·C + c → pixel (h·b + i, w·b + j) of channel c. */
    static NDArray depthToSpace(NDArray x, int b) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1) / ((long) b * b);
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(n, b, b, c, h, w).transpose(0, 3, 4, 1, 5, 2).reshape(n, c, h * b, w * b);
    }

    private static NDArray activate(NDArray x, String function, float alpha) {
        return switch (function) {
            case "linear" -> x;
            case "relu" -> Activation.relu(x);
            case "sigmoid" -> Activation.sigmoid(x);
            case "tanh" -> Activation.tanh(x);
            case "leaky_relu" -> Activation.leakyRelu(x, alpha);
            default -> throw new IllegalStateException("activation " + function + " passed validation");
        };
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        int s = model.scale();
        return new Shape[] {new Shape(in.get(0), model.outputChannels(), in.get(2) * s, in.get(3) * s)};
    }
}
