package io.taskgate.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks decided by workspace-level facts alone: workspace permissions and position entitlements.
 * A project-wide permission ({@link WorkspacePermission#projectWide}) counts as held only by a principal whose reach
 * is the whole workspace: an API client of level {@code read} or {@code read_write} holds it only
 * within its member projects (PRODUCT.md: it does "not widen that reach"), so asked as a workspace
 * action it is denied. That is what keeps such a client from granting the permission, or a global
 * client's reach, to another principal, and through it to itself.
 */
final class WorkspaceRules {
  private WorkspaceRules() {}

  /** A workspace permission used as an action, or staff_task.create (which needs staff_tasks.manage). */
  static Decision decide(Check check) {
    WorkspacePermission needed = check.action == Action.STAFF_TASK_CREATE
        ? WorkspacePermission.STAFF_TASKS_MANAGE
        : check.action.permissionOrNull();
    if (needed == null) {
      return check.unsupported();
    }
    PrincipalFacts principal = check.principal;
    if (needed == WorkspacePermission.PROJECTS_CREATE && isGuestUser(principal)) {
      return check.deny(true, DenialReason.GUEST_USER, needed.key(), null);
    }
    if (!principal.holds(needed)) {
      return check.deny(true, DenialReason.MISSING_PERMISSION, needed.key(), null);
    }
    if (needed.projectWide() && reachLimited(principal)) {
      return check.deny(true, DenialReason.BEYOND_REACH, GLOBAL_REQUIRED, null);
    }
    if (check.action.isWrite() && principal.readOnly()) {
      return check.denyReadOnly(null);
    }
    return check.allow(List.of(Grant.workspacePermission(principal, needed)), null);
  }

  static final String GLOBAL_REQUIRED = "access level global";

  /** An API client that reaches only the projects it (or a team of it) is a member of. */
  static boolean reachLimited(PrincipalFacts principal) {
    return principal instanceof ApiClientFacts client && client.accessLevel() != AccessLevel.GLOBAL;
  }

  static boolean isGuestUser(PrincipalFacts principal) {
    return principal instanceof UserFacts && !principal.workspaceRole().licensed();
  }

  /** master_task.create: entitled on EVERY requested position, or positions.manage. */
  static Decision masterTask(Check check, PositionsResource positions) {
    if (check.action != Action.MASTER_TASK_CREATE) {
      return check.unsupported();
    }
    PrincipalFacts principal = check.principal;
    if (principal.holds(WorkspacePermission.POSITIONS_MANAGE)) {
      if (principal.readOnly()) {
        return check.denyReadOnly(null);
      }
      return check.allow(List.of(Grant.workspacePermission(principal, WorkspacePermission.POSITIONS_MANAGE)), null);
    }
    List<Grant> grants = new ArrayList<>(positions.positionIds().size());
    List<String> lacking = null;
    for (String positionId : positions.positionIds()) {
      Grant entitlement = entitlementOn(principal, positionId);
      if (entitlement != null) {
        grants.add(entitlement);
      } else {
        if (lacking == null) {
          lacking = new ArrayList<>();
        }
        lacking.add(positionId);
      }
    }
    if (lacking != null) {
      return check.denyPositions(lacking);
    }
    if (principal.readOnly()) {
      return check.denyReadOnly(null);
    }
    return check.allow(List.copyOf(grants), null);
  }

  /** What entitles the principal on one position (managing it, or shift.edit on it), if anything. */
  static @Nullable Grant entitlementOn(PrincipalFacts principal, String positionId) {
    if (principal.managedPositionIds().contains(positionId)) {
      return Grant.positionManager(positionId);
    }
    Set<PositionPermission> held = principal.positionPermissions().get(positionId);
    return held != null && held.contains(PositionPermission.SHIFT_EDIT) ? Grant.positionPermission(positionId) : null;
  }
}
