package io.shotplan.app.ops;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.zaxxer.hikari.HikariDataSource;
import io.shotplan.app.web.WebTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** Readiness follows the database: a server that cannot reach it stops taking traffic but is not restarted. */
@DirtiesContext
@TestPropertySource(properties = "spring.datasource.url="
        + "jdbc:h2:mem:readiness;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ReadinessTest extends WebTest {

    @Autowired
    DataSource dataSource;

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndLivenessStaysUp() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());

        dataSource.unwrap(HikariDataSource.class).close();

        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isServiceUnavailable()).andExpect(jsonPath("$.status").value("DOWN"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }
}
