package io.taskgate.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * CSRF tokens for the console's forms, without server-side state: a token is the HMAC, under a
 * server secret, of the cookie that authenticates the browser (the session, or before login the
 * pre-session cookie). A page from another site can send the cookie but cannot read it, so it
 * cannot compute the token that every POST must carry in {@code _csrf} or {@code X-CSRF-Token}.
 */
@Component
class Csrf {

    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";

    private final byte[] secret;
    private final SecureRandom random = new SecureRandom();

    /**
     * Without {@code taskgate.console.csrf-secret} each start draws a secret, which only makes
     * forms opened before a restart fail once; several instances behind one address must share one.
     */
    Csrf(@Value("${taskgate.console.csrf-secret:}") String configured) {
        if (configured.isBlank()) {
            this.secret = new byte[32];
            random.nextBytes(secret);
        } else {
            this.secret = configured.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The token the forms of this response carry, setting a pre-session cookie first when there is none. */
    String tokenFor(HttpServletRequest request, HttpServletResponse response) {
        return basis(request).map(this::sign).orElseGet(() -> {
            byte[] value = new byte[24];
            random.nextBytes(value);
            String preSession = Base64.getUrlEncoder().withoutPadding().encodeToString(value);
            Cookies.write(request, response, Cookies.PRE_SESSION, preSession, Duration.ofDays(1));
            return sign(preSession);
        });
    }

    boolean accepts(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        if (given == null) {
            given = request.getParameter(FIELD);
        }
        Optional<String> basis = basis(request);
        if (given == null || basis.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(basis.get()).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> basis(HttpServletRequest request) {
        return Cookies.read(request, Cookies.SESSION).or(() -> Cookies.read(request, Cookies.PRE_SESSION));
    }

    private String sign(String basis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(basis.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
