package io.shotplan.app.security;

import io.shotplan.app.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Password guessing is slowed per user and per address: after {@code max-failures-per-user} failed logins for one
 * user name, or {@code max-failures-per-address} from one address, within {@code window}, further password logins
 * for that name or from that address are refused with 429 and Retry-After until the oldest failure leaves the window.
 * A success clears its user's count (not its address's). Failures and interactive logins are audited.
 * Counts are kept per key in a concurrent map, so logins of different users never wait on each other.
 */
@Component
public class LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_NAME = 100;
    /** Beyond this many keys, keys with no failure left in the window are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final AuditLog audit;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(@Value("${shotplan.security.login.max-failures-per-user:5}") int perUser,
                  @Value("${shotplan.security.login.max-failures-per-address:50}") int perAddress,
                  @Value("${shotplan.security.login.window:5m}") Duration window, Clock clock, AuditLog audit) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
        this.audit = audit;
    }

    /** How long the user name or the address must wait before its next password login; empty when it may try now. */
    Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        return max(waitFor(userKey(username), perUser, now), waitFor(addressKey(address), perAddress, now));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureServiceExceptionEvent) {
            return; // the user store did not answer: nothing was guessed
        }
        String username = name(event.getAuthentication());
        String address = address(event.getAuthentication());
        Instant now = clock.instant();
        record(userKey(username), now);
        record(addressKey(address), now);
        try {
            audit.recordAs("anonymous", "LOGIN_FAILED", "session", username,
                    "from " + address + ": " + event.getException().getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.warn("could not audit a failed login of '{}' from {}: {}", username, address, e.getMessage());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(userKey(name(event.getAuthentication())));
    }

    /** Logins by a person (form or single sign-on), not every request of an API client. */
    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        String username = name(event.getAuthentication());
        try {
            audit.recordAs(username, "LOGIN", "session", username, "from " + address(event.getAuthentication())
                    + " via " + event.getGeneratedBy().getSimpleName());
        } catch (RuntimeException e) {
            LOG.warn("could not audit the login of '{}': {}", username, e.getMessage());
        }
    }

    /** The filter that refuses a throttled password login before its password is checked. */
    OncePerRequestFilter filter(ProblemSecurityResponses problems) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<String> username = passwordLogin(request);
                Optional<Duration> wait = username.flatMap(name -> waitBefore(name, request.getRemoteAddr()));
                if (wait.isEmpty()) {
                    chain.doFilter(request, response);
                } else if (isFormLogin(request)) {
                    response.sendRedirect(request.getContextPath() + "/login?throttled");
                } else {
                    problems.throttled(request, response, wait.get());
                }
            }
        };
    }

    private static boolean isFormLogin(HttpServletRequest request) {
        return HttpMethod.POST.matches(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login");
    }

    /** The user name of a form login or an HTTP Basic request; empty for any other request. */
    private static Optional<String> passwordLogin(HttpServletRequest request) {
        if (isFormLogin(request)) {
            return Optional.ofNullable(request.getParameter("username"));
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty(); // Spring Security answers it with 401
        }
    }

    private Optional<Duration> waitFor(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            expire(times, now);
            return times.size() < limit ? Optional.empty()
                    : Optional.of(Duration.between(now, times.peekFirst().plus(window)));
        }
    }

    private void record(String key, Instant now) {
        if (failures.size() > PRUNE_ABOVE) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    expire(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
        }
    }

    private void expire(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }

    private static Optional<Duration> max(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(java.util.Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static String name(Authentication authentication) {
        String name = authentication == null || authentication.getName() == null ? "" : authentication.getName();
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private static String address(Authentication authentication) {
        return authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
    }
}
