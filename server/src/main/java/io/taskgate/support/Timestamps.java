package io.taskgate.support;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * "Now" at the precision the database keeps (microseconds, in H2 and PostgreSQL alike), so the
 * answer to a create carries the same {@code createdAt} as every later read of the object.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
