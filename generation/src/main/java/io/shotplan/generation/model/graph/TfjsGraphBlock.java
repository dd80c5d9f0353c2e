package io.shotplan.generation.model.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A same-size image-to-image {@link TfjsGraph} (NHWC, RGB) as a DJL block with the upscaler's contract: NCHW RGB in
 * 0–255 in, the same out. The frame is divided by {@code 255 / valueRange} for a model trained on 0–{@code valueRange},
 * padded with zeros at the bottom and right to a multiple of {@code divisibleBy} when the model needs that, and the
 * result is cropped back. Call {@link #loadWeights(NDManager)} once before use.
 */
public final class TfjsGraphBlock extends AbstractBlock {

    private final TfjsGraph graph;
    private final float valueRange;
    private final int divisibleBy;
    private GraphInterpreter interpreter;

    public TfjsGraphBlock(TfjsGraph graph, float valueRange, int divisibleBy) {
        this.graph = graph;
        this.valueRange = valueRange;
        this.divisibleBy = divisibleBy;
    }

    /** Creates the graph's constants in {@code manager} (the model's). */
    public void loadWeights(NDManager manager) {
        interpreter = new GraphInterpreter(graph, manager);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray frame = inputs.singletonOrThrow();
        NDManager caller = frame.getManager();
        Shape s = frame.getShape();
        long h = s.get(2);
        long w = s.get(3);
        long padH = Math.ceilDiv(h, divisibleBy) * divisibleBy - h;
        long padW = Math.ceilDiv(w, divisibleBy) * divisibleBy - w;
        try (NDManager scope = caller.newSubManager()) {
            frame.tempAttach(scope); // what is computed from it belongs to the scope
            NDArray scaled = frame.toType(DataType.FLOAT32, false).div(255f / valueRange);
            NDArray padded = padH + padW == 0 ? scaled : scaled.pad(new Shape(0, padW, 0, padH), 0);
            NDArray nhwc = padded.transpose(0, 2, 3, 1);
            NDArray result = interpreter.run(nhwc, scope);
            NDArray out = result.transpose(0, 3, 1, 2).mul(255f / valueRange).get(new NDIndex(":, :, :{}, :{}", h, w));
            out.attach(caller);
            return new NDList(out);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
