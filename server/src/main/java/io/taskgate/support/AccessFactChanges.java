package io.taskgate.support;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every write to a table that access decisions rest on reports itself here, naming its
 * workspace. The workspace's {@code access_version} then moves in the same transaction, just
 * before it commits, so that facts a process keeps for a principal are never trusted past a
 * change: whoever reads the new version also reads the new facts.
 *
 * <p>Bumping at commit rather than at each write takes the workspace row's lock last and once,
 * whatever the transaction wrote first. Nothing else locks that row (the last-owner check locks
 * the owner rows instead), so access writes cannot deadlock on it.
 */
@Component
public class AccessFactChanges {

    private static final Object PENDING = AccessFactChanges.class.getName() + ".pending";

    private final JdbcClient jdbc;
    private final CredentialCache credentials;

    AccessFactChanges(JdbcClient jdbc, CredentialCache credentials) {
        this.jdbc = jdbc;
        this.credentials = credentials;
    }

    /**
     * Access facts of the workspace change in the current transaction. Outside a transaction the
     * write would commit on its own, apart from the bump: refused, so that no such path exists.
     */
    public void in(String workspaceId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Access facts of workspace " + workspaceId
                    + " change outside a transaction");
        }
        if (pending().add(workspaceId)) {
            // Credentials kept here carry the old version: this process's next request must not wait for the notice.
            credentials.forgetWhenTransactionEnds(new CredentialCache.Change.Workspace(workspaceId));
        }
    }

    /** Access facts of every workspace the user belongs to change (the user's name is one of them). */
    public void ofUser(String userId) {
        jdbc.sql("select workspace_id from workspace_member where user_id = :user")
                .param("user", userId)
                .query(String.class)
                .list()
                .forEach(this::in);
    }

    /** Whether the current transaction has changed the workspace's access facts and not yet committed. */
    public static boolean pendingIn(String workspaceId) {
        return TransactionSynchronizationManager.getResource(PENDING) instanceof Set<?> pending
                && pending.contains(workspaceId);
    }

    @SuppressWarnings("unchecked")
    private Set<String> pending() {
        if (TransactionSynchronizationManager.getResource(PENDING) instanceof Set<?> pending) {
            return (Set<String>) pending;
        }
        Set<String> pending = new TreeSet<>(); // sorted: two transactions lock workspaces in one order
        TransactionSynchronizationManager.bindResource(PENDING, pending);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                bump(pending);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
            }
        });
        return pending;
    }

    private void bump(Set<String> workspaceIds) {
        for (String workspaceId : workspaceIds) {
            jdbc.sql("update workspace set access_version = access_version + 1 where workspace_id = :ws")
                    .param("ws", workspaceId)
                    .update();
        }
    }
}
