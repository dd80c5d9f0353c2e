package io.shotplan.app.security;

import static io.shotplan.app.security.Role.ADMIN;
import static io.shotplan.app.security.Role.FINANCE;
import static io.shotplan.app.security.Role.PRODUCER;
import static io.shotplan.app.security.Role.SUPERVISOR;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Browser: form login with a session and CSRF tokens (pages send the token in a header). API clients: HTTP Basic,
 * stateless, no CSRF token needed. Every denial under /api is an RFC 9457 problem, never a login redirect.
 * The role matrix is {@link #roleMatrix}; the README's table and {@code RoleMatrixTest} mirror it.
 */
@Configuration
@ConditionalOnWebApplication
public class SecurityConfig {

    static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemSecurityResponses problems) throws Exception {
        RequestMatcher basicAuthenticated = request -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        };
        http.authorizeHttpRequests(SecurityConfig::roleMatrix)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(basic -> basic.realmName("shotplan").authenticationEntryPoint(problems))
                .csrf(csrf -> csrf.ignoringRequestMatchers(basicAuthenticated))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problems, API)
                        .defaultAccessDeniedHandlerFor(problems, API))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        return http.build();
    }

    static void roleMatrix(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules
                // public: the login page, static files, the API description
                .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg").permitAll()
                .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                // users and the audit log
                .requestMatchers("/api/me", "/api/me/**").authenticated()
                .requestMatchers("/api/users/**", "/users").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/shows/*/archive").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/audit", "/audit").hasAnyRole(ADMIN.name(), PRODUCER.name())
                // shots: supervisors pin, mark human-only, record consent
                .requestMatchers(HttpMethod.PUT, "/api/shows/*/shots/*/**").hasRole(SUPERVISOR.name())
                // budgets, imports of shows, scenarios and plans: producers
                .requestMatchers(HttpMethod.PUT, "/api/shows/*/episodes/*/budget").hasRole(PRODUCER.name())
                .requestMatchers(HttpMethod.POST, "/api/imports", "/api/imports/**").hasRole(PRODUCER.name())
                .requestMatchers(HttpMethod.POST, "/api/shows/*/scenarios").hasRole(PRODUCER.name())
                .requestMatchers(HttpMethod.PUT, "/api/shows/*/scenarios/*").hasRole(PRODUCER.name())
                .requestMatchers(HttpMethod.DELETE, "/api/shows/*/scenarios/*").hasRole(PRODUCER.name())
                .requestMatchers(HttpMethod.POST, "/api/shows/*/plans", "/api/solves/*/stop",
                        "/api/plans/*/baseline").hasRole(PRODUCER.name())
                // actuals: finance
                .requestMatchers(HttpMethod.POST, "/api/shows/*/actuals").hasRole(FINANCE.name())
                // dispatch: producers and supervisors
                .requestMatchers(HttpMethod.POST, "/api/plans/*/dispatch", "/api/shows/*/generation/**")
                .hasAnyRole(PRODUCER.name(), SUPERVISOR.name())
                // everything else: read by every role, written by none
                .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                .requestMatchers("/api/**").denyAll()
                .anyRequest().authenticated();
    }
}
