package io.taskgate.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A deliberately naive second reading of PRODUCT.md, to test {@link AccessPolicy} against. It
 * shares nothing with the core but the fact records: it lists every grant a principal holds as a
 * flat list, drops those that do not apply, and then asks whether ANY remaining grant is enough.
 * Written for obviousness, not speed.
 */
final class NaiveOracle {
  enum Outcome { ALLOWED, DENIED, HIDDEN }

  /** One way a principal holds a project role. */
  record RoleGrant(ProjectRole role, String source) {}

  private static final Set<String> READ_ACTIONS = Set.of("project.read", "task.read", "audit.read",
      "projects.read_all");
  private static final Set<String> ON_PROJECT = Set.of("project.read", "project.update", "project.delete",
      "project.members.manage", "list.create", "list.update", "task.create");
  private static final Set<String> ON_TASK = Set.of("task.read", "task.create", "task.update", "task.delete");

  private NaiveOracle() {}

  static Outcome check(PrincipalFacts p, Action action, Resource resource) {
    String a = action.key();
    if (!p.active()) {
      return Outcome.HIDDEN;
    }
    if (p instanceof ApiClientFacts c && c.credentialState() != CredentialState.ACTIVE) {
      return Outcome.HIDDEN;
    }
    Set<WorkspacePermission> perms = EnumSet.noneOf(WorkspacePermission.class);
    perms.addAll(p.workspaceRole().permissions());
    perms.addAll(p.customPermissions());
    boolean writes = !READ_ACTIONS.contains(a);
    boolean readOnlyClient = p instanceof ApiClientFacts c && c.accessLevel() == AccessLevel.READ;
    boolean writeBlocked = writes && readOnlyClient;

    if (resource instanceof WorkspaceResource) {
      WorkspacePermission needed = a.equals("staff_task.create")
          ? WorkspacePermission.STAFF_TASKS_MANAGE
          : WorkspacePermission.fromKey(a).orElse(null);
      if (needed == null) {
        return Outcome.HIDDEN;
      }
      // Its creator manages a project, and a guest user may be at most collaborator.
      boolean guestCreatingAProject = needed == WorkspacePermission.PROJECTS_CREATE
          && p instanceof UserFacts && p.workspaceRole() == WorkspaceRole.GUEST;
      // A read or read_write client reaches only its member projects: a project-wide permission
      // ("not widen that reach") does not hold across the workspace for it.
      boolean projectWide = needed == WorkspacePermission.PROJECTS_READ_ALL
          || needed == WorkspacePermission.TASKS_EDIT_ALL || needed == WorkspacePermission.PROJECTS_MANAGE_ALL;
      boolean confinedClient = p instanceof ApiClientFacts c && c.accessLevel() != AccessLevel.GLOBAL;
      return perms.contains(needed) && !writeBlocked && !guestCreatingAProject && !(projectWide && confinedClient)
          ? Outcome.ALLOWED : Outcome.DENIED;
    }
    if (resource instanceof PositionsResource positions) {
      if (!a.equals("master_task.create")) {
        return Outcome.HIDDEN;
      }
      boolean everyPosition = true;
      for (String id : positions.positionIds()) {
        boolean manages = p.managedPositionIds().contains(id);
        boolean shiftEdit = p.positionPermissions().containsKey(id)
            && p.positionPermissions().get(id).contains(PositionPermission.SHIFT_EDIT);
        everyPosition &= manages || shiftEdit;
      }
      boolean entitled = perms.contains(WorkspacePermission.POSITIONS_MANAGE) || everyPosition;
      return entitled && !writeBlocked ? Outcome.ALLOWED : Outcome.DENIED;
    }
    if (resource instanceof ProjectResource pr) {
      return ON_PROJECT.contains(a) ? projectCheck(p, perms, a, pr.project(), null, writeBlocked) : Outcome.HIDDEN;
    }
    TaskResource task = (TaskResource) resource;
    if (!ON_TASK.contains(a)) {
      return Outcome.HIDDEN;
    }
    boolean mine = task.creatorId().equals(p.id());
    boolean assignedToMe = p.id().equals(task.assigneeId());
    boolean statusOnly = task.updateScope() == UpdateScope.STATUS_AND_BLOCKERS;
    switch (task.type()) {
      case PRIVATE -> {
        if (!mine) {
          return Outcome.HIDDEN;
        }
        return writeBlocked ? Outcome.DENIED : Outcome.ALLOWED;
      }
      case STAFF -> {
        if (perms.contains(WorkspacePermission.STAFF_TASKS_MANAGE)) {
          return writeBlocked ? Outcome.DENIED : Outcome.ALLOWED;
        }
        if (a.equals("task.create")) {
          return Outcome.DENIED;
        }
        if (!assignedToMe) {
          return Outcome.HIDDEN;
        }
        boolean assigneeMay = a.equals("task.read") || (a.equals("task.update") && statusOnly);
        return assigneeMay && !writeBlocked ? Outcome.ALLOWED : Outcome.DENIED;
      }
      default -> {
        return projectCheck(p, perms, a, task.project(), task, writeBlocked);
      }
    }
  }

  private static Outcome projectCheck(PrincipalFacts p, Set<WorkspacePermission> perms, String a,
      ProjectFacts project, TaskResource task, boolean writeBlocked) {
    boolean client = p instanceof ApiClientFacts;
    AccessLevel level = client ? ((ApiClientFacts) p).accessLevel() : null;
    List<RoleGrant> grants = new ArrayList<>();
    if (project.directRole() != null) {
      grants.add(new RoleGrant(project.directRole(), "direct"));
    }
    for (String team : project.teamRoles().keySet()) {
      if (p.teamIds().contains(team)) {
        grants.add(new RoleGrant(project.teamRoles().get(team), "team"));
      }
    }
    boolean member = !grants.isEmpty();
    if (!client && p.workspaceRole() != WorkspaceRole.GUEST && project.visibility() == Visibility.PUBLIC) {
      grants.add(new RoleGrant(ProjectRole.GUEST, "public"));
    }
    if (level == AccessLevel.GLOBAL) {
      boolean ownerOrAdmin = p.workspaceRole() == WorkspaceRole.OWNER || p.workspaceRole() == WorkspaceRole.ADMIN;
      grants.add(new RoleGrant(ownerOrAdmin ? ProjectRole.MANAGER : ProjectRole.EDITOR, "global"));
    }
    if (perms.contains(WorkspacePermission.PROJECTS_READ_ALL)) {
      grants.add(new RoleGrant(ProjectRole.GUEST, "read_all"));
    }
    if (perms.contains(WorkspacePermission.TASKS_EDIT_ALL)) {
      grants.add(new RoleGrant(ProjectRole.EDITOR, "edit_all"));
    }
    if (perms.contains(WorkspacePermission.PROJECTS_MANAGE_ALL)) {
      grants.add(new RoleGrant(ProjectRole.MANAGER, "manage_all"));
    }
    boolean reaches = !client || level == AccessLevel.GLOBAL || member;
    if (!reaches) {
      grants.clear();
    }
    if (!client && p.workspaceRole() == WorkspaceRole.GUEST) {
      grants.replaceAll(g -> g.role().compareTo(ProjectRole.COLLABORATOR) > 0
          ? new RoleGrant(ProjectRole.COLLABORATOR, g.source())
          : g);
    }
    if (grants.isEmpty()) {
      return Outcome.HIDDEN;
    }
    if (writeBlocked) {
      return Outcome.DENIED;
    }
    boolean mine = task != null && task.creatorId().equals(p.id());
    boolean assignedStatusOnly = task != null && p.id().equals(task.assigneeId())
        && task.updateScope() == UpdateScope.STATUS_AND_BLOCKERS;
    boolean allowed = switch (a) {
      case "project.read", "task.read" -> any(grants, ProjectRole.GUEST);
      case "task.create" -> any(grants, ProjectRole.CREATOR);
      case "task.update" -> any(grants, ProjectRole.EDITOR) || (mine && any(grants, ProjectRole.CREATOR))
          || (assignedStatusOnly && any(grants, ProjectRole.COLLABORATOR));
      case "task.delete" -> any(grants, ProjectRole.EDITOR) || (mine && any(grants, ProjectRole.CREATOR));
      case "list.create", "list.update" -> any(grants, ProjectRole.EDITOR);
      case "project.update", "project.delete", "project.members.manage" -> any(grants, ProjectRole.MANAGER);
      default -> false;
    };
    return allowed ? Outcome.ALLOWED : Outcome.DENIED;
  }

  private static boolean any(List<RoleGrant> grants, ProjectRole atLeast) {
    for (RoleGrant grant : grants) {
      if (grant.role().compareTo(atLeast) >= 0) {
        return true;
      }
    }
    return false;
  }
}
