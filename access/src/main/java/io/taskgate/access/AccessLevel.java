package io.taskgate.access;

import java.util.Map;
import java.util.Optional;

/** How far an API client reaches: {@code read} and {@code read_write} only its member projects, {@code global} every project. */
public enum AccessLevel {
  READ("read"),
  READ_WRITE("read_write"),
  GLOBAL("global");

  private static final Map<String, AccessLevel> BY_KEY = Keys.index(values(), AccessLevel::key);

  private final String key;

  AccessLevel(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<AccessLevel> fromKey(String key) {
    return Keys.find(BY_KEY, key);
  }
}
