package io.taskgate.console;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

import io.taskgate.web.ApiProblem;
import io.taskgate.web.FieldError;

/**
 * Validates a form as the API validates its JSON: the form is turned into the API's own request
 * record and checked against the same Bean Validation constraints, so a refusal names the same
 * fields with the same messages as the API's 422.
 */
@Component
class Forms {

    private final Validator validator;

    Forms(Validator validator) {
        this.validator = validator;
    }

    <T> T valid(T request) {
        List<FieldError> errors = java.util.stream.Stream.concat(
                        validator.validate(request).stream().map(violation ->
                                new FieldError(violation.getPropertyPath().toString(), violation.getMessage())),
                        unshowable(request))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return request;
    }

    /**
     * The text fields the API would refuse as it reads JSON (a name's bidirectional controls, say),
     * which a form's fields do not pass through: refused the same, beside the form.
     */
    private static java.util.stream.Stream<FieldError> unshowable(Object request) {
        if (!request.getClass().isRecord()) {
            return java.util.stream.Stream.empty();
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        for (var component : request.getClass().getRecordComponents()) {
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true); // the API's request records are not all public
                if (accessor.invoke(request) instanceof String text) {
                    String flaw = io.taskgate.web.UnstorableText.flaw(component.getName(), text);
                    if (flaw != null) {
                        errors.add(new FieldError(component.getName(), flaw));
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("A form's record cannot be read: " + component, e);
            }
        }
        return errors.stream();
    }

    /** An empty form field means "not given", as an absent JSON member does. */
    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * A textarea's text with LF line breaks. A browser sends each line break of a textarea as CRLF
     * (HTML's form submission rules) where the API's clients mostly send LF: kept as sent, a text
     * saved unedited would change, and each line break would count two characters against a limit.
     */
    static String multiline(@Nullable String typed) {
        return typed == null ? "" : typed.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * The text of a textarea that showed {@code stored}: {@code stored} itself when the two differ
     * only in their line breaks — a text an API client sent with CRLF stays as it is — else the
     * typed text with LF line breaks.
     */
    static String multiline(@Nullable String typed, String stored) {
        String text = multiline(typed);
        return text.equals(multiline(stored)) ? stored : text;
    }

    /** The version a form was shown with (its If-Match), absent when blank; a 422 when it is not a number. */
    static @Nullable Long version(@Nullable String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(version.strip());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("version", "must be a number");
        }
    }

    /**
     * What was typed into a form, to show it again as it was sent: one value per field, and each
     * field of checkboxes ({@code ticked}) as its ticked values joined by commas.
     */
    static Map<String, String> typed(MultiValueMap<String, String> form, String... ticked) {
        Map<String, String> typed = new LinkedHashMap<>(form.toSingleValueMap());
        for (String field : ticked) {
            typed.put(field, String.join(",", form.getOrDefault(field, List.of())));
        }
        return typed;
    }
}
