package io.taskgate.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Rules every collection's query filters share. */
public final class QueryFilters {

    private QueryFilters() {
    }

    /**
     * {@code ?projectId=} filters by nothing an item can have: a client's bug, not a wish for
     * every item (nor for none), so it is an error naming the parameter.
     */
    public static void requireNotEmpty(List<FieldError> errors, String name, @Nullable String value) {
        if (value != null && value.isBlank()) {
            errors.add(new FieldError(name, "must not be empty: leave the parameter out not to filter by it"));
        }
    }
}
