package io.shotplan.generation.model.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The interpreter's ops with TensorFlow semantics that PyTorch does not share, checked against plain Java loops. */
class GraphOpsTest {

    private final NDManager manager = NDManager.newBaseManager("PyTorch");
    private final Random random = new Random(7);

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void einsumOfEachMaximEquationIsTheSumOverTheSharedLabel() {
        // abcg,gf->abcf: a dense layer on the channels
        float[] x = floats(2 * 3 * 4 * 5);
        float[] w = floats(5 * 6);
        float[] dense = apply("abcg,gf->abcf", x, new Shape(2, 3, 4, 5), w, new Shape(5, 6));
        assertThat(dense[((1 * 3 + 2) * 4 + 3) * 6 + 4]).isCloseTo(dot(5, g -> x[((1 * 3 + 2) * 4 + 3) * 5 + g] * w[g * 6 + 4]), within());
        // gb,cgef->bcef: a dense layer on the second axis of the second operand, moved first
        float[] k = floats(3 * 7);
        float[] t = floats(2 * 3 * 4 * 5);
        float[] mixed = apply("gb,cgef->bcef", k, new Shape(3, 7), t, new Shape(2, 3, 4, 5));
        // out[b=6, c=1, e=2, f=3]
        assertThat(mixed[((6 * 2 + 1) * 4 + 2) * 5 + 3]).isCloseTo(dot(3, g -> k[g * 7 + 6] * t[((1 * 3 + g) * 4 + 2) * 5 + 3]), within());
    }

    @Test
    void einsumMovesTheSummedAxis() {
        float[] x = floats(2 * 3 * 4 * 5);
        float[] w = floats(4 * 6);
        float[] out = apply("abgd,gf->abdf", x, new Shape(2, 3, 4, 5), w, new Shape(4, 6));
        // out[a=1, b=2, d=3, f=5]
        assertThat(out[((1 * 3 + 2) * 5 + 3) * 6 + 5]).isCloseTo(dot(4, g -> x[((1 * 3 + 2) * 4 + g) * 5 + 3] * w[g * 6 + 5]), within());
    }

    @Test
    void anEinsumSummingWithinOneOperandIsRefused() {
        assertThatThrownBy(() -> Einsum.parse("ab,bc->c")).hasMessageContaining("summed within one operand");
        assertThatThrownBy(() -> Einsum.parse("aab,bc->ac")).hasMessageContaining("repeated labels");
    }

    @Test
    void aTransposedConvolutionSpreadsEachPixelOverItsBlock() {
        // TF: filter (kh, kw, out, in); each input pixel (h, w) adds filter[i, j, o, c]·x[c] at (2h + i, 2w + j)
        float[] x = floats(1 * 3 * 2 * 4);
        float[] filter = floats(2 * 2 * 5 * 4);
        NDArray out = Convolutions.conv2dBackpropInput(node("Conv2DBackpropInput",
                        "{\"strides\": {\"list\": {\"i\": [\"1\", \"2\", \"2\", \"1\"]}}, \"padding\": {\"s\": \"VkFMSUQ=\"}}"),
                List.of(manager.create(new int[] {1, 6, 4, 5}), manager.create(filter, new Shape(2, 2, 5, 4)),
                        manager.create(x, new Shape(1, 3, 2, 4))));
        assertThat(out.getShape()).isEqualTo(new Shape(1, 6, 4, 5));
        float[] y = out.toFloatArray();
        for (int h = 0; h < 6; h++) {
            for (int w = 0; w < 4; w++) {
                for (int o = 0; o < 5; o++) {
                    int fh = h % 2;
                    int fw = w % 2;
                    int at = (h / 2 * 2 + w / 2) * 4;
                    int fo = o;
                    float expected = dot(4, c -> filter[((fh * 2 + fw) * 5 + fo) * 4 + c] * x[at + c]);
                    assertThat(y[(h * 4 + w) * 5 + o]).isCloseTo(expected, within());
                }
            }
        }
    }

    @Test
    void aSameConvolutionWithStrideTwoPadsLikeTensorFlow() {
        // 5×5 input, 4×4 kernel, stride 2: output 3×3, padding total 4 - 5 + (3 - 1)·2 = 3: one before, two after
        float[] x = floats(5 * 5);
        float[] k = floats(4 * 4);
        NDArray out = Convolutions.conv2d(node("Conv2D",
                        "{\"strides\": {\"list\": {\"i\": [\"1\", \"2\", \"2\", \"1\"]}}, \"padding\": {\"s\": \"U0FNRQ==\"}}"),
                List.of(manager.create(x, new Shape(1, 5, 5, 1)), manager.create(k, new Shape(4, 4, 1, 1))));
        assertThat(out.getShape()).isEqualTo(new Shape(1, 3, 3, 1));
        float[] y = out.toFloatArray();
        for (int oh = 0; oh < 3; oh++) {
            for (int ow = 0; ow < 3; ow++) {
                float sum = 0;
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 4; j++) {
                        int ih = oh * 2 - 1 + i, iw = ow * 2 - 1 + j;
                        if (ih >= 0 && ih < 5 && iw >= 0 && iw < 5) {
                            sum += x[ih * 5 + iw] * k[i * 4 + j];
                        }
                    }
                }
                assertThat(y[oh * 3 + ow]).isCloseTo(sum, within());
            }
        }
    }

    @Test
    void floorDivisionAndModuloRoundTowardsMinusInfinity() {
        NDArray a = manager.create(new int[] {7, -7, 7, -7});
        NDArray b = manager.create(new int[] {2, 2, -2, -2});
        assertThat(GraphOps.of("FloorDiv").apply(node("FloorDiv", "{}"), List.of(a, b)).toIntArray()).containsExactly(3, -4, -4, 3);
        assertThat(GraphOps.of("FloorMod").apply(node("FloorMod", "{}"), List.of(a, b)).toIntArray()).containsExactly(1, 1, -1, -1);
    }

    @Test
    void aStridedSliceTakesMasksAndNegativeBounds() {
        NDArray shape = manager.create(new int[] {1, 64, 48, 3});
        // [1:-1] → 64, 48; shrink on axis 0 of [-2] → 48
        assertThat(slice(shape, new int[] {1}, new int[] {-1}, 0, 0, 0).toIntArray()).containsExactly(64, 48);
        assertThat(slice(shape, new int[] {-2}, new int[] {-1}, 0, 0, 1).getShape()).isEqualTo(new Shape());
        assertThat(slice(shape, new int[] {-2}, new int[] {-1}, 0, 0, 1).toIntArray()).containsExactly(48);
        // begin and end masks: [:] with stride 2 → 1, 48
        assertThat(slice(shape, new int[] {3}, new int[] {0}, 1, 1, 0, 2).toIntArray()).containsExactly(1, 48);
    }

    @Test
    void gatherTakesWholeRowsAlongItsAxis() {
        NDArray params = manager.create(new float[] {0, 1, 2, 10, 11, 12}, new Shape(2, 3));
        NDArray indices = manager.create(new int[] {2, 0, 2, 1}, new Shape(2, 2));
        NDArray out = GraphOps.of("GatherV2").apply(node("GatherV2", "{\"batch_dims\": {\"i\": \"0\"}}"),
                List.of(params, indices, manager.create(1)));
        assertThat(out.getShape()).isEqualTo(new Shape(2, 2, 2));
        assertThat(out.toFloatArray()).containsExactly(2, 0, 2, 1, 12, 10, 12, 11);
    }

    private NDArray slice(NDArray x, int[] begin, int[] end, int beginMask, int endMask, int shrinkMask, int... stride) {
        int[] strides = stride.length == 0 ? new int[] {1} : stride;
        return StridedSlice.apply(node("StridedSlice", """
                        {"begin_mask": {"i": "%d"}, "end_mask": {"i": "%d"}, "shrink_axis_mask": {"i": "%d"}}"""
                        .formatted(beginMask, endMask, shrinkMask)),
                List.of(x, manager.create(begin), manager.create(end), manager.create(strides)));
    }

    private float[] apply(String equation, float[] a, Shape as, float[] b, Shape bs) {
        return Einsum.parse(equation).apply(manager.create(a, as), manager.create(b, bs)).toFloatArray();
    }

    private static GraphNode node(String op, String attr) {
        JsonObject attrs = JsonParser.parseString(attr).getAsJsonObject();
        return new GraphNode("test/" + op, op, List.of(), attrs);
    }

    private float[] floats(int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextFloat() * 2 - 1;
        }
        return out;
    }

    private static float dot(int n, java.util.function.IntToDoubleFunction term) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += term.applyAsDouble(i);
        }
        return (float) sum;
    }

    private static org.assertj.core.data.Offset<Float> within() {
        return org.assertj.core.data.Offset.offset(1e-5f);
    }
}
