package io.shotplan.app.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
    PasswordEncoder passwordEncoder(@Value("${shotplan.security.bcrypt-strength:10}") int strength,
                                    @Value("${shotplan.security.verified-passwords:1000}") int remembered) {
        return new RememberingEncoder(new BCryptPasswordEncoder(strength), remembered);
    }

    /**
     * bcrypt on every request of an HTTP Basic client costs a core ~50 ms per request at strength 10: a team's
     * scripts would spend the server's CPU on it. A password that matched its stored hash once is remembered as an
     * HMAC (a key drawn at start, never stored) of password and hash, so the next request with the same pair is a
     * map lookup. The stored hash is part of the key: a changed password no longer matches the remembered pair.
     * Only successes are remembered; a wrong password always pays bcrypt (and the login throttle).
     */
    static final class RememberingEncoder implements PasswordEncoder {

        private final PasswordEncoder bcrypt;
        private final byte[] key = new byte[32];
        private final Map<String, Boolean> verified;
        private final Map<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

        RememberingEncoder(PasswordEncoder bcrypt, int remembered) {
            this.bcrypt = bcrypt;
            new SecureRandom().nextBytes(key);
            this.verified = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > remembered;
                }
            });
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            if (rawPassword == null || encodedPassword == null) {
                return false;
            }
            String pair = mac(rawPassword + "\u0000" + encodedPassword);
            if (verified.containsKey(pair)) {
                return true;
            }
            // a script's many clients start at once with one password: one bcrypt for all of them, not one each
            CompletableFuture<Boolean> mine = new CompletableFuture<>();
            CompletableFuture<Boolean> checking = inFlight.putIfAbsent(pair, mine);
            if (checking != null) {
                return checking.join();
            }
            try {
                boolean matches = bcrypt.matches(rawPassword, encodedPassword);
                if (matches) {
                    verified.put(pair, Boolean.TRUE);
                }
                mine.complete(matches);
                return matches;
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                inFlight.remove(pair, mine);
            }
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return bcrypt.upgradeEncoding(encodedPassword);
        }

        private String mac(String value) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("every JVM has HmacSHA256", e);
            }
        }
    }
}
