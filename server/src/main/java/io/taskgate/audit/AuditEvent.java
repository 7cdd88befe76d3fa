package io.taskgate.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One recorded change: who (user or API client, and through which key and integration), did what, to what (in which project), when. */
public record AuditEvent(
        String id,
        Instant occurredAt,
        String actorType,
        String actorId,
        @Nullable String apiKeyId,
        @Nullable String integrationName,
        String action,
        String targetType,
        String targetId,
        @Nullable String details,
        /** The project the target is or lives in; null outside every project. */
        @Nullable String projectId) {
}
