package io.taskgate.access;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A candidate change to the facts, as the remedy search proposes it: it can be applied (to decide
 * again) and described (to offer it). Kept internal; what leaves the core is the {@link Remedy}.
 */
sealed interface Change {

  /** The facts a check is decided on. */
  record Situation(PrincipalFacts principal, Resource resource) {}

  Situation apply(Situation situation);

  Remedy remedy(Situation original);

  record Reactivate() implements Change {
    @Override
    public Situation apply(Situation s) {
      PrincipalFacts p = switch (s.principal()) {
        case UserFacts user -> user.withActive(true);
        case ApiClientFacts client -> client.withActive(true);
      };
      return new Situation(p, s.resource());
    }

    @Override
    public Remedy remedy(Situation original) {
      PrincipalFacts p = original.principal();
      return p.type() == PrincipalType.USER
          ? Remedy.of(Remedy.REACTIVATE_USER, "reactivate " + p.describe() + " in this workspace", p)
          : Remedy.of(Remedy.REACTIVATE_API_CLIENT, "re-enable " + p.describe(), p);
    }
  }

  /** A guest user made a licensed member: only then may a project role above collaborator count. */
  record MakeLicensed() implements Change {
    @Override
    public Situation apply(Situation s) {
      return new Situation(((UserFacts) s.principal()).withWorkspaceRole(WorkspaceRole.MEMBER), s.resource());
    }

    @Override
    public Remedy remedy(Situation original) {
      PrincipalFacts p = original.principal();
      return Remedy.of(Remedy.SET_WORKSPACE_ROLE, "change the workspace role of " + p.describe()
          + " from guest to member (a guest user holds at most collaborator in a project)", p)
          .withRole(WorkspaceRole.MEMBER.key());
    }
  }

  record NewKey() implements Change {
    @Override
    public Situation apply(Situation s) {
      return new Situation(((ApiClientFacts) s.principal()).withCredentialState(CredentialState.ACTIVE), s.resource());
    }

    @Override
    public Remedy remedy(Situation original) {
      PrincipalFacts p = original.principal();
      return Remedy.of(Remedy.CREATE_NEW_KEY, "create a new API key for " + p.describe() + " (the key presented is "
          + p.credentialState().key() + ")", p);
    }
  }

  record SetAccessLevel(AccessLevel level) implements Change {
    @Override
    public Situation apply(Situation s) {
      return new Situation(((ApiClientFacts) s.principal()).withAccessLevel(level), s.resource());
    }

    @Override
    public Remedy remedy(Situation original) {
      PrincipalFacts p = original.principal();
      return Remedy.of(Remedy.SET_ACCESS_LEVEL, "set the access level of " + p.describe() + " to " + level.key(), p)
          .withAccessLevel(level);
    }
  }

  record GrantPermission(WorkspacePermission permission) implements Change {
    @Override
    public Situation apply(Situation s) {
      Set<WorkspacePermission> held = EnumSet.of(permission);
      held.addAll(s.principal().customPermissions());
      PrincipalFacts p = switch (s.principal()) {
        case UserFacts user -> user.withCustomPermissions(held);
        case ApiClientFacts client -> client.withCustomPermissions(held);
      };
      return new Situation(p, s.resource());
    }

    @Override
    public Remedy remedy(Situation original) {
      PrincipalFacts p = original.principal();
      return Remedy.of(Remedy.GRANT_WORKSPACE_PERMISSION, "grant " + permission.key() + " to " + p.describe()
          + " through a custom role", p).withPermission(permission.key());
    }
  }

  /** Make the principal a direct member with this role: added when it is not one, raised when it is. */
  record Membership(ProjectFacts project, ProjectRole role) implements Change {
    @Override
    public Situation apply(Situation s) {
      Resource changed = switch (s.resource()) {
        case ProjectResource r -> new ProjectResource(r.project().withDirectRole(role));
        case TaskResource t when t.project() != null -> t.withProject(t.project().withDirectRole(role));
        default -> s.resource();
      };
      return new Situation(s.principal(), changed);
    }

    @Override
    public Remedy remedy(Situation original) {
      PrincipalFacts p = original.principal();
      Remedy remedy = project.directRole() == null
          ? Remedy.of(Remedy.ADD_PROJECT_MEMBER, "add " + p.describe() + " to project " + project.name()
              + " with role " + role.key() + " or higher", p)
          : Remedy.of(Remedy.RAISE_PROJECT_ROLE, "raise the role of " + p.describe() + " in project "
              + project.name() + " to " + role.key() + " or higher", p);
      return remedy.withProject(project.projectId(), role);
    }
  }

  record GrantShiftEdit(List<String> positionIds) implements Change {
    @Override
    public Situation apply(Situation s) {
      Map<String, Set<PositionPermission>> byPosition = new HashMap<>(s.principal().positionPermissions());
      for (String id : positionIds) {
        Set<PositionPermission> held = EnumSet.of(PositionPermission.SHIFT_EDIT);
        held.addAll(byPosition.getOrDefault(id, Set.of()));
        byPosition.put(id, held);
      }
      PrincipalFacts p = switch (s.principal()) {
        case UserFacts user -> user.withPositionPermissions(byPosition);
        case ApiClientFacts client -> client.withPositionPermissions(byPosition);
      };
      return new Situation(p, s.resource());
    }

    @Override
    public Remedy remedy(Situation original) {
      PrincipalFacts p = original.principal();
      return Remedy.of(Remedy.GRANT_POSITION_PERMISSION, "grant shift.edit on " + positions(positionIds) + " to "
          + p.describe() + " through a custom role", p)
          .withPermission(PositionPermission.SHIFT_EDIT.key()).withPositions(positionIds);
    }
  }

  /** Position managers are people: offered to users only. */
  record ManagePositions(List<String> positionIds) implements Change {
    @Override
    public Situation apply(Situation s) {
      UserFacts user = (UserFacts) s.principal();
      Set<String> managed = new HashSet<>(user.managedPositionIds());
      managed.addAll(positionIds);
      return new Situation(user.withManagedPositionIds(managed), s.resource());
    }

    @Override
    public Remedy remedy(Situation original) {
      PrincipalFacts p = original.principal();
      return Remedy.of(Remedy.MAKE_POSITION_MANAGER, "make " + p.describe() + " a manager of "
          + positions(positionIds), p).withPositions(positionIds);
    }
  }

  private static String positions(List<String> ids) {
    return (ids.size() == 1 ? "position " : "positions ") + String.join(", ", ids);
  }
}
