package io.taskgate.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long MINUTE = 60_000_000_000L;

    @Test
    void failuresLetThroughInParallelAreChargedAsDebtAndPaidBackByWaiting() {
        TokenBucket bucket = new TokenBucket(3, MINUTE, 0);

        for (int i = 0; i < 10; i++) {
            bucket.charge(0); // ten failures answered before any of them was counted
        }

        assertThat(bucket.waitFor(0)).as("three spent, three owed: four tokens to wait for")
                .isEqualTo(4 * MINUTE / 3);
        assertThat(bucket.waitFor(4 * MINUTE / 3)).isZero();
    }

    @Test
    void aBucketIsFullOnceItHasRefilledAndOnlyThen() {
        TokenBucket bucket = new TokenBucket(3, MINUTE, 0);
        bucket.charge(0);

        assertThat(bucket.full(0)).isFalse();
        assertThat(bucket.full(MINUTE / 3)).isTrue();
    }
}
