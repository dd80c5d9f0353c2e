package io.shotplan.app.token;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Your own API tokens under /api/me/tokens; an admin manages anyone's under /api/users/{username}/tokens. */
@RestController
@Tag(name = "API tokens", description = "Personal tokens for scripts: Authorization: Bearer <token>")
class ApiTokenController {

    record NewToken(@NotBlank @Size(max = 100) String name) {
    }

    /** The token itself is in this answer only. */
    record CreatedToken(long id, String name, String token, java.time.OffsetDateTime createdAt) {
    }

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/api/me/tokens")
    @Operation(summary = "Your API tokens, with when each was last used (never the tokens themselves)")
    List<ApiToken> mine(Principal principal) {
        return tokens.list(principal.getName());
    }

    @PostMapping("/api/me/tokens")
    @Operation(summary = "Create an API token for a script; the token is shown in this answer only")
    ResponseEntity<CreatedToken> createMine(Principal principal, @Valid @RequestBody NewToken body) {
        return created(principal.getName(), body.name());
    }

    @DeleteMapping("/api/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your API tokens")
    void revokeMine(Principal principal, @PathVariable long id) {
        tokens.revoke(principal.getName(), id);
    }

    @GetMapping("/api/users/{username}/tokens")
    @Operation(summary = "A user's API tokens (ADMIN)")
    List<ApiToken> ofUser(@PathVariable String username) {
        return tokens.list(username);
    }

    @PostMapping("/api/users/{username}/tokens")
    @Operation(summary = "Create an API token for a user (ADMIN); shown in this answer only")
    ResponseEntity<CreatedToken> createFor(@PathVariable String username, @Valid @RequestBody NewToken body) {
        return created(username, body.name());
    }

    @DeleteMapping("/api/users/{username}/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a user's API token (ADMIN)")
    void revokeFor(@PathVariable String username, @PathVariable long id) {
        tokens.revoke(username, id);
    }

    private ResponseEntity<CreatedToken> created(String username, String name) {
        ApiTokens.Created created = tokens.create(username, name);
        ApiToken token = created.token();
        String location = "/api/users/" + username + "/tokens/" + token.id();
        return ResponseEntity.created(URI.create(location))
                .body(new CreatedToken(token.id(), token.name(), created.secret(), token.createdAt()));
    }
}
