package io.shotplan.sql;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;
import org.jooq.tools.jdbc.DefaultConnection;

/**
 * Connections whose transaction isolation level is known without asking the server. jOOQ 3.21's transactions read
 * a connection's isolation level at every start (jOOQ#20135), and pgjdbc answers with a round trip, one more per
 * transaction. The pool sets READ COMMITTED on every connection it makes and puts it back if a user changes it, so
 * the level is READ COMMITTED until a change made through the connection itself.
 */
final class KnownIsolationConnections implements ConnectionProvider {

    static final int POOL_ISOLATION = Connection.TRANSACTION_READ_COMMITTED;

    private final DataSource dataSource;

    KnownIsolationConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection acquire() {
        try {
            return new KnownIsolation(dataSource.getConnection());
        } catch (SQLException e) {
            throw new DataAccessException("cannot get a connection: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("cannot give a connection back: " + e.getMessage(), e);
        }
    }

    private static final class KnownIsolation extends DefaultConnection {

        private int isolation = POOL_ISOLATION;

        KnownIsolation(Connection delegate) {
            super(delegate);
        }

        @Override
        public int getTransactionIsolation() {
            return isolation;
        }

        @Override
        public void setTransactionIsolation(int level) throws SQLException {
            super.setTransactionIsolation(level);
            isolation = level;
        }
    }
}
