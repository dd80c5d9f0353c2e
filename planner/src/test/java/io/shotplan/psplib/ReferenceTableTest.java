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

    /** The head and a row with a comma-free author of PSPLIB's heuristic-results file j30hrs.mm, as published. */
    private static final List<String> J30_HRS_EXCERPT = List.of(
            "solutionlist data/j30hrs.mm",
            "================================================================================",
            "Par     Inst    Makespan        Date                    Author",
            "================================================================================",
            "9,\t2,\t27,\t\tMon Sep  8 12:00:06 1997  Soenke Hartmann",
            "9,\t5,\t27,\t\tThu Jun 25 12:11:14 1998  K. Nonobe and T. Ibaraki",
            "10,\t1,\t26,\t\tSa  Apr  6 17:50:00 1996  R. Kolisch / A. Drexl",
            "64,\t10,\t36,\t\tSa  Apr  6 17:50:00 1996  R. Kolisch, A. Drexl");

    @Test
    void readsTheHeuristicResultsFormatWithDateAndAuthor() {
        ReferenceTable table = ReferenceTable.parse(Path.of("j30hrs.mm"), "j30", J30_HRS_EXCERPT);

        assertThat(table.kind()).isEqualTo(ReferenceTable.Kind.BEST_KNOWN);
        assertThat(table.asMap()).containsExactly(java.util.Map.entry("j309_2", 27), java.util.Map.entry("j309_5", 27),
                java.util.Map.entry("j3010_1", 26), java.util.Map.entry("j3064_10", 36));
    }

    @Test
    void aHeuristicRowWithoutItsAuthorFailsNamingTheLineAndTheHeader() {
        List<String> lines = new ArrayList<>(J30_HRS_EXCERPT);
        lines.add("11,\t2,\t28");

        assertThatThrownBy(() -> ReferenceTable.parse(Path.of("j30hrs.mm"), "j30", lines))
                .isInstanceOf(PsplibFormatException.class)
                .hasMessageContaining("j30hrs.mm:9")
                .hasMessageContaining("date and author");
    }

    @Test
    void theOptimumTableIsAnOptimumTable() {
        assertThat(ReferenceTable.parse(Path.of("j14opt.mm"), "j14", J14_EXCERPT).kind())
                .isEqualTo(ReferenceTable.Kind.OPTIMUM);
    }

    @Test
    void readsBoundTablesTakingTheUpperBoundAsReferenceWhereBothAreGiven() {
        List<String> bounds = List.of(
                "Instance Set : J60",
                "==========================",
                "Par   Inst    LB     UB",
                "--------------------------",
                "  1,     1,   77,    77",
                "  1,     2,   67,    68");
        List<String> lowerOnly = List.of(
                "Par   Inst    LB",
                "  1,     1,   77",
                "  1,     2,   67");

        ReferenceTable both = ReferenceTable.parse(Path.of("j60ub.mm"), "j60", bounds);
        ReferenceTable lower = ReferenceTable.parse(Path.of("j60lb.mm"), "j60", lowerOnly);

        assertThat(both.kind()).isEqualTo(ReferenceTable.Kind.BEST_KNOWN);
        assertThat(both.makespan("j601_2")).contains(68);
        assertThat(lower.kind()).isEqualTo(ReferenceTable.Kind.LOWER_BOUND);
        assertThat(lower.makespan("j601_2")).contains(67);
    }

    @Test
    void aFileWithoutAColumnHeaderIsRefused() {
        assertThatThrownBy(() -> ReferenceTable.parse(Path.of("j30hrs.mm"), "j30", List.of("9, 2, 27, x")))
                .isInstanceOf(PsplibFormatException.class)
                .hasMessageContaining("j30hrs.mm")
                .hasMessageContaining("Inst");
    }

    @Test
    void readsEveryRowOfTheSharedJ30HeuristicTableWhenPresent() throws Exception {
        Path shared = Path.of("../../shared/benchmarks/psplib/j30hrs.mm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(shared), "shared benchmarks not checked out");
        long dataRows = Files.readAllLines(shared).stream().filter(l -> l.matches("\\s*\\d+\\s*,.*")).count();

        ReferenceTable table = ReferenceTable.read(shared);

        assertThat(table.setName()).isEqualTo("j30");
        assertThat(table.size()).isEqualTo((int) dataRows).isEqualTo(490);
        assertThat(table.makespan("j309_2")).contains(27);
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
