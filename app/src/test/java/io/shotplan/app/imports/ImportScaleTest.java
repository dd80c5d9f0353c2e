package io.shotplan.app.imports;

import static io.shotplan.sql.schema.Tables.SHOT;
import static io.shotplan.sql.schema.Tables.SHOT_DEPENDENCY;
import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.show.io.Source;
import io.shotplan.sql.Database;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A long shot list in one transaction: 40,000 shots, each waiting for the one before (more bind values than one statement takes). */
class ImportScaleTest {

    static final int SHOTS = 40_000;

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void fortyThousandChainedShotsImportInOneGo(Supplier<Database> databases) {
        StringBuilder csv = new StringBuilder("code,episode,sequence,frame_count,work_type,complexity,depends_on\n");
        for (int i = 0; i < SHOTS; i++) {
            String episode = "EP10" + (1 + i % 6);
            csv.append("BIG_").append(i).append(',').append(episode).append(",BIG_").append(i / 100).append(",96,roto,2,")
                    .append(i == 0 ? "" : "BIG_" + (i - 1)).append('\n');
        }
        try (ImportServiceTest.Fixture f = ImportServiceTest.Fixture.of(databases)) {
            long start = System.nanoTime();
            ImportResult result = f.imports().importShots("NVB",
                    Source.of("big.csv", csv.toString().getBytes(StandardCharsets.UTF_8)), null);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("imported %d shots with %d dependencies in %d ms%n", SHOTS, SHOTS - 1, millis);

            assertThat(result.shotsAdded()).hasSize(SHOTS);
            assertThat(f.dsl().fetchCount(SHOT, SHOT.CODE.like("BIG\\_%"))).isEqualTo(SHOTS);
            assertThat(f.dsl().fetchCount(SHOT_DEPENDENCY)).isGreaterThanOrEqualTo(SHOTS - 1);
        }
    }
}
