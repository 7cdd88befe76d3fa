package io.taskgate.task;

import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectReadScope;
import io.taskgate.access.TaskResource;

/**
 * Which tasks a principal may read, in the shape the listing SQL needs. Every part is asked of
 * the decision core — on representative tasks — rather than restating its rules here, and the
 * listing is property-tested against {@code decide(task.read)}.
 */
record TaskReadScope(ProjectReadScope projects, boolean ownPrivateTasks, boolean allStaffTasks,
        boolean assignedStaffTasks) {

    private static final String NOBODY = "\u0000nobody";

    static TaskReadScope of(PrincipalFacts principal) {
        boolean ownPrivate = readable(principal, TaskResource.ofPrivate(NOBODY, principal.id()));
        boolean allStaff = readable(principal, TaskResource.ofStaff(NOBODY, NOBODY, NOBODY));
        boolean assignedStaff = readable(principal, TaskResource.ofStaff(NOBODY, NOBODY, principal.id()));
        return new TaskReadScope(AccessPolicy.projectReadScope(principal), ownPrivate, allStaff, assignedStaff);
    }

    private static boolean readable(PrincipalFacts principal, TaskResource task) {
        return AccessPolicy.decide(principal, Action.TASK_READ, task).allowed();
    }
}
