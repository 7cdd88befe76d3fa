package io.taskgate.access;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides. A pure function of the facts handed in: no I/O, no clock, no state,
 * so the server calls it per request and the tests call it hundreds of thousands of times.
 */
public final class AccessPolicy {
  private static final List<ProjectRole> ALL_ROLES = List.of(ProjectRole.values());
  private static final List<ProjectRole> GUEST_USER_ROLES = List.of(ProjectRole.GUEST, ProjectRole.COLLABORATOR);

  private AccessPolicy() {}

  /** Decides with the standard explanation (grants or requirement; summary and remedies on demand). */
  public static Decision decide(PrincipalFacts principal, Action action, Resource resource) {
    return decide(principal, action, resource, Detail.STANDARD);
  }

  /** Decides, recording every step of the reasoning when {@code detail} is {@link Detail#TRACE}. */
  public static Decision decide(PrincipalFacts principal, Action action, Resource resource, Detail detail) {
    Check check = new Check(principal, action, resource, detail);
    // Fail closed before anything else: a deactivated principal or a dead key learns nothing.
    if (!principal.active()) {
      return check.deny(false, DenialReason.INACTIVE_PRINCIPAL,
          principal.type() == PrincipalType.USER ? "active user" : "enabled api client", null);
    }
    if (principal.credentialState() != CredentialState.ACTIVE) {
      return check.deny(false, DenialReason.CREDENTIAL_NOT_ACTIVE, "active api key", null);
    }
    return switch (resource) {
      case WorkspaceResource workspace -> WorkspaceRules.decide(check);
      case ProjectResource project -> ProjectRules.appliesToProject(action)
          ? ProjectRules.decide(check, project.project(), null)
          : check.unsupported();
      case TaskResource task -> TaskRules.decide(check, task);
      case PositionsResource positions -> WorkspaceRules.masterTask(check, positions);
    };
  }

  /**
   * Which projects the principal may read, for the listing SQL. Agrees with {@code
   * decide(principal, PROJECT_READ, project)} for every project (property-tested).
   */
  public static ProjectReadScope projectReadScope(PrincipalFacts principal) {
    if (!principal.active() || principal.credentialState() != CredentialState.ACTIVE) {
      return ProjectReadScope.NONE;
    }
    return switch (principal) {
      case UserFacts user -> {
        if (ProjectRules.implicitRole(user) != null) {
          yield ProjectReadScope.ALL;
        }
        yield user.workspaceRole().licensed() ? ProjectReadScope.PUBLIC_AND_MEMBER : ProjectReadScope.MEMBER_ONLY;
      }
      case ApiClientFacts client ->
          client.accessLevel() == AccessLevel.GLOBAL ? ProjectReadScope.ALL : ProjectReadScope.MEMBER_ONLY;
    };
  }

  /**
   * The principal's effective role in the project (strongest of direct, team, implicit and
   * access-level roles, after the guest cap), or null when the project is out of its reach.
   * Ignores activity and key state: those deny every action, they do not change the role.
   */
  public static @Nullable ProjectRole effectiveProjectRole(PrincipalFacts principal, ProjectFacts project) {
    return ProjectRules.effectiveRole(principal, project);
  }

  /** Whether the principal is a project member directly or through one of its teams. */
  public static boolean isProjectMember(PrincipalFacts principal, ProjectFacts project) {
    return ProjectRules.isMember(principal, project);
  }

  /**
   * The project roles this principal may be given as a member ({@code roleOptions} of the API): a
   * guest user at most collaborator; users of other roles, API clients and teams any role.
   */
  public static List<ProjectRole> projectRoleOptions(PrincipalType type, WorkspaceRole workspaceRole) {
    return type == PrincipalType.USER && !workspaceRole.licensed() ? GUEST_USER_ROLES : ALL_ROLES;
  }
}
