package io.shotplan.generation.model.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.shotplan.generation.model.WeightShards.StoredTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Evaluates a {@link TfjsGraph} node by node on DJL NDArrays, integer shape arithmetic included (the graph works out
 * its tensors' sizes from the input's at run time).
 *
 * <p>Nodes that depend only on constants and the input's shape (about half of MAXIM's: its size arithmetic and the
 * index tables of its resizes) are evaluated once per input shape and kept; the rest runs per frame, and each of its
 * values is freed as soon as no later node reads it, so peak memory is a few activations, not the graph's tens of
 * thousands. Thread-safe: a run only reads the constants and the kept values. Everything lives in the model's manager.
 */
public final class GraphInterpreter {

    private final TfjsGraph graph;
    private final NDManager manager;
    private final Map<String, NDArray> constants = new HashMap<>();
    private final List<GraphOps.Op> ops = new ArrayList<>();
    /** Per node index: whether its value depends only on constants and the input's shape. */
    private final boolean[] shapeOnly;
    /** Per node index: the per-frame values no node after it reads. */
    private final List<List<String>> deadAfter = new ArrayList<>();
    /** Per input shape: the shape-only values that per-frame nodes read. */
    private final Map<Shape, Map<String, NDArray>> folded = new ConcurrentHashMap<>();

    public GraphInterpreter(TfjsGraph graph, NDManager manager) {
        this.graph = graph;
        this.manager = manager;
        graph.constants().forEach((name, stored) -> constants.put(name, constant(manager, stored)));
        List<GraphNode> nodes = graph.nodes();
        shapeOnly = new boolean[nodes.size()];
        Map<String, Boolean> shapeOnlyByName = new HashMap<>();
        Map<String, Integer> lastUse = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            GraphNode node = nodes.get(i);
            ops.add(GraphOps.of(node.op()));
            deadAfter.add(new ArrayList<>());
            shapeOnly[i] = switch (node.op()) {
                case "Const" -> true;
                case "Placeholder" -> false;
                case "Shape" -> node.inputs().getFirst().equals(graph.input()) || shapeOnlyByName.get(node.inputs().getFirst());
                default -> node.inputs().stream().allMatch(shapeOnlyByName::get);
            };
            shapeOnlyByName.put(node.name(), shapeOnly[i]);
            if (!shapeOnly[i]) {
                for (String in : node.inputs()) {
                    lastUse.put(in, i);
                }
            }
        }
        lastUse.forEach((name, i) -> {
            if (!name.equals(graph.output()) && !shapeOnlyByName.get(name)) {
                deadAfter.get(i).add(name);
            }
        });
    }

    private static NDArray constant(NDManager manager, StoredTensor stored) {
        Shape shape = new Shape(stored.shape());
        return GraphOps.owned(stored.dtype().equals("int32") ? manager.create(stored.ints(), shape) : manager.create(stored.floats(), shape));
    }

    /** The graph's output for {@code input} (NHWC float32), attached to {@code scope}. */
    public NDArray run(NDArray input, NDManager scope) {
        Map<String, NDArray> kept = folded.computeIfAbsent(input.getShape(), this::fold);
        Set<NDArray> shared = Collections.newSetFromMap(new IdentityHashMap<>());
        shared.addAll(kept.values());
        shared.add(input);
        Map<String, NDArray> values = new HashMap<>();
        Map<NDArray, Integer> holders = new IdentityHashMap<>();
        List<GraphNode> nodes = graph.nodes();
        try {
            for (int index = 0; index < nodes.size(); index++) {
                if (shapeOnly[index]) {
                    continue;
                }
                GraphNode node = nodes.get(index);
                NDArray out = node.op().equals("Placeholder") ? input : evaluate(node, ops.get(index), name -> {
                    NDArray v = values.get(name);
                    return v != null ? v : kept.get(name);
                }, scope);
                values.put(node.name(), out);
                holders.merge(out, 1, Integer::sum);
                for (String dead : deadAfter.get(index)) {
                    release(values.remove(dead), holders, shared);
                }
            }
            NDArray output = values.remove(graph.output());
            values.values().forEach(v -> release(v, holders, shared));
            return output;
        } catch (RuntimeException e) {
            values.values().forEach(v -> release(v, holders, shared));
            throw e;
        }
    }

    /** Evaluates the shape-only nodes for one input shape and keeps those that per-frame nodes read. */
    private Map<String, NDArray> fold(Shape inputShape) {
        NDManager keep = manager.newSubManager();
        Map<String, NDArray> values = new HashMap<>();
        List<GraphNode> nodes = graph.nodes();
        for (int index = 0; index < nodes.size(); index++) {
            GraphNode node = nodes.get(index);
            if (!shapeOnly[index]) {
                continue;
            }
            NDArray out;
            if (node.op().equals("Const")) {
                out = constants.get(node.name());
            } else if (node.op().equals("Shape") && node.inputs().getFirst().equals(graph.input())) {
                out = GraphOps.owned(keep.create(Arrays.stream(inputShape.getShape()).mapToInt(Math::toIntExact).toArray()));
            } else {
                out = evaluate(node, ops.get(index), values::get, keep);
            }
            values.put(node.name(), out);
        }
        Map<String, NDArray> read = new HashMap<>();
        for (int index = 0; index < nodes.size(); index++) {
            if (!shapeOnly[index]) {
                for (String in : nodes.get(index).inputs()) {
                    if (values.containsKey(in)) {
                        read.put(in, values.get(in));
                    }
                }
            }
        }
        Set<NDArray> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        needed.addAll(read.values());
        needed.addAll(constants.values());
        Set<NDArray> unneeded = Collections.newSetFromMap(new IdentityHashMap<>());
        values.values().stream().filter(v -> !needed.contains(v)).forEach(unneeded::add);
        unneeded.forEach(NDArray::close);
        return Map.copyOf(read);
    }

    private static NDArray evaluate(GraphNode node, GraphOps.Op op, Function<String, NDArray> value,
                                    NDManager scope) {
        List<NDArray> in = node.inputs().stream().map(value).toList();
        NDArray result;
        try {
            result = op.apply(node, in);
        } catch (RuntimeException e) {
            throw new IllegalStateException("graph node %s (%s) failed on inputs %s: %s".formatted(node.name(), node.op(),
                    in.stream().map(a -> a.getDataType() + a.getShape().toString()).toList(), e.getMessage()), e);
        }
        if (in.stream().noneMatch(a -> a == result)) {
            result.attach(scope);
        }
        return result;
    }

    /** Closes a per-frame value once no node name holds it any more, unless it is shared (input, constant, kept). */
    private static void release(NDArray value, Map<NDArray, Integer> holders, Set<NDArray> shared) {
        if (value == null) {
            return;
        }
        int left = holders.merge(value, -1, Integer::sum);
        if (left == 0) {
            holders.remove(value);
            if (!shared.contains(value)) {
                value.close();
            }
        }
    }
}
