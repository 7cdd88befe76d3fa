package io.taskgate.task;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.access.Action;
import io.taskgate.audit.AuditLog;
import io.taskgate.authorization.Authorization;
import io.taskgate.identity.Caller;
import io.taskgate.support.Ids;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Cursors;
import io.taskgate.web.JsonBody;
import io.taskgate.web.Page;
import io.taskgate.web.Precondition;
import io.taskgate.web.Versions;

import tools.jackson.databind.JsonNode;

/**
 * Use cases of a project's ordered lists, for the API and the console alike: readable with the
 * project ({@code project.read}), created by {@code list.create}, renamed, reordered and deleted
 * by {@code list.update} — editors and up, as the decision core judges.
 */
@Service
public class TaskListService {

    static final int MAX_NAME = 200;

    private final TaskLists lists;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;

    TaskListService(TaskLists lists, Authorization authorization, AuditLog audit, Clock clock) {
        this.lists = lists;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
    }

    public record ListView(String id, String projectId, String name, long order, Instant createdAt, String createdBy,
            Instant updatedAt, long version) {

        static ListView of(TaskLists.TaskList list) {
            return new ListView(list.id(), list.projectId(), list.name(), list.order(), list.createdAt(),
                    list.createdBy(), list.updatedAt(), list.version());
        }
    }

    /**
     * A list's fields as a request sent them, validated with the API's rules and messages: a
     * name of 1 to 200 characters (required when creating) and an optional integer order.
     */
    public record ListFields(@Nullable String name, @Nullable Long order) {

        public static ListFields parse(JsonNode json, boolean creating) {
            JsonBody body = JsonBody.of(json);
            if (!creating && body.has("projectId")) {
                // A list stays in its project: a client sending one expects a move that will not happen.
                body.invalid("projectId", "cannot change: a list stays in the project it was created in");
            }
            String name = creating || body.has("name") ? name(body) : null;
            Long order = TaskFields.order(body, "order", json);
            body.throwIfInvalid();
            return new ListFields(name, order);
        }

        private static @Nullable String name(JsonBody body) {
            String name = body.string("name");
            if (name == null || name.isBlank() || TaskFields.length(name) > MAX_NAME) {
                body.invalid("name", "must be 1 to " + MAX_NAME + " characters");
                return null;
            }
            return name.strip();
        }
    }

    public List<ListView> list(Caller caller, String workspaceId, String projectId) {
        enter(caller, workspaceId, projectId, Action.PROJECT_READ);
        return lists.list(workspaceId, projectId).stream().map(ListView::of).toList();
    }

    /**
     * A page of the project's lists in their order. The cursor holds the last list's order and
     * id, so a list moved or deleted between pages neither ends the walk nor hides the rest.
     */
    public Page<ListView> page(Caller caller, String workspaceId, String projectId, @Nullable String cursor,
            @Nullable Integer limit) {
        enter(caller, workspaceId, projectId, Action.PROJECT_READ);
        int size = Cursors.limit(limit);
        Cursors.SortKey after = Cursors.decodeSortKey(cursor, "list");
        List<TaskLists.TaskList> rows = lists.page(workspaceId, projectId,
                after == null ? null : new TaskLists.Place(after.numericKey(), after.id()), size + 1);
        return Page.fromOverfetchBySortKey(rows, size, list -> Cursors.SortKey.of(list.order(), list.id()))
                .map(ListView::of);
    }

    public ListView get(Caller caller, String workspaceId, String projectId, String listId) {
        enter(caller, workspaceId, projectId, Action.PROJECT_READ);
        return ListView.of(find(workspaceId, projectId, listId));
    }

    @Transactional
    public ListView create(Caller caller, String workspaceId, String projectId, ListFields fields) {
        if (fields.name() == null) {
            throw ApiProblem.invalid("name", "must be 1 to " + MAX_NAME + " characters");
        }
        enter(caller, workspaceId, projectId, Action.LIST_CREATE);
        Instant now = clock.instant();
        var list = new TaskLists.TaskList(workspaceId, projectId, Ids.next("list", clock), fields.name(),
                fields.order() == null ? lists.nextOrder(workspaceId, projectId) : fields.order(), now, caller.id(),
                now, 1);
        lists.insert(list);
        audit.recordIn(AuditLog.Scope.project(projectId), workspaceId, caller, "list.created", "list", list.id(),
                "project=" + projectId);
        return ListView.of(list);
    }

    /** {@code expectedVersion} works as {@code If-Match}: a stale change gets 412. */
    @Transactional
    public ListView update(Caller caller, String workspaceId, String projectId, String listId, ListFields fields,
            @Nullable Precondition expectedVersion) {
        enter(caller, workspaceId, projectId, Action.LIST_UPDATE);
        TaskLists.TaskList current = find(workspaceId, projectId, listId);
        long expected = expectedVersion(expectedVersion, current.version());
        if ((fields.name() == null || fields.name().equals(current.name()))
                && (fields.order() == null || fields.order() == current.order())) {
            // Nothing to write: the version (so the ETag) stays, and no event says something changed.
            return ListView.of(current);
        }
        var changed = new TaskLists.TaskList(workspaceId, projectId, listId,
                fields.name() == null ? current.name() : fields.name(),
                fields.order() == null ? current.order() : fields.order(), current.createdAt(), current.createdBy(),
                clock.instant(), current.version() + 1);
        if (!lists.update(changed, expected)) {
            throw Versions.lostRace(expectedVersion);
        }
        audit.recordIn(AuditLog.Scope.project(projectId), workspaceId, caller, "list.updated", "list", listId, null);
        return ListView.of(changed);
    }

    @Transactional
    public void delete(Caller caller, String workspaceId, String projectId, String listId,
            @Nullable Precondition expectedVersion) {
        enter(caller, workspaceId, projectId, Action.LIST_UPDATE);
        lists.lock(workspaceId, listId);
        TaskLists.TaskList current = find(workspaceId, projectId, listId);
        long version = expectedVersion(expectedVersion, current.version());
        int unlisted = lists.unlistTasks(workspaceId, listId, caller.id(), clock.instant());
        if (!lists.delete(workspaceId, listId, version)) {
            throw Versions.lostRace(expectedVersion);
        }
        audit.recordIn(AuditLog.Scope.project(projectId), workspaceId, caller, "list.deleted", "list", listId,
                "tasksUnlisted=" + unlisted);
    }

    private void enter(Caller caller, String workspaceId, String projectId, Action action) {
        authorization.requireProject(authorization.enter(caller, workspaceId), projectId, action);
    }

    private TaskLists.TaskList find(String workspaceId, String projectId, String listId) {
        return lists.find(workspaceId, projectId, listId).orElseThrow(() -> ApiProblem.notFound("List " + listId));
    }

    private static long expectedVersion(@Nullable Precondition demanded, long current) {
        Versions.requireCurrent(demanded, current);
        return current;
    }
}
