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
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> shown = List.copyOf(rows.subList(0, limit));
        return new Page<>(shown, Cursors.encode(cursorOf.apply(shown.getLast())));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
