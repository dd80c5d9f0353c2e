package io.shotplan.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403, 429 and 503 for API clients as RFC 9457 problem details. A 401 never carries
 * {@code WWW-Authenticate: Basic}: that challenge makes a browser ask for a password and then attach it to every
 * request to this server, a form posted by another site included.
 */
@Component
public class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** How long a client is asked to wait when the server could not check its credentials for being busy. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(2);

    private final JsonMapper json;

    ProblemSecurityResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof InternalAuthenticationServiceException) {
            // the user store did not answer (pool exhausted, database down): not the client's fault, and not a 401
            busy(request, response, "The server could not check your credentials just now; try again shortly.");
            return;
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "Log in first: an API token (Authorization: Bearer), "
                + "HTTP Basic, or the login page's session.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = e instanceof CsrfException
                ? "Missing or invalid CSRF token: pages send their token in the X-CSRF-TOKEN header; scripts use an "
                        + "API token (Authorization: Bearer)."
                : "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI()
                        + " (see the role matrix in the README).";
        write(request, response, HttpStatus.FORBIDDEN, detail);
    }

    /** 503 with Retry-After: the client did nothing wrong and should come back. */
    public void busy(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(BUSY_RETRY.toSeconds()));
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, detail);
    }

    /** 429 with Retry-After: too many failed logins for this user or from this address. */
    void throttled(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, wait.toSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins for this user or from this "
                + "address; try again in " + seconds + " s.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
