package io.taskgate.console;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The console's two cookies: the session (the same {@code tgs_} token the API issues at login)
 * and, before login, a random value the login and sign-up forms' CSRF token is bound to. Both
 * HttpOnly and SameSite=Lax; Secure whenever the request came over HTTPS.
 */
final class Cookies {

    static final String SESSION = "taskgate_session";
    static final String PRE_SESSION = "taskgate_presession";

    private Cookies() {
    }

    static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> cookie.getName().equals(name))
                .map(Cookie::getValue).filter(value -> !value.isBlank()).findFirst();
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String name, String value,
            Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    static void clear(HttpServletRequest request, HttpServletResponse response, String name) {
        write(request, response, name, "", Duration.ZERO);
    }
}
