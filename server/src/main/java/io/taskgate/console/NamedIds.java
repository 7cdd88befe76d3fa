package io.taskgate.console;

import java.util.Comparator;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The server's sentences as a person reads them: the decision core and the API name positions and
 * master tasks by id ("position pos_01…"), which is what a client needs; a page replaces each id
 * it knows by the name, quoted ("position “Cook”"). As {@code ${@ids.named(text, names)}} in a page.
 */
@Component("ids")
public class NamedIds {

    NamedIds() {
    }

    /** {@code text} with each id of {@code names} replaced by its name; an id it does not know stays. */
    public static String named(String text, Map<String, String> names) {
        String named = text;
        // Longest first, so an id is never cut short by another that happens to begin it.
        for (var entry : names.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .toList()) {
            if (!entry.getKey().isEmpty()) {
                named = named.replace(entry.getKey(), "“" + entry.getValue() + "”");
            }
        }
        return named;
    }
}
