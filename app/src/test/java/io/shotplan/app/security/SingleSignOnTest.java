package io.shotplan.app.security;

import static io.shotplan.sql.schema.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OpenID Connect login end to end over HTTP: shotplan redirects to a real provider (mock-oauth2-server), gets the
 * code back, exchanges it, checks the signed ID token and maps the person's groups to roles; local users still log in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shotplan.cli.enabled=false", "shotplan.security.bcrypt-strength=4", "server.address=127.0.0.1",
        "shotplan.generation.workers=0", "shotplan.generation.sample-plate-width=0",
        "spring.datasource.url=jdbc:h2:mem:sso;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password="})
class SingleSignOnTest {

    static final IdentityProvider IDP = new IdentityProvider();

    @DynamicPropertySource
    static void signInThroughTheProvider(DynamicPropertyRegistry properties) {
        IDP.configure(properties);
    }

    @AfterAll
    static void stop() {
        IDP.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    DSLContext dsl;

    @Test
    void aPersonSignsInThroughTheIdentityProviderWithRolesFromTheirGroups() throws Exception {
        HttpClient browser = browser();
        IDP.nextSignIn("maria.sso", List.of("vfx-producers", "everyone"));
        HttpResponse<String> landed = get(browser, "/oauth2/authorization/studio");
        assertThat(landed.uri().getPath()).isEqualTo("/shots");
        assertThat(landed.statusCode()).isEqualTo(200);

        HttpResponse<String> me = get(browser, "/api/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"maria.sso\"").contains("\"roles\":[\"PRODUCER\"]");
        assertThat(get(browser, "/api/users").statusCode()).isEqualTo(403);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("LOGIN").and(AUDIT_LOG.ACTOR.eq("maria.sso"))))
                .isEqualTo(1);
    }

    @Test
    void aPersonWithNoMappedGroupIsRefused() throws Exception {
        HttpClient browser = browser();
        IDP.nextSignIn("visitor", List.of("catering"));
        HttpResponse<String> landed = get(browser, "/oauth2/authorization/studio");
        assertThat(landed.uri().getPath()).isEqualTo("/login");
        assertThat(landed.uri().getQuery()).isEqualTo("error");
        assertThat(get(browser, "/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void theLoginPageOffersTheProvider() throws Exception {
        HttpResponse<String> login = get(browser(), "/login");
        assertThat(login.body()).contains("Sign in with " + IdentityProvider.NAME)
                .contains("/oauth2/authorization/studio");
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
