package io.taskgate.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * ETags are the row version of a resource, so {@code If-Match} is a compare-and-set on that
 * version: a stale writer gets 412 instead of silently overwriting someone else's change.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header demands, or null when it is absent or {@code *}. */
    public static @Nullable Long ifMatch(@Nullable String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            // An ETag this server never issued matches no version.
            return -1L;
        }
    }

    public static ApiProblem preconditionFailed() {
        return ApiProblem.of(HttpStatus.PRECONDITION_FAILED, "precondition_failed",
                "The resource changed since the version named in If-Match: fetch it again and reapply your change");
    }

    /** Without If-Match, a change raced by another one is refused rather than merged blindly. */
    public static ApiProblem concurrentUpdate() {
        return ApiProblem.conflict("concurrent_update",
                "The resource was changed by another request at the same time: fetch it again and retry");
    }
}
