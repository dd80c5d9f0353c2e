package io.shotplan.plan.domain;

import java.util.Arrays;

/**
 * One way to carry out an activity: how many periods it takes, what it needs per period from each renewable
 * resource (artists of a discipline, GPU hours of a pool, PSPLIB's R) and in total from each non-renewable one
 * (money of a budget, PSPLIB's N). Identity matters: the solver compares modes by reference.
 */
public final class ExecutionMode {

    private final int key;
    private final String label;
    private final int duration;
    private final int[] renewableDemand;
    private final long[] nonRenewableDemand;

    public ExecutionMode(String label, int duration, int[] renewableDemand, long[] nonRenewableDemand) {
        this(-1, label, duration, renewableDemand, nonRenewableDemand);
    }

    /**
     * @param key an index the objective may use to look up its own data about this mode in an array (a shot's
     *        cost and kind) instead of a map on every move; -1 when unused
     */
    public ExecutionMode(int key, String label, int duration, int[] renewableDemand, long[] nonRenewableDemand) {
        this.key = key;
        if (duration < 0) {
            throw new IllegalArgumentException("Mode " + label + " has a negative duration " + duration + ".");
        }
        this.label = label;
        this.duration = duration;
        this.renewableDemand = renewableDemand.clone();
        this.nonRenewableDemand = nonRenewableDemand.clone();
    }

    public int getKey() {
        return key;
    }

    public String getLabel() {
        return label;
    }

    public int getDuration() {
        return duration;
    }

    /** Per-period demand; the array is shared, not copied, because the decoder reads it on every move. */
    public int[] renewableDemand() {
        return renewableDemand;
    }

    public long[] nonRenewableDemand() {
        return nonRenewableDemand;
    }

    @Override
    public String toString() {
        return label + "(d=" + duration + ", R=" + Arrays.toString(renewableDemand) + ", N="
                + Arrays.toString(nonRenewableDemand) + ")";
    }
}
