package io.shotplan.app.security;

import static io.shotplan.sql.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
import java.util.EnumSet;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

/**
 * Sessions end when their user changes; logins are throttled and audited; a change a browser could be tricked into
 * sending (a session, or Basic from another origin) needs the CSRF token.
 */
class SessionsAndLoginsTest extends WebTest {

    @Autowired
    DSLContext dsl;

    @Test
    void disablingAUserEndsTheirSessions() throws Exception {
        users.create("leaving", PASSWORD, EnumSet.of(Role.PRODUCER));
        MockHttpSession session = logIn("leaving");
        mvc.perform(get("/api/me").session(session)).andExpect(status().isOk());
        users.update("leaving", EnumSet.of(Role.PRODUCER), false);
        mvc.perform(get("/api/me").session(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void losingARoleEndsTheSessionThatHadIt() throws Exception {
        users.create("demoted", PASSWORD, EnumSet.of(Role.PRODUCER, Role.FINANCE));
        MockHttpSession session = logIn("demoted");
        mvc.perform(get("/api/audit").session(session)).andExpect(status().isOk());
        users.update("demoted", EnumSet.of(Role.FINANCE), true);
        mvc.perform(get("/api/audit").session(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/audit").session(logIn("demoted"))).andExpect(status().isForbidden());
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndKeepsTheOneThatChangedIt() throws Exception {
        users.create("careful", PASSWORD, EnumSet.of(Role.FINANCE));
        MockHttpSession laptop = logIn("careful");
        MockHttpSession forgottenOnAnotherMachine = logIn("careful");
        mvc.perform(put("/api/me/password").session(laptop).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"" + PASSWORD + "\", \"password\": \"a-new-long-password\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").session(laptop)).andExpect(status().isOk());
        mvc.perform(get("/api/me").session(forgottenOnAnotherMachine)).andExpect(status().isUnauthorized());

        users.changePassword("careful", "set-by-the-admin-1");
        mvc.perform(get("/api/me").session(laptop)).andExpect(status().isUnauthorized());
        mvc.perform(get("/shots").session(logIn("careful", "set-by-the-admin-1"))).andExpect(status().isOk());
    }

    @Test
    void repeatedWrongPasswordsAreThrottledWithA429AndAudited() throws Exception {
        users.create("guessed", PASSWORD, EnumSet.of(Role.FINANCE));
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/me").with(httpBasic("guessed", "wrong-" + i))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(httpBasic("guessed", PASSWORD)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Too many failed logins")));
        mvc.perform(formLogin("/login").user("guessed").password(PASSWORD))
                .andExpect(header().string(HttpHeaders.LOCATION, "/login?throttled"));
        // another user from the same address logs in
        mvc.perform(get("/api/me").with(as(Role.FINANCE))).andExpect(status().isOk());
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("LOGIN_FAILED").and(AUDIT_LOG.ENTITY_ID.eq("guessed"))))
                .isEqualTo(5);
    }

    @Test
    void anInteractiveLoginIsAudited() throws Exception {
        users.create("audited", PASSWORD, EnumSet.of(Role.FINANCE));
        logIn("audited");
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("LOGIN").and(AUDIT_LOG.ACTOR.eq("audited"))))
                .isEqualTo(1);
    }

    @Test
    void whatABrowserCouldSendOnItsOwnNeedsTheCsrfToken() throws Exception {
        String budget = "{\"budget\": 290000}";
        String path = "/api/shows/TST/episodes/EP102/budget";
        // a session without the page's token
        MockHttpSession session = logIn("producer");
        mvc.perform(put(path).session(session).contentType(MediaType.APPLICATION_JSON).content(budget))
                .andExpect(status().isForbidden());
        mvc.perform(put(path).session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(budget))
                .andExpect(status().isOk());
        // Basic from a browser on another origin, or another site of the same host
        mvc.perform(put(path).with(as(Role.PRODUCER)).header(HttpHeaders.ORIGIN, "http://127.0.0.1:9999")
                        .contentType(MediaType.APPLICATION_JSON).content(budget))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/plans/999999/dispatch").with(as(Role.PRODUCER)).header("Sec-Fetch-Site", "same-site"))
                .andExpect(status().isForbidden());
        // Basic from a script (no Origin, no fetch metadata) or from this server's own pages
        mvc.perform(put(path).with(as(Role.PRODUCER)).contentType(MediaType.APPLICATION_JSON).content(budget))
                .andExpect(status().isOk());
        mvc.perform(put(path).with(as(Role.PRODUCER)).header(HttpHeaders.ORIGIN, "http://localhost")
                        .header("Sec-Fetch-Site", "same-origin").contentType(MediaType.APPLICATION_JSON).content(budget))
                .andExpect(status().isOk());
    }

    private MockHttpSession logIn(String username) throws Exception {
        return logIn(username, PASSWORD);
    }

    private MockHttpSession logIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(header().string(HttpHeaders.LOCATION, "/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
