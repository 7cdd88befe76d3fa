package io.taskgate.access;

import org.jspecify.annotations.Nullable;

/**
 * One fact that contributed to allowing a check.
 *
 * @param kind {@code project_role}, {@code workspace_permission}, {@code position_manager},
 *     {@code position_permission}, {@code creator} or {@code assignee}
 * @param role the project role key, for {@code project_role} grants (after the guest cap)
 * @param source where it comes from: {@code direct}, {@code team:<id>}, {@code implicit:public},
 *     {@code permission:tasks.edit_all}, {@code access_level:global}, {@code role:admin},
 *     {@code custom_role}
 * @param permission the workspace or position permission key
 * @param positionId the position, for position grants
 */
public record Grant(
    String kind,
    @Nullable String role,
    @Nullable String source,
    @Nullable String permission,
    @Nullable String positionId) {

  public static final String PROJECT_ROLE = "project_role";
  public static final String WORKSPACE_PERMISSION = "workspace_permission";
  public static final String POSITION_MANAGER = "position_manager";
  public static final String POSITION_PERMISSION = "position_permission";
  public static final String CREATOR = "creator";
  public static final String ASSIGNEE = "assignee";

  private static final Grant CREATOR_GRANT = new Grant(CREATOR, null, null, null, null);
  private static final Grant ASSIGNEE_GRANT = new Grant(ASSIGNEE, null, null, null, null);

  static Grant projectRole(ProjectRole role, String source) {
    return new Grant(PROJECT_ROLE, role.key(), source, null, null);
  }

  static Grant workspacePermission(PrincipalFacts principal, WorkspacePermission permission) {
    String source = principal.workspaceRole().permissions().contains(permission)
        ? principal.workspaceRole().grantSource()
        : "custom_role";
    return new Grant(WORKSPACE_PERMISSION, null, source, permission.key(), null);
  }

  static Grant positionManager(String positionId) {
    return new Grant(POSITION_MANAGER, null, null, null, positionId);
  }

  static Grant positionPermission(String positionId) {
    return new Grant(POSITION_PERMISSION, null, "custom_role", PositionPermission.SHIFT_EDIT.key(), positionId);
  }

  static Grant creator() {
    return CREATOR_GRANT;
  }

  static Grant assignee() {
    return ASSIGNEE_GRANT;
  }

  /** A human phrase, built on demand: {@code project role editor (team:t1)}. */
  public String description() {
    return switch (kind) {
      case PROJECT_ROLE -> "project role " + role + " (" + source + ")";
      case WORKSPACE_PERMISSION -> permission + " (" + source + ")";
      case POSITION_MANAGER -> "manager of position " + positionId;
      case POSITION_PERMISSION -> permission + " on position " + positionId + " (custom_role)";
      case CREATOR -> "creator of the task";
      case ASSIGNEE -> "assignee of the task";
      default -> kind;
    };
  }
}
