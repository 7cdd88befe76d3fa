package io.taskgate.mastertask;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.taskgate.web.JsonBody;

/**
 * A master task's fields as a request sent them, validated: PRODUCT.md's rules and defaults live here.
 * Public so that the console parses its forms with the API's rules and messages.
 */
public record MasterTaskFields(@Nullable String name, @Nullable List<String> positionIds,
        @Nullable String description, @Nullable String color, @Nullable Boolean favorite) {

    public static final String DEFAULT_COLOR = "#B0BFC5";
    private static final Pattern HEX_COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;

    public static MasterTaskFields parse(JsonBody body, boolean creating) {
        String name = body.string("name");
        if (creating || body.has("name")) {
            if (name == null || name.isBlank() || length(name) > MAX_NAME) {
                body.invalid("name", "must be 1 to " + MAX_NAME + " characters");
            }
        }
        List<String> positionIds = body.strings("positionIds");
        if (creating || body.has("positionIds")) {
            if (positionIds == null || positionIds.isEmpty()) {
                body.invalid("positionIds", "must name at least one position");
            } else {
                positionIds = List.copyOf(new LinkedHashSet<>(positionIds));
            }
        }
        String description = body.string("description");
        if (description != null && length(description) > MAX_DESCRIPTION) {
            body.invalid("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        String color = body.string("color");
        if (body.has("color") && (color == null || !HEX_COLOR.matcher(color).matches())) {
            body.invalid("color", "must be a hex colour such as #B0BFC5");
        }
        Boolean favorite = body.bool("favorite");
        if (body.isNull("favorite")) {
            body.invalid("favorite", "must be true or false");
        }
        body.throwIfInvalid();
        return new MasterTaskFields(name == null ? null : name.strip(), positionIds, description,
                color, favorite);
    }

    Set<String> positions() {
        return positionIds == null ? Set.of() : Set.copyOf(positionIds);
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
