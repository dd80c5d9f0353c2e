package io.shotplan.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** jOOQ's transactions get the pool's isolation level without asking the driver, which asks the server. */
class KnownIsolationConnectionsTest {

    @Test
    void transactionsCommitWithoutAskingTheDriverForTheIsolationLevel() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:isolation-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        AtomicInteger asked = new AtomicInteger();
        DSLContext dsl = DSL.using(new KnownIsolationConnections(counting(h2, asked)), SQLDialect.H2);
        dsl.execute("create table t (n int)");

        for (int n = 1; n <= 3; n++) {
            int value = n;
            dsl.transaction(tx -> tx.dsl().execute("insert into t values (" + value + ")"));
        }

        assertThat(dsl.fetchValue("select sum(n) from t")).isEqualTo(6L);
        assertThat(asked).hasValue(0);
        // jOOQ itself asks at every transaction; when a jOOQ release stops asking, this class can go
        DSL.using(counting(h2, asked), SQLDialect.H2).transaction(tx -> tx.dsl().execute("insert into t values (4)"));
        assertThat(asked.get()).isPositive();
        try (Connection c = new KnownIsolationConnections(h2).acquire()) {
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        }
    }

    /** A data source whose connections count the calls to getTransactionIsolation. */
    private static DataSource counting(JdbcDataSource target, AtomicInteger asked) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(target, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("getTransactionIsolation")) {
                                    asked.incrementAndGet();
                                }
                                return m.invoke(connection, a);
                            });
                });
    }
}
