package io.taskgate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Applies a {@link Remedy} to facts the way an administrator would, reading only its structured
 * fields — independently of the core's own simulation — so that the soundness property checks
 * that those fields say exactly what to change.
 */
final class RemedyApplication {
  /** The facts after the change. */
  record Applied(PrincipalFacts principal, Resource resource) {}

  private RemedyApplication() {}

  static Applied apply(Remedy remedy, PrincipalFacts principal, Resource resource) {
    assertThat(remedy.principalId()).isEqualTo(principal.id());
    assertThat(remedy.principalType()).isEqualTo(principal.type().key());
    assertThat(remedy.description()).isNotBlank();
    return switch (remedy.kind()) {
      case Remedy.ALL_OF -> {
        assertThat(remedy.steps()).hasSizeGreaterThanOrEqualTo(2);
        Applied applied = new Applied(principal, resource);
        for (Remedy step : remedy.steps()) {
          applied = apply(step, applied.principal(), applied.resource());
        }
        yield applied;
      }
      case Remedy.ADD_PROJECT_MEMBER, Remedy.RAISE_PROJECT_ROLE -> new Applied(principal, withDirectRole(resource, remedy));
      case Remedy.SET_ACCESS_LEVEL -> {
        ApiClientFacts c = (ApiClientFacts) principal;
        AccessLevel level = AccessLevel.fromKey(remedy.accessLevel()).orElseThrow();
        yield new Applied(new ApiClientFacts(c.id(), c.displayName(), c.workspaceRole(), level, c.credentialState(),
            c.customPermissions(), c.positionPermissions(), c.managedPositionIds(), c.teamIds(), c.active()), resource);
      }
      case Remedy.GRANT_WORKSPACE_PERMISSION -> {
        Set<WorkspacePermission> perms = EnumSet.noneOf(WorkspacePermission.class);
        perms.addAll(principal.customPermissions());
        perms.add(WorkspacePermission.fromKey(remedy.permission()).orElseThrow());
        yield new Applied(rebuild(principal, perms, principal.positionPermissions(), principal.managedPositionIds(),
            principal.active(), principal.credentialState()), resource);
      }
      case Remedy.GRANT_POSITION_PERMISSION -> {
        assertThat(remedy.permission()).isEqualTo("shift.edit");
        assertThat(remedy.positionIds()).isNotEmpty();
        Map<String, Set<PositionPermission>> byPosition = new HashMap<>(principal.positionPermissions());
        remedy.positionIds().forEach(id -> byPosition.put(id, Set.of(PositionPermission.SHIFT_EDIT)));
        yield new Applied(rebuild(principal, principal.customPermissions(), byPosition, principal.managedPositionIds(),
            principal.active(), principal.credentialState()), resource);
      }
      case Remedy.MAKE_POSITION_MANAGER -> {
        assertThat(principal).isInstanceOf(UserFacts.class);
        Set<String> managed = new HashSet<>(principal.managedPositionIds());
        managed.addAll(remedy.positionIds());
        yield new Applied(rebuild(principal, principal.customPermissions(), principal.positionPermissions(), managed,
            principal.active(), principal.credentialState()), resource);
      }
      case Remedy.SET_WORKSPACE_ROLE -> {
        assertThat(principal).isInstanceOf(UserFacts.class);
        yield new Applied(((UserFacts) principal).withWorkspaceRole(
            WorkspaceRole.fromKey(remedy.role()).orElseThrow()), resource);
      }
      case Remedy.REACTIVATE_USER, Remedy.REACTIVATE_API_CLIENT -> new Applied(rebuild(principal,
          principal.customPermissions(), principal.positionPermissions(), principal.managedPositionIds(), true,
          principal.credentialState()), resource);
      case Remedy.CREATE_NEW_KEY -> new Applied(rebuild(principal, principal.customPermissions(),
          principal.positionPermissions(), principal.managedPositionIds(), principal.active(), CredentialState.ACTIVE),
          resource);
      default -> throw new AssertionError("unknown remedy kind " + remedy.kind());
    };
  }

  private static Resource withDirectRole(Resource resource, Remedy remedy) {
    ProjectRole role = ProjectRole.fromKey(remedy.role()).orElseThrow();
    return switch (resource) {
      case ProjectResource p -> {
        assertThat(remedy.projectId()).isEqualTo(p.project().projectId());
        yield new ProjectResource(membership(p.project(), role));
      }
      case TaskResource t -> {
        assertThat(remedy.projectId()).isEqualTo(t.project().projectId());
        yield new TaskResource(t.taskId(), t.type(), t.creatorId(), t.assigneeId(), membership(t.project(), role),
            t.updateScope());
      }
      default -> throw new AssertionError("a membership remedy for a resource without project: " + resource);
    };
  }

  private static ProjectFacts membership(ProjectFacts project, ProjectRole role) {
    return new ProjectFacts(project.projectId(), project.name(), project.visibility(), role, project.teamRoles());
  }

  private static PrincipalFacts rebuild(PrincipalFacts p, Set<WorkspacePermission> perms,
      Map<String, Set<PositionPermission>> byPosition, Set<String> managed, boolean active, CredentialState key) {
    return switch (p) {
      case UserFacts u -> new UserFacts(u.id(), u.displayName(), u.workspaceRole(), perms, byPosition, managed,
          u.teamIds(), active);
      case ApiClientFacts c -> new ApiClientFacts(c.id(), c.displayName(), c.workspaceRole(), c.accessLevel(), key,
          perms, byPosition, managed, c.teamIds(), active);
    };
  }
}
