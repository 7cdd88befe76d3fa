package io.taskgate.access;

import java.util.Map;
import java.util.Optional;

/** What a task update touches: collaborators and staff assignees may change only status and blockers. */
public enum UpdateScope {
  ANY_FIELD("any_field"),
  STATUS_AND_BLOCKERS("status_and_blockers");

  private static final Map<String, UpdateScope> BY_KEY = Keys.index(values(), UpdateScope::key);

  private final String key;

  UpdateScope(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<UpdateScope> fromKey(String key) {
    return Keys.find(BY_KEY, key);
  }
}
