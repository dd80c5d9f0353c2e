package io.shotplan.app.plan;

import static io.shotplan.app.security.Role.FINANCE;
import static io.shotplan.app.security.Role.PRODUCER;
import static io.shotplan.app.security.Role.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.shotplan.app.web.WebTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

class PlanApiTest extends WebTest {

    @Test
    void aSolveStoresAWholePlanWithReasonsAndATimeline() throws Exception {
        long planId = solve(null, 2);

        mvc.perform(get("/api/plans/" + planId).with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.show").value(SHOW))
                .andExpect(jsonPath("$.summary.shots").value(EXAMPLE.shots().size()))
                .andExpect(jsonPath("$.summary.createdBy").value("producer"))
                .andExpect(jsonPath("$.items", hasSize(EXAMPLE.shots().size())))
                .andExpect(jsonPath("$.items[*].reason", everyItem(notNullValue())))
                .andExpect(jsonPath("$.episodes[*].code", hasItem("EP101")));
        mvc.perform(get("/api/plans/" + planId + "/timeline").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[*].kind", hasItem("DISCIPLINE")))
                .andExpect(jsonPath("$.rows[0].bars", not(hasSize(0))));
        mvc.perform(get("/api/shows/" + SHOW + "/plans").with(as(FINANCE)))
                .andExpect(jsonPath("$[*].id", hasItem((int) planId)));
        mvc.perform(get("/api/plans/" + planId + "/summary").with(as(FINANCE)))
                .andExpect(jsonPath("$.summary.id").value((int) planId))
                .andExpect(jsonPath("$.episodes", hasSize(2)))
                .andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(get("/api/plans/" + planId + "/quality").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.costLowerBound").isNumber())
                .andExpect(jsonPath("$.costGapPercent").isNumber())
                .andExpect(jsonPath("$.baselines[*].name", contains("all-traditional", "greedy (cheapest eligible mode)")))
                .andExpect(jsonPath("$.baselines[0].aiShots").value(0))
                .andExpect(jsonPath("$.explanation", hasItem(startsWith("Bound: no plan within the policy that does as well on budgets and deliveries costs less than"))));
        mvc.perform(get("/api/plans/" + planId + "/items").param("episode", "EP102").param("size", "4").param("page", "1")
                        .with(as(FINANCE)))
                .andExpect(jsonPath("$.total").value(6))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[*].episode", everyItem(is("EP102"))));
        mvc.perform(get("/api/plans/" + planId + "/items").param("size", "0").with(as(FINANCE)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/plans/" + planId + "/timeline").param("episode", "EP101").with(as(FINANCE)))
                .andExpect(jsonPath("$.rows[*].bars[*].episode", everyItem(is("EP101"))));
        mvc.perform(get("/api/audit").param("entity", "plan").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].actor").value("producer"))
                .andExpect(jsonPath("$.items[0].action").value("CREATE"));
    }

    @Test
    void thePlanNamesItsAiCapabilitiesWithoutAModelBeforeDispatch() throws Exception {
        long planId = solve(null, 2);
        String aiItems = mvc.perform(get("/api/plans/" + planId + "/items").param("mode", "AI").param("size", "1000")
                .with(as(FINANCE))).andReturn().getResponse().getContentAsString();
        // the small show's roto-ai has no registered model, its upres-x2 has one
        List<String> rotoShots = JsonPath.read(aiItems, "$.items[?(@.capability == 'roto-ai')].shot");

        mvc.perform(get("/api/plans/" + planId + "/capabilities-without-model").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].capability", rotoShots.isEmpty() ? hasSize(0) : is(List.of("roto-ai"))))
                .andExpect(jsonPath("$[*].shots", rotoShots.isEmpty() ? hasSize(0) : is(List.of(rotoShots.size()))));
        mvc.perform(get("/api/plans/999999/capabilities-without-model").with(as(FINANCE)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aPinnedShotKeepsItsMode() throws Exception {
        String shot = "/api/shows/" + SHOW + "/shots/EP102_010_0020";
        mvc.perform(put(shot + "/pin").with(as(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\": \"upres-x2\"}")).andExpect(status().isOk());
        try {
            long planId = solve(null, 2);
            String detail = mvc.perform(get("/api/plans/" + planId).with(as(FINANCE))).andReturn().getResponse().getContentAsString();
            List<String> capability = JsonPath.read(detail, "$.items[?(@.shot == 'EP102_010_0020')].capability");
            assertThat(capability).containsExactly("upres-x2");
        } finally {
            mvc.perform(put(shot + "/pin").with(as(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON).content("{\"mode\": null}"));
        }
    }

    @Test
    void progressFollowsByServerSentEventsToTheEnd() throws Exception {
        String started = mvc.perform(post("/api/shows/" + SHOW + "/plans").with(as(PRODUCER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"seconds\": 2}"))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(started, "$.id");
        MvcResult events = mvc.perform(get("/api/solves/" + id + "/events").with(as(FINANCE)))
                .andExpect(request().asyncStarted()).andReturn();
        events.getAsyncResult(60_000);
        String stream = events.getResponse().getContentAsString();
        assertThat(stream).contains("event:progress").contains("event:done").contains("\"planId\":");
        // while it searches, progress carries the best score so far
        assertThat(stream).containsPattern("\"state\":\"SOLVING\"[^\n]*\"bestScore\":\"-?\\d+hard/");
    }

    @Test
    void stoppingEarlyKeepsTheBestPlanSoFarAndOneSolvePerShowRunsAtATime() throws Exception {
        String started = mvc.perform(post("/api/shows/" + SHOW + "/plans").with(as(PRODUCER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"seconds\": 60}"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(started, "$.id");
        mvc.perform(post("/api/shows/" + SHOW + "/plans").with(as(PRODUCER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"seconds\": 5}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("being solved already")));
        Thread.sleep(1500);
        mvc.perform(post("/api/solves/" + id + "/stop").with(as(PRODUCER))).andExpect(status().isOk());
        mvc.perform(get("/api/audit").param("entity", "solve").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].action").value("STOP"))
                .andExpect(jsonPath("$.items[0].entityId").value(id))
                .andExpect(jsonPath("$.items[0].actor").value(userOf(PRODUCER)))
                .andExpect(jsonPath("$.items[0].detail", containsString("show " + SHOW + ": stopped after")));
        long began = System.nanoTime();
        long planId = awaitPlan(id);
        assertThat((System.nanoTime() - began) / 1_000_000_000).isLessThan(30);
        mvc.perform(get("/api/solves/" + id).with(as(FINANCE))).andExpect(jsonPath("$.stoppedEarly").value(true));
        mvc.perform(get("/api/plans/" + planId).with(as(FINANCE)))
                .andExpect(jsonPath("$.items", hasSize(EXAMPLE.shots().size())));
    }

    @Test
    void twoPlansCompareAndOneBecomesTheBaseline() throws Exception {
        mvc.perform(post("/api/shows/" + SHOW + "/scenarios").with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"half budget\", \"changes\": {\"budgetPercent\": 50, \"maxAiShare\": 0.8}}"))
                .andExpect(status().isCreated());
        long a = solve(null, 2);
        long b = solve("half budget", 2);

        mvc.perform(get("/api/plans/compare").param("a", "" + a).param("b", "" + b).with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.a.id").value((int) a))
                .andExpect(jsonPath("$.b.scenario").value("half budget"))
                .andExpect(jsonPath("$.episodesB[0].budget").value(155000.0));

        mvc.perform(post("/api/plans/" + a + "/baseline").with(as(PRODUCER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.baseline").value(true))
                .andExpect(jsonPath("$.lockedAt", notNullValue()));
        mvc.perform(get("/api/shows/" + SHOW).with(as(FINANCE))).andExpect(jsonPath("$.baselinePlanId").value((int) a));
        mvc.perform(get("/api/audit").param("entity", "plan").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].action").value("BASELINE"))
                .andExpect(jsonPath("$.items[0].detail", containsString("-> plan " + a)));
    }

    @Test
    void badSolveRequestsAreProblems() throws Exception {
        mvc.perform(post("/api/shows/" + SHOW + "/plans").with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("seconds"));
        mvc.perform(post("/api/shows/" + SHOW + "/plans").with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\": 5, \"scenario\": \"no such\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/shows/NOPE/plans").with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seconds\": 5}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/plans/999999").with(as(FINANCE))).andExpect(status().isNotFound());
        mvc.perform(get("/api/plans/abc").with(as(FINANCE))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/solves/nope").with(as(FINANCE))).andExpect(status().isNotFound());
        mvc.perform(get("/api/plans/compare").param("a", "1").with(as(FINANCE))).andExpect(status().isBadRequest());
        mvc.perform(post("/api/shows/" + SHOW + "/scenarios").with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"bad\", \"changes\": {\"maxAiShare\": 3}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("changes.maxAiShare")));
    }
}
