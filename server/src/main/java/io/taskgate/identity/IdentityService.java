package io.taskgate.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.support.CredentialCache;
import io.taskgate.support.Ids;
import io.taskgate.support.SecretHash;
import io.taskgate.web.ApiProblem;

/** Sign-up, login and logout of people, and resolution of their session tokens. */
@Service
public class IdentityService {

    static final String SESSION_TOKEN_PREFIX = "tgs_";

    private final Accounts accounts;
    private final Sessions sessions;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Duration sessionTtl;
    /** Compared against when the email is unknown, so a miss costs as much as a wrong password. */
    private final String decoyHash;
    private final ApplicationEventPublisher events;
    private final LoginThrottle loginThrottle;
    private final CredentialCache kept;

    IdentityService(Accounts accounts, Sessions sessions, PasswordEncoder passwords, Clock clock,
            @Value("${taskgate.session.ttl}") Duration sessionTtl, ApplicationEventPublisher events,
            LoginThrottle loginThrottle, CredentialCache kept) {
        this.events = events;
        this.loginThrottle = loginThrottle;
        this.kept = kept;
        this.accounts = accounts;
        this.sessions = sessions;
        this.passwords = passwords;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
        this.decoyHash = passwords.encode("decoy-password-for-timing");
    }

    public record SignedUp(String id, String email, String name) {
    }

    public record LoggedIn(String accessToken, Instant expiresAt, SignedUp user) {
    }

    /** Creates an account, or completes the one made when the person was invited to a workspace. */
    @Transactional
    public SignedUp signUp(String email, String name, String password) {
        // Counted in characters, not UTF-16 units (four emoji are not eight characters), and more
        // than spaces: the API and the console sign up through here alike.
        requireStrongEnough("password", password);
        String passwordHash = passwords.encode(password);
        Optional<Accounts.Account> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            Accounts.Account invited = existing.get();
            if (!invited.invited() || !accounts.claimInvited(invited.id(), name.trim(), passwordHash)) {
                throw emailTaken();
            }
            events.publishEvent(new InvitedAccountCompleted(invited.id()));
            return new SignedUp(invited.id(), invited.email(), name.trim());
        }
        var account = new Accounts.Account(Ids.next("usr", clock), email.trim(), name.trim(), passwordHash);
        if (!accounts.insert(account, clock.instant())) {
            throw emailTaken();
        }
        return new SignedUp(account.id(), account.email(), account.name());
    }

    /**
     * The account of the person with this email, creating an invited one when nobody has
     * signed up with it yet, so a workspace can add people before they register.
     */
    @Transactional
    public Accounts.Account findOrInvite(String email) {
        return accounts.findByEmail(email).orElseGet(() -> {
            String trimmed = email.trim();
            String name = trimmed.substring(0, Math.max(1, trimmed.indexOf('@')));
            var invited = new Accounts.Account(Ids.next("usr", clock), trimmed, name, null);
            if (!accounts.insert(invited, clock.instant())) {
                return accounts.findByEmail(email).orElseThrow();
            }
            return invited;
        });
    }

    private static ApiProblem emailTaken() {
        return ApiProblem.conflict("email_taken", "An account with this email already exists");
    }

    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD_BYTES = 72;

    @Transactional
    public LoggedIn logIn(String email, String password) {
        // Unknown emails spend a budget too, so a 429 tells nothing about which accounts exist.
        String attempted = Accounts.normalize(email);
        loginThrottle.attempt(attempted);
        Optional<Accounts.Account> account = accounts.findByEmail(email);
        String storedHash = account.map(Accounts.Account::passwordHash).orElse(null);
        // BCrypt reads 72 bytes: a longer password, which sign-up refuses, is never the one stored,
        // though its first 72 bytes may be (compared all the same, so it takes as long).
        boolean fits = password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
        boolean matches = passwords.matches(password, storedHash == null ? decoyHash : storedHash) && fits;
        if (storedHash == null || !matches) {
            throw ApiProblem.unauthenticated("invalid_credentials", "Email or password is wrong");
        }
        loginThrottle.succeeded(attempted);
        Accounts.Account user = account.get();
        // The comparison took a while: a password changed meanwhile ended every session, and this
        // one must not be opened after it with the old password.
        if (!storedHash.equals(accounts.lockPasswordHash(user.id()))) {
            throw ApiProblem.unauthenticated("invalid_credentials", "Email or password is wrong");
        }
        if (passwords.upgradeEncoding(storedHash)) {
            accounts.updatePasswordHash(user.id(), passwords.encode(password));
        }
        String token = SESSION_TOKEN_PREFIX + Ids.secret(32);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(sessionTtl);
        sessions.insert(SecretHash.of(token), user.id(), now, expiresAt);
        return new LoggedIn(token, expiresAt, new SignedUp(user.id(), user.email(), user.name()));
    }

    @Transactional
    public void logOut(String token) {
        sessions.revoke(SecretHash.of(token), clock.instant());
    }

    /** Ends every session of the person, the one asking included: a lost laptop, a shared computer. */
    @Transactional
    public void logOutEverywhere(Caller.User user) {
        kept.forgetWhenTransactionEnds(new CredentialCache.Change.User(user.id()));
        sessions.revokeAllOf(user.id(), null, clock.instant());
    }

    /**
     * Replaces the person's password, when the current one is given, and ends their other sessions:
     * whoever held one (with a guessed or stolen password) is out, while the device that changed
     * it stays signed in. A wrong current password spends the same failure budget as a login, so
     * a stolen session cannot be used to guess it faster.
     */
    @Transactional
    public void changePassword(Caller.User user, String sessionToken, String currentPassword, String newPassword) {
        String attempted = Accounts.normalize(user.email());
        loginThrottle.attempt(attempted);
        String storedHash = accounts.lockPasswordHash(user.id());
        boolean fits = currentPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
        if (storedHash == null || !(passwords.matches(currentPassword, storedHash) && fits)) {
            throw ApiProblem.invalid("currentPassword", "is not your current password");
        }
        loginThrottle.succeeded(attempted);
        requireStrongEnough("newPassword", newPassword);
        accounts.updatePasswordHash(user.id(), passwords.encode(newPassword));
        kept.forgetWhenTransactionEnds(new CredentialCache.Change.User(user.id()));
        sessions.revokeAllOf(user.id(), SecretHash.of(sessionToken), clock.instant());
    }

    /** Counted in characters, not UTF-16 units (four emoji are not eight characters), and more than spaces. */
    private static void requireStrongEnough(String field, String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD || password.isBlank()) {
            throw ApiProblem.invalid(field, "must be at least " + MIN_PASSWORD + " characters, not only spaces");
        }
    }

    /** The person behind a session token; 401 problems for an unknown, expired or ended session. */
    public Caller.User authenticateSession(String token, @Nullable String integrationName) {
        return authenticateSession(token, integrationName, null);
    }

    /** As {@link #authenticateSession(String, String)}, reading the access version of {@code workspaceId} with it. */
    public Caller.User authenticateSession(String token, @Nullable String integrationName,
            @Nullable String workspaceId) {
        String hash = SecretHash.of(token);
        Sessions.ActiveSession session = kept.get("session:" + hash + ":" + (workspaceId == null ? "" : workspaceId),
                        () -> sessions.find(hash, workspaceId), found -> ties(found, hash, workspaceId), found -> found)
                .orElseThrow(() -> ApiProblem.unauthenticated("invalid_token", "The access token is not valid"));
        if (session.revoked()) {
            throw ApiProblem.unauthenticated("token_revoked", "This session was ended; log in again");
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            throw ApiProblem.unauthenticated("token_expired", "This session has expired; log in again");
        }
        return new Caller.User(session.userId(), session.name(), session.email(), integrationName,
                workspaceId == null || session.accessVersion() == null ? null
                        : new Caller.AccessVersion(workspaceId, session.accessVersion()));
    }

    /** A session read for a workspace that does not exist is not kept: no notice would ever forget it. */
    private static CredentialCache.@Nullable Ties ties(Sessions.ActiveSession session, String hash,
            @Nullable String workspaceId) {
        if (workspaceId != null && session.accessVersion() == null) {
            return null;
        }
        return new CredentialCache.Ties(workspaceId, session.userId(), hash);
    }
}
