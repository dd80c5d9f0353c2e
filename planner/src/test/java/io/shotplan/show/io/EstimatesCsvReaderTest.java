package io.shotplan.show.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.shotplan.show.EstimateOverride;
import io.shotplan.show.EstimateOverride.ArtistDays;
import io.shotplan.show.EstimateOverride.GpuHours;
import io.shotplan.show.EstimateOverride.VendorCost;
import io.shotplan.show.Show;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimatesCsvReaderTest {

    private static final Show SNOWFALL = new ShowFolderReader().read(ShowFolderReaderTest.EXAMPLE);

    @TempDir
    Path dir;

    private static Map<String, List<EstimateOverride>> read(String csv) {
        return new EstimatesCsvReader().read(Source.of("estimates.csv", csv.getBytes(StandardCharsets.UTF_8)), SNOWFALL);
    }

    private static List<Problem> problems(String csv) {
        return catchThrowableOfType(ImportProblems.class, () -> read(csv)).problems();
    }

    @Test
    void theExampleFolderCarriesAHandfulOfBids() {
        assertThat(SNOWFALL.shots()).filteredOn(s -> !s.estimateOverrides().isEmpty()).extracting(s -> s.code())
                .containsExactlyInAnyOrder("EP101_010_0020", "EP101_010_0030", "EP101_030_0060", "EP101_040_0060",
                        "EP101_050_0030");
    }

    @Test
    void readsDaysPerDisciplineGpuHoursAndVendorQuotesByShot() {
        Map<String, List<EstimateOverride>> bids = read("""
                shot,mode,discipline,artist_days,gpu_hours,vendor_cost
                EP101_030_0060,traditional,roto,6,,
                EP101_030_0060,roto-ai,roto,4 h,2.5,
                EP101_010_0030,snow-vendor,,,,"1,800 USD"
                """);

        assertThat(bids).containsOnlyKeys("EP101_030_0060", "EP101_010_0030");
        assertThat(bids.get("EP101_030_0060")).containsExactly(
                new ArtistDays("TRADITIONAL", "roto", new BigDecimal("6")),
                new ArtistDays("roto-ai", "roto", new BigDecimal("0.5000")),
                new GpuHours("roto-ai", new BigDecimal("2.5")));
        assertThat(bids.get("EP101_010_0030")).containsExactly(new VendorCost("snow-vendor", new BigDecimal("1800"), "USD"));
    }

    @Test
    void headersMayBeAShotGridStyleSubsetInAnyOrder() {
        Map<String, List<EstimateOverride>> bids = read("""
                Bid Days,Step,Shot Code,Mode
                3,comp,EP101_030_0060,TRADITIONAL
                """);

        assertThat(bids.get("EP101_030_0060")).containsExactly(new ArtistDays("TRADITIONAL", "comp", new BigDecimal("3")));
    }

    @Test
    void unknownShotModeAndDisciplineAreEachNamedWithLineColumnAndField() {
        List<Problem> problems = problems("""
                shot,mode,discipline,artist_days
                EP999_000_0000,traditional,roto,2
                EP101_030_0060,magic-ai,roto,2
                EP101_030_0060,traditional,rotoscope,2
                """);

        assertThat(problems).extracting(Problem::toString).containsExactly(
                "estimates.csv line 2, column 1 (shot): unknown shot 'EP999_000_0000'; expected a shot of show NVB",
                "estimates.csv line 3, column 2 (mode): unknown mode 'magic-ai'; expected traditional or one of the "
                        + "show's AI capabilities: crowd-vendor, paint-ai, roto-ai, sky-ai, snow-vendor, upres-x2",
                "estimates.csv line 4, column 3 (discipline): unknown discipline 'rotoscope'; the show has anim, cg, "
                        + "comp, dmp, fx, matchmove, paint, roto");
    }

    @Test
    void eligibilityWinsOverAnAiBid() {
        List<Problem> problems = problems("""
                shot,mode,gpu_hours
                EP101_040_0040,sky-ai,1
                EP103_040_0030,roto-ai,1
                EP101_030_0060,sky-ai,1
                """);

        assertThat(problems).extracting(Problem::line, Problem::field, Problem::message).containsExactly(
                tuple(2, "mode", "shot EP101_040_0040 may not go to sky-ai (marked human-only), "
                        + "so the bid would never be used; bid it traditional"),
                tuple(3, "mode", "shot EP103_040_0030 may not go to roto-ai (performer likeness "
                        + "without consent on file), so the bid would never be used; bid it traditional"),
                tuple(4, "mode", "shot EP101_030_0060 may not go to sky-ai (sky-ai does sky_replacement work, not the"
                        + " shot's roto), so the bid would never be used; bid it traditional"));
    }

    @Test
    void quantitiesMustFitTheirMode() {
        List<Problem> problems = problems("""
                shot,mode,discipline,artist_days,gpu_hours,vendor_cost
                EP101_030_0060,traditional,,,3,
                EP101_030_0060,roto-ai,,,,900
                EP101_010_0030,snow-vendor,,,2,
                """);

        assertThat(problems).extracting(Problem::line, Problem::field).containsExactly(
                tuple(2, "gpu_hours"),
                tuple(3, "vendor_cost"),
                tuple(4, "gpu_hours"));
        assertThat(problems.get(0).message()).isEqualTo(
                "GPU-hours are for an in-house AI capability; traditional is done by artists");
    }

    @Test
    void badNumbersMissingPartsEmptyLinesAndRepeatsAreReported() {
        List<Problem> problems = problems("""
                shot,mode,discipline,artist_days,gpu_hours,vendor_cost
                EP101_030_0060,traditional,roto,-2,,
                EP101_030_0060,traditional,roto,,,
                EP101_030_0060,traditional,,2,,
                EP101_030_0060,roto-ai,,,lots,
                EP101_010_0030,snow-vendor,,,,1800 XYZ
                EP101_030_0060,traditional,comp,1,,
                EP101_030_0060,TRADITIONAL,comp,1.5,,
                EP101_030_0060,roto-ai,,,0.12345,
                """);

        assertThat(problems).extracting(Problem::line, Problem::field).containsExactly(
                tuple(2, "artist_days"),
                tuple(3, ""),
                tuple(4, "discipline"),
                tuple(5, "gpu_hours"),
                tuple(6, "vendor_cost"),
                tuple(8, "artist_days"),
                tuple(9, "gpu_hours"));
        assertThat(problems.get(5).message()).isEqualTo(
                "shot EP101_030_0060 already has this bid (TRADITIONAL comp 1.5 days) on line 7; keep one");
    }

    /**
     * A quote is in the currency its line names, else the one written with it, else the vendor's (the show's here);
     * a currency on a line that quotes nothing is a mistake.
     */
    @Test
    void aQuoteKeepsItsCurrency() {
        String good = """
                shot,mode,discipline,artist_days,gpu_hours,vendor_cost,currency
                EP101_010_0030,snow-vendor,,,,1800,eur
                EP101_020_0030,snow-vendor,,,,ARS 1500000,
                EP101_020_0040,snow-vendor,,,,2100,
                """;
        List<Problem> problems = problems(good + """
                EP101_030_0060,traditional,roto,3,,,USD
                EP101_020_0050,snow-vendor,,,,900 GBP,EUR
                """);

        assertThat(problems).extracting(Problem::line, Problem::field, Problem::message).containsExactly(
                tuple(5, "currency", "a currency is for a vendor quote; this line gives no vendor_cost"),
                tuple(6, "vendor_cost", "currency GBP does not match the quote's currency EUR; convert the amount first"));
        assertThat(read(good)).containsExactly(
                Map.entry("EP101_010_0030", List.of(new VendorCost("snow-vendor", new BigDecimal("1800"), "EUR"))),
                Map.entry("EP101_020_0030", List.of(new VendorCost("snow-vendor", new BigDecimal("1500000"), "ARS"))),
                Map.entry("EP101_020_0040", List.of(new VendorCost("snow-vendor", new BigDecimal("2100"), "USD"))));
    }

    @Test
    void theExamplesQuotesInOtherCurrenciesRead() {
        Map<String, List<EstimateOverride>> bids = new EstimatesCsvReader().read(
                Source.of(ShowFolderReaderTest.EXAMPLE.resolve("bids/quotes-in-other-currencies.csv")), SNOWFALL);

        assertThat(bids).containsExactly(
                Map.entry("EP101_020_0030", List.of(new VendorCost("snow-vendor", new BigDecimal("1750"), "EUR"))),
                Map.entry("EP101_020_0050", List.of(new VendorCost("snow-vendor", new BigDecimal("1650000"), "ARS"))));
    }

    @Test
    void aHeaderWithoutAQuantityOrAnEmptyFileIsOneProblem() {
        assertThat(problems("shot,mode,discipline\n")).extracting(Problem::field).containsExactly("artist_days");
        assertThat(problems("")).extracting(Problem::message)
                .containsExactly("is empty; expected the header line " + EstimatesCsvReader.HEADER);
    }

    @Test
    void aShowFolderWithAnEstimatesFileCarriesItsBidsAndWritesThemBack() throws Exception {
        new ShowFolderWriter().write(SNOWFALL, dir);
        Files.writeString(dir.resolve("estimates.csv"), "shot,mode,discipline,artist_days\nEP101_030_0060,traditional,roto,6\n");

        Show withBids = new ShowFolderReader().read(dir);
        new ShowFolderWriter().write(withBids, dir.resolve("again"));

        assertThat(withBids.shots()).filteredOn(s -> !s.estimateOverrides().isEmpty()).singleElement()
                .satisfies(s -> assertThat(s.estimateOverrides())
                        .containsExactly(new ArtistDays("TRADITIONAL", "roto", new BigDecimal("6"))));
        assertThat(dir.resolve("again/estimates.csv")).exists();
        assertThat(new ShowFolderReader().read(dir.resolve("again"))).isEqualTo(withBids);
    }

    @Test
    void aShowFolderWhoseBidsAreWrongYieldsNoShot() throws Exception {
        new ShowFolderWriter().write(SNOWFALL, dir);
        Files.writeString(dir.resolve("estimates.csv"), "shot,mode,discipline,artist_days\nEP101_030_0060,traditional,roto,x\n");

        List<Problem> problems = catchThrowableOfType(ImportProblems.class, () -> new ShowFolderReader().read(dir)).problems();

        assertThat(problems).extracting(Problem::file, Problem::line, Problem::field)
                .containsExactly(tuple("estimates.csv", 2, "artist_days"));
    }
}
