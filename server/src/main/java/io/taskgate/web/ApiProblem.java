package io.taskgate.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A known failure that the API answers as an RFC 9457 problem: an HTTP status, a machine
 * {@code code} and a sentence for the human reading it. Features throw these; the
 * {@link ProblemResponses} advice renders them.
 */
public final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties;

    private ApiProblem(HttpStatus status, String code, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        // Insertion order is the order clients read; a property may be null (named, with nothing to say).
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public static ApiProblem of(HttpStatus status, String code, String detail) {
        return new ApiProblem(status, code, detail, Map.of());
    }

    public static ApiProblem notFound(String what) {
        return of(HttpStatus.NOT_FOUND, "not_found", what + " not found");
    }

    /** A referenced id in a request body that does not exist or is invisible to the caller. */
    public static ApiProblem referenceNotFound(String field, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "reference_not_found",
                "'" + field + "' names " + id + ", which does not exist or is not visible to you",
                Map.of("field", field));
    }

    /**
     * A person referred to by {@code field} is known but deactivated in the workspace: named as
     * such (people are listed to every member), since access given to them could not be used.
     */
    public static ApiProblem deactivated(String field) {
        return invalid(field, "is deactivated in this workspace: reactivate them first");
    }

    public static ApiProblem conflict(String code, String detail) {
        return of(HttpStatus.CONFLICT, code, detail);
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", detail, Map.of("errors", errors));
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiProblem unauthenticated(String code, String detail) {
        return of(HttpStatus.UNAUTHORIZED, code, detail);
    }

    public static ApiProblem forbidden(String detail, Map<String, Object> properties) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", detail, properties);
    }

    public ApiProblem with(String property, @Nullable Object value) {
        Map<String, Object> merged = new LinkedHashMap<>(properties);
        merged.put(property, value);
        return new ApiProblem(status, code, getMessage(), merged);
    }

    /** The same problem, its detail preceded by what the caller was doing. */
    public ApiProblem whileDoing(String context) {
        return new ApiProblem(status, code, context + ": " + getMessage(), properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
