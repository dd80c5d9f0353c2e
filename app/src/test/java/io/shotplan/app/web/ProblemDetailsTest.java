package io.shotplan.app.web;

import static io.shotplan.app.security.Role.FINANCE;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ProblemDetailsTest extends WebTest {

    @Test
    void anUnexpectedFailureIsAGeneric500WithoutAStackTrace() throws Exception {
        mvc.perform(get("/api/test/failure").with(as(FINANCE)))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(500))
                .andExpect(content().string(not(containsString("secret internals"))))
                .andExpect(content().string(not(containsString("NullPointerException"))));
    }

    @Test
    void anExhaustedPoolIsA503WithRetryAfterNotAConflict() throws Exception {
        mvc.perform(get("/api/test/pool-exhausted").with(as(FINANCE)))
                .andExpect(status().isServiceUnavailable())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Retry-After", "2"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(content().string(not(containsString("Hikari"))));
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        mvc.perform(get("/api/no-such-thing").with(as(FINANCE)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theApiDescriptionAndItsPageAreServed() throws Exception {
        // not public unless shotplan.security.public-api-docs says so
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").with(as(io.shotplan.app.security.Role.FINANCE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi", containsString("3.")))
                .andExpect(jsonPath("$.info.title").value("shotplan API"))
                .andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/api/shows/{show}/shots'].get").exists());
        mvc.perform(get("/swagger-ui/index.html").with(as(io.shotplan.app.security.Role.FINANCE))).andExpect(status().isOk());
    }
}
