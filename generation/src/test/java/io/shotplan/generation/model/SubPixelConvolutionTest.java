package io.shotplan.generation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sub-pixel kernel against its definition, in plain Java: a "same" convolution of the nearest up-sampled input
 * equals depth-to-space of the sub-pixel convolution of the input itself, edges included.
 */
class SubPixelConvolutionTest {

    @ParameterizedTest(name = "factor {0}, kernel {1}")
    @CsvSource({"2, 3", "3, 3", "4, 3", "2, 5", "3, 5"})
    void convolvingTheUpSampledInputEqualsDepthToSpaceOfTheSubPixelConvolution(int s, int k) {
        int channels = 3;
        int filters = 2;
        int h = 5;
        int w = 4;
        Random random = new Random(s * 10 + k);
        double[] x = random.doubles((long) channels * h * w, -1, 1).toArray();
        float[] kernel = new float[filters * channels * k * k];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = (float) random.nextGaussian();
        }
        var conv = new KerasLayersModel.Conv2D("c", List.of("up"), channels, filters, k, k, true, "linear", kernel, new float[filters]);

        double[] upSampled = new double[channels * h * s * w * s];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h * s; y++) {
                for (int xx = 0; xx < w * s; xx++) {
                    upSampled[(c * h * s + y) * w * s + xx] = x[(c * h + y / s) * w + xx / s];
                }
            }
        }
        double[] expected = convolve(upSampled, channels, h * s, w * s, kernel, filters, k);

        int kSub = 2 * Math.ceilDiv(k / 2, s) + 1;
        float[] subKernel = KerasGraphBlock.subPixelKernel(conv, s, ChannelLayout.compact(channels));
        double[] phases = convolve(x, channels, h, w, subKernel, s * s * filters, kSub);
        for (int o = 0; o < filters; o++) {
            for (int y = 0; y < h * s; y++) {
                for (int xx = 0; xx < w * s; xx++) {
                    int phase = (y % s * s + xx % s) * filters + o;
                    double actual = phases[(phase * h + y / s) * w + xx / s];
                    assertThat(actual).as("filter %d at (%d, %d)", o, y, xx)
                            .isCloseTo(expected[(o * h * s + y) * w * s + xx], within(1e-4));
                }
            }
        }
    }

    /** A zero-padded "same" convolution, OIHW kernel, no bias. */
    private static double[] convolve(double[] in, int channels, int h, int w, float[] kernel, int filters, int k) {
        int r = k / 2;
        double[] out = new double[filters * h * w];
        for (int o = 0; o < filters; o++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double sum = 0;
                    for (int c = 0; c < channels; c++) {
                        for (int dy = -r; dy <= r; dy++) {
                            for (int dx = -r; dx <= r; dx++) {
                                int yy = y + dy;
                                int xx = x + dx;
                                if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                    sum += kernel[((o * channels + c) * k + dy + r) * k + dx + r] * in[(c * h + yy) * w + xx];
                                }
                            }
                        }
                    }
                    out[(o * h + y) * w + x] = sum;
                }
            }
        }
        return out;
    }
}
