package io.taskgate.access;

import java.util.Map;
import java.util.Optional;

/** A project's visibility: public projects are readable by every licensed user of the workspace. */
public enum Visibility {
  PUBLIC("public"),
  PRIVATE("private");

  private static final Map<String, Visibility> BY_KEY = Keys.index(values(), Visibility::key);

  private final String key;

  Visibility(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<Visibility> fromKey(String key) {
    return Keys.find(BY_KEY, key);
  }
}
