package io.taskgate.access;

import java.util.Map;
import java.util.Optional;

/** State of the credential the request authenticated with; a user's session is always {@code ACTIVE} here. */
public enum CredentialState {
  ACTIVE("active"),
  REVOKED("revoked"),
  EXPIRED("expired");

  private static final Map<String, CredentialState> BY_KEY = Keys.index(values(), CredentialState::key);

  private final String key;

  CredentialState(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<CredentialState> fromKey(String key) {
    return Keys.find(BY_KEY, key);
  }
}
