package io.shotplan.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.sql.Database;
import io.shotplan.sql.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The throttle's rules: per user and per address, within a sliding window; a success clears its user only. */
class LoginThrottleTest {

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-06T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Database db = TestDatabases.h2();
    private final MovingClock clock = new MovingClock();
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(5), clock, new AuditLog(db.dsl()));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aUserIsThrottledAfterTheirFailuresUntilTheOldestLeavesTheWindow() {
        fail("maria", "10.0.0.1");
        clock.now = clock.now.plusSeconds(60);
        fail("maria", "10.0.0.2");
        fail("maria", "10.0.0.3");
        assertThat(throttle.waitBefore("maria", "10.0.0.9")).contains(Duration.ofMinutes(4));
        assertThat(throttle.waitBefore("Maria", "10.0.0.9")).isPresent(); // user names are not case-sensitive here
        assertThat(throttle.waitBefore("jon", "10.0.0.9")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(throttle.waitBefore("maria", "10.0.0.9")).isEmpty();
    }

    @Test
    void anAddressIsThrottledAcrossUserNamesAndASuccessDoesNotClearIt() {
        for (String name : new String[] {"a", "b", "c", "d", "e"}) {
            fail(name, "10.0.0.7");
        }
        throttle.succeeded(new AuthenticationSuccessEvent(attempt("f", "10.0.0.7")));
        assertThat(throttle.waitBefore("f", "10.0.0.7")).isPresent();
        assertThat(throttle.waitBefore("f", "10.0.0.8")).isEmpty();
    }

    @Test
    void aSuccessClearsItsUsersFailuresAndAnUnansweredStoreCountsForNothing() {
        fail("maria", "10.0.0.1");
        fail("maria", "10.0.0.1");
        throttle.succeeded(new AuthenticationSuccessEvent(attempt("maria", "10.0.0.1")));
        fail("maria", "10.0.0.1");
        fail("maria", "10.0.0.1");
        assertThat(throttle.waitBefore("maria", "10.0.0.1")).isEmpty();
        throttle.failed(new AuthenticationFailureServiceExceptionEvent(attempt("maria", "10.0.0.1"),
                new InternalAuthenticationServiceException("pool exhausted")));
        assertThat(throttle.waitBefore("maria", "10.0.0.1")).isEmpty();
    }

    private void fail(String username, String address) {
        throttle.failed(new AuthenticationFailureBadCredentialsEvent(attempt(username, address),
                new BadCredentialsException("wrong password")));
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, "x");
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return attempt;
    }
}
