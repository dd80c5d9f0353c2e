package io.shotplan.generation.model.graph;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.shotplan.generation.model.ModelLoadException;
import io.shotplan.generation.model.WeightShards;
import io.shotplan.generation.model.WeightShards.StoredTensor;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A TensorFlow.js <em>graph-model</em> ({@code model.json} in format {@code graph-model} plus weight shards) read into
 * plain Java: the nodes the output depends on, in an order where every node follows its inputs, and the constants'
 * values. One float input (a {@code Placeholder}) and one output (the signature's) are supported; an op outside
 * {@link GraphOps#SUPPORTED} is refused at load with the nodes that use it.
 */
public final class TfjsGraph {

    private final Path modelJson;
    private final List<GraphNode> nodes;
    private final Map<String, StoredTensor> constants;
    private final String input;
    private final String output;

    private TfjsGraph(Path modelJson, List<GraphNode> nodes, Map<String, StoredTensor> constants, String input,
                      String output) {
        this.modelJson = modelJson;
        this.nodes = List.copyOf(nodes);
        this.constants = constants;
        this.input = input;
        this.output = output;
    }

    public Path modelJson() {
        return modelJson;
    }

    /** The nodes that lead to the output, each after its inputs. */
    public List<GraphNode> nodes() {
        return nodes;
    }

    /** The value of each {@code Const} node, by node name. */
    public Map<String, StoredTensor> constants() {
        return constants;
    }

    public String input() {
        return input;
    }

    public String output() {
        return output;
    }

    public static TfjsGraph load(Path modelJson) {
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(modelJson)) {
            root = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("model file not found: " + modelJson, e);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("%s is not a readable graph-model JSON file: %s".formatted(modelJson, e.getMessage()), e);
        }
        if (!root.has("format") || !"graph-model".equals(root.get("format").getAsString())) {
            throw new ModelLoadException("%s has format '%s'; a TF.js 'graph-model' is needed".formatted(
                    modelJson, root.has("format") ? root.get("format").getAsString() : "none"));
        }
        try {
            return parse(modelJson, root);
        } catch (ModelLoadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelLoadException("%s is not a valid graph-model: %s".formatted(modelJson, e), e);
        }
    }

    private static TfjsGraph parse(Path modelJson, JsonObject root) {
        Map<String, GraphNode> byName = new LinkedHashMap<>();
        for (JsonElement e : root.getAsJsonObject("modelTopology").getAsJsonArray("node")) {
            GraphNode node = node(e.getAsJsonObject());
            byName.put(node.name(), node);
        }
        String output = tensorNode(signatureTensor(modelJson, root, "outputs"));
        String input = tensorNode(signatureTensor(modelJson, root, "inputs"));
        if (!byName.containsKey(output) || !byName.containsKey(input)) {
            throw new ModelLoadException("%s: the signature names input '%s' and output '%s', not both nodes of the graph"
                    .formatted(modelJson, input, output));
        }
        List<GraphNode> ordered = dependencyOrder(modelJson, byName, output);
        Map<String, Set<String>> unsupported = new HashMap<>();
        for (GraphNode node : ordered) {
            if (node.op().equals("Placeholder") && !node.name().equals(input)) {
                throw new ModelLoadException("%s: a second input '%s' (one is supported)".formatted(modelJson, node.name()));
            }
            if (!GraphOps.SUPPORTED.contains(node.op()) && !node.op().equals("Const") && !node.op().equals("Placeholder")) {
                unsupported.computeIfAbsent(node.op(), k -> new TreeSet<>()).add(node.name());
            }
        }
        if (!unsupported.isEmpty()) {
            throw new ModelLoadException("%s uses ops this loader does not run: %s".formatted(modelJson,
                    unsupported.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue().size() + " nodes, e.g. "
                            + e.getValue().iterator().next() + ")").sorted().toList()));
        }
        Map<String, StoredTensor> weights = WeightShards.read(modelJson, root.getAsJsonArray("weightsManifest"),
                Set.of("float32", "int32"));
        Map<String, StoredTensor> constants = new HashMap<>();
        for (GraphNode node : ordered) {
            if (node.op().equals("Const")) {
                StoredTensor value = weights.get(node.name());
                if (value == null) {
                    throw new ModelLoadException("%s: constant '%s' has no value in the weights manifest".formatted(modelJson, node.name()));
                }
                constants.put(node.name(), value);
            }
        }
        return new TfjsGraph(modelJson, ordered, constants, input, output);
    }

    private static GraphNode node(JsonObject n) {
        List<String> inputs = new ArrayList<>();
        if (n.has("input")) {
            for (JsonElement in : n.getAsJsonArray("input")) {
                String name = in.getAsString();
                if (!name.startsWith("^")) {
                    inputs.add(tensorNode(name));
                }
            }
        }
        return new GraphNode(n.get("name").getAsString(), n.get("op").getAsString(), inputs,
                n.has("attr") ? n.getAsJsonObject("attr") : new JsonObject());
    }

    private static String signatureTensor(Path modelJson, JsonObject root, String side) {
        JsonObject signature = root.getAsJsonObject("signature");
        JsonObject tensors = signature == null ? null : signature.getAsJsonObject(side);
        if (tensors == null || tensors.size() != 1) {
            throw new ModelLoadException("%s: exactly one signature %s is supported (found %s)".formatted(
                    modelJson, side, tensors == null ? "none" : tensors.size()));
        }
        return tensors.entrySet().iterator().next().getValue().getAsJsonObject().get("name").getAsString();
    }

    /** {@code node:0} and {@code node} name output 0 of {@code node}; a node with several outputs is refused. */
    private static String tensorNode(String tensor) {
        int colon = tensor.lastIndexOf(':');
        if (colon < 0) {
            return tensor;
        }
        if (!tensor.substring(colon + 1).equals("0")) {
            throw new ModelLoadException("tensor '%s' is a node's output %s; only single-output ops are supported"
                    .formatted(tensor, tensor.substring(colon + 1)));
        }
        return tensor.substring(0, colon);
    }

    /** Depth-first post-order from the output, without recursion (the graph is tens of thousands of nodes deep). */
    private static List<GraphNode> dependencyOrder(Path modelJson, Map<String, GraphNode> byName, String output) {
        List<GraphNode> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        Deque<String[]> stack = new ArrayDeque<>();
        stack.push(new String[] {output, null});
        while (!stack.isEmpty()) {
            String[] top = stack.pop();
            String name = top[0];
            if (top[1] != null) { // all inputs done
                onPath.remove(name);
                done.add(name);
                ordered.add(byName.get(name));
                continue;
            }
            if (done.contains(name)) {
                continue;
            }
            GraphNode node = byName.get(name);
            if (node == null) {
                throw new ModelLoadException("%s: a node reads '%s', which the graph does not define".formatted(modelJson, name));
            }
            if (!onPath.add(name)) {
                throw new ModelLoadException("%s: the graph has a cycle through '%s'".formatted(modelJson, name));
            }
            stack.push(new String[] {name, "exit"});
            for (String in : node.inputs()) {
                if (!done.contains(in)) {
                    if (onPath.contains(in)) {
                        throw new ModelLoadException("%s: the graph has a cycle through '%s'".formatted(modelJson, in));
                    }
                    stack.push(new String[] {in, null});
                }
            }
        }
        return ordered;
    }
}
