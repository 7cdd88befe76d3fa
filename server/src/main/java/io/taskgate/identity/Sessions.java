package io.taskgate.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.support.CredentialCache;

/** The SQL of login sessions, found by the SHA-256 of their token. */
@Repository
class Sessions {

    private final JdbcClient jdbc;
    private final CredentialCache credentials;

    Sessions(JdbcClient jdbc, CredentialCache credentials) {
        this.jdbc = jdbc;
        this.credentials = credentials;
    }

    /** {@code accessVersion}: of the workspace asked for with the session, null when none was or it does not exist. */
    record ActiveSession(String userId, String email, String name, Instant expiresAt, boolean revoked,
            @Nullable Long accessVersion) {
    }

    void insert(String tokenHash, String userId, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                insert into user_session (token_hash, user_id, created_at, expires_at)
                values (:hash, :userId, :createdAt, :expiresAt)
                """)
                .param("hash", tokenHash)
                .param("userId", userId)
                .param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .param("expiresAt", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .update();
    }

    /** The session, with the access version of {@code workspaceId} read in the same statement. */
    Optional<ActiveSession> find(String tokenHash, @Nullable String workspaceId) {
        return jdbc.sql("""
                select s.user_id, a.email, a.name, s.expires_at, s.revoked_at, w.access_version
                  from user_session s join user_account a on a.id = s.user_id
                  left join workspace w on w.workspace_id = :ws
                 where s.token_hash = :hash
                """)
                .param("hash", tokenHash)
                .param("ws", workspaceId)
                .query((rs, n) -> new ActiveSession(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5) != null,
                        rs.getObject(6, Long.class)))
                .optional();
    }

    /** Ends every open session of the user but {@code keptHash}'s (none when null). */
    void revokeAllOf(String userId, @Nullable String keptHash, Instant at) {
        jdbc.sql("""
                update user_session set revoked_at = :at
                 where user_id = :userId and revoked_at is null and expires_at > :at
                   and token_hash <> coalesce(:kept, '')
                """)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("userId", userId)
                .param("kept", keptHash)
                .update();
    }

    void revoke(String tokenHash, Instant at) {
        credentials.forgetWhenTransactionEnds(new CredentialCache.Change.Session(tokenHash));
        jdbc.sql("update user_session set revoked_at = :at where token_hash = :hash and revoked_at is null")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("hash", tokenHash)
                .update();
    }
}
