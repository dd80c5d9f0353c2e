package io.shotplan.app.token;

import static io.shotplan.sql.schema.Tables.API_TOKEN;
import static io.shotplan.sql.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.shotplan.app.security.Role;
import io.shotplan.app.web.WebTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Personal API tokens: created once and shown once, stored as a hash, used as Bearer, listed, revoked, audited. */
class ApiTokenApiTest extends WebTest {

    @Autowired
    DSLContext dsl;

    @Test
    void aTokenActsAsItsUserUntilRevokedAndOnlyItsHashIsStored() throws Exception {
        users.create("pipeline-bot", PASSWORD, EnumSet.of(Role.PRODUCER));
        String created = mvc.perform(post("/api/me/tokens").with(httpBasic("pipeline-bot", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"nightly import\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("nightly import"))
                .andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(created, "$.token");
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        assertThat(token).startsWith("shp_").hasSizeGreaterThanOrEqualTo(4 + 43); // 256 bits, base64url

        // only the SHA-256 of the token is in the database
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        var row = dsl.selectFrom(API_TOKEN).where(API_TOKEN.ID.eq(id)).fetchSingle();
        assertThat(row.getTokenHash()).isEqualTo(hash);
        assertThat(row.formatJSON()).doesNotContain(token.substring(4));

        // a write with the token needs no CSRF token and no session, and carries the user's roles
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("pipeline-bot"))
                .andExpect(jsonPath("$.roles[0]").value("PRODUCER"));
        mvc.perform(put("/api/shows/TST/episodes/EP102/budget").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .header(HttpHeaders.ORIGIN, "http://elsewhere.example")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"budget\": 290000}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/shows/TST/shots/EP102_010_0010/human-only").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"humanOnly\": false}"))
                .andExpect(status().isForbidden()); // a producer's token does not supervise

        // listed with its last use, never with the token
        String listed = mvc.perform(get("/api/me/tokens").with(httpBasic("pipeline-bot", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("nightly import"))
                .andExpect(jsonPath("$[0].lastUsedAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).doesNotContain(token.substring(4)).doesNotContain(hash);

        mvc.perform(delete("/api/me/tokens/" + id).with(httpBasic("pipeline-bot", PASSWORD)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized());
        assertThat(dsl.fetchCount(API_TOKEN, API_TOKEN.ID.eq(id))).isZero();
        assertThat(dsl.select(AUDIT_LOG.ACTION).from(AUDIT_LOG).where(AUDIT_LOG.ENTITY.eq("api-token"))
                .and(AUDIT_LOG.ENTITY_ID.eq("pipeline-bot/" + id)).fetch(AUDIT_LOG.ACTION))
                .containsExactlyInAnyOrder("CREATE", "REVOKE");
    }

    @Test
    void anAdminManagesAUsersTokensAndADisabledUsersTokenStops() throws Exception {
        users.create("render-bot", PASSWORD, EnumSet.of(Role.SUPERVISOR));
        String created = mvc.perform(post("/api/users/render-bot/tokens").with(as(Role.ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"farm\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(created, "$.token");
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(jsonPath("$.username").value("render-bot"));
        mvc.perform(get("/api/users/render-bot/tokens").with(as(Role.ADMIN)))
                .andExpect(jsonPath("$[0].name").value("farm"));

        users.update("render-bot", EnumSet.of(Role.SUPERVISOR), false);
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized());
        users.update("render-bot", EnumSet.of(Role.FINANCE), true);
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(jsonPath("$.roles[0]").value("FINANCE")); // the user's roles now, not at creation

        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(delete("/api/users/render-bot/tokens/" + id).with(as(Role.ADMIN))).andExpect(status().isNoContent());
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aMadeUpTokenIsUnauthorizedWithoutABasicChallenge() throws Exception {
        mvc.perform(get("/api/shows").header(HttpHeaders.AUTHORIZATION, "Bearer shp_not-a-real-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(result -> assertThat(result.getResponse().getHeader("WWW-Authenticate")).isNull());
    }
}
