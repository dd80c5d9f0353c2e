package io.shotplan.app.imports;

import static io.shotplan.sql.schema.Tables.SHOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.show.io.EdlOptions;
import io.shotplan.show.io.ImportProblems;
import io.shotplan.sql.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mangled shot lists, EDLs and actuals imported into a stored show: each import adds the whole file or changes
 * nothing, whatever the damage.
 */
class MangledImportTest {

    static final String NOISE = ",;\"\t\n:*0123456789-_. VCD\u00e9";
    static final int FILES = 25;

    static String mangle(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        for (int i = random.nextInt(6); i >= 0; i--) {
            int at = random.nextInt(out.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> out.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                case 1 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(4)));
                case 2 -> out.setLength(Math.max(at, out.length() - random.nextInt(40)));
                default -> {
                    if (at < out.length()) {
                        out.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    }
                }
            }
        }
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void aMangledFileIsImportedWholeOrNotAtAll(Supplier<Database> databases) throws IOException {
        String shots = """
                code,episode,sequence,frame_count,work_type,complexity,depends_on,plate_ready_date
                EP102_990_0010,EP102,EP102_990,96,snow_atmos,3,,2027-03-01
                EP102_990_0020,EP102,EP102_990,48,roto,2,EP102_990_0010,2027-03-02
                EP102_990_0030,EP102,EP102_990,120,cleanup,1,EP101_010_0010,2027-03-02
                EP102_990_0040,EP102,EP102_990,72,sky_replacement,2,EP102_990_0020;EP102_990_0010,2027-03-04
                """;
        String edl = Files.readString(ImportServiceTest.EXAMPLE.resolve("editorial/EP103_vfx_pull_v004.edl"));
        String actuals = Files.readString(ImportServiceTest.EXAMPLE.resolve("actuals/timesheets-2027-03.csv"));
        try (ImportServiceTest.Fixture f = ImportServiceTest.Fixture.of(databases)) {
            Random random = new Random(20270201);
            int whole = 0;
            int rejected = 0;
            for (int i = 0; i < FILES; i++) {
                for (String kind : List.of("shots", "edl", "actuals")) {
                    String text = mangle(switch (kind) {
                        case "shots" -> shots.replace("EP102_990", "EP102_99" + i % 10 + "_" + i);
                        case "edl" -> edl.replace("EP103_0", "EP103_" + (100 + i) + "_0");
                        default -> actuals.replace("TS-2027-09", "TS-" + i);
                    }, random);
                    List<String> before = ImportServiceTest.snapshot(f.dsl());
                    int shotsBefore = f.dsl().fetchCount(SHOT);
                    try {
                        ImportResult result = switch (kind) {
                            case "shots" -> f.imports().importShots("NVB", ImportServiceTest.csv("s.csv", text), null);
                            case "edl" -> f.imports().importEdl("NVB", ImportServiceTest.csv("p.edl", text),
                                    EdlOptions.of("EP103", "cleanup", 2));
                            default -> f.imports().importActuals("NVB", ImportServiceTest.csv("a.csv", text));
                        };
                        whole++;
                        assertThat(f.dsl().fetchCount(SHOT)).isEqualTo(shotsBefore + result.shotsAdded().size());
                        assertThat(f.dsl().fetchCount(SHOT, SHOT.CODE.in(result.shotsAdded()))).isEqualTo(result.shotsAdded().size());
                    } catch (ImportProblems e) {
                        rejected++;
                        assertThat(e.problems()).isNotEmpty();
                        assertThat(ImportServiceTest.snapshot(f.dsl())).isEqualTo(before);
                    }
                }
            }
            assertThat(whole).as("some mangled files still import").isPositive();
            assertThat(rejected).as("most mangled files are rejected").isPositive();
        }
    }
}
