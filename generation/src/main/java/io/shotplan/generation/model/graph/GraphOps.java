package io.shotplan.generation.model.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * TensorFlow ops on DJL NDArrays with TensorFlow's semantics (NHWC images, HWIO filters, broadcasting, int32 shape
 * arithmetic). Each op closes its own temporaries; its result is a new array or one of its inputs.
 */
final class GraphOps {

    /** One op: the node (for its attributes) and its evaluated inputs, in the node's input order. */
    @FunctionalInterface
    interface Op {
        NDArray apply(GraphNode node, List<NDArray> in);
    }

    private static final Map<String, Op> OPS = Map.ofEntries(
            Map.entry("Identity", (n, in) -> in.get(0)),
            Map.entry("AddV2", binary(NDArray::add)),
            Map.entry("Sub", binary(NDArray::sub)),
            Map.entry("Mul", binary(NDArray::mul)),
            Map.entry("RealDiv", binary(NDArray::div)),
            Map.entry("Maximum", binary(NDArray::maximum)),
            Map.entry("Minimum", binary(NDArray::minimum)),
            Map.entry("FloorDiv", binary(GraphOps::floorDiv)),
            Map.entry("FloorMod", binary(GraphOps::floorMod)),
            Map.entry("Greater", binary(NDArray::gt)),
            Map.entry("GreaterEqual", binary(NDArray::gte)),
            Map.entry("Less", binary(NDArray::lt)),
            Map.entry("LessEqual", binary(NDArray::lte)),
            Map.entry("NotEqual", binary(NDArray::neq)),
            Map.entry("LogicalAnd", binary(NDArray::logicalAnd)),
            Map.entry("Square", unary(NDArray::square)),
            Map.entry("Neg", unary(NDArray::neg)),
            Map.entry("Abs", unary(NDArray::abs)),
            Map.entry("Exp", unary(NDArray::exp)),
            Map.entry("Tanh", unary(NDArray::tanh)),
            Map.entry("Floor", unary(NDArray::floor)),
            Map.entry("Sign", unary(NDArray::sign)),
            // PyTorch computes pow(x, -0.5) as rsqrt and pow(x, -1) as reciprocal
            Map.entry("Rsqrt", unary(x -> x.pow(-0.5))),
            Map.entry("Reciprocal", unary(x -> x.pow(-1))),
            Map.entry("Cast", (n, in) -> in.get(0).toType(dataType(n.type("DstT")), true)),
            Map.entry("SelectV2", (n, in) -> NDArrays.where(in.get(0), in.get(1), in.get(2))),
            Map.entry("Sum", GraphOps::sum),
            Map.entry("Reshape", (n, in) -> in.get(0).reshape(new Shape(longs(in.get(1))))),
            Map.entry("Transpose", (n, in) -> in.get(0).transpose(ints(in.get(1)))),
            Map.entry("BroadcastTo", (n, in) -> in.get(0).broadcast(new Shape(longs(in.get(1))))),
            Map.entry("ExpandDims", (n, in) -> in.get(0).expandDims(axis(in.get(0).getShape().dimension() + 1, in.get(1)))),
            Map.entry("Squeeze", GraphOps::squeeze),
            Map.entry("Pack", (n, in) -> NDArrays.stack(new NDList(in.toArray(NDArray[]::new)),
                    (int) normalised(n.integer("axis", 0), in.get(0).getShape().dimension() + 1))),
            Map.entry("ConcatV2", GraphOps::concat),
            Map.entry("Range", GraphOps::range),
            Map.entry("Shape", (n, in) -> owned(in.get(0).getManager().create(
                    Arrays.stream(in.get(0).getShape().getShape()).mapToInt(Math::toIntExact).toArray()))),
            Map.entry("StridedSlice", StridedSlice::apply),
            Map.entry("GatherV2", GraphOps::gather),
            Map.entry("Einsum", (n, in) -> Einsum.parse(n.string("equation")).apply(in.get(0), in.get(1))),
            Map.entry("Conv2D", Convolutions::conv2d),
            Map.entry("Conv2DBackpropInput", Convolutions::conv2dBackpropInput));

    /** The ops this interpreter runs, besides {@code Const} and {@code Placeholder}. */
    static final Set<String> SUPPORTED = OPS.keySet();

    private GraphOps() {
    }

    static Op of(String op) {
        return OPS.get(op);
    }

    private static Op binary(BinaryOperator<NDArray> f) {
        return (n, in) -> f.apply(in.get(0), in.get(1));
    }

    private static Op unary(UnaryOperator<NDArray> f) {
        return (n, in) -> f.apply(in.get(0));
    }

    /** Floor division for integers and floats alike (TensorFlow rounds towards −∞, PyTorch's int division would not). */
    private static NDArray floorDiv(NDArray a, NDArray b) {
        try (NDArray a64 = a.toType(DataType.FLOAT64, true); NDArray b64 = b.toType(DataType.FLOAT64, true);
             NDArray quotient = a64.div(b64); NDArray floor = quotient.floor()) {
            return floor.toType(a.getDataType(), true);
        }
    }

    private static NDArray floorMod(NDArray a, NDArray b) {
        try (NDArray q = floorDiv(a, b); NDArray qb = q.mul(b)) {
            return a.sub(qb);
        }
    }

    private static NDArray sum(GraphNode n, List<NDArray> in) {
        NDArray x = in.get(0);
        int rank = x.getShape().dimension();
        int[] axes = Arrays.stream(longs(in.get(1))).mapToInt(a -> (int) normalised(a, rank)).toArray();
        boolean keep = n.has("keep_dims") && n.attr().getAsJsonObject("keep_dims").has("b")
                && n.attr().getAsJsonObject("keep_dims").get("b").getAsBoolean();
        return axes.length == 0 ? x.duplicate() : x.sum(axes, keep);
    }

    private static NDArray squeeze(GraphNode n, List<NDArray> in) {
        NDArray x = in.get(0);
        long[] dims = n.has("squeeze_dims") ? n.integers("squeeze_dims") : new long[0];
        if (dims.length == 0) {
            return x.squeeze();
        }
        int rank = x.getShape().dimension();
        return x.squeeze(Arrays.stream(dims).mapToInt(d -> (int) normalised(d, rank)).toArray());
    }

    private static NDArray concat(GraphNode n, List<NDArray> in) {
        List<NDArray> values = in.subList(0, in.size() - 1);
        int axis = (int) normalised(longs(in.getLast())[0], values.get(0).getShape().dimension());
        return values.size() == 1 ? values.get(0).duplicate() : NDArrays.concat(new NDList(values.toArray(NDArray[]::new)), axis);
    }

    private static NDArray range(GraphNode n, List<NDArray> in) {
        DataType type = in.get(0).getDataType();
        if (type == DataType.INT32 || type == DataType.INT64) {
            long start = longs(in.get(0))[0];
            long limit = longs(in.get(1))[0];
            long delta = longs(in.get(2))[0];
            long count = Math.max(0, Math.ceilDiv(limit - start, delta));
            int[] values = new int[Math.toIntExact(count)];
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.toIntExact(start + i * delta);
            }
            try (NDArray created = owned(in.get(0).getManager().create(values))) {
                return created.toType(type, true);
            }
        }
        return in.get(0).getManager().arange(in.get(0).getFloat(), in.get(1).getFloat(), in.get(2).getFloat(), type);
    }

    /** {@code GatherV2} with {@code batch_dims} 0: params' axis indexed by every index, in the indices' shape. */
    private static NDArray gather(GraphNode n, List<NDArray> in) {
        if (n.integer("batch_dims", 0) != 0) {
            throw new IllegalArgumentException("GatherV2 with batch_dims " + n.integer("batch_dims", 0));
        }
        NDArray params = in.get(0);
        Shape indicesShape = in.get(1).getShape();
        int rank = params.getShape().dimension();
        int axis = (int) normalised(longs(in.get(2))[0], rank);
        try (NDArray flat = in.get(1).toType(DataType.INT64, true).reshape(-1)) {
            NDIndex index = new NDIndex(":, ".repeat(axis) + "{}", flat);
            try (NDArray gathered = params.get(index)) {
                Shape p = params.getShape();
                Shape out = p.slice(0, axis).addAll(indicesShape).addAll(p.slice(axis + 1));
                return gathered.reshape(out);
            }
        }
    }

    /**
     * A copy of an array made from Java data, in memory PyTorch owns. DJL wraps Java buffers without copying, and
     * views of such an array (a slice, a reshape) outlive it here; once the array is freed, the garbage collector may
     * reuse the buffer under the views.
     */
    static NDArray owned(NDArray created) {
        try (created) {
            return created.duplicate();
        }
    }

    static DataType dataType(String tfType) {
        return switch (tfType) {
            case "DT_FLOAT" -> DataType.FLOAT32;
            case "DT_INT32" -> DataType.INT32;
            case "DT_BOOL" -> DataType.BOOLEAN;
            default -> throw new IllegalArgumentException("dtype " + tfType + " is not supported");
        };
    }

    /** The values of a small integer tensor (a shape, axes, a permutation). */
    static long[] longs(NDArray x) {
        try (NDArray l = x.toType(DataType.INT64, true)) {
            return l.toLongArray();
        }
    }

    static int[] ints(NDArray x) {
        return Arrays.stream(longs(x)).mapToInt(Math::toIntExact).toArray();
    }

    private static int axis(int rank, NDArray axis) {
        return (int) normalised(longs(axis)[0], rank);
    }

    /** A possibly negative axis or index counted from the end, as TensorFlow accepts them. */
    static long normalised(long index, long size) {
        return index < 0 ? index + size : index;
    }
}
