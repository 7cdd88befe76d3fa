package io.taskgate.workspace;

/**
 * Published inside the transaction that deletes a custom role, before its assignments go with
 * it: whoever shows the holders (workspace members, API clients) moves their versions, since
 * their {@code customRoleIds} change.
 */
public record CustomRoleDeleting(String workspaceId, String roleId) {
}
