package io.taskgate.access;

/** Why a check was denied, as a machine-readable code beside the human summary. */
public enum DenialReason {
  /** The user is deactivated or the API client disabled: everything is denied. */
  INACTIVE_PRINCIPAL,
  /** The API key presented is revoked or expired: everything is denied. */
  CREDENTIAL_NOT_ACTIVE,
  /** The action does not apply to this kind of resource; the core fails closed. */
  UNSUPPORTED,
  /** The project is out of the principal's reach: it has no project role there (404). */
  PROJECT_NOT_REACHED,
  /**
   * A workspace-wide project permission ({@code projects.read_all}, {@code tasks.edit_all},
   * {@code projects.manage_all}) used by an API client whose access level confines it to the
   * projects it is a member of: there the permission takes effect only within that reach, so it
   * is not held workspace-wide, and cannot be granted to others or given through a global client.
   */
  BEYOND_REACH,
  /** An API client with access level {@code read} asked to write. */
  READ_ONLY_ACCESS,
  /** The project role reaches the project but is weaker than the action needs. */
  PROJECT_ROLE_TOO_WEAK,
  /** A workspace permission is missing (a workspace action, or staff tasks). */
  MISSING_PERMISSION,
  /** A private task of someone else: only its creator sees it. */
  NOT_TASK_CREATOR,
  /** master_task.create: the principal is not entitled on some requested positions. */
  LACKING_POSITIONS,
  /**
   * projects.create by a guest user: its creator becomes a project's manager, and a guest user
   * may be at most collaborator, so a guest's project would have no manager.
   */
  GUEST_USER
}
