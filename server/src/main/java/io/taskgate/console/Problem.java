package io.taskgate.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.taskgate.access.Remedy;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.FieldError;

/**
 * A refused form, as a page shows it beside the fields: the API's 422 {@code errors} by field
 * (same fields, same messages), or the sentence of a 404, 409 or 403 for the whole form.
 *
 * @param form which form of the page was refused, so only that one shows the errors
 * @param remedies what would allow it, as the API's {@code remedies} describe each change
 */
record Problem(String form, String message, Map<String, String> fields, List<String> remedies) {

    static Problem of(String form, ApiProblem problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (problem.properties().get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof FieldError field) {
                    fields.merge(field.field(), field.message(), (a, b) -> a + "; " + b);
                }
            }
        }
        if (problem.properties().get("field") instanceof String field) {
            fields.put(field, "does not exist or is not visible to you");
        }
        // The API's wording names If-Match; a person in a form needs what happened and what to do.
        String message = problem.code().equals("precondition_failed") || problem.code().equals("concurrent_update")
                ? "Someone changed this while you were editing it: reload the page to see their change, then try again"
                : problem.getMessage();
        List<String> remedies = problem.properties().get("remedies") instanceof List<?> offered
                ? offered.stream().filter(Remedy.class::isInstance).map(Remedy.class::cast).map(Remedy::description)
                        .toList()
                : List.of();
        return new Problem(form, message, fields, remedies);
    }

    /**
     * Whether the problem is about what was typed into a form (shown beside it) rather than about
     * the page itself: a 422, a 409 conflict, or a 404 naming a field of the form.
     */
    static boolean aboutTheForm(ApiProblem problem) {
        int status = problem.status().value();
        return status == 422 || status == 409 || (status == 404 && problem.properties().containsKey("field"));
    }

    /**
     * Whether a refusal is shown beside the form that was sent: one about what was typed, a 403
     * (the viewer may not, and the page says why), or a 412 (someone changed it first). Anything
     * else (a page that is not there) is the error page.
     */
    static boolean shownBesideTheForm(ApiProblem problem) {
        int status = problem.status().value();
        return aboutTheForm(problem) || status == 403 || status == 412;
    }

    /**
     * The same refusal with the ids {@code names} knows — positions, master tasks — said by their
     * names, in its sentence, its fields' messages and its remedies.
     */
    Problem naming(Map<String, String> names) {
        Map<String, String> named = new LinkedHashMap<>();
        fields.forEach((field, text) -> named.put(field, NamedIds.named(text, names)));
        return new Problem(form, NamedIds.named(message, names), named,
                remedies.stream().map(remedy -> NamedIds.named(remedy, names)).toList());
    }

    static Problem message(String form, String message) {
        return new Problem(form, message, Map.of(), List.of());
    }

    public boolean on(String name) {
        return form.equals(name);
    }

    /**
     * The message of a field, or of its elements: a form shows {@code permissions[1]}'s message
     * beside its {@code permissions} checkboxes.
     */
    public @Nullable String field(String name) {
        String exact = fields.get(name);
        if (exact != null) {
            return exact;
        }
        return fields.entrySet().stream().filter(entry -> entry.getKey().startsWith(name + "["))
                .map(Map.Entry::getValue).reduce((a, b) -> a + "; " + b).orElse(null);
    }
}
