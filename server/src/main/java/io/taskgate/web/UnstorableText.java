package io.taskgate.web;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Text that cannot be stored as it was sent is refused as it is read, whatever the database:
 * the NUL character ({@code \u0000}), which PostgreSQL cannot store and H2 would, and an unpaired
 * UTF-16 surrogate ({@code "\ud800"}), which is not a character at all: encoded to UTF-8 for
 * PostgreSQL it would quietly become {@code ?}, and a strict JSON reader refuses it on the way back.
 * Jackson adds the JSON path as the exception travels up, and {@link ProblemResponses} answers
 * 422 naming that field.
 */
public final class UnstorableText extends DatabindException {

    private final String flaw;

    private UnstorableText(JsonParser parser, String flaw) {
        super(parser, "Text " + flaw);
        this.flaw = flaw;
    }

    /** What makes {@code text} unstorable, as a field message; null when nothing does. */
    public static @Nullable String flaw(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain the NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode: it holds an unpaired surrogate (\\u%04X)".formatted((int) c);
            }
        }
        return null;
    }

    /** Refuses (422 naming {@code field}) text that cannot be stored as sent; answers it otherwise. */
    public static String refuse(String field, String text) {
        String flaw = flaw(text);
        if (flaw != null) {
            throw ApiProblem.invalid(field, flaw);
        }
        return text;
    }

    /** The 422 naming the field, its JSON path prefixed with {@code prefix} (the element of a list it was in). */
    public ApiProblem problem(String prefix) {
        return ApiProblem.invalid(prefix + ProblemResponses.jsonPath(this), flaw);
    }

    /** Reads strings as Jackson does, refusing one that cannot be stored as sent. */
    static final class RefusingDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            String flaw = text == null ? null : flaw(text);
            if (flaw != null) {
                throw new UnstorableText(parser, flaw);
            }
            return text;
        }
    }
}
