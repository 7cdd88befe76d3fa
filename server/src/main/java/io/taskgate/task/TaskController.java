package io.taskgate.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.taskgate.identity.Caller;
import io.taskgate.support.Timestamps;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.BodyAbout;
import io.taskgate.web.FieldError;
import io.taskgate.web.QueryFilters;
import io.taskgate.web.JsonBody;
import io.taskgate.web.Page;
import io.taskgate.web.Versions;
import tools.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
class TaskController {

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping("/tasks")
    ResponseEntity<TaskView> create(Caller caller, @PathVariable String workspaceId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = TaskInput.class)))
            @RequestBody JsonNode body) {
        return created(workspaceId, tasks.create(caller, workspaceId, TaskFields.parseNew(JsonBody.of(body), null),
                null));
    }

    /** Staff tasks: assigned to a member of the workspace, created by holders of staff_tasks.manage. */
    @ResponseStatus(HttpStatus.CREATED) // for the OpenAPI document: the answer sets it too
    @PostMapping("/staff/tasks")
    ResponseEntity<TaskView> createStaffTask(Caller caller, @PathVariable String workspaceId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = TaskInput.class)))
            @RequestBody JsonNode body) {
        JsonBody parsed = JsonBody.of(body);
        if (parsed.has("type") && !"staff".equals(parsed.string("type"))) {
            parsed.invalid("type", "must be staff (or left out) on this endpoint");
        }
        TaskFields fields = TaskFields.parseNew(parsed, "staff");
        return created(workspaceId, tasks.create(caller, workspaceId, fields, "staff"));
    }

    @GetMapping("/tasks")
    Page<TaskView> list(Caller caller, @PathVariable String workspaceId,
            @RequestParam(required = false) @Nullable String projectId,
            @RequestParam(required = false) @Nullable String listId,
            @RequestParam(required = false) @Nullable String assigneeId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String priority,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String dueBefore,
            @RequestParam(required = false) @Nullable String dueAfter,
            @RequestParam(required = false) @Nullable String updatedSince,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        // One 422 names every invalid filter, not only the first.
        List<FieldError> errors = new ArrayList<>();
        QueryFilters.requireNotEmpty(errors, "assigneeId", assigneeId);
        QueryFilters.requireNotEmpty(errors, "listId", listId);
        QueryFilters.requireNotEmpty(errors, "projectId", projectId);
        vocabulary(errors, "status", status, TaskFields.STATUSES);
        vocabulary(errors, "priority", priority, TaskFields.PRIORITIES);
        vocabulary(errors, "type", type, TaskFields.TYPES);
        var filter = new TaskQuery.Filter(projectId, listId, assigneeId, status, type,
                instant(errors, "dueBefore", dueBefore), instant(errors, "dueAfter", dueAfter),
                instant(errors, "updatedSince", updatedSince), priority);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return tasks.list(caller, workspaceId, filter, cursor, limit).map(TaskView::of);
    }

    @GetMapping("/tasks/{taskId}")
    ResponseEntity<TaskView> get(Caller caller, @PathVariable String workspaceId, @PathVariable String taskId) {
        Tasks.Task task = tasks.get(caller, workspaceId, taskId);
        return ResponseEntity.ok().eTag(Versions.etag(task.version())).body(TaskView.of(task));
    }

    @PatchMapping("/tasks/{taskId}")
    ResponseEntity<TaskView> update(Caller caller, @PathVariable String workspaceId, @PathVariable String taskId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = TaskInput.class)))
            @RequestBody JsonNode body, @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        TaskFields fields = BodyAbout.parse(() -> TaskFields.parse(JsonBody.of(body)),
                () -> tasks.get(caller, workspaceId, taskId));
        Tasks.Task task = tasks.update(caller, workspaceId, taskId, fields, Versions.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(task.version())).body(TaskView.of(task));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // for the OpenAPI document: the answer sets it too
    @DeleteMapping("/tasks/{taskId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String workspaceId, @PathVariable String taskId,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        tasks.delete(caller, workspaceId, taskId, Versions.ifMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<TaskView> created(String workspaceId, Tasks.Task task) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(Versions.etag(task.version()))
                .location(java.net.URI.create("/api/v1/workspaces/" + workspaceId + "/tasks/" + task.id()))
                .body(TaskView.of(task));
    }

    private static void vocabulary(List<FieldError> errors, String field, @Nullable String value,
            Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList())));
        }
    }

    private static @Nullable Instant instant(List<FieldError> errors, String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        Optional<Instant> parsed = Timestamps.parse(value);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(field, "must be an ISO-8601 date-time such as 2026-12-01T17:00:00Z, or a date,"
                    + " in the years 0001 to 9999"));
        }
        return parsed.orElse(null);
    }
}
