package io.shotplan.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admission control for the API: at most {@code shotplan.server.max-active-requests} API requests are worked on at
 * once (login checks included, this runs before security); the next ones wait up to
 * {@code shotplan.server.max-queue-wait} for a turn and are then answered 503 with Retry-After instead of piling up
 * on the connection pool until every client times out. When the load drops, the waiting requests go through and
 * nothing needs a restart. Server-sent event streams (solve progress) are long-lived and not counted.
 */
@Configuration
@ConditionalOnWebApplication
class Admission {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> admissionFilter(
            @Value("${shotplan.server.max-active-requests:64}") int maxActive,
            @Value("${shotplan.server.max-queue-wait:3s}") Duration maxWait, JsonMapper json) {
        Semaphore turns = new Semaphore(maxActive, true);
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return !path.startsWith("/api/") || path.endsWith("/events");
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                boolean admitted;
                try {
                    admitted = turns.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    admitted = false;
                }
                if (!admitted) {
                    ProblemDetail problem = ProblemHandler.problem(HttpStatus.SERVICE_UNAVAILABLE,
                            "The server is at capacity; try again shortly.");
                    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                    response.setHeader(HttpHeaders.RETRY_AFTER, ProblemHandler.RETRY_AFTER_SECONDS);
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.getOutputStream().write(json.writeValueAsBytes(problem));
                    return;
                }
                try {
                    chain.doFilter(request, response);
                } finally {
                    turns.release();
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
