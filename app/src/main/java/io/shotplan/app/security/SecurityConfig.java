package io.shotplan.app.security;

import static io.shotplan.app.security.Role.ADMIN;
import static io.shotplan.app.security.Role.FINANCE;
import static io.shotplan.app.security.Role.PRODUCER;
import static io.shotplan.app.security.Role.SUPERVISOR;

import io.shotplan.app.token.ApiTokenAuthenticationFilter;
import io.shotplan.app.token.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Who may call what, and how they prove who they are:
 * <ul>
 * <li>people in a browser: the login page (or single sign-on through the studio's identity provider, when one is
 * configured) and a session; every change carries the page's CSRF token;</li>
 * <li>scripts: a personal API token ({@code Authorization: Bearer}), for that request only; a browser never sends
 * such a header by itself, so no CSRF token is needed;</li>
 * <li>HTTP Basic with a password stays possible for people at a terminal. The server never challenges with
 * {@code WWW-Authenticate: Basic}, so a browser never learns to attach a password on its own; and a Basic request
 * that a browser sends from another origin (its {@code Origin} or {@code Sec-Fetch-Site} says so) needs the CSRF
 * token like a session does, which another site cannot have.</li>
 * </ul>
 * Every denial under /api is an RFC 9457 problem, never a login redirect. The role matrix is {@link #roleMatrix};
 * the README's table and {@code RoleMatrixTest} mirror it.
 */
@Configuration
@ConditionalOnWebApplication
@EnableConfigurationProperties(OidcRoles.class)
public class SecurityConfig {

    static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemSecurityResponses problems, ApiTokens tokens,
                                            LoginThrottle throttle, SessionRegistry sessions, OidcRoles oidcRoles,
                                            ObjectProvider<ClientRegistrationRepository> identityProviders,
                                            @Value("${shotplan.security.public-api-docs:false}") boolean publicApiDocs)
            throws Exception {
        http.authorizeHttpRequests(rules -> roleMatrix(rules, publicApiDocs))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::cannotBeForged))
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredSessionStrategy(ended(problems)))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(throttle.filter(problems), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, API)
                        .defaultAccessDeniedHandlerFor(problems, API))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        if (identityProviders.getIfAvailable() != null) {
            http.oauth2Login(sso -> sso.loginPage("/login").defaultSuccessUrl("/", false)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcRoles.userService())));
        }
        return http.build();
    }

    /** Tells the session registry when a session ends, so that it does not keep ended sessions. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * A request no other site can make a browser send: one with an API token, or HTTP Basic from a client that is
     * not a browser on another origin. Browsers mark every cross-origin POST with {@code Origin}, and current ones
     * every request with {@code Sec-Fetch-Site}; scripts send neither (or their own origin).
     */
    static boolean cannotBeForged(HttpServletRequest request) {
        if (ApiTokenAuthenticationFilter.carriesToken(request)) {
            return true;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return false;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin == null || origin.equals(ownOrigin(request));
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = port == 80 && request.getScheme().equals("http")
                || port == 443 && request.getScheme().equals("https");
        return UriComponentsBuilder.newInstance().scheme(request.getScheme()).host(request.getServerName())
                .port(defaultPort ? -1 : port).toUriString();
    }

    /** A session ended by a change to its user: the API answers 401, a page goes to the login page. */
    private static SessionInformationExpiredStrategy ended(ProblemSecurityResponses problems) {
        return event -> {
            HttpServletRequest request = event.getRequest();
            if (API.matches(request)) {
                problems.commence(request, event.getResponse(), new InsufficientAuthenticationException(
                        "the session ended because its user was changed"));
            } else {
                try {
                    event.getResponse().sendRedirect(request.getContextPath() + "/login?expired");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }

    static void roleMatrix(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
            boolean publicApiDocs) {
        rules
                // public: the login page, static files
                .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg").permitAll()
                // an orchestrator probes these without credentials; metrics and health details are the admins'
                .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                .requestMatchers("/actuator/**").hasRole(ADMIN.name());
        // the API description: for any logged-in user, or for everyone where a setting says so
        var apiDocs = rules.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html");
        if (publicApiDocs) {
            apiDocs.permitAll();
        } else {
            apiDocs.authenticated();
        }
        rules
                // a show's calendar feed: its address's random token is the credential (calendar apps cannot log in)
                .requestMatchers(HttpMethod.GET, "/calendar/*").permitAll()
                // users and the audit log; your own password and API tokens
                .requestMatchers("/api/me", "/api/me/**").authenticated()
                .requestMatchers("/api/users/**", "/users").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/shows/*/archive").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/audit", "/audit").hasAnyRole(ADMIN.name(), PRODUCER.name())
                // shots: supervisors pin, mark human-only, record consent
                .requestMatchers(HttpMethod.PUT, "/api/shows/*/shots/*/**").hasRole(SUPERVISOR.name())
                // budgets, rate cards, imports of shows, scenarios and plans: producers
                .requestMatchers(HttpMethod.PUT, "/api/shows/*/episodes/*/budget", "/api/shows/*/rate-cards/*")
                .hasRole(PRODUCER.name())
                .requestMatchers(HttpMethod.POST, "/api/imports", "/api/imports/**").hasRole(PRODUCER.name())
                .requestMatchers(HttpMethod.POST, "/api/shows/*/scenarios", "/api/shows/*/calendar").hasRole(PRODUCER.name())
                .requestMatchers(HttpMethod.PUT, "/api/shows/*/scenarios/*").hasRole(PRODUCER.name())
                .requestMatchers(HttpMethod.DELETE, "/api/shows/*/scenarios/*").hasRole(PRODUCER.name())
                .requestMatchers(HttpMethod.POST, "/api/shows/*/plans", "/api/solves/*/stop",
                        "/api/plans/*/baseline", "/api/plans/*/fixes").hasRole(PRODUCER.name())
                // actuals: finance
                .requestMatchers(HttpMethod.POST, "/api/shows/*/actuals", "/api/shows/*/exchange-rates")
                .hasRole(FINANCE.name())
                // dispatch: producers and supervisors
                .requestMatchers(HttpMethod.POST, "/api/plans/*/dispatch", "/api/shows/*/generation/**")
                .hasAnyRole(PRODUCER.name(), SUPERVISOR.name())
                // everything else: read by every role, written by none
                .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                .requestMatchers("/api/**").denyAll()
                .anyRequest().authenticated();
    }
}
