package io.shotplan.generation.model.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import io.shotplan.generation.model.ChannelLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code Conv2D} and {@code Conv2DBackpropInput} (a transposed convolution) on NHWC tensors and HWIO filters; a
 * convolution runs as PyTorch's NCHW convolution. TensorFlow's "SAME" padding is symmetric when the total is even and puts the odd pixel
 * after; the latter is padded explicitly. Inputs whose channel count oneDNN would pad itself get zero channels and zero
 * weights first, as in the layers-model path ({@link ChannelLayout#safeCount}).
 */
final class Convolutions {

    private Convolutions() {
    }

    static NDArray conv2d(GraphNode n, List<NDArray> in) {
        checkNhwc(n);
        long[] strides = spatial(n.integers("strides"));
        long[] dilations = n.has("dilations") ? spatial(n.integers("dilations")) : new long[] {1, 1};
        NDArray x = in.get(0);
        NDArray filter = in.get(1); // (kh, kw, in, out)
        Shape fs = filter.getShape();
        long[] size = {x.getShape().get(1), x.getShape().get(2)};
        long[][] pads = new long[2][2];
        String padding = n.string("padding");
        for (int d = 0; d < 2; d++) {
            long k = fs.get(d);
            pads[d] = switch (padding) {
                case "VALID" -> new long[] {0, 0};
                case "SAME" -> {
                    long out = Math.ceilDiv(size[d], strides[d]);
                    long total = Math.max((out - 1) * strides[d] + (k - 1) * dilations[d] + 1 - size[d], 0);
                    yield new long[] {total / 2, total - total / 2};
                }
                default -> throw new IllegalArgumentException("Conv2D padding " + padding);
            };
        }
        List<NDArray> temporaries = new ArrayList<>();
        try {
            NDArray input = withSafeChannels(kept(temporaries, x.transpose(0, 3, 1, 2)), 1, temporaries);
            NDArray weight = withSafeChannels(kept(temporaries, filter.transpose(3, 2, 0, 1)), 1, temporaries);
            Shape symmetric = new Shape(pads[0][0], pads[1][0]);
            if (asymmetric(pads)) {
                input = kept(temporaries, input.pad(new Shape(pads[1][0], pads[1][1], pads[0][0], pads[0][1]), 0));
                symmetric = new Shape(0, 0);
            }
            NDArray y = kept(temporaries, Conv2d.conv2d(input, weight, null, new Shape(strides), symmetric,
                    new Shape(dilations), 1).singletonOrThrow());
            return y.transpose(0, 2, 3, 1);
        } finally {
            temporaries.forEach(NDArray::close);
        }
    }

    /**
     * The gradient of a convolution with respect to its input, i.e. a transposed convolution: inputs (output size,
     * filter (kh, kw, result channels, gradient channels), gradient). DJL's PyTorch engine has no deconvolution, and
     * the models here only up-sample with a kernel as large as its stride and no padding (MAXIM's 2×2, stride 2), where
     * each input pixel becomes its own kh×kw block: one matrix product and a reshuffle. Other cases are refused.
     */
    static NDArray conv2dBackpropInput(GraphNode n, List<NDArray> in) {
        checkNhwc(n);
        long[] strides = spatial(n.integers("strides"));
        long[] outSize = GraphOps.longs(in.get(0));
        NDArray filter = in.get(1);
        NDArray x = in.get(2);
        Shape fs = filter.getShape();
        Shape xs = x.getShape();
        long kh = fs.get(0);
        long kw = fs.get(1);
        long out = fs.get(2);
        boolean dilated = n.has("dilations") && !Arrays.equals(spatial(n.integers("dilations")), new long[] {1, 1});
        if (!n.string("padding").equals("VALID") || strides[0] != kh || strides[1] != kw || dilated
                || outSize[1] != xs.get(1) * kh || outSize[2] != xs.get(2) * kw) {
            throw new IllegalArgumentException("Conv2DBackpropInput is supported with padding VALID and a kernel equal to its stride, not %s padding, kernel %d×%d, stride %d×%d, size %s"
                    .formatted(n.string("padding"), kh, kw, strides[0], strides[1], Arrays.toString(outSize)));
        }
        List<NDArray> temporaries = new ArrayList<>();
        try {
            // (c, kh·kw·out): each gradient channel's contribution to a block
            NDArray weight = kept(temporaries, kept(temporaries, filter.transpose(3, 0, 1, 2)).reshape(fs.get(3), kh * kw * out));
            NDArray blocks = kept(temporaries, x.matMul(weight)); // (n, h, w, kh·kw·out)
            NDArray split = kept(temporaries, blocks.reshape(xs.get(0), xs.get(1), xs.get(2), kh, kw, out));
            NDArray interleaved = kept(temporaries, split.transpose(0, 1, 3, 2, 4, 5));
            return interleaved.reshape(xs.get(0), xs.get(1) * kh, xs.get(2) * kw, out);
        } finally {
            temporaries.forEach(NDArray::close);
        }
    }

    /** {@code x}, or a copy with zero channels appended on {@code axis} up to {@link ChannelLayout#safeCount}. */
    private static NDArray withSafeChannels(NDArray x, int axis, List<NDArray> temporaries) {
        long channels = x.getShape().get(axis);
        long safe = ChannelLayout.safeCount(Math.toIntExact(channels));
        if (safe == channels) {
            return x;
        }
        Shape zerosShape = x.getShape().slice(0, axis).add(safe - channels).addAll(x.getShape().slice(axis + 1));
        NDArray zeros = kept(temporaries, x.getManager().zeros(zerosShape, x.getDataType()));
        return kept(temporaries, x.concat(zeros, axis));
    }

    private static NDArray kept(List<NDArray> temporaries, NDArray x) {
        temporaries.add(x);
        return x;
    }

    private static boolean asymmetric(long[][] pads) {
        return pads[0][0] != pads[0][1] || pads[1][0] != pads[1][1];
    }

    private static void checkNhwc(GraphNode n) {
        if (n.has("data_format") && !n.string("data_format").equals("NHWC")) {
            throw new IllegalArgumentException(n.op() + " with data_format " + n.string("data_format"));
        }
    }

    /** The H and W entries of an NHWC attribute list. */
    private static long[] spatial(long[] nhwc) {
        return new long[] {nhwc[1], nhwc[2]};
    }
}
