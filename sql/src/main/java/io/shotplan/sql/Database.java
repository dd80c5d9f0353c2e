package io.shotplan.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;

/**
 * A migrated shotplan database outside Spring: worker processes, benchmarks and tests open one from a JDBC URL.
 * The app gets the same from Spring Boot's data source, Flyway and jOOQ auto-configuration.
 */
public final class Database implements AutoCloseable {

    public static final String MIGRATIONS = "classpath:db/migration";

    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.dsl = DSL.using(new KnownIsolationConnections(dataSource), dialectOf(dataSource.getJdbcUrl()));
    }

    /** Opens a pool on the URL and applies any pending migration. */
    public static Database open(String jdbcUrl, String user, String password, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED"); // what KnownIsolationConnections reports
        if (schema != null) {
            config.setSchema(schema);
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource, schema);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, null);
    }

    /** The embedded default: an H2 file in the given folder, speaking PostgreSQL's dialect of SQL. */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("shotplan")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    public static void migrate(DataSource dataSource, String schema) {
        var configuration = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS);
        if (schema != null) {
            configuration.schemas(schema);
        }
        configuration.load().migrate();
    }

    public static SQLDialect dialectOf(String jdbcUrl) {
        SQLDialect dialect = JDBCUtils.dialect(jdbcUrl);
        if (dialect != SQLDialect.H2 && dialect != SQLDialect.POSTGRES) {
            throw new IllegalArgumentException("shotplan runs on H2 or PostgreSQL, not on " + jdbcUrl);
        }
        return dialect;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
