package io.taskgate.authorization;

import io.taskgate.access.Action;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.Resource;

/**
 * Loads the facts of resources owned by other features (tasks, lists) for {@code authz/check}.
 * The task feature implements it, so authorization needs no knowledge of how tasks are stored.
 */
public interface ResourceFactsLoader {

    /**
     * The task as {@code subject} sees it; 404 naming {@code resource.id} when it does not
     * exist or the asker may not read it.
     */
    Resource task(WorkspacePrincipal asker, PrincipalFacts subject, String taskId, Action action);

    /** The id of the project holding the list; 404 naming {@code resource.id} when there is no such list. */
    String projectOfList(WorkspacePrincipal asker, String listId);
}
