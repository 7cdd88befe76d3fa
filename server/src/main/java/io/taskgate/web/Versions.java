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

    /**
     * The ETag of a representation that also depends on who asks (the caller's role in it): the
     * version, then the caller's part, so that a conditional GET is not answered 304 with a copy
     * made for another role. {@code If-Match} still compares the version alone.
     */
    public static String etag(long version, @Nullable String callersPart) {
        return "\"" + version + "." + (callersPart == null ? "none" : callersPart) + "\"";
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
        int callersPart = tag.indexOf('.');
        if (callersPart > 0) {
            tag = tag.substring(0, callersPart);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            // An ETag this server never issued matches no version.
            return -1L;
        }
    }

    /** Refuses (412) a change whose If-Match named another version than the current one; passes without If-Match. */
    public static void requireCurrent(@Nullable Long expected, long current) {
        if (expected != null && expected != current) {
            throw preconditionFailed();
        }
    }

    /**
     * A compare-and-set lost to a concurrent writer: 412 when the caller named the version it
     * expected (If-Match), 409 when it named none.
     */
    public static ApiProblem lostRace(@Nullable Long expected) {
        return expected != null ? preconditionFailed() : concurrentUpdate();
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
