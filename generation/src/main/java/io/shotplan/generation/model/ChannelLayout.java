package io.shotplan.generation.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a tensor's real channels sit among the channels it physically holds.
 *
 * <p>Why: PyTorch 2.7.1's CPU convolution (oneDNN 3.7.1, {@code jit:avx512_core} and {@code jit:avx2}) computes wrong
 * values, even NaN, when it reorders a plain NCHW input whose channel count is above the ISA's channel block (16 with
 * AVX-512, 8 with AVX/AVX2) and not a multiple of it into a zero-padded blocked layout ({@code aBcd16b:p},
 * {@code aBcd8b:p}). Contiguous, PyTorch-owned tensors show it as well, so it is not a stride or ownership problem of
 * ours; generation/README.md ("oneDNN and channel counts") has the measurements. A tensor that holds a multiple of 16
 * channels, or at most 8, never takes that path on any ISA, so the graph keeps every tensor that size: convolutions get
 * zero filters and zero weights for the spare channels, concatenations get zero channels appended. Zero weights make the
 * spare channels' values irrelevant, so the result is the original model's.
 *
 * @param slots  the stored channel of each real channel, in order
 * @param stored how many channels the tensor holds
 */
public record ChannelLayout(int[] slots, int stored) {

    /** A tensor of {@code channels} real channels and no spare ones. */
    static ChannelLayout compact(int channels) {
        return new ChannelLayout(identity(channels), channels);
    }

    /** The first {@code channels} stored channels are the real ones, padded to a count oneDNN handles. */
    static ChannelLayout padded(int channels) {
        return new ChannelLayout(identity(channels), safeCount(channels));
    }

    /** The layout of a channel concatenation, padded at the end to a count oneDNN handles. */
    static ChannelLayout concat(List<ChannelLayout> parts) {
        int offset = 0;
        int[] slots = new int[parts.stream().mapToInt(p -> p.slots().length).sum()];
        int next = 0;
        for (ChannelLayout part : parts) {
            for (int slot : part.slots()) {
                slots[next++] = offset + slot;
            }
            offset += part.stored();
        }
        return new ChannelLayout(slots, safeCount(offset));
    }

    /**
     * The smallest channel count ≥ {@code channels} that is at most 8 or a multiple of 16: what a convolution's input
     * must hold, here and in the graph-model interpreter.
     */
    public static int safeCount(int channels) {
        return channels <= 8 || channels % 16 == 0 ? channels : (channels + 15) / 16 * 16;
    }

    int real() {
        return slots.length;
    }

    boolean isCompact() {
        return stored == slots.length;
    }

    /** Whether a convolution may read this tensor as it is. */
    boolean isSafe() {
        return stored == safeCount(stored);
    }

    /** Runs of consecutive stored channels holding the real ones, as {start, end} pairs (end exclusive). */
    List<int[]> runs() {
        List<int[]> runs = new ArrayList<>();
        for (int slot : slots) {
            int[] last = runs.isEmpty() ? null : runs.getLast();
            if (last != null && last[1] == slot) {
                last[1]++;
            } else {
                runs.add(new int[] {slot, slot + 1});
            }
        }
        return runs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelLayout other && stored == other.stored && Arrays.equals(slots, other.slots);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(slots) + stored;
    }

    @Override
    public String toString() {
        return "ChannelLayout[" + slots.length + " real in " + stored + "]";
    }

    private static int[] identity(int n) {
        int[] slots = new int[n];
        Arrays.setAll(slots, i -> i);
        return slots;
    }
}
