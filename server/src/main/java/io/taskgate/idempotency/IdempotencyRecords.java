package io.taskgate.idempotency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of idempotency records. Each statement runs on its own (auto-commit): the claim must
 * be visible to concurrent retries before the request it guards has finished.
 */
@Repository
class IdempotencyRecords {

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Key(String workspaceId, String principalId, String key) {
    }

    /**
     * A claimed key; {@code status} is null while the first request is still running, {@code
     * claimId} marks the events of its changes (null for claims made before it did).
     */
    record Stored(String requestHash, @Nullable Integer status, @Nullable String contentType,
            @Nullable String location, @Nullable String etag, @Nullable String body, Instant createdAt,
            @Nullable String claimId) {
    }

    /** Claims the key for a request; false when another request holds it already. */
    boolean claim(Key key, String requestHash, Instant now, String claimId) {
        try {
            return jdbc.sql("""
                    insert into idempotency_record (workspace_id, principal_id, idempotency_key, request_hash,
                                                    created_at, claim_id)
                    values (:ws, :principal, :key, :hash, :at, :claim)
                    """)
                    .param("ws", key.workspaceId())
                    .param("principal", key.principalId())
                    .param("key", key.key())
                    .param("hash", requestHash)
                    .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .param("claim", claimId)
                    .update() == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    Optional<Stored> find(Key key) {
        return jdbc.sql("""
                select request_hash, status, content_type, location, etag, body, created_at, claim_id
                  from idempotency_record
                 where workspace_id = :ws and principal_id = :principal and idempotency_key = :key
                """)
                .param("ws", key.workspaceId())
                .param("principal", key.principalId())
                .param("key", key.key())
                .query((rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2, Integer.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8)))
                .optional();
    }

    void complete(Key key, int status, @Nullable String contentType, @Nullable String location,
            @Nullable String etag, String body) {
        jdbc.sql("""
                update idempotency_record set status = :status, content_type = :type, location = :location,
                       etag = :etag, body = :body
                 where workspace_id = :ws and principal_id = :principal and idempotency_key = :key
                """)
                .param("status", status)
                .param("type", contentType)
                .param("location", location)
                .param("etag", etag)
                .param("body", body)
                .param("ws", key.workspaceId())
                .param("principal", key.principalId())
                .param("key", key.key())
                .update();
    }

    void release(Key key) {
        jdbc.sql("""
                delete from idempotency_record
                 where workspace_id = :ws and principal_id = :principal and idempotency_key = :key
                """)
                .param("ws", key.workspaceId())
                .param("principal", key.principalId())
                .param("key", key.key())
                .update();
    }

    int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("delete from idempotency_record where created_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .update();
    }
}
