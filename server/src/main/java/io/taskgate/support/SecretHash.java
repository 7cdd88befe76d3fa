package io.taskgate.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of high-entropy secrets (session tokens, API key secrets). A slow password hash
 * would add nothing for 256-bit random values and would cost every request; what matters is
 * that the database never holds a usable secret.
 */
public final class SecretHash {

    private SecretHash() {
    }

    public static String of(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static boolean matches(String secret, String expectedHash) {
        return MessageDigest.isEqual(
                of(secret).getBytes(StandardCharsets.US_ASCII), expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
