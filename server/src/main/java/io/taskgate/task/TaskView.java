package io.taskgate.task;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A task as the API answers it. */
record TaskView(String id, String type, String title, String description, String status, String priority,
        @Nullable Instant dueAt, List<String> blockers, @Nullable String assigneeId, @Nullable String projectId,
        List<TaskFields.Placement> lists, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
        long version) {

    static TaskView of(Tasks.Task task) {
        return new TaskView(task.id(), task.type(), task.title(), task.description(), task.status(), task.priority(),
                task.dueAt(), task.blockers(), task.assigneeId(), task.projectId(), task.lists(), task.createdBy(),
                task.createdAt(), task.updatedBy(), task.updatedAt(), task.version());
    }
}
