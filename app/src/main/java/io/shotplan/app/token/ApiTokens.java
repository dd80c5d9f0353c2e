package io.shotplan.app.token;

import io.shotplan.app.audit.AuditLog;
import io.shotplan.app.security.Role;
import io.shotplan.app.web.NotFoundException;
import io.shotplan.sql.SecretHash;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens, the way ShotGrid script keys and ftrack API keys work: a user (or an admin for them) creates
 * one for a script, sees it once, and revokes it when the script is retired. A token is 256 random bits; only its
 * SHA-256 is stored, so the table gives nothing to log in with. A token acts with its user's roles as they are at
 * each request, and stops working when the user is disabled or deleted. Creating and revoking are audited.
 */
@Service
public class ApiTokens {

    /** Tokens start with this, so that a leaked one is recognisable in logs and by secret scanners. */
    static final String PREFIX = "shp_";
    private static final int TOKEN_BYTES = 32;
    /** Last use is written at most this often per token, not on every request of a busy script. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    /** The user a token acts for and their roles now. */
    public record Authenticated(String username, Set<Role> roles) {
    }

    /** A token just created: the only time {@code secret} is seen. */
    public record Created(ApiToken token, String secret) {
    }

    private final DSLContext dsl;
    private final ApiTokenRepository tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();

    ApiTokens(DSLContext dsl, ApiTokenRepository tokens, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    public Created create(String username, String name) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return dsl.transactionResult(tx -> {
            long id = tokens.insert(tx.dsl(), username, name, SecretHash.of(secret));
            audit.record(tx.dsl(), "CREATE", "api-token", username + "/" + id, "token '" + name + "' for " + username);
            return new Created(tokens.find(tx.dsl(), username, id).orElseThrow(), secret);
        });
    }

    public List<ApiToken> list(String username) {
        return tokens.findByUser(dsl, username);
    }

    public void revoke(String username, long id) {
        dsl.transaction(tx -> {
            ApiToken token = tokens.find(tx.dsl(), username, id)
                    .orElseThrow(() -> new NotFoundException("API token", username + "/" + id));
            tokens.delete(tx.dsl(), id);
            audit.record(tx.dsl(), "REVOKE", "api-token", username + "/" + id,
                    "token '" + token.name() + "' of " + username);
        });
        lastUseWritten.remove(id);
    }

    /** Who a presented token acts for; empty for an unknown, revoked or malformed token or a disabled user. */
    public Optional<Authenticated> authenticate(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return tokens.findHolder(SecretHash.of(secret)).map(holder -> {
            noteUse(holder.tokenId());
            return new Authenticated(holder.username(), holder.roles());
        });
    }

    private void noteUse(long tokenId) {
        Instant now = clock.instant();
        Instant written = lastUseWritten.get(tokenId);
        if (written == null || written.plus(LAST_USE_RESOLUTION).isBefore(now)) {
            lastUseWritten.put(tokenId, now);
            tokens.touch(tokenId, OffsetDateTime.ofInstant(now, clock.getZone()));
        }
    }
}
