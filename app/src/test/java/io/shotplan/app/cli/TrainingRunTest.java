package io.shotplan.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.shotplan.sql.schema.Tables.AUDIT_LOG;
import static io.shotplan.sql.schema.Tables.PLAN;

import io.shotplan.app.imports.ImportService;
import io.shotplan.app.token.ApiTokens;
import io.shotplan.app.user.UserService;
import java.net.URI;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;


/**
 * The training run behind the launcher's warm start: it drives a real server through the example show's day, and
 * a request that fails ends it with that request named, so that the launcher never keeps a cache trained on errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shotplan.cli.enabled=false", "shotplan.security.bcrypt-strength=4", "server.address=127.0.0.1",
        "shotplan.generation.workers=0", "shotplan.generation.sample-plate-width=0",
        "spring.datasource.url=jdbc:h2:mem:training-run;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password="})
@DirtiesContext
class TrainingRunTest {

    static final Path EXAMPLE = Path.of("../examples/snowfall");

    @LocalServerPort
    int port;
    @Autowired
    ImportService imports;
    @Autowired
    UserService users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JsonMapper json;
    @Autowired
    DSLContext db;

    @Test
    void theRunSolvesTheExampleShowAndMakesEveryRoundsEdits() throws Exception {
        int plans = db.fetchCount(PLAN);
        int budgetWrites = db.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("BUDGET"));

        TrainingRun.run(EXAMPLE, server(), imports, users, tokens, json);

        assertThat(db.fetchCount(PLAN)).isEqualTo(plans + 1);
        assertThat(db.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("BUDGET"))).isEqualTo(budgetWrites + TrainingRun.ROUNDS);
    }

    @Test
    void aRequestThatFailsEndsTheRunNamingIt() {
        TrainingRun client = TrainingRun.asNewUser(server(), users, tokens, json);

        assertThatThrownBy(() -> client.get("/api/shows/NOPE/episodes"))
                .hasMessageStartingWith("training run: GET /api/shows/NOPE/episodes answered 404");
    }

    private URI server() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }
}
