package io.shotplan.app.plan;

import static io.shotplan.app.security.Role.FINANCE;
import static io.shotplan.app.security.Role.PRODUCER;
import static io.shotplan.app.security.Role.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "What would fix it" over HTTP: a season that misses its deliveries, the misses at once, then the proven fixes. */
class PlanFixesApiTest extends WebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPlanThatMissesADeliveryListsTheLateEpisodesThenEachFixWithItsRelaxedPlan() throws Exception {
        long planId = solve(scenario("{\"deliveryShiftDays\": -100}"), 2);
        JsonNode summary = JSON.readTree(mvc.perform(get("/api/plans/" + planId + "/summary").with(as(FINANCE)))
                .andReturn().getResponse().getContentAsString());
        assertThat(summary.at("/episodes/0/late").asBoolean()).as("what the Plan page shows as late").isTrue();

        String body = mvc.perform(post("/api/plans/" + planId + "/fixes").with(as(PRODUCER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"seconds\": 1}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/fixes/")))
                .andReturn().getResponse().getContentAsString();
        JsonNode started = JSON.readTree(body);
        assertThat(started.path("relaxations")).extracting(JsonNode::asString).containsExactly("budget", "artists", "GPUs");
        JsonNode ep101 = miss(started, "EP101");
        assertThat(ep101.path("daysLate").asInt()).isPositive();
        assertThat(ep101.path("delivery").asString()) // the scenario's delivery, not the show's
                .isEqualTo(java.time.LocalDate.of(2027, 6, 4).minusDays(100).toString());

        JsonNode done = await(started.path("id").asString());
        assertThat(done.path("state").asString()).isEqualTo("DONE");
        assertThat(done.path("misses")).isEqualTo(started.path("misses"));
        JsonNode fixes = done.path("fixes");
        assertThat(fixes).extracting(f -> f.path("limit").asString()).containsExactly("budget", "artists", "GPUs");
        assertThat(fixes.get(0).path("description").asString()).startsWith("More money");
        assertThat(fixes.get(1).path("description").asString()).startsWith("More artists");
        assertThat(fixes.get(2).path("description").asString()).startsWith("More GPU time");
        for (JsonNode fix : fixes) {
            JsonNode episodes = fix.path("relaxedEpisodes");
            assertThat(episodes).extracting(e -> e.path("code").asString()).containsExactly("EP101", "EP102");
            assertThat(fix.path("relaxedCost").decimalValue()).isPositive();
            if (fix.path("fixesEverything").asBoolean()) { // proven: the relaxed plan is on time everywhere
                assertThat(episodes).allSatisfy(e -> assertThat(e.path("slackDays").asInt()).isNotNegative());
            }
        }
    }

    @Test
    void aPlanWithinEveryLimitHasNothingToFix() throws Exception {
        long planId = solve(scenario("{\"budgetPercent\": 400, \"deliveryShiftDays\": 200}"), 2);

        String body = mvc.perform(post("/api/plans/" + planId + "/fixes").with(as(PRODUCER)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();

        JsonNode run = JSON.readTree(body);
        assertThat(run.path("state").asString()).isEqualTo("DONE");
        assertThat(run.path("misses")).isEmpty();
        assertThat(run.path("relaxations")).isEmpty();
        assertThat(run.path("fixes")).isEmpty();
    }

    @Test
    void onlyProducersAskAndUnknownPlansAndRunsAreNotFound() throws Exception {
        mvc.perform(post("/api/plans/1/fixes").with(as(SUPERVISOR))).andExpect(status().isForbidden());
        mvc.perform(post("/api/plans/999999/fixes").with(as(PRODUCER))).andExpect(status().isNotFound());
        mvc.perform(post("/api/plans/999999/fixes").with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"seconds\": 0}")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/fixes/nope").with(as(FINANCE))).andExpect(status().isNotFound());
    }

    private String scenario(String changes) throws Exception {
        String name = "fixes " + UUID.randomUUID();
        mvc.perform(post("/api/shows/" + SHOW + "/scenarios").with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"changes\": " + changes + "}"))
                .andExpect(status().is2xxSuccessful());
        return name;
    }

    private static JsonNode miss(JsonNode run, String episode) {
        for (JsonNode miss : run.path("misses")) {
            if (miss.path("episode").asString().equals(episode)) {
                return miss;
            }
        }
        throw new AssertionError(episode + " is not among the misses: " + run.path("misses"));
    }

    private JsonNode await(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = JSON.readTree(mvc.perform(get("/api/fixes/" + id).with(as(FINANCE)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            if (!run.path("state").asString().equals("RUNNING")) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("fix run " + id + " did not end in time");
    }
}
