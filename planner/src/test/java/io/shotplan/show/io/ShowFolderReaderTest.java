package io.shotplan.show.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.shotplan.show.AiCapability;
import io.shotplan.show.Episode;
import io.shotplan.show.Shot;
import io.shotplan.show.ShotEstimator;
import io.shotplan.show.Show;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowFolderReaderTest {

    static final Path EXAMPLE = Path.of("../examples/snowfall");

    @TempDir
    Path dir;

    @Test
    void theExampleIsASeasonOfSixEpisodesAndAboutFourHundredShots() {
        Show show = new ShowFolderReader().read(EXAMPLE);

        assertThat(show.code()).isEqualTo("NVB");
        assertThat(show.episodes()).extracting(Episode::code)
                .containsExactly("EP101", "EP102", "EP103", "EP104", "EP105", "EP106");
        assertThat(show.shots()).hasSizeBetween(300, 500);
        assertThat(show.shots()).extracting(Shot::workType).contains("destruction", "snow_atmos", "crowd",
                "set_extension", "sky_replacement", "cleanup", "roto", "plate_upres", "de_aging");
        AiCapability upres = show.capabilities().stream().filter(c -> c.code().equals("upres-x2")).findFirst().orElseThrow();
        assertThat(upres.model()).isEqualTo("esrgan-slim-x2");
        assertThat(upres.workType()).isEqualTo("plate_upres");
        assertThat(show.shots()).anyMatch(s -> s.performerLikeness() && s.consentOnFile())
                .anyMatch(s -> s.performerLikeness() && !s.consentOnFile())
                .anyMatch(Shot::humanOnly)
                .anyMatch(s -> !s.dependsOn().isEmpty());
        assertThat(show.shots().getFirst().notes()).containsKeys("scene", "sg_cut_in", "sg_cut_out");
    }

    @Test
    void theExampleCostsAboutTwoThousandPerShotAndDoesNotFitItsBudgetAllTraditional() {
        Show show = new ShowFolderReader().read(EXAMPLE);
        ShotEstimator estimator = new ShotEstimator(show);

        BigDecimal traditional = show.shots().stream().map(s -> estimator.traditional(s).totalCost())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal perShot = traditional.divide(BigDecimal.valueOf(show.shots().size()), 0, java.math.RoundingMode.HALF_EVEN);

        assertThat(perShot).isBetween(BigDecimal.valueOf(1200), BigDecimal.valueOf(2500));
        assertThat(traditional).isGreaterThan(show.spendableBudget());
        assertThat(traditional).isLessThan(show.spendableBudget().multiply(new BigDecimal("1.25")));
    }

    @Test
    void everyProblemInTheShowFileIsReportedWithItsLine() throws IOException {
        Files.writeString(dir.resolve("show.yaml"), """
                code: TST
                name: Test show
                currency: USD
                start_date: 2027-02-01
                episodes:
                  - { code: EP1, delivery_date: 2027-06-01, budget: 1000 }
                  - { code: EP2, budget: 1000 }
                  - { code: EP3, delivery_date: 2027-01-15, budget: 1000 }
                  - { code: EP4, delivery_date: 2027-07-01, budget: 1000 EUR }
                disciplines:
                  - { code: comp, day_rate: 600 }
                bid_template:
                  - { work_type: roto, complexity: 2, days_per_100_frames: { rotoscoping: 2 } }
                colour: blue
                """);

        ImportProblems problems = catchThrowableOfType(ImportProblems.class,
                () -> new ShowFolderReader().read(dir));

        assertThat(problems.problems()).extracting(Problem::line, Problem::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(7, "episode EP2 has no delivery date; expected delivery_date: YYYY-MM-DD"),
                org.assertj.core.groups.Tuple.tuple(8, "episode EP3 is due 2027-01-15, before the show starts on 2027-02-01;"
                        + " expected a delivery date on or after start_date"),
                org.assertj.core.groups.Tuple.tuple(9, "currency EUR does not match the show's currency USD; convert the amount first"),
                org.assertj.core.groups.Tuple.tuple(13, "unknown discipline 'rotoscoping'; the show has comp"),
                org.assertj.core.groups.Tuple.tuple(14, "unknown key 'colour'; expected one of code, name, currency, rate_currency, start_date,"
                        + " contingency_percent, review_buffer_days, episodes, disciplines, crew, calendar_exceptions,"
                        + " gpu_pools, rate_cards, ai_capabilities, bid_template, policy, shot_list"));
        assertThat(problems.problems()).allMatch(p -> p.file().equals("show.yaml") && p.column() > 0);
        assertThat(problems.problems().get(0).field()).isEqualTo("episodes[1]");
    }

    @Test
    void aRateCardIsCheckedAgainstTheShowsDisciplinesPoolsAndStart() throws IOException {
        Files.writeString(dir.resolve("show.yaml"), """
                code: TST
                name: Test show
                currency: USD
                start_date: 2027-02-01
                episodes:
                  - { code: EP1, delivery_date: 2027-06-01, budget: 1000 }
                disciplines:
                  - { code: comp, day_rate: 600 }
                gpu_pools:
                  - { code: render-a, gpu_type: L40S, count: 4, hourly_rate: 1.90, hours_per_day: 20 }
                rate_cards:
                  - { name: May, effective_from: 2027-05-03, day_rates: { comp: 650, rotoscoping: 400 } }
                  - { name: Early, effective_from: 2027-01-04, hourly_rates: { render-a: 2.10 } }
                  - { name: June, effective_from: 2027-06-01 }
                bid_template:
                  - { work_type: roto, complexity: 2, days_per_100_frames: { comp: 2 } }
                """);

        ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> new ShowFolderReader().read(dir));

        assertThat(problems.problems()).extracting(Problem::line, Problem::field, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(12, "rate_cards[0].day_rates.rotoscoping",
                        "unknown discipline 'rotoscoping'; the show has comp"),
                org.assertj.core.groups.Tuple.tuple(13, "rate_cards[1].effective_from", "the card takes effect on"
                        + " 2027-01-04, not after the show starts on 2027-02-01; the disciplines' and GPU pools' rates"
                        + " are the card in force from the start"),
                org.assertj.core.groups.Tuple.tuple(14, "rate_cards[2]", "rate card June changes no rate; expected"
                        + " day_rates: { comp: 650 } or hourly_rates: { render-a: 2.10 }"));
    }

    @Test
    void aRateCardInAnotherCurrencyNamesItAndEveryRate() throws IOException {
        String show = """
                code: TST
                name: Test show
                currency: USD
                start_date: 2027-02-01
                episodes:
                  - { code: EP1, delivery_date: 2027-06-01, budget: 1000 }
                disciplines:
                  - { code: comp, day_rate: 600 }
                gpu_pools:
                  - { code: render-a, gpu_type: L40S, count: 4, hourly_rate: 1.90, hours_per_day: 20 }
                rate_cards:
                  - { name: Studio, currency: ARS, effective_from: 2027-05-03, day_rates: { comp: 650000 }%s }
                bid_template:
                  - { work_type: roto, complexity: 2, days_per_100_frames: { comp: 2 } }
                """;
        Files.writeString(dir.resolve("show.yaml"), show.formatted(""));

        ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> new ShowFolderReader().read(dir));

        assertThat(problems.problems()).extracting(Problem::line, Problem::field, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(12, "rate_cards[0]", "rate card Studio is in ARS, the card before"
                        + " it in USD: expected every discipline's day rate and every GPU pool's hourly rate in ARS"));

        Files.writeString(dir.resolve("show.yaml"), show.formatted(", hourly_rates: { render-a: 2000 }"));
        assertThat(new ShowFolderReader().read(dir).rateChanges()).singleElement()
                .satisfies(card -> assertThat(card.currency()).isEqualTo("ARS"));
    }

    @Test
    void theExamplesRateCardsAreWrittenBackAsTheyWereRead() throws IOException {
        Show show = new ShowFolderReader().read(EXAMPLE);
        new ShowFolderWriter().write(show, dir);

        assertThat(show.rateChanges()).isNotEmpty();
        assertThat(new ShowFolderReader().read(dir).rateChanges()).isEqualTo(show.rateChanges());
    }

    @Test
    void aShowFileThatIsNotYamlIsOneProblemAtItsLine() throws IOException {
        Files.writeString(dir.resolve("show.yaml"), "code: TST\nname: [unclosed\ncurrency: USD\n");

        assertThatThrownBy(() -> new ShowFolderReader().read(dir)).isInstanceOf(ImportProblems.class)
                .satisfies(e -> assertThat(((ImportProblems) e).problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.message()).startsWith("is not valid YAML");
                            assertThat(p.line()).isPositive();
                        }));
    }

    @Test
    void problemsInTheShotListComeWithTheShowFilesUnderTheirOwnFileName() throws IOException {
        copyExample();
        Files.writeString(dir.resolve("show.yaml"), Files.readString(dir.resolve("show.yaml"))
                .replace("code: EP106, title: \"Deshielo\",            delivery_date: 2027-09-17,", "code: EP106, title: \"Deshielo\","));
        List<String> lines = Files.readAllLines(dir.resolve("shots.csv"));
        lines.set(2, lines.get(2).replace(",plate_upres,", ",plate_upress,"));
        Files.write(dir.resolve("shots.csv"), lines);

        ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> new ShowFolderReader().read(dir));

        assertThat(problems.problems()).extracting(Problem::file).containsExactly("show.yaml", "shots.csv");
        assertThat(problems.problems().get(1).line()).isEqualTo(3);
        assertThat(problems.problems().get(1).field()).isEqualTo("work_type");
        assertThat(problems.problems().get(1).message()).startsWith("unknown work type 'plate_upress'; the bid template has cleanup, crowd");
    }

    @Test
    void aJsonShowFileReadsLikeItsYaml() throws IOException {
        Files.writeString(dir.resolve("show.json"), """
                { "code": "J1", "name": "Json show", "currency": "EUR", "start_date": "2027-01-04",
                  "episodes": [ { "code": "E1", "delivery_date": "2027-03-01", "budget": "25000.50 EUR" } ],
                  "disciplines": [ { "code": "comp", "day_rate": 610 } ],
                  "bid_template": [ { "work_type": "cleanup", "complexity": 1, "days_per_100_frames": { "comp": 1.5 } } ],
                  "shot_list": "shots.csv" }
                """);
        Files.writeString(dir.resolve("shots.csv"), "code,episode,frame_count,work_type,complexity\nE1_010,E1,48,cleanup,1\n");

        Show show = new ShowFolderReader().read(dir);

        assertThat(show.episodes().getFirst()).isEqualTo(new Episode("E1", null, LocalDate.of(2027, 3, 1), new BigDecimal("25000.50")));
        assertThat(show.shots()).singleElement().satisfies(s -> assertThat(s.frameCount()).isEqualTo(48));
    }

    @Test
    void aShowFileOfOneLongArrayIsRefusedAtItsTokenLimitNotHeldWhole() {
        // 5 MB of one array: today's limit of 50 MB per file allows it, the show file's token limit does not
        String json = "{ \"code\": \"BIG\", \"episodes\": [" + "1,".repeat(2_500_000) + "1] }";

        ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> new ShowFolderReader().read(
                Source.of("show.json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), name -> Optional.empty()));

        assertThat(problems.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("show.json");
            assertThat(p.message()).startsWith("is beyond what a show file may hold: token count")
                    .contains(String.valueOf(ImportLimits.SHOW_FILE_MAX_TOKENS));
        });
    }

    @Test
    void aShowFileNestedDeeperThanItsKeysIsRefused() {
        String yaml = "code: DEEP\nname: " + "[".repeat(200) + "]".repeat(200) + "\n";

        ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> new ShowFolderReader().read(
                Source.of("show.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), name -> Optional.empty()));

        assertThat(problems.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("is beyond what a show file may hold:").contains("nesting depth")
                .contains(String.valueOf(ImportLimits.SHOW_FILE_MAX_DEPTH)));
    }

    @Test
    void aYamlShowFileOfNestedAliasesIsNotExpanded() {
        StringBuilder yaml = new StringBuilder("code: LOL\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*l" + (i - 1)))).append("]\n");
        }

        ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> new ShowFolderReader().read(
                Source.of("show.yaml", yaml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), name -> Optional.empty()));

        // a billion laughs expanded would be 9¹⁰ strings; read as written, it is ten unknown keys and the missing ones
        assertThat(problems.problems()).hasSizeLessThan(20)
                .anySatisfy(p -> assertThat(p.message()).startsWith("unknown key 'l9'"));
    }

    @Test
    void aReferenceResolutionBeyondTheLimitIsAProblemAtItsLine() throws IOException {
        copyExample();
        Files.writeString(dir.resolve("show.yaml"), Files.readString(dir.resolve("show.yaml"))
                .replaceFirst("reference_resolution: 1920x1080", "reference_resolution: 40000x1080"));

        ImportProblems problems = catchThrowableOfType(ImportProblems.class, () -> new ShowFolderReader().read(dir));

        assertThat(problems.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.field()).endsWith("reference_resolution");
            assertThat(p.message()).isEqualTo("40000x1080 is larger than the limit of 16384 pixels per side"
                    + " (shotplan.import.max-resolution-side)");
        });
    }

    @Test
    void aShotListOutsideTheFolderIsNotRead() throws IOException {
        copyExample();
        Files.writeString(dir.resolve("show.yaml"), Files.readString(dir.resolve("show.yaml"))
                .replace("shot_list: shots.csv", "shot_list: ../../etc/passwd"));

        assertThatThrownBy(() -> new ShowFolderReader().read(dir)).isInstanceOf(ImportProblems.class)
                .hasMessageContaining("names '../../etc/passwd', which is not a file in the show folder");
    }

    @Test
    void anUploadedShowFileFindsItsShotListAndHandBidsAmongTheOtherUploads() throws IOException {
        Source showFile = Source.of("show.yaml", Files.readAllBytes(EXAMPLE.resolve("show.yaml")));
        Map<String, Source> uploads = Map.of(
                "shots.csv", Source.of("shots.csv", Files.readAllBytes(EXAMPLE.resolve("shots.csv"))),
                "estimates.csv", Source.of("estimates.csv", Files.readAllBytes(EXAMPLE.resolve("estimates.csv"))));

        Show show = new ShowFolderReader().read(showFile, name -> Optional.ofNullable(uploads.get(name)));

        assertThat(show).isEqualTo(new ShowFolderReader().read(EXAMPLE));
    }

    @Test
    void aShowFileMayBeNamedInsteadOfItsFolder() {
        assertThat(new ShowFolderReader().read(EXAMPLE.resolve("show.yaml"))).isEqualTo(new ShowFolderReader().read(EXAMPLE));
    }

    @Test
    void aFolderWithoutShowFileIsOneProblem() {
        assertThatThrownBy(() -> new ShowFolderReader().read(dir)).isInstanceOf(ImportProblems.class)
                .hasMessageEndingWith("has no show file; expected one of show.yaml, show.yml, show.json");
    }

    private void copyExample() throws IOException {
        for (String name : List.of("show.yaml", "shots.csv")) {
            Files.copy(EXAMPLE.resolve(name), dir.resolve(name));
        }
    }
}
