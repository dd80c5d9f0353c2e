package io.shotplan.psplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PsplibReaderTest {

    private static final Path FILE = Path.of("j1010_1.mm");

    static PsplibInstance j1010_1() {
        return PsplibReader.parse(FILE, "j1010_1", PsplibSamples.J1010_1.lines().toList());
    }

    @Test
    void readsJobsModesPrecedenceAndCapacities() {
        PsplibInstance instance = j1010_1();

        assertThat(instance.name()).isEqualTo("j1010_1");
        assertThat(instance.jobCount()).isEqualTo(12);
        assertThat(instance.horizon()).isEqualTo(77);
        assertThat(instance.renewableCapacity()).containsExactly(11, 9);
        assertThat(instance.nonRenewableCapacity()).containsExactly(42, 17);
        assertThat(instance.job(1).successors()).containsExactly(2, 3, 4);
        assertThat(instance.job(6).successors()).containsExactly(7, 8, 10);
        assertThat(instance.job(12).successors()).isEmpty();
        assertThat(instance.job(1).modes()).hasSize(1);
        assertThat(instance.job(2).modes()).hasSize(3);
        // "  2      1     1       7    0    7    0" then "3     6       0    3    7    0"
        assertThat(instance.job(2).mode(1)).isEqualTo(new PsplibMode(1, 1, List.of(7, 0), List.of(7, 0)));
        assertThat(instance.job(2).mode(3)).isEqualTo(new PsplibMode(3, 6, List.of(0, 3), List.of(7, 0)));
        assertThat(instance.job(11).mode(3)).isEqualTo(new PsplibMode(3, 6, List.of(0, 2), List.of(0, 1)));
        assertThat(instance.predecessors().get(11)).containsExactly(9, 10, 11);
    }

    @Test
    void failsLoudlyOnARequestRowItCannotParse() {
        List<String> lines = new ArrayList<>(PsplibSamples.J1010_1.lines().toList());
        int row = lines.indexOf(lines.stream().filter(l -> l.startsWith("  5      1")).findFirst().orElseThrow());
        lines.set(row, "  5      1     1       9    x    9    0");

        assertThatThrownBy(() -> PsplibReader.parse(FILE, "j1010_1", lines))
                .isInstanceOf(PsplibFormatException.class)
                .hasMessageContaining("j1010_1.mm:" + (row + 1))
                .hasMessageContaining("9    x");
    }

    @Test
    void failsWhenAJobHasFewerModeRowsThanDeclared() {
        List<String> lines = new ArrayList<>(PsplibSamples.J1010_1.lines().toList());
        lines.removeIf(l -> l.startsWith("         3     6       0    3    7    0"));

        assertThatThrownBy(() -> PsplibReader.parse(FILE, "j1010_1", lines))
                .isInstanceOf(PsplibFormatException.class)
                .hasMessageContaining("mode 3 of job 2");
    }

    @Test
    void failsWhenASectionIsMissing() {
        List<String> lines = PsplibSamples.J1010_1.lines().takeWhile(l -> !l.startsWith("RESOURCEAVAILABILITIES")).toList();

        assertThatThrownBy(() -> PsplibReader.parse(FILE, "j1010_1", lines))
                .isInstanceOf(PsplibFormatException.class)
                .hasMessageContaining("RESOURCEAVAILABILITIES");
    }
}
