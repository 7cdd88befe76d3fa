package io.taskgate.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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
     * ({@code 2026-12-01T17:00:00Z}), or a date alone, meaning its midnight UTC; empty otherwise,
     * and for a year outside 0001–9999, which RFC 3339 cannot write and strict parsers refuse.
     * Digits past the microsecond are dropped here, as the database would drop them on storing:
     * the instant answered at once is then the one read back later (the database rounds where
     * this truncates, which could even carry into the next second).
     */
    public static Optional<Instant> parse(String value) {
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                parsed = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
        return parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST) ? Optional.empty()
                : Optional.of(parsed.truncatedTo(ChronoUnit.MICROS));
    }

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
}
