package io.shotplan.plan.shot;

import io.shotplan.show.AiCapability;
import io.shotplan.show.EstimateOverride;
import io.shotplan.show.ModeEstimate;
import io.shotplan.show.RateCards;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotEstimator;
import io.shotplan.show.WorkMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What each mode costs, in cents, when it starts on a given period, for shows whose prices depend on the day (rate
 * changes, a card or a vendor in another currency): {@link ShotEstimator#pricedOver}'s rule in floating point, so that
 * the search weighs the days it schedules and not only the shots' earliest starts. A mode's quantities (artist-days,
 * the expected redo's traditional artist-days, GPU-hours) cost the mean of their daily rate over its working days,
 * read from prefix sums, and a vendor's quote the exchange rate of its last day. The plan itself is then priced
 * exactly, by {@code pricedOver}; the two agree to within rounding.
 */
final class DatedCosts {

    /** Per resource (a discipline or a GPU pool, then a quote's currency), the sum of its daily rates before a period. */
    private final double[][] prefix;
    /** Per key, the resources it uses and how much of each; a currency's "quantity" is the quote. */
    private final int[][] resources;
    private final double[][] quantities;
    private final boolean[][] onLastDay;
    private final int[] duration;
    /** {@link #least} by key, once: the bound sorts by it. */
    private final BigDecimal[] least;

    private DatedCosts(double[][] prefix, int[][] resources, double[][] quantities, boolean[][] onLastDay, int[] duration) {
        this.prefix = prefix;
        this.resources = resources;
        this.quantities = quantities;
        this.onLastDay = onLastDay;
        this.duration = duration;
        this.least = new BigDecimal[duration.length];
    }

    /**
     * The costs of every mode over {@code horizon} periods (a later period costs as the last one does); {@code shots},
     * {@code estimates} and {@code durations} (in working days) are by mode key.
     */
    static DatedCosts of(ShotEstimator estimator, RateCards rateCards, WorkingDays days, int horizon,
                         List<Shot> shots, List<ModeEstimate> estimates, int[] durations) {
        Map<String, Integer> index = new HashMap<>();
        List<Function<LocalDate, BigDecimal>> dailyRates = new ArrayList<>();
        int n = estimates.size();
        int[][] resources = new int[n][];
        double[][] quantities = new double[n][];
        boolean[][] onLastDay = new boolean[n][];
        for (int key = 0; key < n; key++) {
            Shot shot = shots.get(key);
            ModeEstimate estimate = estimates.get(key);
            Map<Integer, Double> uses = new HashMap<>();
            Map<Integer, Boolean> last = new HashMap<>();
            estimate.artistDays().forEach((discipline, d) -> uses.merge(resource(index, dailyRates, "d:" + discipline,
                    day -> rateCards.dayRate(discipline, day)), d.doubleValue(), Double::sum));
            AiCapability capability = switch (estimate.mode()) {
                case WorkMode.InHouseAi inHouse -> inHouse.capability();
                case WorkMode.VendorAi vendor -> vendor.capability();
                case WorkMode.Traditional traditional -> null;
            };
            if (capability != null) {
                double risk = capability.rejectionRisk().doubleValue();
                estimator.traditional(shot).artistDays().forEach((discipline, d) -> uses.merge(resource(index, dailyRates,
                        "d:" + discipline, day -> rateCards.dayRate(discipline, day)), risk * d.doubleValue(), Double::sum));
            }
            if (estimate.mode() instanceof WorkMode.InHouseAi inHouse) {
                String pool = inHouse.capability().gpuPool();
                uses.merge(resource(index, dailyRates, "p:" + pool, day -> rateCards.hourlyRate(pool, day)),
                        estimate.gpuHours().doubleValue(), Double::sum);
            }
            if (estimate.mode() instanceof WorkMode.VendorAi vendor) {
                EstimateOverride.VendorCost quote = estimator.vendorQuote(shot, vendor.capability());
                int currency = resource(index, dailyRates, "c:" + quote.currency(),
                        day -> rateCards.inShowCurrency(BigDecimal.ONE, quote.currency(), day, "a vendor's quote"));
                uses.merge(currency, quote.amount().doubleValue(), Double::sum);
                last.put(currency, true);
            }
            resources[key] = uses.keySet().stream().mapToInt(Integer::intValue).toArray();
            quantities[key] = new double[resources[key].length];
            onLastDay[key] = new boolean[resources[key].length];
            for (int j = 0; j < resources[key].length; j++) {
                quantities[key][j] = uses.get(resources[key][j]);
                onLastDay[key][j] = last.getOrDefault(resources[key][j], false);
            }
        }
        double[][] prefix = new double[dailyRates.size()][];
        for (int r = 0; r < prefix.length; r++) {
            prefix[r] = prefixSums(dailyRates.get(r), days, horizon);
        }
        return new DatedCosts(prefix, resources, quantities, onLastDay, durations.clone());
    }

    /** The cost of mode {@code key} starting at {@code start}, in cents. */
    long cents(int key, int start) {
        int d = duration[key];
        double total = 0;
        for (int j = 0; j < resources[key].length; j++) {
            double[] sums = prefix[resources[key][j]];
            total += quantities[key][j] * (onLastDay[key][j]
                    ? sum(sums, start + d) - sum(sums, start + d - 1)
                    : (sum(sums, start + d) - sum(sums, start)) / d);
        }
        return Math.round(total * 100);
    }

    /**
     * The least mode {@code key} can cost on any days from {@code from} on, rounded down to the cent: a mode's cost on a
     * run of days is the mean of what its work costs on each day alone plus its quote at one day's rate, so neither is
     * below its least over single days. For a bound no plan can beat.
     */
    BigDecimal least(int key, int from) {
        if (least[key] == null) {
            least[key] = leastFrom(key, from);
        }
        return least[key];
    }

    private BigDecimal leastFrom(int key, int from) {
        double work = Double.MAX_VALUE;
        double quote = Double.MAX_VALUE;
        int end = Math.max(from + 1, prefix.length == 0 ? from + 1 : prefix[0].length - 1);
        for (int t = from; t < end; t++) {
            double dayWork = 0;
            double dayQuote = 0;
            for (int j = 0; j < resources[key].length; j++) {
                double[] sums = prefix[resources[key][j]];
                double cost = quantities[key][j] * (sum(sums, t + 1) - sum(sums, t));
                if (onLastDay[key][j]) {
                    dayQuote += cost;
                } else {
                    dayWork += cost;
                }
            }
            work = Math.min(work, dayWork);
            quote = Math.min(quote, dayQuote);
        }
        return BigDecimal.valueOf(work + quote).setScale(2, java.math.RoundingMode.FLOOR);
    }

    /** The sum of the daily rates before {@code period}; past the horizon each day costs as its last. */
    private static double sum(double[] sums, int period) {
        int last = sums.length - 1;
        return period <= last ? sums[period] : sums[last] + (period - last) * (sums[last] - sums[last - 1]);
    }

    private static int resource(Map<String, Integer> index, List<Function<LocalDate, BigDecimal>> rates, String name,
                                Function<LocalDate, BigDecimal> rate) {
        return index.computeIfAbsent(name, k -> {
            rates.add(rate);
            return rates.size() - 1;
        });
    }

    /**
     * Prefix sums of a daily rate over the working days of the horizon. A day no rate prices (an exchange rate not yet
     * in force) costs as the nearest day that has one: no plan is priced there, and the search should not avoid it.
     */
    private static double[] prefixSums(Function<LocalDate, BigDecimal> rate, WorkingDays days, int horizon) {
        double[] daily = new double[horizon];
        int firstKnown = -1;
        for (int t = 0; t < horizon; t++) {
            try {
                daily[t] = rate.apply(days.date(t)).doubleValue();
                if (firstKnown < 0) {
                    firstKnown = t;
                }
            } catch (IllegalArgumentException noRateThatDay) {
                daily[t] = t > 0 ? daily[t - 1] : Double.NaN;
            }
        }
        for (int t = 0; t < firstKnown; t++) {
            daily[t] = daily[firstKnown];
        }
        double[] sums = new double[horizon + 1];
        for (int t = 0; t < horizon; t++) {
            sums[t + 1] = sums[t] + daily[t];
        }
        return sums;
    }
}
