package io.taskgate.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.support.AccessFactChanges;
import io.taskgate.support.CredentialCache;

/** The SQL of user accounts: global identities, shared by every workspace a person joins. */
@Repository
public class Accounts {

    private final JdbcClient jdbc;
    private final AccessFactChanges accessFacts;
    private final CredentialCache credentials;

    Accounts(JdbcClient jdbc, AccessFactChanges accessFacts, CredentialCache credentials) {
        this.accessFacts = accessFacts;
        this.jdbc = jdbc;
        this.credentials = credentials;
    }

    /** A person's account; {@code passwordHash} is null while they are invited but not signed up. */
    public record Account(String id, String email, String name, @Nullable String passwordHash) {

        public boolean invited() {
            return passwordHash == null;
        }
    }

    static String normalize(String email) {
        // One form for what reads the same: a composed é and e + accent, fullwidth letters, the
        // Kelvin sign (which lower-casing alone already folded to k) are one address, not two.
        return java.text.Normalizer.normalize(email.trim(), java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Inserts the account, or answers false when the email is taken. */
    boolean insert(Account account, Instant createdAt) {
        try {
            return insertRow(account, createdAt);
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    private boolean insertRow(Account account, Instant createdAt) {
        int inserted = jdbc.sql("""
                insert into user_account (id, email, email_normalized, name, password_hash, created_at)
                select :id, :email, :normalized, :name, :hash, :createdAt
                where not exists (select 1 from user_account where email_normalized = :normalized)
                """)
                .param("id", account.id())
                .param("email", account.email())
                .param("normalized", normalize(account.email()))
                .param("name", account.name())
                .param("hash", account.passwordHash())
                .param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .update();
        return inserted == 1;
    }

    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("select id, email, name, password_hash from user_account where email_normalized = :email")
                .param("email", normalize(email))
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    public Optional<Account> findById(String id) {
        return jdbc.sql("select id, email, name, password_hash from user_account where id = :id")
                .param("id", id)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Completes an invited account at sign-up; false if someone else completed it first. */
    boolean claimInvited(String id, String name, String passwordHash) {
        // The name is part of the user's facts in each workspace (explanations quote it). Locking
        // the account first makes a concurrent "add to a workspace" (whose foreign key shares the
        // row) either finish before the workspaces are read, or wait until this commits.
        jdbc.sql("select id from user_account where id = :id for update").param("id", id).query(String.class)
                .optional();
        accessFacts.ofUser(id);
        credentials.forgetWhenTransactionEnds(new CredentialCache.Change.User(id));
        return jdbc.sql("update user_account set name = :name, password_hash = :hash where id = :id and password_hash is null")
                .param("name", name)
                .param("hash", passwordHash)
                .param("id", id)
                .update() == 1;
    }

    /**
     * The stored password hash, the account's row locked until the transaction ends: a login and
     * a password change of one person take turns, so no session opened with the old password
     * outlives the change.
     */
    @Nullable String lockPasswordHash(String userId) {
        return jdbc.sql("select password_hash from user_account where id = :id for update")
                .param("id", userId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    void updatePasswordHash(String userId, String passwordHash) {
        jdbc.sql("update user_account set password_hash = :hash where id = :id")
                .param("hash", passwordHash)
                .param("id", userId)
                .update();
    }
}
