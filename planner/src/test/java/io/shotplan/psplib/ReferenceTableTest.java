package io.shotplan.psplib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReferenceTableTest {

    private static final List<String> J14_EXCERPT = List.of(
            "Average CPU-Time : 1.31 sec.",
            "=======================================================================",
            "   Paramter Instance  Makespan\tCPU-Time[sec.]",
            "-----------------------------------------------------------------------",
            "       1,      1,\t16384,\t   0.00",
            "       6,      2,\t    31,\t   1.20",
            "       6,      3,\t    35\t ,   1.43",
            "       6,      6,\t    32\t ,   1.09",
            "");

    @Test
    void readsRowsWithASpaceBeforeTheComma() {
        ReferenceTable table = ReferenceTable.parse(Path.of("j14opt.mm"), "j14", J14_EXCERPT);

        assertThat(table.size()).isEqualTo(4);
        assertThat(table.makespan("j146_2")).contains(31);
        assertThat(table.makespan("j146_3")).contains(35);
        assertThat(table.makespan("j146_6")).contains(32);
    }

    @Test
    void marksInfeasibleInstancesAsHavingNoReference() {
        ReferenceTable table = ReferenceTable.parse(Path.of("j14opt.mm"), "j14", J14_EXCERPT);

        assertThat(table.makespan("j141_1")).isEmpty();
    }

    @Test
    void failsLoudlyOnARowItCannotParse() {
        List<String> lines = new ArrayList<>(J14_EXCERPT);
        lines.add("       6,      7;\t    32,   1.09");

        assertThatThrownBy(() -> ReferenceTable.parse(Path.of("j14opt.mm"), "j14", lines))
                .isInstanceOf(PsplibFormatException.class)
                .hasMessageContaining("j14opt.mm:10");
    }

    @Test
    void unknownInstanceIsAnError() {
        ReferenceTable table = ReferenceTable.parse(Path.of("j14opt.mm"), "j14", J14_EXCERPT);

        assertThatThrownBy(() -> table.makespan("j149_9")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsEveryRowOfTheSharedJ14TableWhenPresent() throws Exception {
        Path shared = Path.of("../../shared/benchmarks/psplib/j14opt.mm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(shared), "shared benchmarks not checked out");
        long dataRows = Files.readAllLines(shared).stream().filter(l -> l.matches("\\s*\\d+\\s*,.*")).count();

        ReferenceTable table = ReferenceTable.read(shared);

        assertThat(table.setName()).isEqualTo("j14");
        assertThat(table.size()).isEqualTo((int) dataRows);
        assertThat(table.makespan("j146_3")).contains(35);
    }
}
