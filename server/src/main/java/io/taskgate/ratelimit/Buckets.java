package io.taskgate.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;

/**
 * Token buckets by key (a principal, an address, an account), each of {@code capacity} a period
 * (a minute unless told otherwise). The map is
 * bounded: past {@link #MAX_TRACKED} keys it forgets the buckets that have refilled, since
 * forgetting those changes nothing, and never one that is still spending or in debt.
 */
final class Buckets {

    private static final int MAX_TRACKED = 100_000;

    private final long capacity;
    private final long periodNanos;
    private final ConcurrentMap<String, TokenBucket> byKey = new ConcurrentHashMap<>();

    Buckets(long capacityPerMinute) {
        this(capacityPerMinute, Duration.ofMinutes(1));
    }

    Buckets(long capacity, Duration period) {
        this.capacity = capacity;
        this.periodNanos = period.toNanos();
    }

    long capacity() {
        return capacity;
    }

    /** The key's bucket, made full on first use. */
    TokenBucket of(String key, long now) {
        if (byKey.size() > MAX_TRACKED) {
            byKey.values().removeIf(bucket -> bucket.full(now));
        }
        return byKey.computeIfAbsent(key, k -> new TokenBucket(capacity, periodNanos, now));
    }

    /** The key's bucket if it has one: a key never charged has nothing to wait for. */
    @Nullable TokenBucket existing(String key) {
        return byKey.get(key);
    }

    static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
    }
}
