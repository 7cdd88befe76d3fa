package io.taskgate.identity;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

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
        String parameter = request.getParameter("access_token");
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter.trim());
    }
}
