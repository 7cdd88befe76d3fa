package io.taskgate.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Text holding the NUL character ({@code \u0000}) is refused as it is read, whatever the
 * database: PostgreSQL cannot store it and H2 would, so the same request must not get a 201 on
 * one and an error on the other. Jackson adds the JSON path as the exception travels up, and
 * {@link ProblemResponses} answers 422 naming that field.
 */
public final class NulInText extends DatabindException {

    static final String MESSAGE = "must not contain the NUL character (\\u0000)";

    private NulInText(JsonParser parser) {
        super(parser, "Text " + MESSAGE);
    }

    public static boolean holdsNul(String text) {
        return text.indexOf('\0') >= 0;
    }

    /** The 422 naming the field, its JSON path prefixed with {@code prefix} (the element of a list it was in). */
    public ApiProblem problem(String prefix) {
        return ApiProblem.invalid(prefix + ProblemResponses.jsonPath(this), MESSAGE);
    }

    /** Reads strings as Jackson does, refusing one that holds NUL. */
    static final class RefusingDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null && holdsNul(text)) {
                throw new NulInText(parser);
            }
            return text;
        }
    }
}
