package io.taskgate.ratelimit;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.taskgate.identity.LoginThrottle;

/**
 * Each account (by normalised email, known or not) may fail {@code capacity} logins at once,
 * earning one more back every {@code period / capacity}: by default 10, one back a minute. A
 * person who mistypes a few times never meets it; someone guessing one account's password gets
 * about 1,440 tries a day however many addresses they use (the per-address budget of
 * {@link FailedAuthenticationLimit} stops one address guessing many accounts). Kept in this
 * process, like every budget here.
 */
@Component
class AccountLoginThrottle implements LoginThrottle {

    private final Buckets failures;

    AccountLoginThrottle(@Value("${taskgate.rate-limit.failed-logins-per-account:10}") long capacity,
            @Value("${taskgate.rate-limit.failed-logins-per-account-period:10m}") Duration period) {
        this.failures = new Buckets(capacity, period);
    }

    @Override
    public void attempt(String normalizedEmail) {
        long now = System.nanoTime();
        long wait = failures.of(normalizedEmail, now).take(now);
        if (wait > 0) {
            long seconds = Buckets.retryAfterSeconds(wait);
            throw ApiProblemsOfLimits.tooMany("Too many failed logins for this account: retry in " + seconds
                    + " s", seconds);
        }
    }

    @Override
    public void succeeded(String normalizedEmail) {
        TokenBucket bucket = failures.existing(normalizedEmail);
        if (bucket != null) {
            bucket.giveBack();
        }
    }
}
