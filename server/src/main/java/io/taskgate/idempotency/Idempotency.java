package io.taskgate.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import io.taskgate.audit.AuditLog;
import io.taskgate.identity.Authentication;
import io.taskgate.identity.Caller;
import io.taskgate.support.Ids;
import io.taskgate.support.SecretHash;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.FieldError;
import io.taskgate.web.IdempotencyClaims;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a POST that carries {@code Idempotency-Key} safe to retry. The first request claims the
 * key (per principal; a sign-up has none yet); a retry with the same body gets the first answer replayed, a concurrent
 * retry waits for it, and the same key with another body is refused with 422. Only successful
 * answers are kept (24 hours): after a failure the retry runs again. A claim whose request ended
 * without an answer (the server was killed) is given up after a minute; the events its changes
 * wrote carry the claim, so a retry then runs again only if the first request changed nothing,
 * and otherwise answers 409 {@code idempotency_interrupted} naming what it changed.
 */
@Component
class Idempotency implements HandlerInterceptor {

    static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = Idempotency.class.getName() + ".claim";
    private static final Pattern WORKSPACE = Pattern.compile("^/api/v1/workspaces/([^/]+)/");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
    static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(15);
    /** Writes JSON objects' members sorted by name (a map keeps the order it was built in). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * The one POST answered without credentials that creates something (login creates only a
     * session, whose token is never kept). Its keys are kept per client address, and a retry is
     * only answered when its body is the first one's.
     */
    private static final String SIGN_UP = "/api/v1/auth/signup";
    /** A password change's body holds two passwords, the right ones when its answer is kept. */
    private static final String PASSWORD_CHANGE = "/api/v1/auth/password";

    private final IdempotencyRecords records;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordEncoder passwords;

    Idempotency(IdempotencyRecords records, AuditLog audit, Clock clock, PasswordEncoder passwords) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
        this.passwords = passwords;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String key = request.getHeader(HEADER);
        Optional<Caller> caller = Authentication.caller(request);
        CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
        boolean signUp = caller.isEmpty() && SIGN_UP.equals(request.getRequestURI());
        if (key == null || !"POST".equals(request.getMethod()) || (caller.isEmpty() && !signUp) || cached == null) {
            return true;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw ApiProblem.invalid(HEADER, "must be 1 to 200 visible ASCII characters");
        }
        var claim = new IdempotencyRecords.Key(workspaceOf(request.getRequestURI()),
                caller.map(Caller::id).orElseGet(() -> anonymous(request)), key);
        String target = request.getMethod() + " " + request.getRequestURI() + "\n";
        String fingerprint = SecretHash.of(target + comparable(cached.body()));
        // Keys claimed before bodies were compared as JSON values hold the raw bytes' fingerprint.
        String rawFingerprint = SecretHash.of(target + new String(cached.body(), StandardCharsets.UTF_8));
        // A sign-up's body, or a password change's, holds a password: its fingerprint is kept as a
        // salted, slow hash.
        boolean holdsPassword = signUp || PASSWORD_CHANGE.equals(request.getRequestURI());
        String hash = holdsPassword ? passwords.encode(fingerprint) : fingerprint;
        Instant deadline = clock.instant().plus(WAIT_FOR_FIRST);
        @Nullable String matched = null;
        while (true) {
            Instant now = clock.instant();
            String claimId = Ids.next("claim", clock);
            if (records.claim(claim, hash, now, claimId)) {
                request.setAttribute(CLAIM, claim);
                request.setAttribute(IdempotencyClaims.ATTRIBUTE, claimId);
                return true;
            }
            Optional<IdempotencyRecords.Stored> stored = records.find(claim);
            if (stored.isEmpty()) {
                continue;
            }
            IdempotencyRecords.Stored first = stored.get();
            boolean expired = first.createdAt().plus(RETENTION).isBefore(now);
            boolean abandoned = first.status() == null && first.createdAt().plus(ABANDONED_AFTER).isBefore(now);
            if (expired) {
                records.release(claim);
                continue;
            }
            if (abandoned) {
                List<AuditLog.Target> changed = first.claimId() == null ? List.of()
                        : audit.changedUnder(claim.workspaceId(), claim.principalId(), first.claimId());
                if (changed.isEmpty()) {
                    // The first request ended (a crash, say) before it changed anything: run this one.
                    records.release(claim);
                } else {
                    // It changed something, then ended before its answer was kept: never again.
                    records.complete(claim, HttpStatus.CONFLICT.value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            null, null, interrupted(request.getRequestURI(), changed.getFirst()));
                }
                continue;
            }
            if (!first.requestHash().equals(matched)) {
                // One bcrypt comparison per stored fingerprint, not one per poll while the first runs.
                if (!sameRequest(first.requestHash(), holdsPassword, fingerprint, rawFingerprint)) {
                    throw keyReused();
                }
                matched = first.requestHash();
            }
            if (first.status() != null) {
                replay(response, first);
                return false;
            }
            if (now.isAfter(deadline)) {
                throw ApiProblem.conflict("idempotency_in_progress",
                        "A request with this Idempotency-Key is still being processed: retry shortly");
            }
            pause();
        }
    }

    private boolean sameRequest(String stored, boolean slowlyHashed, String... fingerprints) {
        for (String fingerprint : fingerprints) {
            if (slowlyHashed ? passwords.matches(fingerprint, stored) : stored.equals(fingerprint)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body as a retry is compared with its first request: JSON in one canonical form (members
     * sorted by name, no insignificant whitespace), since a client re-serialising the same values
     * may order or space them differently; anything that is not JSON (a member named twice
     * included, which the API refuses), byte for byte.
     */
    private static String comparable(byte[] body) {
        try {
            return JSON.writeValueAsString(JSON.readTree(body));
        } catch (JacksonException notJson) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static ApiProblem keyReused() {
        return ApiProblem.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
                "This Idempotency-Key was already used with a different request: use a new key")
                .with("errors", List.of(new FieldError(HEADER, "was used with a different request")));
    }

    /**
     * Whose sign-up keys these are: the client's address, hashed to fit the column (a key is a
     * random string, so the address only keeps strangers' keys apart).
     */
    private static String anonymous(HttpServletRequest request) {
        return "anon:" + SecretHash.of(String.valueOf(request.getRemoteAddr())).substring(0, 32);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable Exception ex) {
        if (!(request.getAttribute(CLAIM) instanceof IdempotencyRecords.Key claim)) {
            return;
        }
        ContentCachingResponseWrapper captured = WebUtils.getNativeResponse(response,
                ContentCachingResponseWrapper.class);
        int status = response.getStatus();
        if (ex == null && captured != null && status >= 200 && status < 300 && mayBeStored(response)) {
            records.complete(claim, status, response.getContentType(), response.getHeader("Location"),
                    response.getHeader("ETag"), new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
        } else if (ex == null && status >= 200 && status < 300) {
            // The change happened, but its answer must not be kept (it holds a secret): a retry learns
            // that it succeeded, and does not make a second one.
            records.complete(claim, HttpStatus.CONFLICT.value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    response.getHeader("Location"), null, notReplayable(request.getRequestURI()));
        } else {
            records.release(claim);
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldKeys() {
        records.deleteOlderThan(clock.instant().minus(RETENTION).minus(Duration.ofHours(1)));
    }

    /** {@code Cache-Control: no-store} (an answer holding a secret) forbids keeping the answer anywhere. */
    private static boolean mayBeStored(HttpServletResponse response) {
        String cacheControl = response.getHeader("Cache-Control");
        return cacheControl == null || !cacheControl.contains("no-store");
    }

    /** The problem a retry gets when the first answer held a secret, as every other problem is shaped. */
    private static String notReplayable(String instance) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", "Conflict");
        problem.put("status", HttpStatus.CONFLICT.value());
        problem.put("detail", "The first request with this Idempotency-Key succeeded. Its answer held a secret, which"
                + " is shown once and never stored, so it cannot be replayed; nothing was created again. If the"
                + " secret was lost, revoke what was created and create another.");
        problem.put("instance", instance);
        problem.put("code", "secret_not_replayable");
        return JSON.writeValueAsString(problem);
    }


    /**
     * The problem every retry gets once the first request is known to have changed something and
     * then ended without its answer being kept: what it changed, to read back.
     */
    private static String interrupted(String instance, AuditLog.Target changed) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", "Conflict");
        problem.put("status", HttpStatus.CONFLICT.value());
        problem.put("detail", "The first request with this Idempotency-Key took effect (on " + changed.type() + " "
                + changed.id() + "), then ended before its answer was kept: nothing was done again. Read the "
                + changed.type() + " to see it.");
        problem.put("instance", instance);
        problem.put("code", "idempotency_interrupted");
        problem.put("targetType", changed.type());
        problem.put("targetId", changed.id());
        return JSON.writeValueAsString(problem);
    }

    private static void replay(HttpServletResponse response, IdempotencyRecords.Stored first) throws IOException {
        response.setStatus(first.status());
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader("Location", first.location());
        }
        if (first.etag() != null) {
            response.setHeader("ETag", first.etag());
        }
        response.setHeader("Idempotent-Replayed", "true");
        byte[] body = first.body() == null ? new byte[0] : first.body().getBytes(StandardCharsets.UTF_8);
        response.getOutputStream().write(body);
    }

    private static String workspaceOf(String path) {
        Matcher matcher = WORKSPACE.matcher(path);
        return matcher.find() ? matcher.group(1) : "-";
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first request", e);
        }
    }
}
