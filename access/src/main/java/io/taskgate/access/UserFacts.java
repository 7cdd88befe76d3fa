package io.taskgate.access;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** A person's facts in one workspace. */
public record UserFacts(
    String id,
    String displayName,
    WorkspaceRole workspaceRole,
    Set<WorkspacePermission> customPermissions,
    Map<String, Set<PositionPermission>> positionPermissions,
    Set<String> managedPositionIds,
    Set<String> teamIds,
    boolean active)
    implements PrincipalFacts {

  public UserFacts {
    customPermissions = Immutable.permissions(customPermissions);
    positionPermissions = Immutable.positionPermissions(positionPermissions);
    managedPositionIds = Set.copyOf(managedPositionIds);
    teamIds = Set.copyOf(teamIds);
  }

  /** An active user with only a workspace role: the common case, and a start for tests. */
  public static UserFacts of(String id, String displayName, WorkspaceRole role) {
    return new UserFacts(id, displayName, role, Set.of(), Map.of(), Set.of(), Set.of(), true);
  }

  public UserFacts withCustomPermissions(Collection<WorkspacePermission> permissions) {
    return new UserFacts(id, displayName, workspaceRole, Set.copyOf(permissions), positionPermissions,
        managedPositionIds, teamIds, active);
  }

  public UserFacts withTeams(Set<String> teams) {
    return new UserFacts(id, displayName, workspaceRole, customPermissions, positionPermissions,
        managedPositionIds, teams, active);
  }

  public UserFacts withWorkspaceRole(WorkspaceRole role) {
    return new UserFacts(id, displayName, role, customPermissions, positionPermissions, managedPositionIds, teamIds,
        active);
  }

  public UserFacts withActive(boolean isActive) {
    return new UserFacts(id, displayName, workspaceRole, customPermissions, positionPermissions,
        managedPositionIds, teamIds, isActive);
  }

  public UserFacts withPositionPermissions(Map<String, Set<PositionPermission>> byPosition) {
    return new UserFacts(id, displayName, workspaceRole, customPermissions, byPosition, managedPositionIds, teamIds, active);
  }

  public UserFacts withManagedPositionIds(Set<String> positionIds) {
    return new UserFacts(id, displayName, workspaceRole, customPermissions, positionPermissions, positionIds, teamIds, active);
  }

  @Override
  public PrincipalType type() {
    return PrincipalType.USER;
  }

  /** A user's session was already checked at the edge; only API keys have a state the core weighs. */
  @Override
  public CredentialState credentialState() {
    return CredentialState.ACTIVE;
  }
}
