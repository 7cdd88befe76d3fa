package io.taskgate.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Opaque pagination cursors, base64url and versioned; a tampered cursor is a 422 on the
 * {@code cursor} parameter, never a 500. Each names the collection that issued it (a checksum
 * of the request's path: {@code <tag>}), so one given to another collection, or to the same
 * kind of collection under another parent, is refused rather than starting a wrong page.
 * <ul>
 * <li>{@code v3:<tag>:<id>}: collections sorted by id, which never changes: the next page starts
 * after that id.</li>
 * <li>{@code v4:<tag>:<id>:<key>}: collections sorted by a key that can change (a list's order, a
 * candidate's name), with the id breaking ties: the next page starts after that (key, id)
 * place, whatever became of the item since. The key is all that follows the id, so it may hold
 * any character, {@code ':'} included; ids never hold one.</li>
 * <li>{@code v1:<id>} and {@code v2:<id>:<key>}, as issued before cursors named their collection,
 * are still taken where the id is of the collection's kind.</li>
 * </ul>
 */
public final class Cursors {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private static final String BY_ID = "v1:";
    private static final String BY_SORT_KEY = "v2:";
    private static final String BY_ID_IN = "v3:";
    private static final String BY_SORT_KEY_IN = "v4:";
    private static final int TAG_LENGTH = 8;

    private Cursors() {
    }

    /**
     * The place of an item in a collection sorted by a key that can change: the key the item
     * had when the page was read, and its id, which breaks ties between equal keys.
     */
    public record SortKey(String key, String id) {

        public SortKey {
            if (id.isEmpty() || id.indexOf(':') >= 0) {
                throw new IllegalArgumentException("An id in a cursor must be non-empty and free of ':'");
            }
        }

        public static SortKey of(long key, String id) {
            return new SortKey(Long.toString(key), id);
        }

        /** The key as the number it was issued as (an order); a 422 on {@code cursor} when it is not one. */
        public long numericKey() {
            try {
                return Long.parseLong(key);
            } catch (NumberFormatException e) {
                throw notIssued();
            }
        }
    }

    static String encode(String key) {
        return base64(BY_ID_IN + collection() + ":" + key);
    }

    static String encode(SortKey after) {
        return base64(BY_SORT_KEY_IN + collection() + ":" + after.id() + ":" + after.key());
    }

    /** The tag of the collection being read: a checksum of the request's path (without its query). */
    private static String collection() {
        String path = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRequestURI() : "";
        CRC32 checksum = new CRC32();
        checksum.update(path.getBytes(StandardCharsets.UTF_8));
        return "%08x".formatted(checksum.getValue());
    }

    /** What follows {@code version} and the tag, which must be this collection's; null when it is another version. */
    private static @Nullable String inThisCollection(String decoded, String version) {
        if (!decoded.startsWith(version)) {
            return null;
        }
        int tagEnd = version.length() + TAG_LENGTH;
        if (decoded.length() <= tagEnd + 1 || decoded.charAt(tagEnd) != ':') {
            throw notIssued();
        }
        if (!decoded.substring(version.length(), tagEnd).equals(collection())) {
            throw foreign();
        }
        return decoded.substring(tagEnd + 1);
    }

    /**
     * The id after which the next page of a collection of ids of these kinds ({@code "task"} for
     * {@code task_…}) starts, or null for the first page. A cursor of another collection would
     * start an empty or a wrong page, so it is refused.
     */
    public static @Nullable String decode(@Nullable String cursor, String kind, String... otherKinds) {
        return decode(cursor, id -> ofKind(id, kind, otherKinds));
    }

    /** As {@link #decode(String, String, String...)}, for a collection whose ids {@code ofThisCollection} tells. */
    public static @Nullable String decode(@Nullable String cursor, java.util.function.Predicate<String> ofThisCollection) {
        String after = decodeAny(cursor);
        if (after == null || ofThisCollection.test(after)) {
            return after;
        }
        throw foreign();
    }

    /** {@code task_01…} is of kind {@code task}: ids are prefixed with their kind. */
    private static boolean ofKind(String id, String kind, String... otherKinds) {
        return id.startsWith(kind + "_") || java.util.Arrays.stream(otherKinds).anyMatch(other -> id.startsWith(other + "_"));
    }

    private static ApiProblem foreign() {
        return ApiProblem.invalid("cursor", "belongs to another collection: start again from the first page");
    }

    /** The id after which the next page starts, or null for the first page; whose id it is, the caller checks. */
    static @Nullable String decodeAny(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw notIssued();
        }
        String after = inThisCollection(decoded, BY_ID_IN);
        if (after != null) {
            return after;
        }
        if (decoded.startsWith(BY_ID) && decoded.length() > BY_ID.length()) {
            return decoded.substring(BY_ID.length());
        }
        if (decoded.startsWith(BY_SORT_KEY_IN) || decoded.startsWith(BY_SORT_KEY)) {
            throw foreign();
        }
        throw notIssued();
    }

    /**
     * The (key, id) place after which the next page of a collection of ids of these kinds, sorted
     * by a changeable key, starts, or null for the first page. A cursor of the earlier, id-only
     * kind cannot say where that place is once the item moved or went, so it is refused with the
     * way out; one of another collection too.
     */
    public static @Nullable SortKey decodeSortKey(@Nullable String cursor, String kind, String... otherKinds) {
        SortKey after = decodeSortKey(cursor);
        if (after == null || ofKind(after.id(), kind, otherKinds)) {
            return after;
        }
        throw foreign();
    }

    static @Nullable SortKey decodeSortKey(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor)))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw notIssued();
        }
        if (decoded.startsWith(BY_ID) || decoded.startsWith(BY_ID_IN)) {
            throw ApiProblem.invalid("cursor", "belongs to another collection, or was issued before this one's"
                    + " cursors changed: start again from the first page");
        }
        String place = inThisCollection(decoded, BY_SORT_KEY_IN);
        if (place == null && decoded.startsWith(BY_SORT_KEY)) {
            place = decoded.substring(BY_SORT_KEY.length());
        }
        int endOfId = place == null ? -1 : place.indexOf(':');
        // NUL is no character of a stored id or name, and PostgreSQL refuses it in a parameter.
        if (endOfId <= 0 || place.indexOf('\0') >= 0) {
            throw notIssued();
        }
        return new SortKey(place.substring(endOfId + 1), place.substring(0, endOfId));
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

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiProblem notIssued() {
        return ApiProblem.invalid("cursor", "is not a cursor this server issued");
    }
}
