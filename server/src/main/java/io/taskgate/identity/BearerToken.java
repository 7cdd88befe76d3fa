package io.taskgate.identity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

import io.taskgate.web.ApiProblem;

/** Where a request carries its credential: the Authorization header, or {@code access_token} for old clients. */
final class BearerToken {

    private BearerToken() {
    }

    /**
     * The token, from one place: a request that sends one in both is refused (RFC 6750 section 2:
     * a client must not use more than one method), rather than one of them silently winning, when
     * they may name two different principals.
     */
    static Optional<String> from(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String parameter = fromQuery(request.getQueryString());
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (parameter != null) {
                throw ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid_request", "Send the access token once: in the"
                        + " Authorization header or as the access_token parameter, not both");
            }
            String token = header.substring(7).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter.trim());
    }

    /**
     * From the query string alone: {@code getParameter} would also parse a form-encoded body (an
     * API that takes JSON has no business reading it, and an oversized one failed the request).
     */
    private static @Nullable String fromQuery(@Nullable String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (name.equals("access_token")) {
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                try {
                    return URLDecoder.decode(value, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return value; // not a token this server issued: answered 401 like any unknown one
                }
            }
        }
        return null;
    }
}
