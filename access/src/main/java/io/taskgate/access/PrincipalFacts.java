package io.taskgate.access;

import java.util.Map;
import java.util.Set;

/**
 * What the core knows about who acts, as the server loads it in one query per request. Users and
 * API clients share every workspace-level fact; only API clients have an access level and keys.
 */
public sealed interface PrincipalFacts permits UserFacts, ApiClientFacts {

  PrincipalType type();

  /** Opaque id, unique across users and API clients (task creator/assignee ids are compared to it). */
  String id();

  String displayName();

  WorkspaceRole workspaceRole();

  /** Workspace permissions added by custom roles, on top of {@link #workspaceRole()}'s. */
  Set<WorkspacePermission> customPermissions();

  /** Per-position permissions from custom roles, by position id. */
  Map<String, Set<PositionPermission>> positionPermissions();

  Set<String> managedPositionIds();

  Set<String> teamIds();

  /** False for a deactivated user or a disabled API client: every check is then denied. */
  boolean active();

  CredentialState credentialState();

  /** Whether the workspace role or a custom role grants the permission. */
  default boolean holds(WorkspacePermission permission) {
    return workspaceRole().permissions().contains(permission) || customPermissions().contains(permission);
  }

  /** Whether this principal may only read: an API client with access level {@code read}. */
  default boolean readOnly() {
    return this instanceof ApiClientFacts client && client.accessLevel() == AccessLevel.READ;
  }

  /** How explanations name the principal: {@code user Ann}, {@code api client Zapier}. */
  default String describe() {
    return (type() == PrincipalType.USER ? "user " : "api client ") + displayName();
  }
}
