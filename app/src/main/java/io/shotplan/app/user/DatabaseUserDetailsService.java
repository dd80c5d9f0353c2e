package io.shotplan.app.user;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security reads users and roles from the database on every login. */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    DatabaseUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var credentials = users.findCredentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(credentials.account().username())
                .password(credentials.passwordHash())
                .disabled(!credentials.account().enabled())
                .roles(credentials.account().roles().stream().map(Enum::name).toArray(String[]::new))
                .build();
    }
}
