package io.shotplan.sql;

import static io.shotplan.sql.schema.Tables.SHOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** V54 hashes the calendar tokens already handed out, so their addresses keep working and the table holds no token. */
class CalendarTokenMigrationTest {

    @Test
    void aTokenGivenOutBeforeIsStoredAsItsHash() throws Exception {
        String url = "jdbc:h2:mem:calendar-token-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations(Database.MIGRATIONS).target("53").load().migrate();
        String token = "0123456789abcdef0123456789abcdef0123456789abcdef";
        try (var c = DriverManager.getConnection(url, "sa", "")) {
            DSL.using(c).insertInto(SHOW).set(SHOW.CODE, "CAL").set(SHOW.NAME, "Calendar").set(SHOW.CURRENCY, "USD")
                    .set(SHOW.START_DATE, LocalDate.of(2027, 2, 1)).set(SHOW.CALENDAR_TOKEN, token).execute();
            DSL.using(c).insertInto(SHOW).set(SHOW.CODE, "NONE").set(SHOW.NAME, "No feed").set(SHOW.CURRENCY, "USD")
                    .set(SHOW.START_DATE, LocalDate.of(2027, 2, 1)).execute();
        }

        try (Database db = Database.open(url, "sa", "", null)) {
            assertThat(db.dsl().select(SHOW.CODE, SHOW.CALENDAR_TOKEN).from(SHOW).orderBy(SHOW.CODE).fetch()
                    .map(r -> r.value1() + "=" + r.value2()))
                    .containsExactly("CAL=" + SecretHash.of(token), "NONE=null");
        }
    }
}
