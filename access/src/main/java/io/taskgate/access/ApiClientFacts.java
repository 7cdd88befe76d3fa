package io.taskgate.access;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** A machine identity's facts, including its access level and the state of the key it presented. */
public record ApiClientFacts(
    String id,
    String displayName,
    WorkspaceRole workspaceRole,
    AccessLevel accessLevel,
    CredentialState credentialState,
    Set<WorkspacePermission> customPermissions,
    Map<String, Set<PositionPermission>> positionPermissions,
    Set<String> managedPositionIds,
    Set<String> teamIds,
    boolean active)
    implements PrincipalFacts {

  public ApiClientFacts {
    customPermissions = Immutable.permissions(customPermissions);
    positionPermissions = Immutable.positionPermissions(positionPermissions);
    managedPositionIds = Set.copyOf(managedPositionIds);
    teamIds = Set.copyOf(teamIds);
  }

  /** An enabled client with an active key and only a workspace role. */
  public static ApiClientFacts of(String id, String displayName, WorkspaceRole role, AccessLevel accessLevel) {
    return new ApiClientFacts(id, displayName, role, accessLevel, CredentialState.ACTIVE, Set.of(), Map.of(),
        Set.of(), Set.of(), true);
  }

  public ApiClientFacts withWorkspaceRole(WorkspaceRole role) {
    return new ApiClientFacts(id, displayName, role, accessLevel, credentialState, customPermissions,
        positionPermissions, managedPositionIds, teamIds, active);
  }

  public ApiClientFacts withAccessLevel(AccessLevel level) {
    return new ApiClientFacts(id, displayName, workspaceRole, level, credentialState, customPermissions,
        positionPermissions, managedPositionIds, teamIds, active);
  }

  public ApiClientFacts withCredentialState(CredentialState state) {
    return new ApiClientFacts(id, displayName, workspaceRole, accessLevel, state, customPermissions,
        positionPermissions, managedPositionIds, teamIds, active);
  }

  public ApiClientFacts withCustomPermissions(Collection<WorkspacePermission> permissions) {
    return new ApiClientFacts(id, displayName, workspaceRole, accessLevel, credentialState, Set.copyOf(permissions),
        positionPermissions, managedPositionIds, teamIds, active);
  }

  public ApiClientFacts withTeams(Set<String> teams) {
    return new ApiClientFacts(id, displayName, workspaceRole, accessLevel, credentialState, customPermissions,
        positionPermissions, managedPositionIds, teams, active);
  }

  public ApiClientFacts withActive(boolean isActive) {
    return new ApiClientFacts(id, displayName, workspaceRole, accessLevel, credentialState, customPermissions,
        positionPermissions, managedPositionIds, teamIds, isActive);
  }

  public ApiClientFacts withPositionPermissions(Map<String, Set<PositionPermission>> byPosition) {
    return new ApiClientFacts(id, displayName, workspaceRole, accessLevel, credentialState, customPermissions, byPosition,
        managedPositionIds, teamIds, active);
  }

  public ApiClientFacts withManagedPositionIds(Set<String> positionIds) {
    return new ApiClientFacts(id, displayName, workspaceRole, accessLevel, credentialState, customPermissions,
        positionPermissions, positionIds, teamIds, active);
  }

  @Override
  public PrincipalType type() {
    return PrincipalType.API_CLIENT;
  }
}
