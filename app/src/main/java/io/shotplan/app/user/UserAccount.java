package io.shotplan.app.user;

import io.shotplan.app.security.Role;
import java.time.OffsetDateTime;
import java.util.Set;

/** A person who logs in: never carries the password hash out of the repository. */
public record UserAccount(String username, Set<Role> roles, boolean enabled, OffsetDateTime createdAt) {
}
