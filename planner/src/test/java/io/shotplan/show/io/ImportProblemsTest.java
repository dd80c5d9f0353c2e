package io.shotplan.show.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportProblemsTest {

    @Test
    void aRejectionIsAnRfc9457ProblemDetailListingEachProblem() {
        ImportProblems rejected = new ImportProblems(List.of(
                new Problem("shots.csv", 4, 3, "frame_count", "expected a whole number of frames above 0, got -5"),
                Problem.ofFile("shots.csv", "and 12 more problems not listed")));

        assertThat(rejected.problemDetail()).isEqualTo(Map.of(
                "type", ImportProblems.PROBLEM_TYPE,
                "title", "The import was rejected",
                "status", 422,
                "detail", "2 problems; nothing was imported",
                "problems", List.of(
                        Map.of("file", "shots.csv", "line", 4, "column", 3, "field", "frame_count",
                                "message", "expected a whole number of frames above 0, got -5"),
                        Map.of("file", "shots.csv", "message", "and 12 more problems not listed"))));
        assertThat(rejected.getMessage()).isEqualTo("2 problems; nothing was imported\n"
                + "  shots.csv line 4, column 3 (frame_count): expected a whole number of frames above 0, got -5\n"
                + "  shots.csv: and 12 more problems not listed");
    }

    @Test
    void edlOptionsSayEverythingThatIsMissing() {
        ImportProblems rejected = catchThrowableOfType(ImportProblems.class,
                () -> new EdlOptions(" ", BigDecimal.ZERO, null, 7, io.shotplan.show.Resolution.HD));

        assertThat(rejected.problems()).extracting(Problem::file)
                .containsExactly("--episode", "--fps", "--work-type", "--complexity");
    }
}
