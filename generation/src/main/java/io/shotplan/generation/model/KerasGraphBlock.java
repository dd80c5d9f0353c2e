package io.shotplan.generation.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link KerasLayersModel} as a DJL block, NCHW: each Conv2D becomes a DJL {@link Conv2d} child block holding the
 * model's weights; activations, concatenation, addition and nearest up-sampling are evaluated in graph order.
 * Call {@link #loadWeights(NDManager)} once instead of a random initialisation.
 */
public final class KerasGraphBlock extends AbstractBlock {

    private final KerasLayersModel model;
    private final Map<String, Conv2d> convolutions = new LinkedHashMap<>();
    /** Per layer index: the earlier outputs that no layer after it reads. */
    private final List<List<String>> deadAfter = new ArrayList<>();

    public KerasGraphBlock(KerasLayersModel model) {
        this.model = model;
        Map<String, Integer> lastUse = new HashMap<>();
        List<KerasLayersModel.Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            for (String in : layers.get(i).inputs()) {
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
            if (layer instanceof KerasLayersModel.Conv2D c) {
                int padY = c.samePadding() ? c.kernelHeight() / 2 : 0;
                int padX = c.samePadding() ? c.kernelWidth() / 2 : 0;
                Conv2d conv = Conv2d.builder()
                        .setKernelShape(new Shape(c.kernelHeight(), c.kernelWidth()))
                        .setFilters(c.filters())
                        .optPadding(new Shape(padY, padX))
                        .optBias(true)
                        .build();
                convolutions.put(c.name(), addChildBlock(c.name(), conv));
            }
        }
    }

    /** Initialises the parameters and copies the model's weights into them. */
    public void loadWeights(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, model.inputChannels(), 8, 8));
        for (KerasLayersModel.Layer layer : model.layers()) {
            if (layer instanceof KerasLayersModel.Conv2D c) {
                Conv2d conv = convolutions.get(c.name());
                conv.getParameters().get("weight").getArray().set(c.kernelOihw());
                conv.getParameters().get("bias").getArray().set(c.bias());
            }
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (KerasLayersModel.Layer layer : model.layers()) {
            if (layer instanceof KerasLayersModel.Conv2D c) {
                convolutions.get(c.name()).initialize(manager, dataType, new Shape(1, c.inChannels(), 8, 8));
            }
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        Map<String, NDArray> values = new HashMap<>();
        List<KerasLayersModel.Layer> layers = model.layers();
        for (int index = 0; index < layers.size(); index++) {
            KerasLayersModel.Layer layer = layers.get(index);
            NDArray out = switch (layer) {
                case KerasLayersModel.Input in -> inputs.singletonOrThrow();
                case KerasLayersModel.Conv2D c -> activate(
                        convolutions.get(c.name()).forward(parameterStore, new NDList(values.get(c.inputs().get(0))), training)
                                .singletonOrThrow(), c.activation(), 0f);
                case KerasLayersModel.Activation a -> activate(values.get(a.inputs().get(0)), a.function(), a.alpha());
                case KerasLayersModel.Concatenate cat -> NDArrays.concat(
                        new NDList(cat.inputs().stream().map(values::get).toArray(NDArray[]::new)), 1);
                case KerasLayersModel.Add add -> {
                    List<String> names = add.inputs();
                    NDArray sum = values.get(names.get(0)).add(values.get(names.get(1)));
                    for (int i = 2; i < names.size(); i++) {
                        sum = sum.add(values.get(names.get(i)));
                    }
                    yield sum;
                }
                case KerasLayersModel.UpSampling2D up -> values.get(up.inputs().get(0))
                        .repeat(2, up.factorY()).repeat(3, up.factorX());
                case KerasLayersModel.Scale scale -> values.get(scale.inputs().get(0)).mul(scale.factor());
                case KerasLayersModel.DepthToSpace d -> depthToSpace(values.get(d.inputs().get(0)), d.block());
            };
            values.put(layer.name(), out);
            releaseDead(values, index, out, inputs.singletonOrThrow());
        }
        return new NDList(values.get(model.outputName()));
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
