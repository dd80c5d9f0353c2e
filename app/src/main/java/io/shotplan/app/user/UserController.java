package io.shotplan.app.user;

import io.shotplan.app.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users", description = "People who log in and their roles (ADMIN); /api/me for everyone")
class UserController {

    static final String USERNAME = "[A-Za-z0-9._@-]{2,100}";

    record NewUser(@NotBlank @Pattern(regexp = USERNAME, message = "2-100 letters, digits, . _ @ -") String username,
                   @NotNull @Size(min = 10, max = 200, message = "at least 10 characters") String password,
                   @NotNull @Size(min = 1, message = "at least one role") Set<@NotNull Role> roles) {
    }

    record UserChange(@NotNull @Size(min = 1, message = "at least one role") Set<@NotNull Role> roles,
                      @NotNull Boolean enabled) {
    }

    record NewPassword(@NotNull @Size(min = 10, max = 200, message = "at least 10 characters") String password) {
    }

    record OwnPasswordChange(@NotNull String currentPassword,
                             @NotNull @Size(min = 10, max = 200, message = "at least 10 characters") String password) {
    }

    record Me(String username, Set<Role> roles) {
    }

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping("/api/me")
    @Operation(summary = "Who is logged in, with which roles")
    Me me(Authentication authentication) {
        // the roles of this login: a local user's from the database, a single sign-on user's from their groups
        Set<Role> roles = EnumSet.noneOf(Role.class);
        authentication.getAuthorities().forEach(a -> java.util.Arrays.stream(Role.values())
                .filter(r -> r.authority().equals(a.getAuthority())).forEach(roles::add));
        return new Me(authentication.getName(), roles);
    }

    @PutMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your own password (give the current one); your other sessions end")
    void changeOwnPassword(Principal principal, HttpServletRequest request,
                           @Valid @RequestBody OwnPasswordChange body) {
        users.changeOwnPassword(principal.getName(), body.currentPassword(), body.password(),
                Optional.ofNullable(request.getSession(false)).map(HttpSession::getId));
    }

    @GetMapping("/api/users")
    @Operation(summary = "All users and their roles")
    List<UserAccount> list() {
        return users.list();
    }

    @GetMapping("/api/users/{username}")
    UserAccount get(@PathVariable String username) {
        return users.get(username);
    }

    @PostMapping("/api/users")
    @Operation(summary = "Create a user")
    ResponseEntity<UserAccount> create(@Valid @RequestBody NewUser body) {
        UserAccount created = users.create(body.username(), body.password(), body.roles());
        return ResponseEntity.created(URI.create("/api/users/" + created.username())).body(created);
    }

    @PutMapping("/api/users/{username}")
    @Operation(summary = "Change a user's roles or disable them")
    UserAccount update(@PathVariable String username, @Valid @RequestBody UserChange body) {
        return users.update(username, body.roles(), body.enabled());
    }

    @PutMapping("/api/users/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a user's password")
    void setPassword(@PathVariable String username, @Valid @RequestBody NewPassword body) {
        users.changePassword(username, body.password());
    }

    @DeleteMapping("/api/users/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String username) {
        users.delete(username);
    }
}
