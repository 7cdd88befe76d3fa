package io.taskgate.identity;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Resolves an API key presented as a bearer token. Implemented by the api-client feature, so
 * that identity authenticates every request without reaching into how keys are stored.
 */
public interface ApiKeyAuthenticator {

    /** Whether the token has the shape of an API key (as opposed to a session token). */
    boolean recognises(String token);

    /**
     * The client behind the key, or empty when the key is unknown; a revoked or expired key
     * throws the 401 problem that says so.
     */
    Optional<Caller.ApiClient> authenticate(String token, @Nullable String integrationName);
}
