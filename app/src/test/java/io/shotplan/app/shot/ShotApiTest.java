package io.shotplan.app.shot;

import static io.shotplan.app.security.Role.FINANCE;
import static io.shotplan.app.security.Role.PRODUCER;
import static io.shotplan.app.security.Role.SUPERVISOR;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

class ShotApiTest extends WebTest {

    @Test
    void listsShowsAndEpisodes() throws Exception {
        mvc.perform(get("/api/shows").with(as(FINANCE))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("TST"))
                .andExpect(jsonPath("$[0].shots").value(EXAMPLE.shots().size()));
        mvc.perform(get("/api/shows/TST/episodes").with(as(FINANCE))).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].code").value("EP101"))
                .andExpect(jsonPath("$[0].deliveryDate").value("2027-06-04"));
    }

    @Test
    void filtersShotsByEpisodeWorkTypeAndStatus() throws Exception {
        long ep101 = EXAMPLE.shots().stream().filter(s -> s.episode().equals("EP101")).count();
        mvc.perform(get("/api/shows/TST/shots").param("episode", "EP101").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(ep101))
                .andExpect(jsonPath("$.items[*].episode", everyItem(is("EP101"))));
        mvc.perform(get("/api/shows/TST/shots").param("workType", "roto").param("status", "NOT_STARTED").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].workType", everyItem(is("roto"))))
                .andExpect(jsonPath("$.items", not(hasSize(0))));
    }

    @Test
    void aShotListsItsHandBids() throws Exception {
        mvc.perform(multipart("/api/imports/estimates").file(new MockMultipartFile("file", "estimates.csv", "text/csv",
                        "shot,mode,discipline,artist_days\nEP101_010_0010,traditional,fx,2.5\n".getBytes(StandardCharsets.UTF_8)))
                        .param("show", SHOW).with(as(PRODUCER)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/shows/TST/shots").param("episode", "EP101").param("size", "1").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].code").value("EP101_010_0010"))
                .andExpect(jsonPath("$.items[0].handBids", hasSize(1)))
                .andExpect(jsonPath("$.items[0].handBids[0].mode").value("TRADITIONAL"))
                .andExpect(jsonPath("$.items[0].handBids[0].discipline").value("fx"))
                .andExpect(jsonPath("$.items[0].handBids[0].artistDays").value(2.5))
                .andExpect(jsonPath("$.items[0].handBids[0].gpuHours").doesNotExist());
        mvc.perform(get("/api/shows/TST/shots").param("episode", "EP101").param("page", "1").param("size", "1")
                        .with(as(FINANCE)))
                .andExpect(jsonPath("$.items[0].handBids", hasSize(0)));
    }

    @Test
    void pagesThroughTheShots() throws Exception {
        int total = EXAMPLE.shots().size();
        mvc.perform(get("/api/shows/TST/shots").param("size", "5").param("page", "1").with(as(FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(Math.min(5, total - 5))))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.total").value(total))
                .andExpect(jsonPath("$.totalPages").value((total + 4) / 5));
    }

    @Test
    void badFiltersAndPagingAreProblems() throws Exception {
        mvc.perform(get("/api/shows/TST/shots").param("status", "SLEEPING").with(as(FINANCE)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/shows/TST/shots").param("size", "0").with(as(FINANCE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/shows/TST/shots").param("page", "-1").with(as(FINANCE)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/shows/TST/shots").param("mode", "MAGIC").with(as(FINANCE)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/shows/NOPE/shots").with(as(FINANCE)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("show 'NOPE' does not exist"));
        mvc.perform(get("/api/shows/TST/shots/NOPE").with(as(FINANCE))).andExpect(status().isNotFound());
    }

    @Test
    void aSupervisorPinsAShotAndTheAuditLogSaysWho() throws Exception {
        String shot = "/api/shows/TST/shots/EP101_010_0030";
        mvc.perform(put(shot + "/pin").with(as(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": \"roto-ai\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pinnedMode").value("roto-ai"));
        mvc.perform(get("/api/audit").param("entity", "shot").with(as(PRODUCER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].actor").value("supervisor"))
                .andExpect(jsonPath("$.items[0].action").value("PIN"))
                .andExpect(jsonPath("$.items[0].entityId").value("TST/EP101_010_0030"))
                .andExpect(jsonPath("$.items[0].detail", containsString("-> roto-ai")));
        mvc.perform(put(shot + "/pin").with(as(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pinnedMode").doesNotExist());
    }

    @Test
    void pinsThatBreakTheRulesAreRefused() throws Exception {
        String shot = "/api/shows/TST/shots/EP101_010_0030";
        mvc.perform(put(shot + "/pin").with(as(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": \"upres-x2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("upres-x2 does plate_upres work, not the shot's roto")));
        mvc.perform(put(shot + "/pin").with(as(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": \"warp-drive\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("neither TRADITIONAL nor an AI capability")));
        mvc.perform(put(shot + "/pin").with(as(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": \"no spaces; please\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mode"));
    }

    @Test
    void humanOnlyDropsAnAiPinAndIsAudited() throws Exception {
        String shot = "/api/shows/TST/shots/EP101_010_0030";
        mvc.perform(put(shot + "/pin").with(as(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\": \"roto-ai\"}")).andExpect(status().isOk());
        mvc.perform(put(shot + "/human-only").with(as(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"humanOnly\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.humanOnly").value(true))
                .andExpect(jsonPath("$.pinnedMode").doesNotExist());
        mvc.perform(get("/api/audit").param("entity", "shot").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].action").value("ELIGIBILITY"))
                .andExpect(jsonPath("$.items[0].detail", containsString("AI pin roto-ai removed")));
        mvc.perform(put(shot + "/pin").with(as(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": \"roto-ai\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("human-only")));
        mvc.perform(put(shot + "/human-only").with(as(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"humanOnly\": false}")).andExpect(status().isOk());
    }

    @Test
    void consentNeedsABoolean() throws Exception {
        mvc.perform(put("/api/shows/TST/shots/EP101_010_0030/consent").with(as(SUPERVISOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("consentOnFile"));
        mvc.perform(put("/api/shows/TST/shots/EP101_010_0030/consent").with(as(SUPERVISOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"consentOnFile\": \"maybe\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/shows/TST/shots/EP101_010_0030/consent").with(as(SUPERVISOR))
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("at "))));
    }

    @Test
    void aProducerSetsABudgetWithinRange() throws Exception {
        String budget = "/api/shows/TST/episodes/EP101/budget";
        mvc.perform(put(budget).with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON).content("{\"budget\": 325000.50}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.budget").value(325000.50));
        mvc.perform(get("/api/audit").param("entity", "episode").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].detail").value("budget 310000 -> 325000.50"))
                .andExpect(jsonPath("$.items[0].actor").value("producer"));
        mvc.perform(put(budget).with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON).content("{\"budget\": -1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("budget"));
        mvc.perform(put("/api/shows/TST/episodes/EP999/budget").with(as(PRODUCER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"budget\": 1}"))
                .andExpect(status().isNotFound());
        mvc.perform(put(budget).with(as(PRODUCER)).contentType(MediaType.APPLICATION_JSON).content("{\"budget\": 310000}"))
                .andExpect(status().isOk());
    }
}
