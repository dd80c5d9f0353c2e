package io.shotplan.app.user;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.security.Role;
import io.shotplan.app.security.UserSessions;
import io.shotplan.app.web.ConflictException;
import io.shotplan.app.web.NotFoundException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creates, changes and removes users, with bcrypt hashes, and writes each change to the audit log.
 * There is no default password: the first admin gets a random one, shown once.
 */
@Service
public class UserService {

    public static final String FIRST_ADMIN = "admin";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_PASSWORD_LENGTH = 20;

    private final DSLContext dsl;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final UserSessions sessions;
    private final SecureRandom random = new SecureRandom();

    public UserService(DSLContext dsl, UserRepository users, PasswordEncoder encoder, AuditLog audit,
                       UserSessions sessions) {
        this.dsl = dsl;
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** When there are no users at all, creates {@code admin} with a random password and returns that password. */
    public Optional<String> createFirstAdmin() {
        return dsl.transactionResult(tx -> {
            if (users.count(tx.dsl()) > 0) {
                return Optional.<String>empty();
            }
            String password = randomPassword();
            users.insert(tx.dsl(), FIRST_ADMIN, encoder.encode(password), EnumSet.of(Role.ADMIN));
            audit.record(tx.dsl(), "CREATE", "user", FIRST_ADMIN, "first start: roles [ADMIN], random password");
            return Optional.of(password);
        });
    }

    public List<UserAccount> list() {
        return users.findAll();
    }

    public UserAccount get(String username) {
        return users.find(dsl, username).orElseThrow(() -> new NotFoundException("user", username));
    }

    public UserAccount create(String username, String password, Set<Role> roles) {
        return dsl.transactionResult(tx -> {
            if (users.find(tx.dsl(), username).isPresent()) {
                throw new ConflictException("user '" + username + "' already exists");
            }
            users.insert(tx.dsl(), username, encoder.encode(password), roles);
            audit.record(tx.dsl(), "CREATE", "user", username, "roles " + names(roles));
            return users.find(tx.dsl(), username).orElseThrow();
        });
    }

    /** Changes roles or disables; the user's open sessions end, so the change holds from their next request. */
    public UserAccount update(String username, Set<Role> roles, boolean enabled) {
        UserAccount updated = dsl.transactionResult(tx -> {
            UserAccount before = users.find(tx.dsl(), username).orElseThrow(() -> new NotFoundException("user", username));
            users.update(tx.dsl(), username, roles, enabled);
            requireAnAdmin(tx.dsl());
            audit.record(tx.dsl(), "UPDATE", "user", username, "roles " + names(before.roles()) + " -> " + names(roles)
                    + ", enabled " + before.enabled() + " -> " + enabled);
            return users.find(tx.dsl(), username).orElseThrow();
        });
        sessions.endAll(username, Optional.empty());
        return updated;
    }

    /** An admin sets a user's password: every session of that user ends. */
    public void changePassword(String username, String password) {
        dsl.transaction(tx -> {
            users.find(tx.dsl(), username).orElseThrow(() -> new NotFoundException("user", username));
            users.updatePassword(tx.dsl(), username, encoder.encode(password));
            audit.record(tx.dsl(), "PASSWORD", "user", username, "password set by an admin");
        });
        sessions.endAll(username, Optional.empty());
    }

    /**
     * A user changes their own password, proving they know the current one (a session left open on a shared
     * machine must not be enough to take the account over). Their other sessions end; {@code keepSession} stays.
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword,
                                  Optional<String> keepSession) {
        dsl.transaction(tx -> {
            String stored = users.findCredentials(tx.dsl(), username)
                    .orElseThrow(() -> new NotFoundException("user", username)).passwordHash();
            if (!encoder.matches(currentPassword, stored)) {
                throw new IllegalArgumentException("the current password is not right; the password is unchanged");
            }
            users.updatePassword(tx.dsl(), username, encoder.encode(newPassword));
            audit.record(tx.dsl(), "PASSWORD", "user", username, "password changed by its user");
        });
        sessions.endAll(username, keepSession);
    }

    public void delete(String username) {
        dsl.transaction(tx -> {
            users.find(tx.dsl(), username).orElseThrow(() -> new NotFoundException("user", username));
            users.delete(tx.dsl(), username);
            requireAnAdmin(tx.dsl());
            audit.record(tx.dsl(), "DELETE", "user", username, null);
        });
        sessions.endAll(username, Optional.empty());
    }

    private void requireAnAdmin(DSLContext tx) {
        if (users.countEnabledAdmins(tx) == 0) {
            throw new ConflictException("that would leave no enabled ADMIN: give another user ADMIN first");
        }
    }

    String randomPassword() {
        StringBuilder password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
}
