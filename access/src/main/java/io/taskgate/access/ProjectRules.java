package io.taskgate.access;

import static io.taskgate.access.ProjectRole.COLLABORATOR;
import static io.taskgate.access.ProjectRole.CREATOR;
import static io.taskgate.access.ProjectRole.EDITOR;
import static io.taskgate.access.ProjectRole.GUEST;
import static io.taskgate.access.ProjectRole.MANAGER;
import static io.taskgate.access.ProjectRole.strongest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Project and project-task checks: reach, effective project role, required role. */
final class ProjectRules {
  private static final String DIRECT = "direct";
  private static final String IMPLICIT_PUBLIC = "implicit:public";
  private static final String ACCESS_LEVEL_GLOBAL = "access_level:global";
  private static final String READ_ALL = "permission:" + WorkspacePermission.PROJECTS_READ_ALL.key();
  private static final String EDIT_ALL = "permission:" + WorkspacePermission.TASKS_EDIT_ALL.key();
  private static final String MANAGE_ALL = "permission:" + WorkspacePermission.PROJECTS_MANAGE_ALL.key();

  private ProjectRules() {}

  /** The actions that target a project itself (task.create of a project task included). */
  static boolean appliesToProject(Action action) {
    return switch (action) {
      case PROJECT_READ, PROJECT_UPDATE, PROJECT_DELETE, PROJECT_MEMBERS_MANAGE, LIST_CREATE, LIST_UPDATE,
          TASK_CREATE -> true;
      default -> false;
    };
  }

  static Decision decide(Check check, ProjectFacts project, @Nullable TaskResource task) {
    PrincipalFacts principal = check.principal;
    ProjectRole required = requiredRole(check.action, task, principal);
    ProjectRole effective = effectiveRole(principal, project);
    if (check.tracing()) {
      RoleTrace.explain(check, project, effective, required);
    }
    if (effective == null) {
      return check.deny(false, DenialReason.PROJECT_NOT_REACHED, required.requirement(), null);
    }
    if (check.action.isWrite() && principal.readOnly()) {
      return check.denyReadOnly(effective);
    }
    if (!effective.atLeast(required)) {
      return check.deny(true, DenialReason.PROJECT_ROLE_TOO_WEAK, required.requirement(), effective);
    }
    return check.allow(grants(principal, project, relationNeeded(check.action, task, effective, required), required),
        effective);
  }

  /**
   * The least project role that allows the action. Monotone in the role, so "allowed" is simply
   * "effective role at least this one". A task's creator and assignee need less than others.
   */
  static ProjectRole requiredRole(Action action, @Nullable TaskResource task, PrincipalFacts principal) {
    return switch (action) {
      case PROJECT_READ, TASK_READ -> GUEST;
      case TASK_CREATE -> CREATOR;
      case TASK_UPDATE -> {
        if (task != null && task.assignedTo(principal) && task.updateScope() == UpdateScope.STATUS_AND_BLOCKERS) {
          yield COLLABORATOR;
        }
        yield task != null && task.createdBy(principal) ? CREATOR : EDITOR;
      }
      case TASK_DELETE -> task != null && task.createdBy(principal) ? CREATOR : EDITOR;
      case LIST_CREATE, LIST_UPDATE -> EDITOR;
      // project.update, project.delete, project.members.manage; and the strictest for anything else.
      default -> MANAGER;
    };
  }

  /**
   * The strongest of the explicit (direct, team), implicit (public, workspace permissions) and
   * access-level roles, or null when the project is out of reach. Allocation-free: it runs on
   * every project check and, as the listing scope, defines what a principal sees.
   */
  static @Nullable ProjectRole effectiveRole(PrincipalFacts principal, ProjectFacts project) {
    ProjectRole role = explicitRole(principal, project);
    return switch (principal) {
      case UserFacts user -> {
        boolean licensed = user.workspaceRole().licensed();
        if (licensed && project.visibility() == Visibility.PUBLIC) {
          role = strongest(role, GUEST);
        }
        role = strongest(role, implicitRole(user));
        // A guest user can hold at most collaborator, whatever the source of the role.
        yield !licensed && role != null && role.atLeast(CREATOR) ? COLLABORATOR : role;
      }
      case ApiClientFacts client -> {
        if (client.accessLevel() == AccessLevel.GLOBAL) {
          role = strongest(role, globalRole(client));
        } else if (role == null) {
          yield null; // read and read_write clients reach only the projects they are members of
        }
        yield strongest(role, implicitRole(client));
      }
    };
  }

  static boolean isMember(PrincipalFacts principal, ProjectFacts project) {
    return explicitRole(principal, project) != null;
  }

  static @Nullable ProjectRole explicitRole(PrincipalFacts principal, ProjectFacts project) {
    ProjectRole role = project.directRole();
    for (Map.Entry<String, ProjectRole> team : project.teamRoles().entrySet()) {
      if (principal.teamIds().contains(team.getKey())) {
        role = strongest(role, team.getValue());
      }
    }
    return role;
  }

  static @Nullable ProjectRole implicitRole(PrincipalFacts principal) {
    if (principal.holds(WorkspacePermission.PROJECTS_MANAGE_ALL)) {
      return MANAGER;
    }
    if (principal.holds(WorkspacePermission.TASKS_EDIT_ALL)) {
      return EDITOR;
    }
    return principal.holds(WorkspacePermission.PROJECTS_READ_ALL) ? GUEST : null;
  }

  static ProjectRole globalRole(ApiClientFacts client) {
    WorkspaceRole role = client.workspaceRole();
    return role == WorkspaceRole.OWNER || role == WorkspaceRole.ADMIN ? MANAGER : EDITOR;
  }

  /**
   * Every source whose role alone suffices; for a member-only API client also the memberships,
   * since they are what brings the project within its reach.
   */
  private static List<Grant> grants(PrincipalFacts principal, ProjectFacts project, @Nullable Grant relation,
      ProjectRole required) {
    List<Grant> grants = new ArrayList<>(3);
    boolean capped = !principal.workspaceRole().licensed() && principal instanceof UserFacts;
    boolean membershipIsReach = principal instanceof ApiClientFacts client
        && client.accessLevel() != AccessLevel.GLOBAL;
    ProjectRole needed = membershipIsReach ? GUEST : required;
    add(grants, project.directRole(), DIRECT, needed, capped);
    for (Map.Entry<String, ProjectRole> team : project.teamRoles().entrySet()) {
      if (principal.teamIds().contains(team.getKey())) {
        add(grants, team.getValue(), "team:" + team.getKey(), needed, capped);
      }
    }
    if (principal instanceof ApiClientFacts client) {
      if (client.accessLevel() == AccessLevel.GLOBAL) {
        add(grants, globalRole(client), ACCESS_LEVEL_GLOBAL, required, false);
      }
    } else if (!capped && project.visibility() == Visibility.PUBLIC) {
      add(grants, GUEST, IMPLICIT_PUBLIC, required, false);
    }
    if (principal.holds(WorkspacePermission.PROJECTS_READ_ALL)) {
      add(grants, GUEST, READ_ALL, required, capped);
    }
    if (principal.holds(WorkspacePermission.TASKS_EDIT_ALL)) {
      add(grants, EDITOR, EDIT_ALL, required, capped);
    }
    if (principal.holds(WorkspacePermission.PROJECTS_MANAGE_ALL)) {
      add(grants, MANAGER, MANAGE_ALL, required, capped);
    }
    if (relation != null) {
      grants.add(relation);
    }
    return List.copyOf(grants);
  }

  /** The task relation (assignee, creator) counts only when the role alone would not be enough. */
  private static @Nullable Grant relationNeeded(Action action, @Nullable TaskResource task, ProjectRole effective,
      ProjectRole required) {
    if (task == null || effective.atLeast(EDITOR) || (action != Action.TASK_UPDATE && action != Action.TASK_DELETE)) {
      return null;
    }
    if (required == COLLABORATOR) {
      return Grant.assignee();
    }
    return required == CREATOR ? Grant.creator() : null;
  }

  private static void add(List<Grant> grants, @Nullable ProjectRole role, String source, ProjectRole needed,
      boolean capped) {
    if (role == null) {
      return;
    }
    ProjectRole held = capped && role.atLeast(CREATOR) ? COLLABORATOR : role;
    if (held.atLeast(needed)) {
      grants.add(Grant.projectRole(held, source));
    }
  }
}
