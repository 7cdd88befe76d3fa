package io.taskgate.task;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.taskgate.access.Action;
import io.taskgate.audit.AuditLog;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.support.Ids;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.JsonBody;
import io.taskgate.web.Page;
import io.taskgate.web.Versions;
import tools.jackson.databind.JsonNode;

/** A project's ordered lists: readable with the project, created and changed by editors and up. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/projects/{projectId}/lists")
class TaskListController {

    private static final int MAX_NAME = 200;

    private final TaskLists lists;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;

    TaskListController(TaskLists lists, Authorization authorization, AuditLog audit, Clock clock) {
        this.lists = lists;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    record ListView(String id, String projectId, String name, long order, Instant createdAt, String createdBy,
            Instant updatedAt, long version) {

        static ListView of(TaskLists.TaskList list) {
            return new ListView(list.id(), list.projectId(), list.name(), list.order(), list.createdAt(),
                    list.createdBy(), list.updatedAt(), list.version());
        }
    }

    @GetMapping
    public Page<ListView> list(Caller caller, @PathVariable String workspaceId, @PathVariable String projectId) {
        enter(caller, workspaceId, projectId, Action.PROJECT_READ);
        return new Page<>(lists.list(workspaceId, projectId).stream().map(ListView::of).toList(), null);
    }

    @GetMapping("/{listId}")
    public ResponseEntity<ListView> get(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @PathVariable String listId) {
        enter(caller, workspaceId, projectId, Action.PROJECT_READ);
        return answer(HttpStatus.OK, find(workspaceId, projectId, listId));
    }

    @PostMapping
    @Transactional
    public ResponseEntity<ListView> create(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @RequestBody JsonNode json) {
        JsonBody body = JsonBody.of(json);
        String name = name(body, true);
        Long order = body.integer("order", json);
        body.throwIfInvalid();
        enter(caller, workspaceId, projectId, Action.LIST_CREATE);
        Instant now = clock.instant();
        var list = new TaskLists.TaskList(workspaceId, projectId, Ids.next("list", clock), name,
                order == null ? lists.nextOrder(workspaceId, projectId) : order, now, caller.id(), now, 1);
        lists.insert(list);
        audit.record(workspaceId, caller, "list.created", "list", list.id(), "project=" + projectId);
        return answer(HttpStatus.CREATED, list);
    }

    @PatchMapping("/{listId}")
    @Transactional
    public ResponseEntity<ListView> update(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @PathVariable String listId, @RequestBody JsonNode json,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        JsonBody body = JsonBody.of(json);
        String name = body.has("name") ? name(body, true) : null;
        Long order = body.integer("order", json);
        body.throwIfInvalid();
        enter(caller, workspaceId, projectId, Action.LIST_UPDATE);
        TaskLists.TaskList current = find(workspaceId, projectId, listId);
        long expected = expectedVersion(ifMatch, current.version());
        var changed = new TaskLists.TaskList(workspaceId, projectId, listId, name == null ? current.name() : name,
                order == null ? current.order() : order, current.createdAt(), current.createdBy(), clock.instant(),
                current.version() + 1);
        if (!lists.update(changed, expected)) {
            throw ifMatch != null ? Versions.preconditionFailed() : Versions.concurrentUpdate();
        }
        audit.record(workspaceId, caller, "list.updated", "list", listId, null);
        return answer(HttpStatus.OK, changed);
    }

    @DeleteMapping("/{listId}")
    @Transactional
    public ResponseEntity<Void> delete(Caller caller, @PathVariable String workspaceId,
            @PathVariable String projectId, @PathVariable String listId,
            @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
        enter(caller, workspaceId, projectId, Action.LIST_UPDATE);
        TaskLists.TaskList current = find(workspaceId, projectId, listId);
        if (!lists.delete(workspaceId, listId, expectedVersion(ifMatch, current.version()))) {
            throw ifMatch != null ? Versions.preconditionFailed() : Versions.concurrentUpdate();
        }
        audit.record(workspaceId, caller, "list.deleted", "list", listId, null);
        return ResponseEntity.noContent().build();
    }

    private void enter(Caller caller, String workspaceId, String projectId, Action action) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        authorization.requireProject(principal, projectId, action);
    }

    private TaskLists.TaskList find(String workspaceId, String projectId, String listId) {
        return lists.find(workspaceId, projectId, listId).orElseThrow(() -> ApiProblem.notFound("List " + listId));
    }

    private static long expectedVersion(@Nullable String ifMatch, long current) {
        Long demanded = Versions.ifMatch(ifMatch);
        if (demanded != null && demanded != current) {
            throw Versions.preconditionFailed();
        }
        return current;
    }

    private static @Nullable String name(JsonBody body, boolean required) {
        String name = body.string("name");
        if (name == null || name.isBlank() || TaskFields.length(name) > MAX_NAME) {
            if (required || body.has("name")) {
                body.invalid("name", "must be 1 to " + MAX_NAME + " characters");
            }
            return null;
        }
        return name.strip();
    }

    private static ResponseEntity<ListView> answer(HttpStatus status, TaskLists.TaskList list) {
        return ResponseEntity.status(status).eTag(Versions.etag(list.version())).body(ListView.of(list));
    }
}
