package io.taskgate.access;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The action of a check: the product's work-object actions plus every workspace permission used
 * as an action under its own name. An enum so that dispatch is a jump table and parsing a map hit.
 */
public enum Action {
  PROJECT_READ("project.read", false),
  PROJECT_UPDATE("project.update", true),
  PROJECT_DELETE("project.delete", true),
  PROJECT_MEMBERS_MANAGE("project.members.manage", true),
  LIST_CREATE("list.create", true),
  LIST_UPDATE("list.update", true),
  TASK_READ("task.read", false),
  TASK_CREATE("task.create", true),
  TASK_UPDATE("task.update", true),
  TASK_DELETE("task.delete", true),
  STAFF_TASK_CREATE("staff_task.create", true),
  MASTER_TASK_CREATE("master_task.create", true),
  WORKSPACE_MANAGE(WorkspacePermission.WORKSPACE_MANAGE),
  MEMBERS_MANAGE(WorkspacePermission.MEMBERS_MANAGE),
  API_CLIENTS_MANAGE(WorkspacePermission.API_CLIENTS_MANAGE),
  TEAMS_MANAGE(WorkspacePermission.TEAMS_MANAGE),
  POSITIONS_MANAGE(WorkspacePermission.POSITIONS_MANAGE),
  PROJECTS_CREATE(WorkspacePermission.PROJECTS_CREATE),
  PROJECTS_READ_ALL(WorkspacePermission.PROJECTS_READ_ALL),
  PROJECTS_MANAGE_ALL(WorkspacePermission.PROJECTS_MANAGE_ALL),
  TASKS_EDIT_ALL(WorkspacePermission.TASKS_EDIT_ALL),
  STAFF_TASKS_MANAGE(WorkspacePermission.STAFF_TASKS_MANAGE),
  AUDIT_READ(WorkspacePermission.AUDIT_READ);

  private static final Map<String, Action> BY_KEY = Keys.index(values(), Action::key);

  private final String key;
  private final boolean write;
  private final @Nullable WorkspacePermission permission;

  Action(String key, boolean write) {
    this.key = key;
    this.write = write;
    this.permission = null;
  }

  Action(WorkspacePermission permission) {
    this.key = permission.key();
    this.write = !permission.readOnly();
    this.permission = permission;
  }

  public String key() {
    return key;
  }

  /** Whether the action changes something; a {@code read} API client is denied every write. */
  public boolean isWrite() {
    return write;
  }

  /** The workspace permission this action checks, when it is one of the catalog's. */
  public Optional<WorkspacePermission> workspacePermission() {
    return Optional.ofNullable(permission);
  }

  @Nullable WorkspacePermission permissionOrNull() {
    return permission;
  }

  public static Action of(WorkspacePermission permission) {
    return valueOf(permission.name());
  }

  public static Optional<Action> parse(String key) {
    return Keys.find(BY_KEY, key);
  }
}
