package io.taskgate.position;

/**
 * Published inside the transaction that deletes a position, once its row is deleted (and locked)
 * but before the commit, so that the features that refer to positions can refuse the deletion
 * (rolling it back) or let go of it in that transaction.
 */
public record PositionDeleting(String workspaceId, String positionId) {
}
