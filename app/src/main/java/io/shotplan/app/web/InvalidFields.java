package io.shotplan.app.web;

import io.shotplan.app.web.ProblemHandler.FieldProblem;
import java.util.List;

/**
 * A request whose fields only the service can judge (a code the show does not have, a date before its start):
 * answered like a bean-validation failure, 400 with every problem named by its field.
 */
public class InvalidFields extends IllegalArgumentException {

    private final List<FieldProblem> problems;

    public InvalidFields(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
