package io.taskgate.access;

import java.util.Map;
import java.util.Optional;

/** The catalog of workspace permissions, held through the workspace role and custom roles. */
public enum WorkspacePermission {
  WORKSPACE_MANAGE("workspace.manage"),
  MEMBERS_MANAGE("members.manage"),
  API_CLIENTS_MANAGE("api_clients.manage"),
  TEAMS_MANAGE("teams.manage"),
  POSITIONS_MANAGE("positions.manage"),
  PROJECTS_CREATE("projects.create"),
  PROJECTS_READ_ALL("projects.read_all"),
  PROJECTS_MANAGE_ALL("projects.manage_all"),
  TASKS_EDIT_ALL("tasks.edit_all"),
  STAFF_TASKS_MANAGE("staff_tasks.manage"),
  AUDIT_READ("audit.read");

  private static final Map<String, WorkspacePermission> BY_KEY = Keys.index(values(), WorkspacePermission::key);

  private final String key;

  WorkspacePermission(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** Whether using this permission only reads: a {@code read} API client may use only these. */
  public boolean readOnly() {
    return this == AUDIT_READ || this == PROJECTS_READ_ALL;
  }

  /**
   * Whether this permission acts as an implicit role on every project of the workspace
   * ({@code projects.read_all}, {@code tasks.edit_all}, {@code projects.manage_all}): an API
   * client whose access level confines it to its member projects holds it only there.
   */
  public boolean projectWide() {
    return this == PROJECTS_READ_ALL || this == TASKS_EDIT_ALL || this == PROJECTS_MANAGE_ALL;
  }

  public static Optional<WorkspacePermission> fromKey(String key) {
    return Keys.find(BY_KEY, key);
  }
}
