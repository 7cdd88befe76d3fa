package io.taskgate.access;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The built-in workspace roles; custom roles add permissions on top of one of these. */
public enum WorkspaceRole {
  OWNER("owner", EnumSet.allOf(WorkspacePermission.class)),
  ADMIN("admin", EnumSet.complementOf(EnumSet.of(WorkspacePermission.WORKSPACE_MANAGE))),
  MEMBER("member", EnumSet.of(WorkspacePermission.PROJECTS_CREATE)),
  GUEST("guest", EnumSet.noneOf(WorkspacePermission.class));

  private static final Map<String, WorkspaceRole> BY_KEY = Keys.index(values(), WorkspaceRole::key);

  private final String key;
  private final Set<WorkspacePermission> permissions;
  // Precomputed because it is a grant's source on the hot path.
  private final String grantSource;

  WorkspaceRole(String key, EnumSet<WorkspacePermission> permissions) {
    this.key = key;
    this.permissions = Collections.unmodifiableSet(permissions);
    this.grantSource = "role:" + key;
  }

  public String key() {
    return key;
  }

  public Set<WorkspacePermission> permissions() {
    return permissions;
  }

  /** Owner, admin and member are licensed; a guest is not (no implicit reach, capped project role). */
  public boolean licensed() {
    return this != GUEST;
  }

  String grantSource() {
    return grantSource;
  }

  public static Optional<WorkspaceRole> fromKey(String key) {
    return Keys.find(BY_KEY, key);
  }
}
