package io.shotplan.show;

import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.show.EstimateOverride.ArtistDays;
import io.shotplan.show.EstimateOverride.GpuHours;
import io.shotplan.show.EstimateOverride.VendorCost;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand bids replace the quantities they name, and only those, in every mode's estimate. */
class ShotEstimatorTest {

    // roto at complexity 1: 2 roto-days and 1 comp-day per 100 frames; roto 500 a day, comp 800
    private static final AiCapability ROTO_AI = new AiCapability("roto-ai", "roto", "standard", "a100", null, null,
            null, bd("36"), Resolution.HD, "roto", bd("0.5"), bd("0.10"), "segmenter");
    private static final AiCapability PAINT_VENDOR = new AiCapability("paint-vendor", "paint", "standard", null,
            "AcmeAI", bd("40"), "USD", bd("0"), Resolution.HD, "paint", bd("0"), bd("0"), "inpaint");

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    private static Shot shot(String code, String workType, List<EstimateOverride> overrides) {
        return new Shot(code, "E1", "SQ01", null, 100, bd("25"), Resolution.HD, workType, 1, false, false, false, null,
                ShotStatus.NOT_STARTED, List.of(), Map.of(), overrides);
    }

    private static ShotEstimator estimator() {
        return new ShotEstimator(estimatorShow(List.of(ROTO_AI, PAINT_VENDOR), List.of(), List.of()));
    }

    private static Show estimatorShow(List<AiCapability> capabilities, List<Shot> shots, List<ExchangeRate> rates) {
        return new Show("TST", "Test", "USD", LocalDate.of(2027, 1, 4), BigDecimal.ZERO, 0,
                List.of(new Episode("E1", "One", LocalDate.of(2027, 6, 1), bd("100000"))),
                List.of(new Discipline("roto", "Roto", bd("500")), new Discipline("paint", "Paint", bd("500")),
                        new Discipline("comp", "Comp", bd("800"))),
                List.of(new GpuPool("a100", "A100", 4, bd("3"), bd("20"))), capabilities,
                new BidTemplate(List.of(
                        new BidTemplate.Entry("roto", 1, Map.of("roto", bd("2"), "comp", bd("1"))),
                        new BidTemplate.Entry("paint", 1, Map.of("paint", bd("2"))))),
                new AiPolicy(BigDecimal.ONE, Set.of()), new CrewPlan(List.of(), List.of()), shots, "USD", List.of(), rates);
    }

    @Test
    void oneRuleSaysWhetherAShotMayGoToAModeAndTheCandidatesFollowIt() {
        ShotEstimator estimator = estimator();
        Shot roto = shot("A", "roto", List.of());
        Shot failed = new Shot("B", "E1", "SQ01", null, 100, bd("25"), Resolution.HD, "roto", 1, false, false, false,
                null, ShotStatus.REPLAN, List.of(), Map.of(), List.of());

        assertThat(estimator.whyNot(roto, "TRADITIONAL")).isEmpty();
        assertThat(estimator.whyNot(roto, "roto-ai")).isEmpty();
        assertThat(estimator.whyNot(roto, "paint-vendor")).contains("paint-vendor does paint work, not the shot's roto");
        assertThat(estimator.whyNot(roto, "warp-drive")).contains("'warp-drive' is neither TRADITIONAL nor an AI"
                + " capability of the show");
        assertThat(estimator.whyNot(failed, "roto-ai")).contains("its AI job failed for good (REPLAN): only artists"
                + " can finish it");
        assertThat(estimator.whyNot(failed, "TRADITIONAL")).isEmpty();
        assertThat(estimator.candidates(roto)).extracting(m -> m.mode().code()).containsExactly("TRADITIONAL", "roto-ai");
        assertThat(estimator.candidates(failed)).extracting(m -> m.mode().code()).containsExactly("TRADITIONAL");
    }

    @Test
    void withoutHandBidsTheEstimateIsDerived() {
        ModeEstimate traditional = estimator().traditional(shot("A", "roto", List.of()));

        assertThat(traditional.artistDays()).containsOnlyKeys("roto", "comp");
        assertThat(traditional.totalCost()).isEqualByComparingTo("1800"); // 2 × 500 + 1 × 800
        assertThat(traditional.isOverridden()).isFalse();
    }

    @Test
    void handBidDaysReplaceTheirDisciplineOnlyAndThePriceFollowsTheRateCard() {
        Shot shot = shot("A", "roto", List.of(new ArtistDays("TRADITIONAL", "roto", bd("6"))));

        ModeEstimate traditional = estimator().traditional(shot);

        assertThat(traditional.artistDays().get("roto")).isEqualByComparingTo("6");
        assertThat(traditional.artistDays().get("comp")).isEqualByComparingTo("1");
        assertThat(traditional.totalCost()).isEqualByComparingTo("3800"); // 6 × 500 + 1 × 800
        assertThat(traditional.overrides()).extracting(EstimateOverride::describe)
                .containsExactly("TRADITIONAL roto 6 days");
    }

    @Test
    void zeroDaysTakeADisciplineOutAndANewOneComesIn() {
        Shot shot = shot("A", "roto", List.of(new ArtistDays("TRADITIONAL", "comp", BigDecimal.ZERO),
                new ArtistDays("TRADITIONAL", "paint", bd("1.5"))));

        ModeEstimate traditional = estimator().traditional(shot);

        assertThat(traditional.artistDays()).containsOnlyKeys("roto", "paint");
        assertThat(traditional.totalCost()).isEqualByComparingTo("1750"); // 2 × 500 + 1.5 × 500
    }

    @Test
    void handBidGpuHoursReplaceTheCapabilitysAndTheRedoIsPricedFromTheOverriddenTraditionalEstimate() {
        Shot shot = shot("A", "roto", List.of(new GpuHours("roto-ai", bd("2.5")),
                new ArtistDays("TRADITIONAL", "roto", bd("6"))));

        ModeEstimate ai = estimator().ai(shot, ROTO_AI);

        assertThat(ai.gpuHours()).isEqualByComparingTo("2.5"); // derived: 36 s × 100 frames = 1 hour
        assertThat(ai.gpuCost()).isEqualByComparingTo("7.5");
        assertThat(ai.artistDays().get("roto")).isEqualByComparingTo("0.5"); // review stays derived
        assertThat(ai.expectedRedoCost()).isEqualByComparingTo("380"); // 10 % of 3,800
        assertThat(ai.overrides()).containsExactly(new GpuHours("roto-ai", bd("2.5")));
    }

    @Test
    void aVendorQuoteReplacesThePricePerSecond() {
        EstimateOverride quote = new VendorCost("paint-vendor", bd("1800"), "USD");

        ModeEstimate derived = estimator().ai(shot("A", "paint", List.of()), PAINT_VENDOR);
        ModeEstimate quoted = estimator().ai(shot("A", "paint", List.of(quote)), PAINT_VENDOR);

        assertThat(derived.vendorCost()).isEqualByComparingTo("160"); // 4 seconds × 40
        assertThat(quoted.vendorCost()).isEqualByComparingTo("1800");
        assertThat(quoted.totalCost()).isEqualByComparingTo("1800");
    }

    /**
     * A dollar show buys paint from a vendor that prices in euros (40 EUR a second) and has a quote in pounds; the
     * dollar buys 0.80 EUR and 0.75 GBP from the start, 0.90 EUR from Friday 15 January. A quote counts at the rate of
     * the day the vendor delivers, the shot's last working day; before a schedule, at the show's first day.
     */
    @Test
    void aVendorPricesAndQuotesInItsOwnCurrencyConvertedAtTheRateOfTheDayItDelivers() {
        AiCapability euroVendor = new AiCapability("paint-vendor", "paint", "standard", null, "AcmeAI", bd("40"), "EUR",
                bd("0"), Resolution.HD, "paint", bd("0"), bd("0"), "inpaint");
        Shot derived = shot("A", "paint", List.of());
        Shot quoted = shot("B", "paint", List.of(new VendorCost("paint-vendor", bd("1500"), "GBP")));
        Show show = estimatorShow(List.of(ROTO_AI, euroVendor), List.of(derived, quoted), List.of(
                new ExchangeRate("EUR", LocalDate.of(2027, 1, 4), bd("0.80")),
                new ExchangeRate("EUR", LocalDate.of(2027, 1, 15), bd("0.90")),
                new ExchangeRate("GBP", LocalDate.of(2027, 1, 4), bd("0.75"))));
        ShotEstimator estimator = new ShotEstimator(show);
        List<LocalDate> beforeTheChange = List.of(LocalDate.of(2027, 1, 13), LocalDate.of(2027, 1, 14));
        List<LocalDate> acrossIt = List.of(LocalDate.of(2027, 1, 14), LocalDate.of(2027, 1, 15));

        assertThat(estimator.vendorQuote(derived, euroVendor)).isEqualTo(new VendorCost("paint-vendor", bd("160.0000"), "EUR"));
        assertThat(estimator.ai(derived, euroVendor).vendorCost()).isEqualByComparingTo("200");   // 160 / 0.80
        assertThat(estimator.pricedOver(derived, estimator.ai(derived, euroVendor), beforeTheChange).vendorCost())
                .isEqualByComparingTo("200");
        assertThat(estimator.pricedOver(derived, estimator.ai(derived, euroVendor), acrossIt).vendorCost())
                .isEqualByComparingTo("177.7778");                                                  // 160 / 0.90
        assertThat(estimator.pricedOver(quoted, estimator.ai(quoted, euroVendor), acrossIt).vendorCost())
                .isEqualByComparingTo("2000");                                                      // 1,500 / 0.75
    }

    /** The crew is paid in euros from the start (rate currency EUR): every day converted at that day's rate. */
    @Test
    void ratesInAnotherCurrencyFromTheStartConvertAtEachDaysRate() {
        Show dollars = estimatorShow(List.of(ROTO_AI, PAINT_VENDOR), List.of(), List.of(
                new ExchangeRate("EUR", LocalDate.of(2027, 1, 4), bd("0.80")),
                new ExchangeRate("EUR", LocalDate.of(2027, 1, 15), bd("0.90"))));
        Show euros = dollars.withRates("EUR", List.of(), dollars.exchangeRates());
        ShotEstimator estimator = new ShotEstimator(euros);
        Shot paint = shot("A", "paint", List.of());   // 2 paint-days at 500 EUR

        assertThat(estimator.traditional(paint).totalCost()).isEqualByComparingTo("1250");      // 1,000 / 0.80
        assertThat(estimator.pricedOver(paint, estimator.traditional(paint),
                List.of(LocalDate.of(2027, 1, 14), LocalDate.of(2027, 1, 15))).totalCost())
                .isEqualByComparingTo("1180.5556");                                                // 500 / 0.80 + 500 / 0.90
        assertThat(new ShotEstimator(dollars).pricedOver(paint, new ShotEstimator(dollars).traditional(paint),
                List.of(LocalDate.of(2027, 1, 14), LocalDate.of(2027, 1, 15))).totalCost()).isEqualByComparingTo("1000");
    }

    @Test
    void aBidForOneModeLeavesTheOthersAlone() {
        Shot shot = shot("A", "roto", List.of(new GpuHours("roto-ai", bd("2.5"))));

        ModeEstimate traditional = estimator().traditional(shot);

        assertThat(traditional.totalCost()).isEqualByComparingTo("1800");
        assertThat(traditional.isOverridden()).isFalse();
    }

    @Test
    void eligibilityStillWinsOverAnAiBid() {
        Shot humanOnly = new Shot("A", "E1", "SQ01", null, 100, bd("25"), Resolution.HD, "roto", 1, false, false, true,
                null, ShotStatus.NOT_STARTED, List.of(), Map.of(), List.of(new GpuHours("roto-ai", bd("0.1"))));

        assertThat(estimator().candidates(humanOnly)).extracting(ModeEstimate::mode).containsExactly(WorkMode.TRADITIONAL);
    }
}
