package io.taskgate.access;

import io.taskgate.access.Change.Situation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds remedies by simulation: propose the changes an administrator could make, apply each to the
 * facts, decide again, and keep only those that allow. Candidates come in groups of alternatives,
 * weakest first, and only the weakest that works in each group is offered (least privilege). When
 * two changes are needed together (a disabled client that also lacks a role), pairs drawn from two
 * groups are tried as well, each offered as one {@code all_of} remedy. Runs only when a denial's
 * remedies are asked for, never on the request path.
 */
final class Remedies {
  // The implicit project roles, weakest first: read_all → guest, edit_all → editor, manage_all → manager.
  private static final List<WorkspacePermission> PROJECT_WIDE = List.of(WorkspacePermission.PROJECTS_READ_ALL,
      WorkspacePermission.TASKS_EDIT_ALL, WorkspacePermission.PROJECTS_MANAGE_ALL);

  private Remedies() {}

  static List<Remedy> find(PrincipalFacts principal, Action action, Resource resource) {
    Situation original = new Situation(principal, resource);
    List<List<Change>> groups = candidates(principal, action, resource);
    List<Remedy> remedies = new ArrayList<>();
    List<List<Change>> insufficientAlone = new ArrayList<>();
    for (List<Change> group : groups) {
      List<Change> insufficient = new ArrayList<>();
      boolean offered = false;
      for (Change change : group) {
        if (allows(change.apply(original), action)) {
          if (!offered) {
            remedies.add(change.remedy(original));
            offered = true;
          }
        } else {
          insufficient.add(change);
        }
      }
      insufficientAlone.add(insufficient);
    }
    for (int i = 0; i < insufficientAlone.size(); i++) {
      for (int j = i + 1; j < insufficientAlone.size(); j++) {
        Remedy pair = firstWorkingPair(original, action, insufficientAlone.get(i), insufficientAlone.get(j));
        if (pair != null) {
          remedies.add(pair);
        }
      }
    }
    return List.copyOf(remedies);
  }

  private static @Nullable Remedy firstWorkingPair(Situation original, Action action, List<Change> first,
      List<Change> second) {
    for (Change a : first) {
      for (Change b : second) {
        if (allows(b.apply(a.apply(original)), action)) {
          return Remedy.allOf(a.remedy(original), b.remedy(original));
        }
      }
    }
    return null;
  }

  private static boolean allows(Situation situation, Action action) {
    return AccessPolicy.decide(situation.principal(), action, situation.resource()).allowed();
  }

  /** Changes an administrator can actually make, grouped by alternatives, weakest first. */
  private static List<List<Change>> candidates(PrincipalFacts principal, Action action, Resource resource) {
    List<List<Change>> groups = new ArrayList<>();
    if (!principal.active()) {
      groups.add(List.of(new Change.Reactivate()));
    }
    if (principal.credentialState() != CredentialState.ACTIVE) {
      groups.add(List.of(new Change.NewKey()));
    }
    // Most local change first: a membership, the client's reach, positions, then workspace-wide permissions.
    ProjectFacts project = projectOf(resource);
    if (project != null) {
      // Before the membership: in an all_of, steps are listed in the order they can be made, and a
      // role above collaborator can only be given once the user is no longer a guest.
      if (principal instanceof UserFacts && !principal.workspaceRole().licensed()) {
        groups.add(List.of(new Change.MakeLicensed()));
      }
      groups.add(membership(principal, action, resource, project));
    }
    if (action == Action.of(WorkspacePermission.PROJECTS_CREATE) && WorkspaceRules.isGuestUser(principal)) {
      groups.add(List.of(new Change.MakeLicensed()));
    }
    if (principal instanceof ApiClientFacts client) {
      List<Change> levels = new ArrayList<>(2);
      for (AccessLevel level : List.of(AccessLevel.READ_WRITE, AccessLevel.GLOBAL)) {
        if (level != client.accessLevel()) {
          levels.add(new Change.SetAccessLevel(level));
        }
      }
      groups.add(levels);
    }
    if (resource instanceof PositionsResource positions) {
      List<String> lacking = lackingPositions(principal, positions);
      if (!lacking.isEmpty()) {
        groups.add(List.of(new Change.GrantShiftEdit(lacking)));
        if (principal instanceof UserFacts) {
          groups.add(List.of(new Change.ManagePositions(lacking)));
        }
      }
    }
    List<Change> permissions = new ArrayList<>(3);
    for (WorkspacePermission permission : permissionsThatCouldHelp(action, resource)) {
      if (!principal.holds(permission)) {
        permissions.add(new Change.GrantPermission(permission));
      }
    }
    groups.add(permissions);
    groups.removeIf(List::isEmpty);
    return groups;
  }

  private static List<WorkspacePermission> permissionsThatCouldHelp(Action action, Resource resource) {
    return switch (resource) {
      case WorkspaceResource w -> {
        WorkspacePermission needed = action == Action.STAFF_TASK_CREATE
            ? WorkspacePermission.STAFF_TASKS_MANAGE
            : action.permissionOrNull();
        yield needed == null ? List.of() : List.of(needed);
      }
      case ProjectResource p -> PROJECT_WIDE;
      case TaskResource t -> switch (t.type()) {
        case PROJECT -> PROJECT_WIDE;
        case STAFF -> List.of(WorkspacePermission.STAFF_TASKS_MANAGE);
        case PRIVATE -> List.of(); // nobody but the creator, whatever the permissions
      };
      case PositionsResource p -> List.of(WorkspacePermission.POSITIONS_MANAGE);
    };
  }

  /** The role the action needs, as a direct membership, when the principal may be given it. */
  private static List<Change> membership(PrincipalFacts principal, Action action, Resource resource,
      ProjectFacts project) {
    ProjectRole required = ProjectRules.requiredRole(action, resource instanceof TaskResource t ? t : null, principal);
    ProjectRole direct = project.directRole();
    // A role above a guest user's cap is still proposed: together with making the user a member, it works.
    boolean offerable = AccessPolicy.projectRoleOptions(principal.type(), WorkspaceRole.MEMBER).contains(required);
    if (!offerable || (direct != null && direct.atLeast(required))) {
      return List.of();
    }
    return List.of(new Change.Membership(project, required));
  }

  private static @Nullable ProjectFacts projectOf(Resource resource) {
    return switch (resource) {
      case ProjectResource p -> p.project();
      case TaskResource t -> t.project();
      default -> null;
    };
  }

  private static List<String> lackingPositions(PrincipalFacts principal, PositionsResource positions) {
    List<String> lacking = new ArrayList<>();
    for (String id : positions.positionIds()) {
      if (WorkspaceRules.entitlementOn(principal, id) == null) {
        lacking.add(id);
      }
    }
    return lacking;
  }
}
