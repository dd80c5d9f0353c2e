package io.shotplan.app.token;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: the request acts as the token's user, with that user's roles now, for this
 * request only (no session). A browser never attaches such a header by itself, so these requests need no CSRF token.
 * An unknown or revoked token is a 401, whatever else the request carries.
 */
public class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public ApiTokenAuthenticationFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    /** Whether a request authenticates with a bearer token (and so is not one a browser could send on its own). */
    public static boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).trim();
        java.util.Optional<ApiTokens.Authenticated> holder;
        try {
            holder = tokens.authenticate(secret);
        } catch (RuntimeException storeDidNotAnswer) {
            // the token may well be valid: not a 401 (the entry point answers 503 with Retry-After)
            contexts.clearContext();
            entryPoint.commence(request, response, new InternalAuthenticationServiceException(
                    "could not check the API token: " + storeDidNotAnswer.getMessage(), storeDidNotAnswer));
            return;
        }
        if (holder.isEmpty()) {
            contexts.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown or revoked API token"));
            return;
        }
        var authorities = holder.get().roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(holder.get().username(), null,
                authorities));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
