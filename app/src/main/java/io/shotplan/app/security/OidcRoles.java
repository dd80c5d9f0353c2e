package io.shotplan.app.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on roles: the identity provider's groups (or any claim listing them) map to shotplan's roles by
 * configuration, e.g. {@code shotplan.security.oidc.roles-claim=groups} and
 * {@code shotplan.security.oidc.roles.PRODUCER=vfx-producers,line-producers}. A person whose claim maps to no role
 * is refused at login (they would otherwise read every show). The user's name is the provider's
 * {@code user-name-attribute} ({@code preferred_username} is a good choice), which the audit log records.
 */
@ConfigurationProperties("shotplan.security.oidc")
public record OidcRoles(String rolesClaim, Map<Role, List<String>> roles) {

    public OidcRoles {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "groups" : rolesClaim;
        roles = roles == null ? Map.of() : Map.copyOf(roles);
    }

    /** The roles the claim's values map to. The claim may be a list or one string of names split by spaces or commas. */
    Set<Role> of(Map<String, Object> claims) {
        Object claim = claims.get(rolesClaim);
        List<String> values = switch (claim) {
            case null -> List.of();
            case Collection<?> many -> many.stream().map(String::valueOf).toList();
            default -> Stream.of(String.valueOf(claim).split("[\\s,]+")).filter(v -> !v.isBlank()).toList();
        };
        Set<Role> mapped = EnumSet.noneOf(Role.class);
        roles.forEach((role, groups) -> {
            if (groups.stream().anyMatch(values::contains)) {
                mapped.add(role);
            }
        });
        return mapped;
    }

    /** Loads the signed-in person with Spring's OIDC user service and gives them the mapped roles, or refuses them. */
    OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            Set<Role> mapped = of(user.getClaims());
            if (mapped.isEmpty()) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                        "'" + user.getName() + "' has no shotplan role: claim '" + rolesClaim + "' holds none of "
                                + roles.values().stream().flatMap(List::stream).sorted().toList(), null));
            }
            var authorities = mapped.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
            String nameAttribute = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                    .getUserNameAttributeName();
            return nameAttribute == null || nameAttribute.isBlank()
                    ? new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo())
                    : new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameAttribute);
        };
    }
}
