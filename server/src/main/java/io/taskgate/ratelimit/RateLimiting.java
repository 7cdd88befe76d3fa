package io.taskgate.ratelimit;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import io.taskgate.identity.Authentication;
import io.taskgate.identity.Caller;

/**
 * Each principal (or, before authentication, each client address) has a request budget per
 * minute. Past it the answer is 429 with {@code Retry-After}; every answer tells the budget in
 * {@code RateLimit-Limit} / {@code RateLimit-Remaining}. Budgets live in this process: behind a
 * load balancer with N instances the effective limit is N times higher (see docs/scaling.md).
 */
@Component
class RateLimiting implements HandlerInterceptor {

    private final Buckets principals;
    private final Buckets addresses;

    RateLimiting(@Value("${taskgate.rate-limit.requests-per-minute:1200}") long perPrincipal,
            @Value("${taskgate.rate-limit.anonymous-requests-per-minute:60}") long perAddress) {
        this.principals = new Buckets(perPrincipal);
        this.addresses = new Buckets(perAddress);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Optional<Caller> caller = Authentication.caller(request);
        long now = System.nanoTime();
        TokenBucket bucket = caller.isPresent() ? principals.of(caller.get().id(), now)
                : addresses.of(request.getRemoteAddr(), now);
        long wait = bucket.take(now);
        response.setHeader("RateLimit-Limit", Long.toString(bucket.capacity()));
        response.setHeader("RateLimit-Remaining", Long.toString(bucket.remaining()));
        if (wait > 0) {
            long seconds = Buckets.retryAfterSeconds(wait);
            response.setHeader("Retry-After", Long.toString(seconds));
            throw ApiProblemsOfLimits.tooMany(
                    "Too many requests: at most " + bucket.capacity() + " a minute; retry in " + seconds + " s", seconds);
        }
        return true;
    }
}
