package io.shotplan.app.user;

import static io.shotplan.app.security.Role.ADMIN;
import static io.shotplan.app.security.Role.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.web.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class UserApiTest extends WebTest {

    @Test
    void anAdminCreatesAUserWhoCanThenLogIn() throws Exception {
        mvc.perform(post("/api/users").with(as(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"maria\", \"password\": \"snow-over-the-city\", \"roles\": [\"PRODUCER\", \"FINANCE\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/users/maria"))
                .andExpect(jsonPath("$.passwordHash").doesNotExist())
                .andExpect(jsonPath("$.roles", hasItem("PRODUCER")));
        mvc.perform(get("/api/me").with(httpBasic("maria", "snow-over-the-city")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("maria"));
        mvc.perform(get("/api/audit").param("entity", "user").with(as(ADMIN)))
                .andExpect(jsonPath("$.items[0].entityId").value("maria"))
                .andExpect(jsonPath("$.items[0].action").value("CREATE"))
                .andExpect(jsonPath("$.items[0].actor").value("admin"));

        mvc.perform(put("/api/users/maria").with(as(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"FINANCE\"], \"enabled\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/me").with(httpBasic("maria", "snow-over-the-city"))).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/users/maria").with(as(ADMIN))).andExpect(status().isNoContent());
        mvc.perform(get("/api/users/maria").with(as(ADMIN))).andExpect(status().isNotFound());
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        var credentials = repository.findCredentials("finance").orElseThrow();
        assertThat(credentials.passwordHash()).startsWith("$2a$").doesNotContain(PASSWORD);
    }

    @Test
    void badUsersAreProblemsWithTheirFields() throws Exception {
        mvc.perform(post("/api/users").with(as(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"a b\", \"password\": \"short\", \"roles\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("roles")));
        mvc.perform(post("/api/users").with(as(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"zed\", \"password\": \"long-enough-password\", \"roles\": [\"JANITOR\"]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/users").with(as(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"finance\", \"password\": \"long-enough-password\", \"roles\": [\"FINANCE\"]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("already exists")));
    }

    @Test
    void theLastAdminCannotBeRemoved() throws Exception {
        // 'admin' and 'everyone' hold ADMIN in the test data: take it from 'everyone' and the last one stays
        mvc.perform(put("/api/users/everyone").with(as(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\": [\"PRODUCER\", \"SUPERVISOR\", \"FINANCE\"], \"enabled\": true}"))
                .andExpect(status().isOk());
        try {
            mvc.perform(delete("/api/users/admin").with(as(ADMIN)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail", containsString("no enabled ADMIN")));
            mvc.perform(get("/api/users/admin").with(as(ADMIN))).andExpect(status().isOk());
        } finally {
            mvc.perform(put("/api/users/everyone").with(as(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"roles\": [\"PRODUCER\", \"SUPERVISOR\", \"FINANCE\", \"ADMIN\"], \"enabled\": true}"));
        }
    }

    @Test
    void everyoneCanChangeTheirOwnPassword() throws Exception {
        users.create("temp-finance", "first-password-1", java.util.EnumSet.of(FINANCE));
        mvc.perform(put("/api/me/password").with(httpBasic("temp-finance", "first-password-1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"not-the-password\", \"password\": \"second-password-2\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the current password is not right; the password is unchanged"));
        mvc.perform(put("/api/me/password").with(httpBasic("temp-finance", "first-password-1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\": \"first-password-1\", \"password\": \"second-password-2\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic("temp-finance", "first-password-1"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic("temp-finance", "second-password-2"))).andExpect(status().isOk());
        users.delete("temp-finance");
    }

    @org.springframework.beans.factory.annotation.Autowired
    UserRepository repository;
}
