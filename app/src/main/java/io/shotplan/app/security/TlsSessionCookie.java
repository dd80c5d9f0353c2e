package io.shotplan.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the server speaks TLS (an SSL bundle from a PEM key and certificate, see the README), the session cookie is
 * {@code Secure}: the browser never sends it over plain HTTP, where it could be read on the network.
 */
@Configuration
@ConditionalOnWebApplication
class TlsSessionCookie {

    @Bean
    ServletContextInitializer secureSessionCookieWithTls(ServerProperties server) {
        return servletContext -> {
            if (Ssl.isEnabled(server.getSsl())) {
                servletContext.getSessionCookieConfig().setSecure(true);
            }
        };
    }
}
