package io.taskgate.position;

/**
 * Published inside the transaction that deletes a position, before it is gone, so that the
 * features that refer to positions can refuse the deletion (or let go of it) in that transaction.
 */
public record PositionDeleting(String workspaceId, String positionId) {
}
