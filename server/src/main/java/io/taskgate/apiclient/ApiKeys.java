package io.taskgate.apiclient;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.support.CredentialCache;
import io.taskgate.support.Timestamps;

/** The SQL of API keys. Only the SHA-256 of a key's secret is ever stored. */
@Repository
class ApiKeys {

    private final JdbcClient jdbc;
    private final CredentialCache credentials;

    ApiKeys(JdbcClient jdbc, CredentialCache credentials) {
        this.jdbc = jdbc;
        this.credentials = credentials;
    }

    record ApiKey(String workspaceId, String id, String apiClientId, @Nullable String name, Instant createdAt,
            String createdBy, @Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {
    }

    /**
     * What authenticating a request needs, in one row: the key, its hash, its client, and the
     * access version of their workspace at the moment it was read.
     */
    record Credential(ApiKey key, String secretHash, String clientName, boolean clientActive, long accessVersion) {

        /** What decides a request: all but the last-use time, which is bookkeeping. */
        Credential withoutLastUse() {
            return usedAt(null);
        }

        Credential usedAt(@Nullable Instant at) {
            ApiKey k = key;
            return new Credential(new ApiKey(k.workspaceId(), k.id(), k.apiClientId(), k.name(), k.createdAt(),
                    k.createdBy(), k.expiresAt(), k.revokedAt(), at), secretHash, clientName, clientActive,
                    accessVersion);
        }
    }

    void insert(ApiKey key, String secretHash) {
        jdbc.sql("""
                insert into api_key (workspace_id, id, api_client_id, name, secret_hash, created_at, created_by,
                                     expires_at)
                values (:ws, :id, :clientId, :name, :hash, :at, :by, :expiresAt)
                """)
                .param("ws", key.workspaceId())
                .param("id", key.id())
                .param("clientId", key.apiClientId())
                .param("name", key.name())
                .param("hash", secretHash)
                .param("at", Timestamps.utc(key.createdAt()))
                .param("by", key.createdBy())
                .param("expiresAt", Timestamps.utc(key.expiresAt()))
                .update();
    }

    private static final String SELECT = """
            select k.workspace_id, k.id, k.api_client_id, k.name, k.created_at, k.created_by, k.expires_at,
                   k.revoked_at, k.last_used_at
              from api_key k
            """;

    List<ApiKey> list(String workspaceId, String clientId) {
        return jdbc.sql(SELECT + " where k.workspace_id = :ws and k.api_client_id = :clientId order by k.id")
                .param("ws", workspaceId)
                .param("clientId", clientId)
                .query(ApiKeys::row)
                .list();
    }

    Optional<ApiKey> find(String workspaceId, String clientId, String keyId) {
        return jdbc.sql(SELECT + " where k.workspace_id = :ws and k.api_client_id = :clientId and k.id = :id")
                .param("ws", workspaceId)
                .param("clientId", clientId)
                .param("id", keyId)
                .query(ApiKeys::row)
                .optional();
    }

    /** Looked up by key id alone: the id is globally unique and travels inside the secret. */
    Optional<Credential> credential(String keyId) {
        return jdbc.sql("""
                select k.workspace_id, k.id, k.api_client_id, k.name, k.created_at, k.created_by, k.expires_at,
                       k.revoked_at, k.last_used_at, k.secret_hash, c.name, c.active, w.access_version
                  from api_key k
                  join api_client c on c.workspace_id = k.workspace_id and c.id = k.api_client_id
                  join workspace w on w.workspace_id = k.workspace_id
                 where k.id = :id
                """)
                .param("id", keyId)
                .query((rs, n) -> new Credential(row(rs, n), rs.getString(10), rs.getString(11), rs.getBoolean(12),
                        rs.getLong(13)))
                .optional();
    }

    boolean revoke(String workspaceId, String keyId, Instant at) {
        credentials.forgetWhenTransactionEnds(new CredentialCache.Change.Workspace(workspaceId));
        return jdbc.sql("update api_key set revoked_at = :at where workspace_id = :ws and id = :id and revoked_at is null")
                .param("at", Timestamps.utc(at))
                .param("ws", workspaceId)
                .param("id", keyId)
                .update() == 1;
    }

    void touch(String workspaceId, String keyId, Instant at) {
        jdbc.sql("update api_key set last_used_at = :at where workspace_id = :ws and id = :id")
                .param("at", Timestamps.utc(at))
                .param("ws", workspaceId)
                .param("id", keyId)
                .update();
    }

    private static ApiKey row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new ApiKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Timestamps.instant(rs, 5),
                rs.getString(6), Timestamps.instant(rs, 7), Timestamps.instant(rs, 8), Timestamps.instant(rs, 9));
    }
}
