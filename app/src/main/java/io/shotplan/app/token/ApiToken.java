package io.shotplan.app.token;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A personal API token as listed: never the token itself, which only its creation returns, once. */
public record ApiToken(long id, String username, String name, OffsetDateTime createdAt,
                       Optional<OffsetDateTime> lastUsedAt) {
}
