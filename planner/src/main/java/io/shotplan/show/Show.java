package io.shotplan.show;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A show as a producer describes it: its calendar, money, crews, GPUs, AI capabilities, bid template and shot list.
 * Everything the planner needs and nothing about how it is stored.
 *
 * @param disciplines each with its day rate on the show's first rate card, in force from the start
 * @param gpuPools    each with its hourly rate on that first card
 * @param rateCurrency the currency of the first card's rates (the show's, or another: a peso crew of a show reported
 *                    in dollars), converted at {@code exchangeRates} as any card in another currency is
 * @param rateChanges the later rate cards, each in force from its date ({@link RateCards}); empty when one card
 *                    prices the whole show
 * @param exchangeRates the dated rates that convert a card in another currency to the show's; empty when every card
 *                    is in the show's currency
 */
public record Show(
        String code,
        String name,
        String currency,
        LocalDate startDate,
        BigDecimal contingencyPercent,
        int reviewBufferDays,
        List<Episode> episodes,
        List<Discipline> disciplines,
        List<GpuPool> gpuPools,
        List<AiCapability> capabilities,
        BidTemplate bidTemplate,
        AiPolicy policy,
        CrewPlan crew,
        List<Shot> shots,
        String rateCurrency,
        List<RateCard> rateChanges,
        List<ExchangeRate> exchangeRates) {

    public Show {
        rateCurrency = rateCurrency == null ? currency : rateCurrency;
        rateChanges = List.copyOf(rateChanges);
        exchangeRates = List.copyOf(exchangeRates);
        episodes = List.copyOf(episodes);
        disciplines = List.copyOf(disciplines);
        gpuPools = List.copyOf(gpuPools);
        capabilities = List.copyOf(capabilities);
        shots = List.copyOf(shots);
    }

    /** A show priced by one rate card from its start. */
    public Show(String code, String name, String currency, LocalDate startDate, BigDecimal contingencyPercent,
                int reviewBufferDays, List<Episode> episodes, List<Discipline> disciplines, List<GpuPool> gpuPools,
                List<AiCapability> capabilities, BidTemplate bidTemplate, AiPolicy policy, CrewPlan crew,
                List<Shot> shots) {
        this(code, name, currency, startDate, contingencyPercent, reviewBufferDays, episodes, disciplines, gpuPools,
                capabilities, bidTemplate, policy, crew, shots, currency, List.of(), List.of());
    }

    /** The show's rate cards, complete and in date order, with the rule for the card in force on a day. */
    public RateCards rateCards() {
        return new RateCards(this);
    }

    public Optional<Episode> episode(String episodeCode) {
        return episodes.stream().filter(e -> e.code().equals(episodeCode)).findFirst();
    }

    public Map<String, Discipline> disciplinesByCode() {
        return disciplines.stream().collect(Collectors.toMap(Discipline::code, Function.identity()));
    }

    public Map<String, GpuPool> gpuPoolsByCode() {
        return gpuPools.stream().collect(Collectors.toMap(GpuPool::code, Function.identity()));
    }

    /** The AI capabilities that can do a work type, cheapest tier first as declared. */
    public List<AiCapability> capabilitiesFor(String workType) {
        return capabilities.stream().filter(c -> c.workType().equals(workType)).toList();
    }

    /** The show's total budget less its contingency reserve: what a plan may spend. */
    public BigDecimal spendableBudget() {
        BigDecimal total = episodes.stream().map(Episode::budget).reduce(BigDecimal.ZERO, BigDecimal::add);
        return total.subtract(total.multiply(contingencyPercent).movePointLeft(2));
    }

    /** The same show where each shot named in {@code byShot} has those hand bids instead of its earlier ones. */
    public Show withEstimateOverrides(Map<String, List<EstimateOverride>> byShot) {
        return withShots(shots.stream()
                .map(s -> byShot.containsKey(s.code()) ? s.withEstimateOverrides(byShot.get(s.code())) : s)
                .toList());
    }

    /** The same show priced by other rates: the first card's currency, the later cards and the exchange rates. */
    public Show withRates(String newRateCurrency, List<RateCard> newRateChanges, List<ExchangeRate> newExchangeRates) {
        return new Show(code, name, currency, startDate, contingencyPercent, reviewBufferDays, episodes, disciplines,
                gpuPools, capabilities, bidTemplate, policy, crew, shots, newRateCurrency, newRateChanges, newExchangeRates);
    }

    /** The same show with another shot list: scenarios and re-plans work on variants. */
    public Show withShots(List<Shot> newShots) {
        return new Show(code, name, currency, startDate, contingencyPercent, reviewBufferDays, episodes, disciplines,
                gpuPools, capabilities, bidTemplate, policy, crew, newShots, rateCurrency, rateChanges, exchangeRates);
    }
}
