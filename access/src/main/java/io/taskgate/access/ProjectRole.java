package io.taskgate.access;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Project roles, weakest first; each includes everything the ones before it allow. */
public enum ProjectRole {
  GUEST("guest"),
  COLLABORATOR("collaborator"),
  CREATOR("creator"),
  EDITOR("editor"),
  MANAGER("manager");

  private static final Map<String, ProjectRole> BY_KEY = Keys.index(values(), ProjectRole::key);

  private final String key;
  // Precomputed: it is the requiredPermission of every role denial.
  private final String requirement;

  ProjectRole(String key) {
    this.key = key;
    this.requirement = "project role " + key;
  }

  public String key() {
    return key;
  }

  public boolean atLeast(ProjectRole other) {
    return ordinal() >= other.ordinal();
  }

  /** The requiredPermission text of a denial for lack of this role: {@code "project role creator"}. */
  public String requirement() {
    return requirement;
  }

  static @Nullable ProjectRole strongest(@Nullable ProjectRole a, @Nullable ProjectRole b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  public static Optional<ProjectRole> fromKey(String key) {
    return Keys.find(BY_KEY, key);
  }
}
