package io.shotplan.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a secret that is itself the credential (an API token, a calendar feed's address) is stored: its SHA-256 in hex,
 * never the secret, so the table gives nothing to sign in or subscribe with. A fast hash is right for random 192- or
 * 256-bit secrets: there is nothing to guess.
 */
public final class SecretHash {

    private SecretHash() {
    }

    public static String of(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
