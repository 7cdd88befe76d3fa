package io.taskgate.web;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** A collection answer: {@code {items, nextCursor}}; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only
     * tells that another page exists, and the cursor is the key of the last row shown.
     */
    public static <T> Page<T> fromOverfetch(List<T> rows, int limit, Function<T, String> cursorOf) {
        return overfetched(rows, limit, row -> Cursors.encode(cursorOf.apply(row)));
    }

    /**
     * As {@link #fromOverfetch}, for a collection sorted by a key that can change: the cursor
     * holds the last row's key and id, so the next page starts after that place even when the
     * row has moved or gone meanwhile.
     */
    public static <T> Page<T> fromOverfetchBySortKey(List<T> rows, int limit,
            Function<T, Cursors.SortKey> sortKeyOf) {
        return overfetched(rows, limit, row -> Cursors.encode(sortKeyOf.apply(row)));
    }

    private static <T> Page<T> overfetched(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> shown = List.copyOf(rows.subList(0, limit));
        return new Page<>(shown, cursorOf.apply(shown.getLast()));
    }

    /**
     * A page of a small collection held whole in memory, in its own order: {@code limit} and
     * {@code cursor} mean what they mean everywhere. A cursor naming an item no longer in the
     * collection cannot say where to go on from, so it is refused (422) rather than guessed. Only
     * for an order that cannot change under a walk (by id); one sorted by a changeable key pages
     * with {@link #fromOverfetchBySortKey}.
     */
    public static <T> Page<T> slice(List<T> all, @Nullable String cursor, @Nullable Integer limit,
            Function<T, String> keyOf) {
        int size = Cursors.limit(limit);
        String after = Cursors.decodeAny(cursor);
        int start = 0;
        if (after != null) {
            int index = 0;
            while (index < all.size() && !keyOf.apply(all.get(index)).equals(after)) {
                index++;
            }
            if (index == all.size()) {
                throw ApiProblem.invalid("cursor", "names an item no longer in this collection: start again"
                        + " from the first page");
            }
            start = index + 1;
        }
        return fromOverfetch(all.subList(start, Math.min(all.size(), start + size + 1)), size, keyOf);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
