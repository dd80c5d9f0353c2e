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
            bd("36"), Resolution.HD, "roto", bd("0.5"), bd("0.10"), "segmenter");
    private static final AiCapability PAINT_VENDOR = new AiCapability("paint-vendor", "paint", "standard", null,
            "AcmeAI", bd("40"), bd("0"), Resolution.HD, "paint", bd("0"), bd("0"), "inpaint");

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    private static Shot shot(String code, String workType, List<EstimateOverride> overrides) {
        return new Shot(code, "E1", "SQ01", null, 100, bd("25"), Resolution.HD, workType, 1, false, false, false, null,
                ShotStatus.NOT_STARTED, List.of(), Map.of(), overrides);
    }

    private static ShotEstimator estimator() {
        Show show = new Show("TST", "Test", "USD", LocalDate.of(2027, 1, 4), BigDecimal.ZERO, 0,
                List.of(new Episode("E1", "One", LocalDate.of(2027, 6, 1), bd("100000"))),
                List.of(new Discipline("roto", "Roto", bd("500")), new Discipline("paint", "Paint", bd("500")),
                        new Discipline("comp", "Comp", bd("800"))),
                List.of(new GpuPool("a100", "A100", 4, bd("3"), bd("20"))), List.of(ROTO_AI, PAINT_VENDOR),
                new BidTemplate(List.of(
                        new BidTemplate.Entry("roto", 1, Map.of("roto", bd("2"), "comp", bd("1"))),
                        new BidTemplate.Entry("paint", 1, Map.of("paint", bd("2"))))),
                new AiPolicy(BigDecimal.ONE, Set.of()), new CrewPlan(List.of(), List.of()), List.of());
        return new ShotEstimator(show);
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
        EstimateOverride quote = new VendorCost("paint-vendor", bd("1800"));

        ModeEstimate derived = estimator().ai(shot("A", "paint", List.of()), PAINT_VENDOR);
        ModeEstimate quoted = estimator().ai(shot("A", "paint", List.of(quote)), PAINT_VENDOR);

        assertThat(derived.vendorCost()).isEqualByComparingTo("160"); // 4 seconds × 40
        assertThat(quoted.vendorCost()).isEqualByComparingTo("1800");
        assertThat(quoted.totalCost()).isEqualByComparingTo("1800");
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
