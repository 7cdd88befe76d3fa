package io.taskgate.workspace;

import java.util.Collection;
import java.util.Set;

/**
 * Which positions exist in a workspace, as custom roles need to know to grant permissions on
 * them. The position feature answers it: positions refer to workspace members, so this feature
 * must not depend on that one, and asks through this interface instead.
 */
public interface KnownPositions {

    /**
     * The ids among {@code positionIds} that name a position of the workspace, locked until the
     * caller's transaction ends, so that none of them is deleted under what refers to it.
     */
    Set<String> existing(String workspaceId, Collection<String> positionIds);
}
