package io.taskgate.authorization;

import java.util.Collection;
import java.util.Set;

/**
 * Which positions exist in a workspace, as custom roles (granting permissions on them), master
 * tasks (made for them) and {@code authz/check} (judging an action on them) need to know. The
 * position feature answers it: positions refer to workspace members, so those features must not
 * depend on it, and ask through this interface instead.
 */
public interface KnownPositions {

    /**
     * The ids among {@code positionIds} that name a position of the workspace, locked until the
     * caller's transaction ends, so that none of them is deleted under what refers to it.
     */
    Set<String> existing(String workspaceId, Collection<String> positionIds);

    /** The ids among {@code positionIds} that name a position of the workspace now, locking nothing: for questions. */
    Set<String> present(String workspaceId, Collection<String> positionIds);
}
