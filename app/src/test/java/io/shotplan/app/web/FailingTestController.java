package io.shotplan.app.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Only on the test class path: an endpoint that fails the way a bug would, for {@link ProblemDetailsTest}. */
@RestController
class FailingTestController {

    @GetMapping("/api/test/failure")
    String fail() {
        throw new NullPointerException("secret internals at io.shotplan.Something");
    }

    /** What jOOQ throws when the pool had no connection free in time. */
    @GetMapping("/api/test/pool-exhausted")
    String poolExhausted() {
        throw new org.jooq.exception.DataAccessException("Error getting connection from data source",
                new java.sql.SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 30000ms"));
    }
}
