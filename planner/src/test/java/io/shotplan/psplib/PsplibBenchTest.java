package io.shotplan.psplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PsplibBenchTest {

    @Test
    void parsesTheDocumentedOptions() {
        PsplibBench.Options options = PsplibBench.parse(new String[] {"sets/j10.mm", "--time-limit", "2.5s", "--threads",
                "2", "--out", "r.csv", "--sample", "10", "--sample-offset", "3", "--seed", "4", "--move-limit", "1000",
                "--cp-sat-deterministic-time", "2.5"});

        assertThat(options).isEqualTo(new PsplibBench.Options(Path.of("sets/j10.mm"), Duration.ofMillis(2500), 2,
                Optional.of(Path.of("r.csv")), 10, 4, 1000, 3, 2.5));
    }

    @Test
    void cpSatsDeterministicBudgetIsItsOwnOrTheMoveLimits() {
        PsplibBench.Options own = PsplibBench.parse(new String[] {"dir", "--move-limit", "180000",
                "--cp-sat-deterministic-time", "3"});
        PsplibBench.Options fromMoves = PsplibBench.parse(new String[] {"dir", "--move-limit", "180000"});
        PsplibBench.Options clock = PsplibBench.parse(new String[] {"dir"});

        assertThat(own.cpSatBudget()).isEqualTo(3.0);
        assertThat(fromMoves.cpSatBudget()).isCloseTo(1.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(clock.cpSatBudget()).isZero();
        assertThatThrownBy(() -> PsplibBench.parse(new String[] {"dir", "--cp-sat-deterministic-time", "-1"}))
                .hasMessageContaining("--cp-sat-deterministic-time");
    }

    @Test
    void rejectsUnknownOptionsAndAMissingFolder() {
        assertThatThrownBy(() -> PsplibBench.parse(new String[] {"dir", "--fast"})).hasMessageContaining("--fast");
        assertThatThrownBy(() -> PsplibBench.parse(new String[] {"--sample", "3"})).hasMessageContaining("Missing DIR");
    }

    @Test
    void aSampleSpreadsOverTheSetAndAnOffsetSampleIsDisjoint() {
        List<Path> files = IntStream.range(0, 20).mapToObj(i -> Path.of("f" + i)).toList();

        List<Path> first = PsplibBench.sample(files, 4, 0);
        List<Path> second = PsplibBench.sample(files, 4, 2);

        assertThat(first).containsExactly(Path.of("f0"), Path.of("f5"), Path.of("f10"), Path.of("f15"));
        assertThat(second).containsExactly(Path.of("f2"), Path.of("f7"), Path.of("f12"), Path.of("f17"));
    }

    @Test
    void summaryCountsFeasibleDeviationAndOptimaOnlyOverInstancesWithAReference() {
        List<PsplibBench.InstanceResult> results = List.of(
                new PsplibBench.InstanceResult("a", true, true, 10, Optional.of(10), 8, 100, 200, 1, 0),
                new PsplibBench.InstanceResult("b", true, true, 22, Optional.of(20), 8, 300, 400, 1, 0),
                new PsplibBench.InstanceResult("c", false, true, 0, Optional.of(30), 8, 0, 400, 1, 0));

        PsplibBench.Summary summary = PsplibBench.summarize(results);

        assertThat(summary.instances()).isEqualTo(3);
        assertThat(summary.feasible()).isEqualTo(2);
        assertThat(summary.atReference()).isEqualTo(1);
        assertThat(summary.meanDeviationPercent()).isEqualTo(5.0);
        // a: 10 against a proven 8 (25 %), b: 22 against 8 (175 %); c has no schedule to measure
        assertThat(summary.provenOptimal()).isZero();
        assertThat(summary.meanGapPercent()).isEqualTo(100.0);
    }
}
