package io.taskgate.web;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Text that cannot be stored as it was sent, or shown safely, is refused as it is read, whatever the database:
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

    /**
     * Fields that may hold the explicit bidirectional controls: text shown in a block of its own
     * (a description), and secrets, which are never shown.
     */
    private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("description", "password",
            "currentPassword", "newPassword");

    /**
     * What makes {@code text}, sent as {@code field}, unstorable, as a field message; null when
     * nothing does. Besides what cannot be stored, a name, a title or a blocker may not hold the
     * explicit bidirectional controls (embeddings, overrides, isolates: U+202A–U+202E,
     * U+2066–U+2069). Such text is shown inside sentences, by the console and in the remedies
     * and explanations of the API, and one U+202E reverses the rest of the sentence around it
     * ("Trojan Source"). The marks U+200E and U+200F, which reorder nothing, stay allowed.
     */
    public static @Nullable String flaw(@Nullable String field, String text) {
        String flaw = unstorable(text);
        if (flaw != null || (field != null && FREE_TEXT.contains(lastName(field)))) {
            return flaw;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return ("must not contain bidirectional controls (U+%04X): shown in a sentence, they would"
                        + " reorder the words around it").formatted((int) c);
            }
        }
        return null;
    }

    /** {@code blockers} of {@code blockers[3]}, {@code id} of {@code lists[0].id}. */
    private static String lastName(String field) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        int index = name.indexOf('[');
        return index < 0 ? name : name.substring(0, index);
    }

    /** What makes {@code text} impossible to store as sent, as a field message; null when nothing does. */
    public static @Nullable String unstorable(String text) {
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
        String flaw = flaw(field, text);
        if (flaw != null) {
            throw ApiProblem.invalid(field, flaw);
        }
        return text;
    }

    /** The 422 naming the field, its JSON path prefixed with {@code prefix} (the element of a list it was in). */
    public ApiProblem problem(String prefix) {
        return ApiProblem.invalid(prefix + ProblemResponses.jsonPath(this), flaw);
    }

    /** The name of the field being read: of the array, for an element of one. */
    private static @Nullable String fieldName(JsonParser parser) {
        TokenStreamContext context = parser.streamReadContext();
        if (context != null && context.inArray()) {
            context = context.getParent();
        }
        return context == null ? null : context.currentName();
    }

    /** Reads strings as Jackson does, refusing one that cannot be stored as sent. */
    static final class RefusingDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            String flaw = text == null ? null : flaw(fieldName(parser), text);
            if (flaw != null) {
                throw new UnstorableText(parser, flaw);
            }
            return text;
        }
    }
}
