package io.shotplan.generation.model.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * A two-operand {@code Einsum} as one batched matrix product: each operand is transposed to (batch, own, summed)
 * labels and flattened to three dimensions, multiplied, and the result is unflattened and transposed to the output's
 * label order. This covers every equation where a label is either shared (summed or batch) or owned by one operand and
 * kept — MAXIM's dense layers ({@code abcg,gf->abcf}, {@code abgd,gf->abdf}, {@code gb,cgef->bcef}). Repeated labels,
 * ellipses and labels summed within one operand are refused.
 */
record Einsum(String left, String right, String output) {

    static Einsum parse(String equation) {
        String[] sides = equation.replace(" ", "").split("->");
        String[] operands = sides.length == 2 ? sides[0].split(",") : new String[0];
        if (operands.length != 2) {
            throw new IllegalArgumentException("einsum '%s': two operands and an explicit output are supported".formatted(equation));
        }
        Einsum e = new Einsum(operands[0], operands[1], sides[1]);
        for (String labels : List.of(e.left, e.right, e.output)) {
            if (labels.chars().distinct().count() != labels.length() || !labels.chars().allMatch(Character::isLetter)) {
                throw new IllegalArgumentException("einsum '%s': repeated labels or ellipses are not supported".formatted(equation));
            }
        }
        for (char label : (e.left + e.right).toCharArray()) {
            boolean shared = e.left.indexOf(label) >= 0 && e.right.indexOf(label) >= 0;
            if (!shared && e.output.indexOf(label) < 0) {
                throw new IllegalArgumentException("einsum '%s': label %s is summed within one operand".formatted(equation, label));
            }
        }
        return e;
    }

    NDArray apply(NDArray a, NDArray b) {
        String batch = filter(output, c -> left.indexOf(c) >= 0 && right.indexOf(c) >= 0);
        String summed = filter(left, c -> right.indexOf(c) >= 0 && output.indexOf(c) < 0);
        String ownA = filter(left, c -> right.indexOf(c) < 0);
        String ownB = filter(right, c -> left.indexOf(c) < 0);
        long[] dims = new long[128];
        fill(dims, left, a.getShape());
        fill(dims, right, b.getShape());
        try (NDArray a3 = flattened(a, left, batch, ownA, summed, dims);
             NDArray b3 = flattened(b, right, batch, summed, ownB, dims);
             NDArray product = a3.matMul(b3)) {
            String labels = batch + ownA + ownB;
            List<Long> shape = new ArrayList<>();
            for (char c : labels.toCharArray()) {
                shape.add(dims[c]);
            }
            try (NDArray unflattened = product.reshape(new Shape(shape))) {
                int[] perm = output.chars().map(labels::indexOf).toArray();
                return unflattened.transpose(perm);
            }
        }
    }

    /** The operand as (product of group 1, product of group 2, product of group 3), after a transpose to that order. */
    private static NDArray flattened(NDArray x, String labels, String first, String second, String third, long[] dims) {
        String order = first + second + third;
        int[] perm = order.chars().map(labels::indexOf).toArray();
        try (NDArray t = x.transpose(perm)) {
            return t.reshape(product(first, dims), product(second, dims), product(third, dims));
        }
    }

    private static long product(String labels, long[] dims) {
        long p = 1;
        for (char c : labels.toCharArray()) {
            p *= dims[c];
        }
        return p;
    }

    private static void fill(long[] dims, String labels, Shape shape) {
        if (shape.dimension() != labels.length()) {
            throw new IllegalArgumentException("einsum operand %s has rank %d, labels '%s'".formatted(shape, shape.dimension(), labels));
        }
        for (int i = 0; i < labels.length(); i++) {
            dims[labels.charAt(i)] = shape.get(i);
        }
    }

    private static String filter(String labels, java.util.function.IntPredicate keep) {
        StringBuilder out = new StringBuilder();
        labels.chars().filter(keep).forEach(c -> out.append((char) c));
        return out.toString();
    }
}
