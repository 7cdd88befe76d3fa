package io.taskgate.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guessing tokens costs: every 401 spends one of the client address's budget of failed
 * authentications (by default the anonymous budget, 60 a minute), and an address that has spent it
 * is answered 429 before its next token is even looked at, valid or not, until the budget refills.
 * Runs before authentication (which answers the 401s) and counts them once they are answered.
 */
@Component
class FailedAuthenticationLimit implements HandlerInterceptor {

    private final Buckets failures;

    /**
     * Its own setting, 60 by default whatever the anonymous budget: it once fell back to that
     * budget, so an operator raising it for sign-ups switched off the guard against guessing tokens.
     */
    FailedAuthenticationLimit(@Value("${taskgate.rate-limit.failed-authentications-per-minute:60}") long perAddress) {
        this.failures = new Buckets(perAddress);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        TokenBucket bucket = failures.existing(request.getRemoteAddr());
        long wait = bucket == null ? 0 : bucket.waitFor(System.nanoTime());
        long left = bucket == null ? failures.capacity() : Math.max(0, bucket.remaining());
        // What a 401 leaves of this budget, so it too tells where the caller stands; an answer that
        // gets past authentication is given its own budget's headers instead (RateLimiting).
        response.setHeader("RateLimit-Limit", Long.toString(failures.capacity()));
        response.setHeader("RateLimit-Remaining", Long.toString(Math.max(0, left - 1)));
        if (wait > 0) {
            long seconds = Buckets.retryAfterSeconds(wait);
            response.setHeader("Retry-After", Long.toString(seconds));
            throw ApiProblemsOfLimits.tooMany(
                    "Too many requests with invalid credentials from this address: at most " + failures.capacity()
                            + " a minute; retry in " + seconds + " s", seconds);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable Exception exception) {
        if (response.getStatus() != HttpStatus.UNAUTHORIZED.value()) {
            return;
        }
        long now = System.nanoTime();
        // Charged even past empty: failures let through in parallel before the bucket ran dry still count.
        failures.of(request.getRemoteAddr(), now).charge(now);
    }
}
