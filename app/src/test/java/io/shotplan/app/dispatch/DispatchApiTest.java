package io.shotplan.app.dispatch;

import static io.shotplan.app.security.Role.FINANCE;
import static io.shotplan.app.security.Role.PRODUCER;
import static io.shotplan.app.security.Role.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.shotplan.app.web.WebTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class DispatchApiTest extends WebTest {

    @Test
    void dispatchQueuesThePlansInHouseAiShotsOnceAndCanBePausedAndCancelled() throws Exception {
        mvc.perform(put("/api/shows/" + SHOW + "/shots/EP101_010_0020/pin").with(as(SUPERVISOR))
                .contentType(MediaType.APPLICATION_JSON).content("{\"mode\": \"upres-x2\"}")).andExpect(status().isOk());
        long planId;
        try {
            planId = solve(null, 2);
        } finally {
            mvc.perform(put("/api/shows/" + SHOW + "/shots/EP101_010_0020/pin").with(as(SUPERVISOR))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"mode\": null}"));
        }

        String first = awaitDispatch(mvc.perform(post("/api/plans/" + planId + "/dispatch").with(as(SUPERVISOR)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", startsWith("/api/dispatches/")))
                .andExpect(jsonPath("$.requestedBy").value("supervisor"))
                .andReturn().getResponse().getContentAsString());
        assertThat((Integer) JsonPath.read(first, "$.result.jobsCreated")).isGreaterThan(0);
        String again = awaitDispatch(mvc.perform(post("/api/plans/" + planId + "/dispatch").with(as(PRODUCER)))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        assertThat((Integer) JsonPath.read(again, "$.result.jobsCreated")).isZero();
        mvc.perform(get("/api/audit").param("entity", "plan").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].action").value("DISPATCH"))
                .andExpect(jsonPath("$.items[0].actor").value("producer")) // the requester, not the background thread
                .andExpect(jsonPath("$.items[1].actor").value("supervisor"));
        mvc.perform(get("/api/shows/" + SHOW + "/generation").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.byState.QUEUED", greaterThan(0)))
                .andExpect(jsonPath("$.shots[?(@.shot == 'EP101_010_0020')].capability").value("upres-x2"));
        mvc.perform(get("/api/shows/" + SHOW + "/generation").param("limit", "1").with(as(FINANCE)))
                .andExpect(jsonPath("$.shots.length()").value(1))
                .andExpect(jsonPath("$.shotsShown").value(1))
                .andExpect(jsonPath("$.totals.byState.QUEUED", greaterThan(0)));
        mvc.perform(get("/api/shows/" + SHOW + "/generation").param("limit", "0").with(as(FINANCE)))
                .andExpect(status().isBadRequest());

        mvc.perform(post("/api/shows/" + SHOW + "/generation/pause").with(as(PRODUCER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.jobs", greaterThan(0)));
        mvc.perform(get("/api/shows/" + SHOW + "/generation").with(as(FINANCE)))
                .andExpect(jsonPath("$.totals.byState.QUEUED").value(0));
        mvc.perform(post("/api/shows/" + SHOW + "/generation/resume").with(as(PRODUCER))).andExpect(status().isOk());
        mvc.perform(post("/api/shows/" + SHOW + "/generation/cancel").with(as(SUPERVISOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.jobs", greaterThan(0)));
        mvc.perform(get("/api/audit").param("entity", "generation").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].action").value("CANCEL"))
                .andExpect(jsonPath("$.items[0].actor").value("supervisor"));
    }

    /** Polls a dispatch until it ends; returns its last state as JSON. */
    private String awaitDispatch(String started) throws Exception {
        String id = JsonPath.read(started, "$.id");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String run = mvc.perform(get("/api/dispatches/" + id).with(as(FINANCE))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            String state = JsonPath.read(run, "$.state");
            if (state.equals("DONE")) {
                return run;
            }
            assertThat(state).as(run).isEqualTo("RUNNING");
            Thread.sleep(100);
        }
        throw new AssertionError("dispatch " + id + " did not end in time");
    }

    @Test
    void aReRenderOfAShotThatIsNotInThePlanFailsAndAnUnknownDispatchIsNotFound() throws Exception {
        long planId = solve(null, 1);
        String started = mvc.perform(post("/api/plans/" + planId + "/dispatch").param("rerender", "NO_SUCH_SHOT")
                .with(as(PRODUCER))).andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(started, "$.id");
        String state = "RUNNING";
        String run = started;
        for (int i = 0; i < 300 && state.equals("RUNNING"); i++) {
            Thread.sleep(100);
            run = mvc.perform(get("/api/dispatches/" + id).with(as(FINANCE))).andReturn().getResponse().getContentAsString();
            state = JsonPath.read(run, "$.state");
        }
        assertThat(state).isEqualTo("FAILED");
        assertThat((String) JsonPath.read(run, "$.error")).contains("cannot re-render NO_SUCH_SHOT");
        mvc.perform(get("/api/dispatches/nope").with(as(FINANCE))).andExpect(status().isNotFound());
    }

    @Test
    void dispatchingAPlanThatDoesNotExistIsNotFound() throws Exception {
        mvc.perform(post("/api/plans/424242/dispatch").with(as(PRODUCER))).andExpect(status().isNotFound());
        mvc.perform(post("/api/shows/NOPE/generation/pause").with(as(PRODUCER))).andExpect(status().isNotFound());
    }
}
