package io.taskgate.workspace;

import io.taskgate.identity.Caller;

/**
 * Published inside the transaction that makes a licensed member a guest, so that the features
 * holding roles a guest may not have (project roles above collaborator) bring them down in that
 * same transaction, or refuse the change.
 */
public record MemberBecameGuest(String workspaceId, String userId, Caller changedBy) {
}
