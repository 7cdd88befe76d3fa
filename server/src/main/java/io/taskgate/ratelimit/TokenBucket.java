package io.taskgate.ratelimit;

/**
 * A classic token bucket: {@code capacity} requests at once, refilled continuously at
 * {@code capacity} per {@code periodNanos}. Synchronised per bucket: contention is per
 * principal, and the critical section is a few arithmetic operations.
 */
final class TokenBucket {

    private final long capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefill;

    TokenBucket(long capacity, long periodNanos, long now) {
        this.capacity = capacity;
        this.tokensPerNano = (double) capacity / periodNanos;
        this.tokens = capacity;
        this.lastRefill = now;
    }

    /** Takes one token; returns 0 when granted, else the nanoseconds until one is available. */
    synchronized long take(long now) {
        tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    /** Nanoseconds until a token is available, taking none: 0 when one is. */
    synchronized long waitFor(long now) {
        tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
        lastRefill = now;
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    /**
     * Spends a token even when none is left, down to one period of debt: spending that was let
     * through in parallel before the bucket ran dry is paid back by waiting longer.
     */
    synchronized void charge(long now) {
        tokens = Math.max(-capacity, Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano) - 1);
        lastRefill = now;
    }

    /** Returns a token taken for something that turned out not to count (a login that succeeded). */
    synchronized void giveBack() {
        tokens = Math.min(capacity, tokens + 1);
    }

    /** Whether the bucket has refilled completely, so forgetting it changes nothing. */
    synchronized boolean full(long now) {
        return tokens + (now - lastRefill) * tokensPerNano >= capacity;
    }

    synchronized long remaining() {
        return (long) Math.floor(tokens);
    }

    long capacity() {
        return capacity;
    }
}
