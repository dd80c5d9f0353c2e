package io.shotplan.app.shot;

import static io.shotplan.app.security.Role.PRODUCER;
import static io.shotplan.app.security.Role.SUPERVISOR;
import static io.shotplan.sql.schema.Tables.AI_EXCLUDED_WORK_TYPE;
import static io.shotplan.sql.schema.Tables.SHOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Pins ask the planner's eligibility rule: one the rule refuses is refused with its reason, and one that becomes
 * ineligible later (the policy changes, the shot's AI job fails for good) is dropped and audited at the next solve
 * instead of failing it.
 */
class EligibilityApiTest extends WebTest {

    static final String SHOT_CODE = "EP101_020_0020";
    static final String PIN = "/api/shows/" + SHOW + "/shots/" + SHOT_CODE + "/pin";

    @Autowired
    DSLContext dsl;

    @AfterEach
    void restore() {
        dsl.deleteFrom(AI_EXCLUDED_WORK_TYPE).where(AI_EXCLUDED_WORK_TYPE.WORK_TYPE.eq("roto")).execute();
        dsl.update(SHOT).set(SHOT.STATUS, "NOT_STARTED").setNull(SHOT.PINNED_MODE).where(SHOT.CODE.eq(SHOT_CODE)).execute();
    }

    private void policyKeepsRotoForArtists() {
        var shows = io.shotplan.sql.schema.Tables.SHOW;
        long showId = dsl.select(shows.ID).from(shows).where(shows.CODE.eq(SHOW)).fetchSingle().value1();
        dsl.insertInto(AI_EXCLUDED_WORK_TYPE).set(AI_EXCLUDED_WORK_TYPE.SHOW_ID, showId)
                .set(AI_EXCLUDED_WORK_TYPE.WORK_TYPE, "roto").execute();
    }

    private org.springframework.test.web.servlet.ResultActions pin(String mode) throws Exception {
        return mvc.perform(put(PIN).with(as(SUPERVISOR)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\": \"" + mode + "\"}"));
    }

    @Test
    void aSupervisorCannotPinAiOnAWorkTypeThePolicyKeepsForArtists() throws Exception {
        policyKeepsRotoForArtists();

        pin("roto-ai").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("shot " + SHOT_CODE + " cannot be pinned to roto-ai: policy: work"
                        + " type 'roto' never goes to AI"));

        assertThat(dsl.select(SHOT.PINNED_MODE).from(SHOT).where(SHOT.CODE.eq(SHOT_CODE)).fetchSingle().value1()).isNull();
        pin("TRADITIONAL").andExpect(status().isOk());
    }

    @Test
    void anAiPinOnAShotWhoseAiJobFailedForGoodIsDroppedAndAuditedAtTheNextSolve() throws Exception {
        pin("roto-ai").andExpect(status().isOk());
        // the generation worker gave up on the shot's job: only artists can finish it now
        dsl.update(SHOT).set(SHOT.STATUS, "REPLAN").where(SHOT.CODE.eq(SHOT_CODE)).execute();

        long planId = solve(null, 2);

        mvc.perform(get("/api/plans/" + planId).with(as(PRODUCER))).andExpect(status().isOk());
        mvc.perform(get("/api/shows/" + SHOW + "/shots/" + SHOT_CODE).with(as(PRODUCER)))
                .andExpect(jsonPath("$.pinnedMode").doesNotExist());
        mvc.perform(get("/api/audit").param("entity", "shot").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].action").value("PIN"))
                .andExpect(jsonPath("$.items[0].entityId").value(SHOW + "/" + SHOT_CODE))
                .andExpect(jsonPath("$.items[0].detail", containsString("roto-ai -> (none): dropped before solving")))
                .andExpect(jsonPath("$.items[0].detail", containsString("its AI job failed for good (REPLAN)")));
    }

    @Test
    void aPinThePolicyNoLongerAllowsIsDroppedAtTheNextSolve() throws Exception {
        pin("roto-ai").andExpect(status().isOk());
        policyKeepsRotoForArtists();

        solve(null, 2);

        assertThat(dsl.select(SHOT.PINNED_MODE).from(SHOT).where(SHOT.CODE.eq(SHOT_CODE)).fetchSingle().value1()).isNull();
        mvc.perform(get("/api/audit").param("entity", "shot").with(as(PRODUCER)))
                .andExpect(jsonPath("$.items[0].detail", containsString("policy: work type 'roto' never goes to AI")));
    }
}
