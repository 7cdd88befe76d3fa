package io.taskgate.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure into RFC 9457 problem+json with a machine {@code code}: our own
 * {@link ApiProblem}s, Spring MVC's (unknown route, wrong method, unsupported media type,
 * unreadable body) and, last, unexpected bugs as a 500 that carries the correlation id of
 * the log line holding the stack trace.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /**
     * A 429 thrown from deep inside a feature (the failed-logins budget of one account) says when
     * to retry in the header as well as in the body, as the interceptors' 429s do.
     */
    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, HttpServletResponse response) {
        if (problem.status() == HttpStatus.TOO_MANY_REQUESTS
                && problem.properties().get("retryAfterSeconds") instanceof Long seconds) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        return apiProblem(problem);
    }

    private ResponseEntity<Object> apiProblem(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setTitle(problem.status().getReasonPhrase());
        body.setProperty("code", problem.code());
        problem.properties().forEach(body::setProperty);
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            body.setType(URI.create("about:blank"));
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.WWW_AUTHENTICATE, bearerChallenge(problem.code()))
                    .body(body);
        }
        return problemResponse(body);
    }

    /**
     * RFC 9110 asks every 401 for a challenge; RFC 6750 words it for bearer tokens, with
     * {@code error="invalid_token"} when a token was sent but is unknown, expired or revoked.
     */
    private static String bearerChallenge(String code) {
        boolean tokenRefused = !code.equals("unauthenticated") && !code.equals("invalid_credentials");
        return tokenRefused ? "Bearer realm=\"taskgate\", error=\"invalid_token\"" : "Bearer realm=\"taskgate\"";
    }

    private static boolean isForm(@Nullable String contentType) {
        try {
            return contentType != null
                    && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /** A chunked body that grew past the limit while a handler or an interceptor read it. */
    @ExceptionHandler(BodySizeLimit.TooLarge.class)
    ResponseEntity<Object> bodyTooLarge(BodySizeLimit.TooLarge e) {
        return apiProblem(ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, codeFor(HttpStatus.CONTENT_TOO_LARGE),
                e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> parameterTypeMismatch(MethodArgumentTypeMismatchException e) {
        return apiProblem(ApiProblem.invalid(e.getName(), "has the wrong format"));
    }

    /**
     * The servlet's parameters could not be parsed. With a form-encoded body, Spring read the body
     * through them, and one past the connector's limit is refused before any media type is
     * checked: it is the same 415 a smaller form gets. Otherwise the query string itself is
     * malformed (a {@code %} not followed by two hex digits): a 400.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> unreadableParameters(InvalidParameterException e, HttpServletRequest request) {
        if (isForm(request.getContentType())) {
            return apiProblem(ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "This API takes JSON bodies: send Content-Type: application/json"));
        }
        return apiProblem(ApiProblem.of(HttpStatus.BAD_REQUEST, "malformed_query",
                "The query string could not be parsed: percent-encode it (RFC 3986), a '%' followed by two hex digits"));
    }

    /**
     * PostgreSQL refuses text it cannot store (the NUL character, {@code \u0000}) when the
     * statement runs; the transaction is rolled back, so the request changed nothing: a 422.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> dataAccess(DataAccessException e) {
        SQLException sql = driverException(e);
        if (sql == null) {
            return unexpected(e);
        }
        String state = String.valueOf(sql.getSQLState());
        if (UNSTORABLE_TEXT.contains(state)) {
            return apiProblem(ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_text",
                    "Text fields must not contain the NUL character (\\u0000)"));
        }
        if (FOREIGN_KEY_VIOLATED.contains(state)) {
            return apiProblem(parentGone(sql));
        }
        if (TAKE_TURNS.contains(state)) {
            // Two writers each held what the other needed; the database chose this one to give way.
            return apiProblem(ApiProblem.conflict("concurrent_update",
                    "Another change held what this one needed at the same moment: nothing was changed, retry"));
        }
        return unexpected(e);
    }

    /**
     * The exception the driver threw: H2 hangs its own inner ones below it (a lock timeout over
     * the concurrent update it waited on), which say less about what the statement met.
     */
    private static @Nullable SQLException driverException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /**
     * A foreign key refused the statement: what the request refers to was deleted by another one
     * between the checks and the write (a list deleted while a task is put in it, a team while a
     * member joins it). The checks answer 404 when the deletion came first; a deletion that lands
     * in between is the same 404, not a 500. The other way round (a row deleted while still
     * referenced) is a conflict to retry. The transaction is rolled back: nothing changed.
     */
    private static ApiProblem parentGone(SQLException sql) {
        boolean referenceMissing = "23506".equals(sql.getSQLState())
                || String.valueOf(sql.getMessage()).startsWith("ERROR: insert or update on table");
        return referenceMissing
                ? ApiProblem.of(HttpStatus.NOT_FOUND, "not_found",
                        "Something this request refers to was deleted while it ran: nothing was changed")
                : ApiProblem.conflict("concurrent_update",
                        "Something this request changes was referred to by another change meanwhile: nothing was"
                                + " changed, retry");
    }

    /** PostgreSQL's foreign_key_violation; H2's referenced row missing, and still referenced. */
    private static final Set<String> FOREIGN_KEY_VIOLATED = Set.of("23503", "23506");

    /**
     * serialization_failure, deadlock_detected (H2 reports a deadlock as 40001 too), and a lock
     * waited for too long: H2's lock timeout (HYT00), which is how it ends a wait it cannot tell
     * from a deadlock, H2's row changed by a concurrent transaction (90131), and PostgreSQL's
     * lock_not_available (55P03) should a lock_timeout be set.
     */
    private static final Set<String> TAKE_TURNS = Set.of("40001", "40P01", "HYT00", "55P03", "90131");

    /** character_not_in_repertoire, untranslatable_character. */
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        String correlationId = RequestLogging.currentRequestId();
        log.error("Unexpected failure, correlationId={}", correlationId, e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote the correlation id when reporting it.");
        body.setProperty("code", "internal_error");
        body.setProperty("correlationId", correlationId);
        return problemResponse(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        return apiProblem(ApiProblem.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return apiProblem(ApiProblem.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON";
        String code = "malformed_json";
        if (ex.getCause() instanceof UnstorableText unstorable) {
            return apiProblem(unstorable.problem(""));
        }
        if (NestedExceptionUtils.getMostSpecificCause(ex) instanceof BodySizeLimit.TooLarge tooLarge) {
            return bodyTooLarge(tooLarge);
        }
        if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            code = "wrong_json_type";
            detail = "'" + jsonPath(databind) + "' has the wrong JSON type";
        } else if (ex.getCause() instanceof java.nio.charset.CharacterCodingException) {
            detail = "The request body is not valid UTF-8";
        } else if (ex.getCause() == null || !(ex.getCause() instanceof JacksonException)) {
            detail = "The request body is missing or unreadable";
        }
        return apiProblem(ApiProblem.of(HttpStatus.BAD_REQUEST, code, detail));
    }

    static String jsonPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Spring's own MVC problems (404 route, 405, 415, …) get a code derived from their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail
                ? detail
                : ProblemDetail.forStatusAndDetail(statusCode, "The request could not be handled");
        if (statusCode.value() == HttpStatus.UNSUPPORTED_MEDIA_TYPE.value()) {
            problem.setDetail("This API takes JSON bodies: send Content-Type: application/json");
        }
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", codeFor(statusCode));
        }
        if (statusCode.is5xxServerError()) {
            String correlationId = RequestLogging.currentRequestId();
            log.error("Server-side failure, correlationId={}", correlationId, ex);
            problem.setProperty("correlationId", correlationId);
        }
        problem.setInstance(null);
        if (problem.getType() == null) {
            problem.setType(URI.create("about:blank"));
        }
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, merged, statusCode);
    }

    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> status.is5xxServerError() ? "internal_error" : "http_" + status.value();
        };
    }

    private static ResponseEntity<Object> problemResponse(ProblemDetail body) {
        body.setType(URI.create("about:blank"));
        return ResponseEntity.status(body.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

}
