package io.shotplan.plan.domain;

/**
 * Capacity of each renewable resource per period: an explicit profile for the first periods (a crew calendar with
 * its exceptions, GPU hours per day) and a steady capacity after it. PSPLIB uses the steady capacity only.
 */
public record RenewableCalendar(String[] resourceNames, int[][] capacityByPeriod, int[] steadyCapacity) {

    public static RenewableCalendar constant(String[] names, int[] capacity) {
        int[][] none = new int[capacity.length][0];
        return new RenewableCalendar(names, none, capacity.clone());
    }

    public int resourceCount() {
        return steadyCapacity.length;
    }

    public int capacity(int resource, int period) {
        int[] profile = capacityByPeriod[resource];
        return period < profile.length ? profile[period] : steadyCapacity[resource];
    }

    /** The highest capacity the resource ever has; a mode asking more can never run. */
    public int maxCapacity(int resource) {
        int max = steadyCapacity[resource];
        for (int c : capacityByPeriod[resource]) {
            max = Math.max(max, c);
        }
        return max;
    }
}
