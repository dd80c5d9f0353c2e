package io.shotplan.app.token;

import static io.shotplan.sql.schema.Tables.API_TOKEN;
import static io.shotplan.sql.schema.Tables.APP_USER;
import static io.shotplan.sql.schema.Tables.USER_ROLE;

import io.shotplan.app.security.Role;
import io.shotplan.app.web.NotFoundException;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Tokens in api_token, found by the SHA-256 of the token; the token itself is never stored. */
@Repository
class ApiTokenRepository {

    /** Whose a presented token is, and what that user may do now. */
    record Holder(long tokenId, String username, Set<Role> roles) {
    }

    private final DSLContext dsl;

    ApiTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    long insert(DSLContext tx, String username, String name, String tokenHash) {
        long userId = tx.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username))
                .fetchOptional(APP_USER.ID).orElseThrow(() -> new NotFoundException("user", username));
        return tx.insertInto(API_TOKEN).set(API_TOKEN.USER_ID, userId).set(API_TOKEN.NAME, name)
                .set(API_TOKEN.TOKEN_HASH, tokenHash).returningResult(API_TOKEN.ID).fetchSingle(API_TOKEN.ID);
    }

    List<ApiToken> findByUser(DSLContext tx, String username) {
        return tx.select(API_TOKEN.ID, APP_USER.USERNAME, API_TOKEN.NAME, API_TOKEN.CREATED_AT, API_TOKEN.LAST_USED_AT)
                .from(API_TOKEN).join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.USER_ID))
                .where(APP_USER.USERNAME.eq(username)).orderBy(API_TOKEN.ID)
                .fetch(r -> new ApiToken(r.value1(), r.value2(), r.value3(), r.value4(), Optional.ofNullable(r.value5())));
    }

    Optional<ApiToken> find(DSLContext tx, String username, long id) {
        return findByUser(tx, username).stream().filter(t -> t.id() == id).findFirst();
    }

    void delete(DSLContext tx, long id) {
        tx.deleteFrom(API_TOKEN).where(API_TOKEN.ID.eq(id)).execute();
    }

    /** The enabled user a token hash belongs to, with their roles as they are now; empty for an unknown hash. */
    Optional<Holder> findHolder(String tokenHash) {
        var rows = dsl.select(API_TOKEN.ID, APP_USER.USERNAME, USER_ROLE.ROLE).from(API_TOKEN)
                .join(APP_USER).on(APP_USER.ID.eq(API_TOKEN.USER_ID))
                .leftJoin(USER_ROLE).on(USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(API_TOKEN.TOKEN_HASH.eq(tokenHash)).and(APP_USER.ENABLED.isTrue())
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        rows.forEach(r -> {
            if (r.value3() != null) {
                roles.add(Role.valueOf(r.value3()));
            }
        });
        return Optional.of(new Holder(rows.getFirst().value1(), rows.getFirst().value2(), roles));
    }

    void touch(long id, OffsetDateTime at) {
        dsl.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, at).where(API_TOKEN.ID.eq(id)).execute();
    }
}
