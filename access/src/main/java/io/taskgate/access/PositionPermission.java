package io.taskgate.access;

import java.util.Map;
import java.util.Optional;

/** Permissions a custom role grants on one position. */
public enum PositionPermission {
  SHIFT_EDIT("shift.edit");

  private static final Map<String, PositionPermission> BY_KEY = Keys.index(values(), PositionPermission::key);

  private final String key;

  PositionPermission(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<PositionPermission> fromKey(String key) {
    return Keys.find(BY_KEY, key);
  }
}
