package io.shotplan.app.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Passwords are stored as bcrypt hashes, by the web app and the command line alike. */
@Configuration
class PasswordConfig {

    /** The cost factor is a setting so that tests can use a cheap one. */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${shotplan.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }
}
