package io.taskgate.task;

import org.springframework.stereotype.Component;

import io.taskgate.access.Action;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.Resource;
import io.taskgate.access.TaskResource;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.ResourceFactsLoader;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.web.ApiProblem;

/** Tasks and lists for {@code authz/check}: only a task the asker may read can be asked about. */
@Component
class TaskCheckFacts implements ResourceFactsLoader {

    private final Tasks tasks;
    private final TaskLists lists;
    private final TaskService service;
    private final Authorization authorization;

    TaskCheckFacts(Tasks tasks, TaskLists lists, TaskService service, Authorization authorization) {
        this.tasks = tasks;
        this.lists = lists;
        this.service = service;
        this.authorization = authorization;
    }

    @Override
    public String projectOfList(WorkspacePrincipal asker, String listId) {
        return lists.projectOf(asker.workspaceId(), listId)
                .orElseThrow(() -> ApiProblem.referenceNotFound("resource.id", listId));
    }

    @Override
    public Resource task(WorkspacePrincipal asker, PrincipalFacts subject, String taskId, Action action) {
        Tasks.Task task = tasks.find(asker.workspaceId(), taskId)
                .filter(found -> service.decide(asker, Action.TASK_READ, found).allowed())
                .orElseThrow(() -> ApiProblem.referenceNotFound("resource.id", taskId));
        return switch (task.type()) {
            case "project" -> TaskResource.ofProject(task.id(),
                    authorization.project(asker.workspaceId(), subject, task.projectId()).orElseThrow(),
                    task.createdBy(), task.assigneeId());
            case "staff" -> TaskResource.ofStaff(task.id(), task.createdBy(), String.valueOf(task.assigneeId()));
            default -> TaskResource.ofPrivate(task.id(), task.createdBy());
        };
    }
}
