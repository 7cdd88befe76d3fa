package io.taskgate.apiclient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.taskgate.identity.ApiKeyAuthenticator;
import io.taskgate.identity.Caller;
import io.taskgate.support.SecretHash;
import io.taskgate.web.ApiProblem;

/**
 * Checks an API key on every request, straight from the database: a revocation is refused by
 * the very next request, with no cache to wait out.
 */
@Component
class ApiKeyAuthentication implements ApiKeyAuthenticator {

    /** {@code lastUsedAt} is kept to this precision, so that busy keys do not write on every request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiKeys keys;
    private final Clock clock;

    ApiKeyAuthentication(ApiKeys keys, Clock clock) {
        this.keys = keys;
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
        Optional<ApiKeys.Credential> found = keyId.flatMap(keys::credential);
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
        }
        return Optional.of(new Caller.ApiClient(key.apiClientId(), credential.clientName(), key.workspaceId(),
                key.id(), integrationName, new Caller.AccessVersion(key.workspaceId(), credential.accessVersion())));
    }
}
