package io.shotplan.generation.model.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * TensorFlow's {@code StridedSlice} with begin, end and shrink-axis masks and positive strides (what jax2tf emits for
 * shape arithmetic and crops). Ellipsis and new-axis masks and negative strides are refused.
 */
final class StridedSlice {

    private StridedSlice() {
    }

    static NDArray apply(GraphNode n, List<NDArray> in) {
        if (n.integer("ellipsis_mask", 0) != 0 || n.integer("new_axis_mask", 0) != 0) {
            throw new IllegalArgumentException("StridedSlice with an ellipsis or new-axis mask");
        }
        NDArray x = in.get(0);
        long[] begin = GraphOps.longs(in.get(1));
        long[] end = GraphOps.longs(in.get(2));
        long[] strides = GraphOps.longs(in.get(3));
        long beginMask = n.integer("begin_mask", 0);
        long endMask = n.integer("end_mask", 0);
        long shrinkMask = n.integer("shrink_axis_mask", 0);
        Shape shape = x.getShape();
        NDIndex index = new NDIndex();
        for (int axis = 0; axis < shape.dimension(); axis++) {
            long size = shape.get(axis);
            if (axis >= begin.length) {
                index.addAllDim();
                continue;
            }
            if (strides[axis] <= 0) {
                throw new IllegalArgumentException("StridedSlice with stride " + strides[axis]);
            }
            if ((shrinkMask >> axis & 1) == 1) {
                long at = GraphOps.normalised(begin[axis], size);
                if (at < 0 || at >= size) {
                    throw new IllegalArgumentException("StridedSlice index %d out of range for size %d".formatted(begin[axis], size));
                }
                index.addIndices(at);
                continue;
            }
            long from = (beginMask >> axis & 1) == 1 ? 0 : clamp(GraphOps.normalised(begin[axis], size), size);
            long to = (endMask >> axis & 1) == 1 ? size : clamp(GraphOps.normalised(end[axis], size), size);
            index.addSliceDim(from, Math.max(from, to), strides[axis]);
        }
        return x.get(index);
    }

    private static long clamp(long i, long size) {
        return Math.max(0, Math.min(size, i));
    }
}
