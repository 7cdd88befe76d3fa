package io.taskgate.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BucketsTest {

    @Test
    void aCrowdedMapForgetsRefilledBucketsButNeverOneStillInDebt() {
        Buckets buckets = new Buckets(3);
        buckets.of("attacker", 0).charge(0);
        for (int i = 0; i <= 100_000; i++) {
            buckets.of("address-" + i, 0);
        }

        buckets.of("one more", 0);

        assertThat(buckets.existing("attacker")).as("still paying back: kept").isNotNull();
        assertThat(buckets.existing("address-7")).as("full: forgetting it changes nothing").isNull();
    }
}
