package io.taskgate.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Instants to and from SQL, and from clients' text. Both drivers (H2 and pgjdbc) map {@code
 * timestamp with time zone} to {@link OffsetDateTime} reliably, so every store goes through these
 * two conversions; every date a client sends is read by {@link #parse}.
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

    /**
     * An ISO-8601 instant as clients write one: a date-time with its offset
     * ({@code 2026-12-01T17:00:00Z}), or a date alone, meaning its midnight UTC; empty otherwise.
     */
    public static Optional<Instant> parse(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notDateTime) {
            try {
                return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
