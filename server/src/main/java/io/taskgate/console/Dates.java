package io.taskgate.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** How pages show instants, as {@code ${@dates.at(…)}}: UTC, to the minute, as the API stores them. */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    Dates() {
    }

    public String at(@Nullable Instant instant) {
        return instant == null ? "never" : MINUTE.format(instant);
    }

    public String day(@Nullable Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }
}
