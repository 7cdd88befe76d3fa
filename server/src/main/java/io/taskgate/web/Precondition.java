package io.taskgate.web;

import java.util.Set;

/**
 * What an {@code If-Match} asked: the versions it named, any one of which may be the current one.
 * A change goes ahead only from one of them; {@link Versions#ifMatch} reads it from the header.
 */
public record Precondition(Set<Long> versions) {

    public Precondition {
        versions = Set.copyOf(versions);
    }

    public boolean allows(long current) {
        return versions.contains(current);
    }
}
