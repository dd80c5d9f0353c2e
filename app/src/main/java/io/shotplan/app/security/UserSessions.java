package io.shotplan.app.security;

import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;

/**
 * The login sessions of this server by user, so that a change to a user (disabled, roles changed, password changed,
 * deleted) ends the sessions that were opened with what the user was before. The next request of an ended session
 * is a 401 (API) or the login page. Sessions are held in this process; a second server behind a load balancer keeps
 * its own.
 */
@Component
public class UserSessions {

    @Configuration
    static class Registry {
        @Bean
        SessionRegistry sessionRegistry() {
            return new SessionRegistryImpl();
        }
    }

    private final SessionRegistry registry;

    public UserSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Ends every session of the user except {@code keep} (the session that changed its own password). */
    public void endAll(String username, Optional<String> keep) {
        for (Object principal : registry.getAllPrincipals()) {
            if (username.equals(nameOf(principal))) {
                registry.getAllSessions(principal, false).stream()
                        .filter(session -> keep.map(id -> !id.equals(session.getSessionId())).orElse(true))
                        .forEach(session -> session.expireNow());
            }
        }
    }

    private static String nameOf(Object principal) {
        return switch (principal) {
            case UserDetails user -> user.getUsername();
            case OAuth2User user -> user.getName();
            default -> principal.toString();
        };
    }
}
