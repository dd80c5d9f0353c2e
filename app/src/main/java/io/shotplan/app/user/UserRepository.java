package io.shotplan.app.user;

import static io.shotplan.sql.schema.Tables.APP_USER;
import static io.shotplan.sql.schema.Tables.USER_ROLE;

import io.shotplan.app.security.Role;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Users and their roles in app_user / user_role. */
@Repository
public class UserRepository {

    /** A user with the hash, for authentication only. */
    public record Credentials(UserAccount account, String passwordHash) {
    }

    private final DSLContext dsl;

    public UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long count(DSLContext tx) {
        return tx.fetchCount(APP_USER);
    }

    public List<UserAccount> findAll() {
        Map<Long, UserAccount> users = new LinkedHashMap<>();
        var rows = dsl.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch();
        Map<Long, Set<Role>> roles = rolesById(dsl);
        for (var r : rows) {
            users.put(r.getId(), new UserAccount(r.getUsername(), roles.getOrDefault(r.getId(), Set.of()),
                    r.getEnabled(), r.getCreatedAt()));
        }
        return List.copyOf(users.values());
    }

    public Optional<Credentials> findCredentials(String username) {
        return findCredentials(dsl, username);
    }

    public Optional<Credentials> findCredentials(DSLContext dsl, String username) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional()
                .map(r -> new Credentials(new UserAccount(r.getUsername(), roles(dsl, r.getId()), r.getEnabled(),
                        r.getCreatedAt()), r.getPasswordHash()));
    }

    public Optional<UserAccount> find(DSLContext tx, String username) {
        return tx.selectFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional()
                .map(r -> new UserAccount(r.getUsername(), roles(tx, r.getId()), r.getEnabled(), r.getCreatedAt()));
    }

    public void insert(DSLContext tx, String username, String passwordHash, Set<Role> roles) {
        long id = tx.insertInto(APP_USER).set(APP_USER.USERNAME, username).set(APP_USER.PASSWORD_HASH, passwordHash)
                .returningResult(APP_USER.ID).fetchSingle(APP_USER.ID);
        writeRoles(tx, id, roles);
    }

    public void update(DSLContext tx, String username, Set<Role> roles, boolean enabled) {
        long id = id(tx, username);
        tx.update(APP_USER).set(APP_USER.ENABLED, enabled).where(APP_USER.ID.eq(id)).execute();
        tx.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(id)).execute();
        writeRoles(tx, id, roles);
    }

    public void updatePassword(DSLContext tx, String username, String passwordHash) {
        tx.update(APP_USER).set(APP_USER.PASSWORD_HASH, passwordHash).where(APP_USER.USERNAME.eq(username)).execute();
    }

    public void delete(DSLContext tx, String username) {
        tx.deleteFrom(APP_USER).where(APP_USER.USERNAME.eq(username)).execute();
    }

    /** Enabled users holding ADMIN: the last one may not be removed or demoted. */
    public long countEnabledAdmins(DSLContext tx) {
        return tx.fetchCount(tx.select(APP_USER.ID).from(APP_USER).join(USER_ROLE).on(USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(USER_ROLE.ROLE.eq(Role.ADMIN.name())).and(APP_USER.ENABLED.isTrue()));
    }

    private long id(DSLContext tx, String username) {
        return tx.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle(APP_USER.ID);
    }

    private void writeRoles(DSLContext tx, long id, Set<Role> roles) {
        for (Role role : roles) {
            tx.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, role.name()).execute();
        }
    }

    private static Set<Role> roles(DSLContext tx, long id) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        tx.select(USER_ROLE.ROLE).from(USER_ROLE).where(USER_ROLE.USER_ID.eq(id))
                .forEach(r -> roles.add(Role.valueOf(r.value1())));
        return roles;
    }

    private static Map<Long, Set<Role>> rolesById(DSLContext tx) {
        Map<Long, Set<Role>> roles = new LinkedHashMap<>();
        tx.selectFrom(USER_ROLE).forEach(r -> roles.computeIfAbsent(r.getUserId(), k -> EnumSet.noneOf(Role.class))
                .add(Role.valueOf(r.getRole())));
        return roles;
    }
}
