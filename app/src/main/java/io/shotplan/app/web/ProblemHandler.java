package io.shotplan.app.web;

import io.shotplan.app.imports.UnknownShowException;
import io.shotplan.show.io.ImportProblems;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem detail: Spring MVC's own (bad JSON, wrong types, unknown paths) through the
 * base class, ours below. Validation problems carry {@code errors: [{field, message}]}. Never a stack trace:
 * unexpected failures are logged and answered with a generic 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
    /** What a 503 asks a client to wait, in seconds. */
    static final String RETRY_AFTER_SECONDS = "2";

    public record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    /** A rejected import: 422 with every problem (file, line, column, field, message), as the import service words it. */
    @ExceptionHandler(ImportProblems.class)
    ResponseEntity<Map<String, Object>> importRejected(ImportProblems e) {
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(e.problemDetail());
    }

    @ExceptionHandler(UnknownShowException.class)
    ProblemDetail unknownShow(UnknownShowException e) {
        return problem(HttpStatus.NOT_FOUND, "show '" + e.showCode() + "' does not exist");
    }

    @ExceptionHandler(InvalidFields.class)
    ProblemDetail invalidFields(InvalidFields e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail badState(IllegalStateException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(org.jooq.exception.DataAccessException.class)
    ResponseEntity<ProblemDetail> database(org.jooq.exception.DataAccessException e) {
        if (DatabaseUnavailable.causedBy(e)) {
            return busy("The database is busy or unreachable just now; try again shortly.", e);
        }
        LOG.warn("database refused a change: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "The database refused the change (a value out of range or a duplicate)."));
    }

    @ExceptionHandler(ServerBusyException.class)
    ResponseEntity<ProblemDetail> serverBusy(ServerBusyException e) {
        return busy(e.getMessage(), e);
    }

    /** 503 with Retry-After (RFC 9457 body): the request was right and will work again shortly. */
    private static ResponseEntity<ProblemDetail> busy(String detail, Exception e) {
        LOG.warn("answered 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, detail));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Your roles do not allow this (see the role matrix in the README).");
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthenticated(AuthenticationException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Log in first.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            return busy("The database is busy or unreachable just now; try again shortly.", e);
        }
        LOG.error("unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(
                problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on the server; it has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage())).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    public static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

}
