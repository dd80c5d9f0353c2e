package io.shotplan.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jooq.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationTest {

    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void migratingTwiceChangesNothing(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            String schema = db.dsl().fetchValue(org.jooq.impl.DSL.currentSchema());
            var flyway = Flyway.configure().dataSource(db.dataSource()).schemas(schema)
                    .locations(Database.MIGRATIONS).load();
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(flyway.migrate().migrationsExecuted).isZero();
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        }
    }

    /** Every generated table and column exists in the migrated database with a type jOOQ can read back. */
    @ParameterizedTest
    @MethodSource("io.shotplan.sql.TestDatabases#both")
    void generatedClassesMatchTheMigratedSchema(Supplier<Database> databases) {
        try (Database db = databases.get()) {
            for (Table<?> table : io.shotplan.sql.schema.DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                var result = db.dsl().select(table.fields()).from(table).limit(0).fetch();
                assertThat(result.fields()).as(table.getName()).hasSameSizeAs(table.fields());
            }
        }
    }
}
