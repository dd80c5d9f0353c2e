package io.shotplan.sql;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * Fresh, migrated databases for data-access tests: an in-memory H2 in PostgreSQL mode, and a new schema on the
 * local PostgreSQL server. Without a reachable PostgreSQL the PostgreSQL half skips on a laptop; with CI=true it fails.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL = System.getenv().getOrDefault("SHOTPLAN_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getenv().getOrDefault("SHOTPLAN_TEST_PG_USER", "postgres");
    public static final String POSTGRES_PASSWORD = System.getenv().getOrDefault("SHOTPLAN_TEST_PG_PASSWORD", "");

    private static final List<String> CREATED_SCHEMAS = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreatedSchemas));
    }

    private TestDatabases() {
    }

    /** Both databases, for {@code @ParameterizedTest @MethodSource("io.shotplan.sql.TestDatabases#both")}. */
    public static Stream<Named<Supplier<Database>>> both() {
        return Stream.of(Named.of("H2", TestDatabases::h2), Named.of("PostgreSQL", TestDatabases::postgres));
    }

    public static Database h2() {
        return Database.open("jdbc:h2:mem:" + uniqueName() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    public static Database postgres() {
        requirePostgres();
        String schema = uniqueName();
        CREATED_SCHEMAS.add(schema);
        return Database.open(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD, schema);
    }

    /** Skips the calling test when PostgreSQL is unreachable, unless CI=true, where that is a failure. */
    public static void requirePostgres() {
        try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD)) {
            // reachable
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + POSTGRES_URL + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " (CI=true: the PostgreSQL tests must run)");
            }
            assumeTrue(false, why);
        }
    }

    private static String uniqueName() {
        return "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void dropCreatedSchemas() {
        if (CREATED_SCHEMAS.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
             var statement = connection.createStatement()) {
            for (String schema : CREATED_SCHEMAS) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test schemas " + CREATED_SCHEMAS + ": " + e.getMessage());
        }
    }
}
