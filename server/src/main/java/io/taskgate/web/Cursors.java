package io.taskgate.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Opaque pagination cursors. The key inside is an id the client must not rely on, so it is
 * wrapped; a tampered cursor is a 422 on the {@code cursor} parameter, never a 500.
 */
public final class Cursors {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Cursors() {
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key after which the next page starts, or null for the first page. */
    public static @Nullable String decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith("v1:") && decoded.length() > 3) {
                return decoded.substring(3);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the problem below
        }
        throw ApiProblem.invalid("cursor", "is not a cursor this server issued");
    }

    public static int limit(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
