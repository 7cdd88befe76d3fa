package io.taskgate.access;

import java.util.Map;
import java.util.Optional;

/** The three kinds of task, each governed by its own rule. */
public enum TaskType {
  PRIVATE("private"),
  PROJECT("project"),
  STAFF("staff");

  private static final Map<String, TaskType> BY_KEY = Keys.index(values(), TaskType::key);

  private final String key;

  TaskType(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<TaskType> fromKey(String key) {
    return Keys.find(BY_KEY, key);
  }
}
