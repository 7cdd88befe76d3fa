package io.taskgate.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * Instants to and from SQL. Both drivers (H2 and pgjdbc) map {@code timestamp with time zone}
 * to {@link OffsetDateTime} reliably, so every store goes through these two conversions.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** A parameter for a {@code timestamp with time zone} column, in UTC. */
    public static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A {@code timestamp with time zone} column of the current row, or null. */
    public static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
