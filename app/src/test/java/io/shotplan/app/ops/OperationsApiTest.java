package io.shotplan.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shotplan.app.security.Role;
import io.shotplan.app.web.WebTest;
import org.junit.jupiter.api.Test;

/** Actuator: probes for the orchestrator, Prometheus metrics for the admins only. */
class OperationsApiTest extends WebTest {

    @Test
    void livenessAndReadinessAreOpenToTheOrchestrator() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void metricsAndHealthDetailsAreTheAdminsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health")).andExpect(status().isUnauthorized());
        for (Role role : new Role[] {Role.PRODUCER, Role.SUPERVISOR, Role.FINANCE}) {
            mvc.perform(get("/actuator/prometheus").with(as(role))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/actuator/health").with(as(Role.ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void prometheusHasHttpThePoolSolvesAndTheGenerationQueue() throws Exception {
        mvc.perform(get("/api/shows").with(as(Role.FINANCE))).andExpect(status().isOk());
        solve(null, 1);

        String metrics = mvc.perform(get("/actuator/prometheus").with(as(Role.ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(metrics)
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/api/shows\"")
                .contains("hikaricp_connections_active{")
                .contains("shotplan_solves_seconds_count{")
                .contains("outcome=\"done\"")
                .contains("shotplan_solves_running{")
                .contains("shotplan_generation_jobs{")
                .contains("state=\"queued\"");
    }
}
