package io.shotplan.show.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An input was rejected: every problem found in it, not just the first. Nothing of the input was imported.
 * It is an {@link IllegalArgumentException} because it is always the input's fault.
 */
public class ImportProblems extends IllegalArgumentException {

    /** The RFC 9457 {@code type} of a rejected import. */
    public static final String PROBLEM_TYPE = "https://shotplan.io/problems/import-rejected";

    private final transient List<Problem> problems;

    public ImportProblems(List<Problem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an import rejected for no problem");
        }
        this.problems = List.copyOf(problems);
    }

    public static ImportProblems of(Problem problem) {
        return new ImportProblems(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * The rejection as an RFC 9457 problem detail body (status 422): {@code type}, {@code title}, {@code status},
     * {@code detail} and a {@code problems} extension member listing each {@link Problem#asMap()}.
     */
    public Map<String, Object> problemDetail() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", PROBLEM_TYPE);
        body.put("title", "The import was rejected");
        body.put("status", 422);
        body.put("detail", headline(problems));
        body.put("problems", problems.stream().map(Problem::asMap).toList());
        return body;
    }

    private static String headline(List<Problem> problems) {
        return problems.size() == 1 ? "1 problem; nothing was imported"
                : problems.size() + " problems; nothing was imported";
    }

    private static String describe(List<Problem> problems) {
        return headline(problems) + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }
}
