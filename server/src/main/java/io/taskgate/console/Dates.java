package io.taskgate.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** How pages show instants and ids, as {@code ${@dates.at(…)}}: UTC to the minute, long ids abbreviated. */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    Dates() {
    }

    public String at(@Nullable Instant instant) {
        return instant == null ? "never" : MINUTE.format(instant);
    }

    public String day(@Nullable Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** A due date as a card shows it: the day, and the time when it is not midnight UTC. */
    public String due(@Nullable Instant instant) {
        return instant == null ? "" : atMidnight(instant) ? DAY.format(instant) : MINUTE.format(instant);
    }

    /**
     * A due date as the edit form holds it, for the API to read back unchanged: the day alone when
     * it is midnight UTC (as a day sent alone is stored), else the full ISO-8601 instant.
     */
    static String dueField(@Nullable Instant instant) {
        return instant == null ? "" : atMidnight(instant) ? DAY.format(instant) : instant.toString();
    }

    private static boolean atMidnight(Instant instant) {
        return instant.equals(instant.truncatedTo(ChronoUnit.DAYS));
    }

    public String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** A long opaque id as a table cell shows it, {@code key_…m4ajg7}; the page keeps the full id in a title. */
    public String brief(@Nullable String id) {
        if (id == null) {
            return "";
        }
        int kind = id.indexOf('_');
        return id.length() <= 16 || kind < 0 ? id : id.substring(0, kind + 1) + "…" + id.substring(id.length() - 6);
    }
}
