package io.shotplan.app.security;

import static io.shotplan.app.security.Role.ADMIN;
import static io.shotplan.app.security.Role.FINANCE;
import static io.shotplan.app.security.Role.PRODUCER;
import static io.shotplan.app.security.Role.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.shotplan.app.web.WebTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The README's role matrix, endpoint by endpoint: anonymous calls get 401, roles outside the matrix 403 (both as
 * problem details), roles inside it get past security (whatever the endpoint then answers). Bodies are valid and
 * idempotent so the allowed calls can run in any order.
 */
class RoleMatrixTest extends WebTest {

    record Endpoint(HttpMethod method, String path, String body, Set<Role> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    static List<Endpoint> matrix() {
        return List.of(
                new Endpoint(HttpMethod.GET, "/api/me", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/shows", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/shows/TST", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/shows/TST/episodes", null, EVERYONE),
                new Endpoint(HttpMethod.PUT, "/api/shows/TST/episodes/EP102/budget", "{\"budget\": 290000}", EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.GET, "/api/shows/TST/rate-cards", null, EVERYONE),
                new Endpoint(HttpMethod.PUT, "/api/shows/TST/rate-cards/2027-03-01", "{\"name\": \"x\", \"dayRates\": {\"nope\": 1}}",
                        EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.GET, "/api/shows/TST/shots?episode=EP101", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/shows/TST/shots/EP101_010_0010", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/shows/TST/work-types", null, EVERYONE),
                new Endpoint(HttpMethod.PUT, "/api/shows/TST/shots/EP102_010_0010/pin", "{\"mode\": null}", EnumSet.of(SUPERVISOR)),
                new Endpoint(HttpMethod.PUT, "/api/shows/TST/shots/EP102_010_0010/human-only", "{\"humanOnly\": false}", EnumSet.of(SUPERVISOR)),
                new Endpoint(HttpMethod.PUT, "/api/shows/TST/shots/EP102_010_0010/consent", "{\"consentOnFile\": false}", EnumSet.of(SUPERVISOR)),
                new Endpoint(HttpMethod.GET, "/api/users", null, EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.GET, "/api/users/producer", null, EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.POST, "/api/users", "{\"username\": \"x\", \"password\": \"\", \"roles\": []}", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.PUT, "/api/users/finance", "{\"roles\": [\"FINANCE\"], \"enabled\": true}", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.PUT, "/api/users/nobody/password", "{\"password\": \"long-enough-password\"}", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.DELETE, "/api/users/nobody", null, EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.GET, "/api/audit", null, EnumSet.of(ADMIN, PRODUCER)),
                new Endpoint(HttpMethod.PUT, "/api/me/password", "{\"password\": \"short\"}", EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/me/tokens", null, EVERYONE),
                new Endpoint(HttpMethod.POST, "/api/me/tokens", "{\"name\": \"\"}", EVERYONE),
                new Endpoint(HttpMethod.DELETE, "/api/me/tokens/999999", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/users/producer/tokens", null, EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.POST, "/api/users/nobody/tokens", "{\"name\": \"\"}", EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.DELETE, "/api/users/producer/tokens/999999", null, EnumSet.of(ADMIN)),
                new Endpoint(HttpMethod.GET, "/api/shows/TST/capabilities", null, EVERYONE),
                // imports: shows, shots and hand bids by producers, actual costs by finance (empty uploads: refused after the role check)
                new Endpoint(HttpMethod.POST, "/api/imports/show", null, EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.POST, "/api/imports/shots?show=TST", null, EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.POST, "/api/imports/estimates?show=TST", null, EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.POST, "/api/imports/edl?show=TST&episode=EP101&workType=roto", null, EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.POST, "/api/imports/shots/revision?show=TST&dryRun=true", null, EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.GET, "/api/shows/TST/bid-sheet.xlsx", null, EVERYONE),
                new Endpoint(HttpMethod.POST, "/api/shows/TST/calendar", null, EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.POST, "/api/imports/edl/revision?show=TST&episode=EP101&workType=roto&dryRun=true",
                        null, EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.POST, "/api/shows/TST/actuals", null, EnumSet.of(FINANCE)),
                new Endpoint(HttpMethod.POST, "/api/shows/TST/exchange-rates", null, EnumSet.of(FINANCE)),
                // scenarios and plans (invalid bodies or unknown ids: nothing changes, the role check still runs)
                new Endpoint(HttpMethod.GET, "/api/shows/TST/scenarios", null, EVERYONE),
                new Endpoint(HttpMethod.POST, "/api/shows/TST/scenarios", "{\"name\": \"\"}", EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.PUT, "/api/shows/TST/scenarios/no-such-scenario", "{\"name\": \"\"}", EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.DELETE, "/api/shows/TST/scenarios/no-such-scenario", null, EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.GET, "/api/shows/TST/plans", null, EVERYONE),
                new Endpoint(HttpMethod.POST, "/api/shows/TST/plans", "{\"seconds\": 0}", EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.GET, "/api/solves/no-such-solve", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/solves/no-such-solve/events", null, EVERYONE),
                new Endpoint(HttpMethod.POST, "/api/solves/no-such-solve/stop", null, EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.GET, "/api/plans/999999", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/plans/999999/timeline", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/plans/999999/summary", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/plans/999999/items", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/plans/compare?a=999998&b=999999", null, EVERYONE),
                new Endpoint(HttpMethod.POST, "/api/plans/999999/baseline", null, EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.POST, "/api/plans/999999/fixes", null, EnumSet.of(PRODUCER)),
                new Endpoint(HttpMethod.GET, "/api/fixes/no-such-run", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/plans/999999/ms-project.xml", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/shows/TST/ms-project.xml", null, EVERYONE),
                new Endpoint(HttpMethod.POST, "/api/shows/NOPE/archive", null, EnumSet.of(ADMIN)),
                // dispatch and generation
                new Endpoint(HttpMethod.POST, "/api/plans/999999/dispatch", null, EnumSet.of(PRODUCER, SUPERVISOR)),
                new Endpoint(HttpMethod.GET, "/api/shows/TST/generation", null, EVERYONE),
                new Endpoint(HttpMethod.POST, "/api/shows/NOPE/generation/pause", null, EnumSet.of(PRODUCER, SUPERVISOR)),
                new Endpoint(HttpMethod.POST, "/api/shows/NOPE/generation/resume", null, EnumSet.of(PRODUCER, SUPERVISOR)),
                new Endpoint(HttpMethod.POST, "/api/shows/NOPE/generation/cancel", null, EnumSet.of(PRODUCER, SUPERVISOR)),
                // reports (an unknown episode keeps it quick)
                new Endpoint(HttpMethod.GET, "/api/shows/TST/report?episode=EP999", null, EVERYONE),
                new Endpoint(HttpMethod.GET, "/api/shows/TST/report.csv?episode=EP999", null, EVERYONE));
    }

    static Stream<Arguments> endpointsByRole() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : matrix()) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(endpoint, role));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsByRole")
    void eachRoleGetsWhatTheMatrixSays(Endpoint endpoint, Role role) throws Exception {
        MvcResult result = mvc.perform(call(endpoint).with(as(role))).andReturn();
        int status = result.getResponse().getStatus();
        if (endpoint.allowed().contains(role)) {
            assertThat(status).as("%s as %s", endpoint, role).isNotIn(401, 403);
        } else {
            assertThat(status).as("%s as %s", endpoint, role).isEqualTo(403);
            assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }

    @ParameterizedTest(name = "{0} anonymously")
    @MethodSource("matrix")
    void anonymousCallsAreUnauthorizedProblems(Endpoint endpoint) throws Exception {
        MvcResult result = mvc.perform(call(endpoint).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // no Basic challenge: a browser would ask for a password and then send it with every request, forged ones too
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).isNull();
    }

    @Test
    void aWrongPasswordIsUnauthorized() throws Exception {
        MvcResult result = mvc.perform(request(HttpMethod.GET, "/api/shows")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic("admin-nope", "wrong"))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aBrowserSessionMustSendTheCsrfToken() throws Exception {
        var supervisor = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user("supervisor").roles("SUPERVISOR");
        var body = "{\"humanOnly\": false}";
        var path = "/api/shows/TST/shots/EP102_010_0010/human-only";
        assertThat(mvc.perform(request(HttpMethod.PUT, path).with(supervisor)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(request(HttpMethod.PUT, path).with(supervisor).with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    private static MockHttpServletRequestBuilder call(Endpoint endpoint) {
        MockHttpServletRequestBuilder builder = request(endpoint.method(), endpoint.path());
        if (endpoint.body() != null) {
            builder.contentType(MediaType.APPLICATION_JSON).content(endpoint.body());
        }
        return builder;
    }
}
