package io.shotplan.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Planned against actual for one show, as it is shown: every money figure is in the show's currency, rounded once
 * (half-even, to the currency's minor unit) from the exact sums the database computed, and every total and every
 * difference is then computed from those rounded figures. So a total always equals the sum of its rows to the cent,
 * in every form the report is written in. Artist-days and GPU hours are rounded the same way to two decimals.
 *
 * <p>Sign convention: a <em>variance</em> is reference minus estimate, so a negative variance is an overrun.
 * <em>Slip</em> is a number of days later than the reference.
 *
 * @param show        what the report is about and as of when
 * @param total       the whole show (or the one episode asked for): the sum of {@code episodes} plus ledger rows that
 *                    name no shot
 * @param episodes    one entry per episode, in episode code order
 * @param unallocated ledger rows to date that name no shot: they count in the show's actuals and EAC, in no episode
 * @param utilisation GPU and crew load per week, show-wide (pools and crews are shared between episodes)
 * @param ratesUsed   the exchange rates the actuals in scope were booked at, by currency and first day: where the
 *                    figures in the show's currency came from, with the original amounts
 * @param originals   on demand ({@link ReportOptions#originals()}, else empty): the same actuals per episode and
 *                    currency, the original amount beside what it counts for in the show's currency
 */
public record ShowReport(
        ShowInfo show,
        Breakdown total,
        List<EpisodeReport> episodes,
        CostLine unallocated,
        List<UtilisationWeek> utilisation,
        List<RateUsed> ratesUsed,
        List<OriginalAmount> originals) {

    /**
     * One exchange rate ledger rows were converted at (units of {@code currency} per unit of the show's currency) and
     * what it converted: {@code originalAmount} in {@code currency}, rounded to that currency's minor unit, and
     * {@code amount}, the part of the actuals it accounts for in the show's currency.
     */
    public record RateUsed(String currency, BigDecimal rate, LocalDate firstDay, LocalDate lastDay, long rows,
                           BigDecimal originalAmount, BigDecimal amount) {
    }

    /**
     * Actuals to date of one episode booked from one other currency: {@code originalAmount} in {@code currency},
     * rounded to that currency's minor unit, and {@code amount}, what they count for in the show's currency (rounded as
     * every figure of the report). {@code episode} is empty for rows that name no shot.
     */
    public record OriginalAmount(String episode, String currency, long rows, BigDecimal originalAmount,
                                 BigDecimal amount) {
    }

    /** The episode with this code, if the report holds it. */
    public Optional<EpisodeReport> episode(String code) {
        return episodes.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    /**
     * @param asOf               ledger rows dated after this day are not actuals yet; shots whose planned end is
     *                           before it and that are not done are late
     * @param contingencyPercent the show's contingency, a percentage of the budget
     * @param reviewBufferDays   days kept free before each delivery date; an episode whose projected finish eats into
     *                           them is at risk
     * @param baselinePlan       the locked baseline ({@code show.baseline_plan_id}); absent before one is locked, when
     *                           every baseline cost is zero and every variance to baseline absent
     * @param currentPlan        the plan of the highest version that belongs to no what-if scenario
     */
    public record ShowInfo(
            String code,
            String name,
            String currency,
            LocalDate asOf,
            BigDecimal contingencyPercent,
            int reviewBufferDays,
            Optional<PlanRef> baselinePlan,
            Optional<PlanRef> currentPlan) {
    }

    public record PlanRef(long id, int version, Optional<OffsetDateTime> lockedAt) {
    }

    /**
     * Figures, cost splits and schedule health for an episode or, summed over episodes, for the show.
     *
     * @param byMode       cost lines per delivery mode (TRADITIONAL, AI, AI_VENDOR; UNPLANNED for actuals on shots the
     *                     current plan does not hold); baseline cost is attributed to the baseline's mode of a shot,
     *                     everything else to the current plan's mode
     * @param byDiscipline cost lines per discipline, plus {@code GPU} (in-house generation), {@code VENDOR} (external AI
     *                     vendor fees) and {@code OTHER} (costs that name no discipline, e.g. an invoice line)
     * @param modes        shots, savings and GPU hours per mode of the current plan
     * @param bySource     actual cost to date per ledger source; reversals are their own line, so both the corrected
     *                     row and its reversal are visible
     */
    public record Breakdown(
            Figures figures,
            List<CostLine> byMode,
            List<CostLine> byDiscipline,
            List<ModeLine> modes,
            List<SourceLine> bySource) {
    }

    /**
     * The headline figures.
     *
     * @param budget                    the episode's budget ({@code episode.budget}); the show's is the sum
     * @param contingency               budget × contingency percent ÷ 100, rounded per episode; a reserve on top of the
     *                                  budget
     * @param baselineCost              planned cost of the shots in the locked baseline plan
     * @param plannedCost               planned cost of the shots in the current plan
     * @param actualCost                ledger amounts dated on or before as-of, reversals included
     * @param remainingCost             what the current plan still expects to spend: per shot and cost line, planned
     *                                  less actual, never below zero, and nothing for shots that are DONE or OMITTED
     *                                  or not in the current plan
     * @param eac                       estimate at completion: actual + remaining
     * @param varianceToBudget          budget − EAC (negative: over budget)
     * @param varianceToBudgetWithContingency budget + contingency − EAC (negative: contingency exhausted)
     * @param varianceToBaseline        baseline cost − EAC (negative: over the baseline); absent before a baseline is
     *                                  locked
     * @param shots                     shots in the current plan
     * @param aiShots                   of those, shots planned AI or AI_VENDOR
     * @param aiShareOfShots            aiShots ÷ shots, four decimals (0 without shots)
     * @param aiShareOfCost             planned cost of AI and AI_VENDOR shots ÷ planned cost, four decimals
     * @param plannedArtistDays         human artist-days in the current plan ({@code plan_item_cost.artist_days})
     * @param actualArtistDays          artist-days booked in the ledger to date (timesheets, reversals included)
     * @param traditionalCost           the same shots priced all-traditional by the planner's estimator
     *                                  ({@code plan_item.traditional_cost})
     * @param savings                   traditionalCost − plannedCost: what choosing AI where it was chosen saves
     * @param schedule                  dates and days
     */
    public record Figures(
            BigDecimal budget,
            BigDecimal contingency,
            BigDecimal baselineCost,
            BigDecimal plannedCost,
            BigDecimal actualCost,
            BigDecimal remainingCost,
            BigDecimal eac,
            BigDecimal varianceToBudget,
            BigDecimal varianceToBudgetWithContingency,
            Optional<BigDecimal> varianceToBaseline,
            long shots,
            long aiShots,
            BigDecimal aiShareOfShots,
            BigDecimal aiShareOfCost,
            BigDecimal plannedArtistDays,
            BigDecimal actualArtistDays,
            BigDecimal traditionalCost,
            BigDecimal savings,
            Schedule schedule) {
    }

    /**
     * Schedule health. For the show: the latest of the episodes' dates, the sum of late shots, the worst slip and
     * slack, and how many episodes are at risk.
     *
     * @param deliveryDate     the episode's delivery date (the show's: the latest)
     * @param baselineFinish   the latest planned end of its shots in the baseline
     * @param plannedFinish    the latest planned end of its shots in the current plan
     * @param projectedFinish  plannedFinish, or as-of when a late shot is still open and as-of is later
     * @param slipDays         days plannedFinish is later than baselineFinish (the variance against the baseline in days)
     * @param slackDays        days between projectedFinish + review buffer and the delivery date (the variance against
     *                         the delivery date in days; negative: late)
     * @param lateShots        shots not DONE or OMITTED whose current planned end is before as-of
     * @param slippedShots     shots whose current planned end is later than their baseline end
     * @param episodesAtRisk   episodes with negative slack (for an episode: 1 or 0)
     */
    public record Schedule(
            Optional<LocalDate> deliveryDate,
            Optional<LocalDate> baselineFinish,
            Optional<LocalDate> plannedFinish,
            Optional<LocalDate> projectedFinish,
            long slipDays,
            long slackDays,
            long lateShots,
            long slippedShots,
            long episodesAtRisk) {

        public boolean atRisk() {
            return episodesAtRisk > 0;
        }
    }

    /**
     * One line of a cost split.
     *
     * @param key                a mode, a discipline code, or GPU / VENDOR / OTHER
     * @param label              what to print for it
     * @param varianceToBaseline baselineCost − eac; absent before a baseline is locked
     */
    public record CostLine(
            String key,
            String label,
            BigDecimal baselineCost,
            BigDecimal plannedCost,
            BigDecimal actualCost,
            BigDecimal remainingCost,
            BigDecimal eac,
            Optional<BigDecimal> varianceToBaseline,
            BigDecimal plannedArtistDays,
            BigDecimal actualArtistDays) {
    }

    /**
     * Shots and savings of one mode in the current plan.
     *
     * @param traditionalCost the same shots priced all-traditional
     * @param savings         traditionalCost − plannedCost
     * @param plannedGpuHours {@code plan_item.planned_gpu_hours}
     */
    public record ModeLine(
            String mode,
            long shots,
            BigDecimal plannedCost,
            BigDecimal traditionalCost,
            BigDecimal savings,
            BigDecimal plannedGpuHours) {
    }

    /** Actual cost to date from one ledger source: how many rows and their amount. */
    public record SourceLine(String source, long rows, BigDecimal amount) {
    }

    /**
     * One episode.
     *
     * @param drivers     the shots that drive the variance, largest first: by |varianceToBaseline| (before a baseline
     *                    is locked, by how far the EAC is from the current plan), then by slip
     * @param burn        cumulative cost per week: baseline and current plan spread evenly over each shot's planned
     *                    days, actuals by the day they occurred; each series ends at the episode's figure (baseline
     *                    cost, planned cost, actuals to date)
     * @param generation  in-house generation actuals against the plan's GPU hours
     * @param corrections ledger rows to date that were reversed, each followed by its reversal
     */
    public record EpisodeReport(
            String code,
            String title,
            Breakdown breakdown,
            List<VarianceDriver> drivers,
            List<BurnPoint> burn,
            GenerationActuals generation,
            List<LedgerLine> corrections) {

        public Figures figures() {
            return breakdown.figures();
        }
    }

    /**
     * A shot's share of the variance.
     *
     * @param varianceToBaseline baselineCost − eac (negative: over); absent before a baseline is locked
     * @param slipDays           current planned end − baseline end, in days (0 when either is missing)
     */
    public record VarianceDriver(
            String shot,
            String status,
            String baselineMode,
            String currentMode,
            BigDecimal baselineCost,
            BigDecimal plannedCost,
            BigDecimal actualCost,
            BigDecimal eac,
            Optional<BigDecimal> varianceToBaseline,
            Optional<LocalDate> baselineEnd,
            Optional<LocalDate> plannedEnd,
            long slipDays) {
    }

    /** Cumulative cost through the week that starts on {@code weekStart} (a Monday). */
    public record BurnPoint(LocalDate weekStart, BigDecimal baseline, BigDecimal planned, BigDecimal actual) {
    }

    /**
     * In-house generation to date against the plan: the ledger's GPU cost line (GENERATION rows that name no
     * discipline, and their reversals), with the device seconds those rows metered.
     *
     * @param byModel      per AI model
     * @param byDeviceType per GPU type of the pool the work ran on, else the device name the worker reported
     * @param byShot       per AI shot of the current plan, most expensive first
     */
    public record GenerationActuals(
            GenerationLine total,
            List<GenerationLine> byModel,
            List<GenerationLine> byDeviceType,
            List<GenerationLine> byShot) {
    }

    /**
     * @param shots           shots with generation cost or planned GPU hours
     * @param deviceSeconds   metered device seconds
     * @param actualGpuHours  deviceSeconds ÷ 3600
     * @param plannedGpuHours the current plan's GPU hours (for a model or device type: of the capability it plans to use)
     * @param cost            generation cost
     * @param costPerShot     cost ÷ shots
     */
    public record GenerationLine(
            String key,
            long shots,
            BigDecimal deviceSeconds,
            BigDecimal actualGpuHours,
            BigDecimal plannedGpuHours,
            BigDecimal cost,
            BigDecimal costPerShot) {
    }

    /** A ledger row as booked. */
    public record LedgerLine(
            long id,
            LocalDate occurredOn,
            String source,
            String shot,
            String discipline,
            BigDecimal amount,
            String reference,
            Optional<Long> reversesId) {
    }

    /**
     * Load on one resource in one week.
     *
     * @param kind        CREW (a discipline, in artist-days) or GPU (a pool, in GPU hours)
     * @param capacity    crew: artist-days, the artists of each working day of the week summed, a calendar exception
     *                    (holiday, closure) replacing the crew of its day; GPU: GPUs × hours per day × 7
     * @param planned     the current plan's load, each shot's artist-days or GPU hours spread evenly over its days
     * @param actual      artist-days or GPU hours booked in the ledger that week
     * @param plannedUtilisation planned ÷ capacity, four decimals (0 without capacity)
     * @param actualUtilisation  actual ÷ capacity
     */
    public record UtilisationWeek(
            LocalDate weekStart,
            String kind,
            String resource,
            BigDecimal capacity,
            BigDecimal planned,
            BigDecimal actual,
            BigDecimal plannedUtilisation,
            BigDecimal actualUtilisation) {
    }
}
