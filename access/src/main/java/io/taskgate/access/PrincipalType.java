package io.taskgate.access;

import java.util.Map;
import java.util.Optional;

/** Who acts: a person or a machine, both first-class. */
public enum PrincipalType {
  USER("user"),
  API_CLIENT("api_client");

  private static final Map<String, PrincipalType> BY_KEY = Keys.index(values(), PrincipalType::key);

  private final String key;

  PrincipalType(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<PrincipalType> fromKey(String key) {
    return Keys.find(BY_KEY, key);
  }
}
