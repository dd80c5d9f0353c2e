package io.shotplan.app.scenario;

import static io.shotplan.app.security.Role.PRODUCER;
import static io.shotplan.app.security.Role.SUPERVISOR;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.shotplan.app.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ScenarioApiTest extends WebTest {

    static final String SCENARIOS = "/api/shows/" + SHOW + "/scenarios";

    @Test
    void aProducerFixesAScenarioAndReadsItBack() throws Exception {
        long id = create("tight budgte", "{\"budgetPercent\": 80}");

        call(put(SCENARIOS + "/tight budgte"), "{\"name\": \"tight budget\", \"description\": \"90 % and a week early\", "
                + "\"changes\": {\"budgetPercent\": 90, \"deliveryShiftDays\": -7}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.name").value("tight budget"));

        mvc.perform(get(SCENARIOS).with(as(SUPERVISOR)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].name").value("tight budget"))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].changes.budgetPercent").value(90))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].changes.deliveryShiftDays").value(-7))
                .andExpect(jsonPath("$[*].name", not(hasItem("tight budgte"))));
        mvc.perform(get("/api/audit").param("entity", "scenario").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].action").value("UPDATE"))
                .andExpect(jsonPath("$.items[0].entityId").value(SHOW + "/tight budget"))
                .andExpect(jsonPath("$.items[0].detail", containsString("renamed from 'tight budgte'")));
    }

    @Test
    void aScenarioIsAlsoFoundByItsIdAndARenameOntoAnotherIsRefusedWithNothingChanged() throws Exception {
        long id = create("more gpus", "{\"gpuCountPercent\": 200}");
        create("fewer gpus", "{\"gpuCountPercent\": 50}");

        call(put(SCENARIOS + "/" + id), "{\"name\": \"fewer gpus\", \"changes\": {\"gpuCountPercent\": 10}}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("'fewer gpus' already exists")));
        mvc.perform(get(SCENARIOS).with(as(PRODUCER)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].changes.gpuCountPercent").value(200))
                .andExpect(jsonPath("$[?(@.name == 'fewer gpus')].changes.gpuCountPercent").value(50));
    }

    @Test
    void deletingAScenarioKeepsItsPlansWithoutAScenario() throws Exception {
        create("doomed", "{\"crewPercent\": 120}");
        long planId = solve("doomed", 1);
        int version = JsonPath.read(mvc.perform(get("/api/plans/" + planId + "/summary").with(as(PRODUCER)))
                .andReturn().getResponse().getContentAsString(), "$.summary.version");

        call(delete(SCENARIOS + "/doomed"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scenario").value("doomed"))
                .andExpect(jsonPath("$.plansKept[0]").value(version));

        mvc.perform(get(SCENARIOS).with(as(PRODUCER))).andExpect(jsonPath("$[*].name", not(hasItem("doomed"))));
        mvc.perform(get("/api/plans/" + planId + "/summary").with(as(PRODUCER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.scenario").value(nullValue()));
        mvc.perform(get("/api/audit").param("entity", "scenario").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].action").value("DELETE"))
                .andExpect(jsonPath("$.items[0].detail", containsString("[" + version + "]")))
                .andExpect(jsonPath("$.items[0].detail", containsString("\"crewPercent\":120")));
    }

    @Test
    void anUnknownScenarioIsNotFound() throws Exception {
        call(put(SCENARIOS + "/no such scenario"), "{\"name\": \"x\", \"changes\": {}}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("no such scenario")));
        call(delete(SCENARIOS + "/no such scenario"), null).andExpect(status().isNotFound());
        call(delete("/api/shows/NOPE/scenarios/anything"), null).andExpect(status().isNotFound());
    }

    @Test
    void aBadEditIsRefusedFieldByFieldAndChangesNothing() throws Exception {
        long id = create("ai heavy", "{\"maxAiShare\": 0.6}");

        call(put(SCENARIOS + "/ai heavy"), "{\"name\": \"ai heavy\", \"changes\": {\"maxAiShare\": 2}}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("changes.maxAiShare"));
        call(put(SCENARIOS + "/ai heavy"), "{\"name\": \"\", \"changes\": {}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
        call(put(SCENARIOS + "/ai heavy"), "{\"name\": \"ai heavy\", \"changes\": ")
                .andExpect(status().isBadRequest());
        mvc.perform(get(SCENARIOS).with(as(PRODUCER)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].changes.maxAiShare").value(0.6));
    }

    @Test
    void onlyProducersEditOrDelete() throws Exception {
        create("kept", "{}");
        mvc.perform(put(SCENARIOS + "/kept").with(as(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"kept\", \"changes\": {\"crewPercent\": 50}}")).andExpect(status().isForbidden());
        mvc.perform(delete(SCENARIOS + "/kept").with(as(SUPERVISOR))).andExpect(status().isForbidden());
        mvc.perform(get(SCENARIOS).with(as(SUPERVISOR))).andExpect(jsonPath("$[*].name", hasItem("kept")));
    }

    private long create(String name, String changes) throws Exception {
        String created = call(post(SCENARIOS), "{\"name\": \"" + name + "\", \"changes\": " + changes + "}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String json) throws Exception {
        request.with(as(PRODUCER));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }
}
