package io.shotplan.show.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.show.Shot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Mangled CSV, EDL and show files thrown at the readers: whatever comes in, a reader returns its result whole or
 * throws {@link ImportProblems} naming at least one problem — never another exception, never part of a file.
 */
class MangledInputPropertiesTest {

    static final String CSV = read("shots.csv").lines().limit(40).reduce("", (a, b) -> a + b + "\n");
    static final String EDL = read("editorial/EP103_vfx_pull_v004.edl");
    static final String ACTUALS = read("actuals/timesheets-2027-03.csv");
    static final String SHOW = read("show.yaml");
    static final String NOISE = ",;\"\t\n\r:*#0123456789-_.xX ;VCD\u00e9\u2192\u0000{}[]'";

    record Mutation(int position, int kind, String text) {
    }

    @Provide
    Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, 4),
                Arbitraries.strings().withChars(NOISE).ofMinLength(1).ofMaxLength(6)).as(Mutation::new);
    }

    static String mangle(String text, List<Mutation> mutations) {
        StringBuilder out = new StringBuilder(text);
        for (Mutation m : mutations) {
            if (out.isEmpty()) {
                out.append(m.text());
                continue;
            }
            int at = m.position() % out.length();
            switch (m.kind()) {
                case 0 -> out.insert(at, m.text());
                case 1 -> out.delete(at, Math.min(out.length(), at + m.text().length() * 3));
                case 2 -> out.replace(at, Math.min(out.length(), at + m.text().length()), m.text());
                case 3 -> out.setLength(at); // truncated upload
                default -> { // a line moved elsewhere
                    int end = out.indexOf("\n", at);
                    String line = out.substring(at, end < 0 ? out.length() : end);
                    out.delete(at, end < 0 ? out.length() : end);
                    out.insert(new Random(m.position()).nextInt(out.length() + 1), line);
                }
            }
        }
        return out.toString();
    }

    @Property(tries = 400)
    void aMangledShotListIsReadWholeOrReported(@ForAll @Size(max = 8) List<@net.jqwik.api.From("mutation") Mutation> mutations) {
        String csv = mangle(CSV, mutations);
        wholeOrReported(() -> new ShotListCsvReader().read(source("shots.csv", csv), ShotListCsvReaderTest.NEW_SHOTS),
                shots -> assertThat(shots).allSatisfy(s -> assertThat(s.frameCount()).isPositive()));
    }

    @Property(tries = 400)
    void aMangledEdlIsReadWholeOrReported(@ForAll @Size(max = 8) List<@net.jqwik.api.From("mutation") Mutation> mutations) {
        String edl = mangle(EDL, mutations);
        wholeOrReported(() -> new EdlReader().read(source("pull.edl", edl), EdlReaderTest.EP103.withFps(
                mutations.size() % 2 == 0 ? EdlOptions.DEFAULT_FPS : EdlReaderTest.NTSC), ShotListCsvReaderTest.NEW_SHOTS),
                shots -> assertThat(shots).extracting(Shot::frameCount).allMatch(f -> f > 0));
    }

    @Property(tries = 300)
    void mangledActualsAreReadWholeOrReported(@ForAll @Size(max = 8) List<@net.jqwik.api.From("mutation") Mutation> mutations) {
        String csv = mangle(ACTUALS, mutations);
        wholeOrReported(() -> new ActualsCsvReader().read(source("actuals.csv", csv), ActualsCsvReaderTest.SEASON),
                lines -> assertThat(lines).allSatisfy(a -> assertThat(a.amount()).isNotNull()));
    }

    @Property(tries = 200)
    void aMangledShowFileIsReadWholeOrReported(@ForAll @Size(max = 6) List<@net.jqwik.api.From("mutation") Mutation> mutations) {
        String yaml = mangle(SHOW, mutations);
        wholeOrReported(() -> new ShowFolderReader().read(source("show.yaml", yaml),
                        name -> java.util.Optional.of(source("shots.csv", CSV))),
                show -> assertThat(show.episodes()).allSatisfy(e -> assertThat(e.deliveryDate()).isNotNull()));
    }

    @Property(tries = 300)
    void randomBytesAreReported(@ForAll byte[] bytes) {
        wholeOrReported(() -> new ShotListCsvReader().read(Source.of("noise.csv", bytes), ShotListCsvReaderTest.NEW_SHOTS),
                shots -> { });
        wholeOrReported(() -> new EdlReader().read(Source.of("noise.edl", bytes), EdlReaderTest.EP103,
                ShotListCsvReaderTest.NEW_SHOTS), shots -> { });
    }

    static <T> void wholeOrReported(Supplier<T> read, java.util.function.Consumer<T> whole) {
        T result;
        try {
            result = read.get();
        } catch (ImportProblems e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).isNotBlank());
            return;
        }
        whole.accept(result);
    }

    static Source source(String name, String text) {
        return Source.of(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static String read(String name) {
        try {
            return Files.readString(Path.of("../examples/snowfall").resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
