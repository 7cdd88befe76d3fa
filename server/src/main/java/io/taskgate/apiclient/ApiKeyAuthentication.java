package io.taskgate.apiclient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.taskgate.identity.ApiKeyAuthenticator;
import io.taskgate.identity.Caller;
import io.taskgate.support.CredentialCache;
import io.taskgate.support.SecretHash;
import io.taskgate.web.ApiProblem;

/**
 * Checks an API key on every request, against its row as last read from the database: kept in
 * {@link CredentialCache} while the database announces every change to it, read again otherwise.
 * A revocation is refused by the very next request this process serves (and by other processes
 * as soon as the database's notice reaches them).
 */
@Component
class ApiKeyAuthentication implements ApiKeyAuthenticator {

    /** {@code lastUsedAt} is kept to this precision, so that busy keys do not write on every request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiKeys keys;
    private final CredentialCache kept;
    private final Clock clock;

    ApiKeyAuthentication(ApiKeys keys, CredentialCache kept, Clock clock) {
        this.keys = keys;
        this.kept = kept;
        this.clock = clock;
    }

    @Override
    public boolean recognises(String token) {
        return ApiKeySecret.parseKeyId(token).isPresent();
    }

    /**
     * Not transactional: one read, and now and then one write that stands alone. A transaction
     * would add a commit round trip to every request made with a key.
     */
    @Override
    public Optional<Caller.ApiClient> authenticate(String token, @Nullable String integrationName) {
        Optional<String> keyId = ApiKeySecret.parseKeyId(token);
        Optional<ApiKeys.Credential> found = keyId.flatMap(id -> kept.get(cacheKey(id), () -> keys.credential(id),
                credential -> new CredentialCache.Ties(credential.key().workspaceId(), null, null),
                ApiKeys.Credential::withoutLastUse));
        if (found.isEmpty() || !SecretHash.matches(token, found.get().secretHash())) {
            return Optional.empty();
        }
        ApiKeys.Credential credential = found.get();
        ApiKeys.ApiKey key = credential.key();
        Instant now = clock.instant();
        if (key.revokedAt() != null) {
            throw ApiProblem.unauthenticated("token_revoked", "This API key was revoked");
        }
        if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
            throw ApiProblem.unauthenticated("token_expired", "This API key has expired");
        }
        if (!credential.clientActive()) {
            throw ApiProblem.unauthenticated("client_disabled", "The API client of this key is disabled");
        }
        if (key.lastUsedAt() == null || key.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
            keys.touch(key.workspaceId(), key.id(), now);
            kept.<ApiKeys.Credential>update(cacheKey(key.id()), touched -> touched.usedAt(now));
        }
        return Optional.of(new Caller.ApiClient(key.apiClientId(), credential.clientName(), key.workspaceId(),
                key.id(), integrationName, new Caller.AccessVersion(key.workspaceId(), credential.accessVersion())));
    }

    private static String cacheKey(String keyId) {
        return "key:" + keyId;
    }
}
