package io.shotplan.app.dispatch;

import static io.shotplan.app.security.Role.FINANCE;
import static io.shotplan.app.security.Role.PRODUCER;
import static io.shotplan.app.security.Role.SUPERVISOR;
import static org.hamcrest.Matchers.greaterThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
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

        mvc.perform(post("/api/plans/" + planId + "/dispatch").with(as(SUPERVISOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jobsCreated", greaterThan(0)));
        mvc.perform(post("/api/plans/" + planId + "/dispatch").with(as(PRODUCER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jobsCreated").value(0));
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

    @Test
    void dispatchingAPlanThatDoesNotExistIsNotFound() throws Exception {
        mvc.perform(post("/api/plans/424242/dispatch").with(as(PRODUCER))).andExpect(status().isNotFound());
        mvc.perform(post("/api/shows/NOPE/generation/pause").with(as(PRODUCER))).andExpect(status().isNotFound());
    }
}
