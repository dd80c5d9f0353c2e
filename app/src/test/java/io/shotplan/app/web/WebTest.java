package io.shotplan.app.web;

import io.shotplan.app.security.Role;
import io.shotplan.app.show.ShowRepository;
import io.shotplan.app.user.UserService;
import io.shotplan.show.Show;
import io.shotplan.show.io.ShowFolderReader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The whole application on an in-memory H2 (one context shared by every web test), with the example show loaded
 * and one user per role, each with the password {@link #PASSWORD}.
 */
@SpringBootTest(properties = {
        "shotplan.cli.enabled=false", "shotplan.security.bcrypt-strength=4",
        "shotplan.generation.workers=0", "shotplan.generation.sample-plate-width=0",
        "spring.datasource.url=jdbc:h2:mem:webtest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password="})
@AutoConfigureMockMvc
public abstract class WebTest {

    public static final String SHOW = "TST";
    public static final String PASSWORD = "correct-horse-battery";
    public static final Show EXAMPLE = new ShowFolderReader().read(Path.of("src/test/resources/shows/small"));

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected UserService users;
    @Autowired
    protected ShowRepository shows;

    @BeforeEach
    void seed() {
        if (shows.findId(SHOW).isEmpty()) {
            shows.save(EXAMPLE);
        }
        var existing = users.list().stream().map(u -> u.username()).toList();
        for (Role role : Role.values()) {
            if (!existing.contains(userOf(role))) {
                users.create(userOf(role), PASSWORD, EnumSet.of(role));
            }
        }
        if (!existing.contains("everyone")) {
            users.create("everyone", PASSWORD, EnumSet.allOf(Role.class));
        }
    }

    /** Solves the show through the API and waits for the stored plan; returns its id. */
    protected long solve(String scenario, int seconds) throws Exception {
        String body = scenario == null ? "{\"seconds\": " + seconds + "}"
                : "{\"scenario\": \"" + scenario + "\", \"seconds\": " + seconds + "}";
        String started = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/shows/" + SHOW + "/plans").with(as(Role.PRODUCER))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(started, "$.id");
        return awaitPlan(id);
    }

    protected long awaitPlan(String solveId) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            String job = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .get("/api/solves/" + solveId).with(as(Role.FINANCE))).andReturn().getResponse().getContentAsString();
            String state = com.jayway.jsonpath.JsonPath.read(job, "$.state");
            if (state.equals("DONE")) {
                return ((Number) com.jayway.jsonpath.JsonPath.read(job, "$.planId")).longValue();
            }
            if (state.equals("FAILED")) {
                throw new AssertionError("solve failed: " + job);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("solve " + solveId + " did not end in time");
    }

    public static String userOf(Role role) {
        return role.name().toLowerCase();
    }

    protected static RequestPostProcessor as(Role role) {
        return httpBasic(userOf(role), PASSWORD);
    }

    protected static RequestPostProcessor asEveryone() {
        return httpBasic("everyone", PASSWORD);
    }

    protected static Set<Role> all() {
        return EnumSet.allOf(Role.class);
    }
}
