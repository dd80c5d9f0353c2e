package io.shotplan.app.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database could not be reached or no connection was free in time (pool exhausted,
 * server restarting), as opposed to the database refusing a statement. The first is answered 503 with Retry-After:
 * the request was right and will work again.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof ConnectException
                    || cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    // 08: connection exception; 57P01-57P03: the server is shutting down or starting up
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
