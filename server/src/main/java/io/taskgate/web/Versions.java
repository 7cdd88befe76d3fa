package io.taskgate.web;

import java.util.HashSet;
import java.util.Set;

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

    /**
     * What an {@code If-Match} header asks: the versions it names, any one of which may be the
     * current one (RFC 9110 lets it list several); null when it is absent or {@code *}, which ask
     * nothing. A tag this server never issued matches no version, and neither does a weak one:
     * If-Match compares strongly (RFC 9110, 13.1.1), and every tag this server issues is strong.
     */
    public static @Nullable Precondition ifMatch(@Nullable String header) {
        if (header == null || header.trim().equals("*")) {
            return null;
        }
        if (header.isBlank()) {
            // An If-Match listing no tag (a client that meant to send the ETag it read, and had none):
            // no current version is listed, so it fails (RFC 9110 13.1.1), rather than write blindly.
            return new Precondition(Set.of());
        }
        Set<Long> versions = new HashSet<>();
        for (String listed : header.split(",")) {
            String tag = listed.trim();
            if (tag.startsWith("W/")) {
                continue;
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            int callersPart = tag.indexOf('.');
            if (callersPart > 0) {
                tag = tag.substring(0, callersPart);
            }
            try {
                versions.add(Long.parseLong(tag));
            } catch (NumberFormatException e) {
                // An ETag this server never issued matches no version.
            }
        }
        return new Precondition(versions);
    }

    /** The precondition of a form that carries the version it was shown with (the console's If-Match). */
    public static @Nullable Precondition ifMatch(@Nullable Long version) {
        return version == null ? null : new Precondition(Set.of(version));
    }

    /** Refuses (412) a change whose If-Match named other versions than the current one; passes without If-Match. */
    public static void requireCurrent(@Nullable Precondition expected, long current) {
        if (expected != null && !expected.allows(current)) {
            throw preconditionFailed();
        }
    }

    /**
     * A compare-and-set lost to a concurrent writer: 412 when the caller named the version it
     * expected (If-Match), 409 when it named none.
     */
    public static ApiProblem lostRace(@Nullable Precondition expected) {
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
