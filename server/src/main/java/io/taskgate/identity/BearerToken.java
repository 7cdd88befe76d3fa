package io.taskgate.identity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

/** Where a request carries its credential: the Authorization header, or {@code access_token} for old clients. */
final class BearerToken {

    private BearerToken() {
    }

    static Optional<String> from(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        String parameter = fromQuery(request.getQueryString());
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
