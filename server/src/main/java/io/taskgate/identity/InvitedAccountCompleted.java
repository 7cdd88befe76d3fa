package io.taskgate.identity;

/**
 * Published inside the sign-up transaction that completes an account made by an invitation:
 * the person now has a name and a password, so what other features show of them (a workspace
 * member's status and name) changed, and their versions must move with it.
 */
public record InvitedAccountCompleted(String userId) {
}
