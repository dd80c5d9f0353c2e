package io.shotplan.app.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID Connect provider for tests (NAV's mock-oauth2-server on 127.0.0.1, a free port), and the settings
 * that make shotplan sign in through it: client {@code shotplan}, user name from {@code preferred_username}, roles
 * from the {@code groups} claim ({@code vfx-producers} → PRODUCER, {@code finance} → FINANCE).
 */
public final class IdentityProvider {

    public static final String ISSUER = "studio";
    public static final String NAME = "Studio SSO";

    private final MockOAuth2Server server = new MockOAuth2Server();

    public IdentityProvider() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public void configure(DynamicPropertyRegistry properties) {
        String registration = "spring.security.oauth2.client.registration.studio.";
        properties.add(registration + "client-id", () -> "shotplan");
        properties.add(registration + "client-secret", () -> "not-a-secret");
        properties.add(registration + "client-name", () -> NAME);
        properties.add(registration + "scope", () -> "openid,profile");
        properties.add("spring.security.oauth2.client.provider.studio.issuer-uri",
                () -> server.issuerUrl(ISSUER).toString());
        properties.add("spring.security.oauth2.client.provider.studio.user-name-attribute", () -> "preferred_username");
        properties.add("shotplan.security.oidc.roles-claim", () -> "groups");
        properties.add("shotplan.security.oidc.roles.PRODUCER", () -> "vfx-producers");
        properties.add("shotplan.security.oidc.roles.FINANCE", () -> "finance");
    }

    /** The next sign-in is this person, in these groups. */
    public void nextSignIn(String username, List<String> groups) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, username, "JWT", List.of("shotplan"),
                Map.of("preferred_username", username, "groups", groups), 3600));
    }

    public void shutdown() {
        server.shutdown();
    }
}
