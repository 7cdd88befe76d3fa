package io.taskgate.mastertask;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A master task as stored: a reusable task template for positions, soft-deleted when {@code deletedAt} is set. */
public record MasterTask(String workspaceId, String id, String name, List<String> positionIds, String description,
        String color, boolean favorite, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
        @Nullable String deletedBy, @Nullable Instant deletedAt, long version) {

    MasterTask withPositions(List<String> ids) {
        return new MasterTask(workspaceId, id, name, ids, description, color, favorite, createdBy, createdAt,
                updatedBy, updatedAt, deletedBy, deletedAt, version);
    }
}
