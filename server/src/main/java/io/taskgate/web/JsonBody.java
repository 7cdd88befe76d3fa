package io.taskgate.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON object field by field, for bodies where "absent" and "null" differ (a PATCH
 * that clears {@code dueAt} versus one that leaves it alone). A value of the wrong JSON type
 * is a 400 naming the field; invalid values are collected and thrown together as one 422, so
 * {@link #throwIfInvalid()} must come before any value is used.
 */
public final class JsonBody {

    private final JsonNode node;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    public static JsonBody of(@Nullable JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "wrong_json_type", "The request body must be a JSON object");
        }
        return new JsonBody(node);
    }

    public boolean has(String field) {
        return node.has(field);
    }

    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    public @Nullable String string(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw wrongType(field, "a string");
        }
        return checked(field, value.asString());
    }

    /**
     * Text that cannot be stored or shown safely is one more invalid value, named with the others:
     * for strings read here, and for those a parser finds nested deeper ({@code lists[0].id}).
     */
    public String checked(String field, String text) {
        String flaw = UnstorableText.flaw(field, text);
        if (flaw != null) {
            invalid(field, flaw);
        }
        return text;
    }

    public @Nullable Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(field, "a boolean");
        }
        return value.asBoolean();
    }

    public @Nullable Long integer(String field, JsonNode container) {
        JsonNode value = container.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(field, "an integer");
        }
        return value.asLong();
    }

    /** The elements of an array field (null when absent or null). */
    public @Nullable List<JsonNode> array(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(field, "an array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** An array field whose elements must all be strings. */
    public @Nullable List<String> strings(String field) {
        List<JsonNode> items = array(field);
        if (items == null) {
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isString()) {
                throw wrongType(field + "[" + i + "]", "a string");
            }
            strings.add(checked(field + "[" + i + "]", items.get(i).asString()));
        }
        return strings;
    }

    /** Records an invalid value; the same field found invalid the same way twice (read twice) is named once. */
    public void invalid(String field, String message) {
        FieldError error = new FieldError(field, message);
        if (!errors.contains(error)) {
            errors.add(error);
        }
    }

    public void require(String field) {
        if (!has(field) || isNull(field)) {
            invalid(field, "is required");
        }
    }

    /** Throws the 422 of every invalid value found so far. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(List.copyOf(errors));
        }
    }

    public static ApiProblem wrongType(String field, String expected) {
        return ApiProblem.of(HttpStatus.BAD_REQUEST, "wrong_json_type", "'" + field + "' must be " + expected);
    }
}
