package io.taskgate.task;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.taskgate.access.Action;
import io.taskgate.access.CredentialState;
import io.taskgate.access.Decision;
import io.taskgate.access.ProjectFacts;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectResource;
import io.taskgate.access.TaskResource;
import io.taskgate.access.UpdateScope;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.audit.AuditLog;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.ExplanationView;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.support.Ids;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.Cursors;
import io.taskgate.web.FieldError;
import io.taskgate.web.Page;
import io.taskgate.web.Precondition;
import io.taskgate.web.Versions;

/** Use cases of tasks: every one asks the decision core, and every change is versioned and audited. */
@Service
class TaskService {

    private final Tasks tasks;
    private final TaskQuery query;
    private final TaskReferences references;
    private final Authorization authorization;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    TaskService(Tasks tasks, TaskQuery query, TaskReferences references, Authorization authorization,
            AuditLog audit, Clock clock, PlatformTransactionManager transactionManager) {
        this.tasks = tasks;
        this.query = query;
        this.references = references;
        this.authorization = authorization;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    Tasks.Task create(Caller caller, String workspaceId, TaskFields fields, @Nullable String forcedType) {
        if (!fields.placesInLists()) {
            // The task and its event are one statement (on PostgreSQL): no transaction to begin and commit.
            return createChecked(caller, workspaceId, fields, forcedType);
        }
        return Objects.requireNonNull(
                transactions.execute(status -> createChecked(caller, workspaceId, fields, forcedType)));
    }

    private Tasks.Task createChecked(Caller caller, String workspaceId, TaskFields fields,
            @Nullable String forcedType) {
        String type = fields.typeToCreate(forcedType);
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId,
                type.equals("project") ? fields.projectId() : null);
        String id = Ids.next("task", clock);
        ProjectFacts project = null;
        switch (type) {
            case "project" -> {
                project = authorization.requireReferencedProject(principal, "projectId",
                        String.valueOf(fields.projectId()));
                authorization.require(principal, Action.TASK_CREATE, new ProjectResource(project));
            }
            case "staff" -> authorization.require(principal, WorkspacePermission.STAFF_TASKS_MANAGE);
            default -> authorization.require(principal, Action.TASK_CREATE, TaskResource.ofPrivate(id, caller.id()));
        }
        if (fields.assigneeId() != null) {
            requireAssigneeMayRead(workspaceId, fields.assigneeId(), type,
                    project == null ? null : project.projectId(), id, caller.id());
        }
        if (fields.placesInLists()) {
            references.requireListsOf(workspaceId, project.projectId(), fields.lists(), mayRead(principal));
        }
        Instant now = clock.instant();
        var task = new Tasks.Task(workspaceId, id, type, project == null ? null : project.projectId(),
                fields.title().strip(), fields.description() == null ? "" : fields.description(),
                fields.status() == null ? "pending" : fields.status(),
                fields.priority() == null ? "medium" : fields.priority(), fields.dueAt(),
                fields.blockers() == null ? List.of() : fields.blockers(), fields.assigneeId(), caller.id(), now,
                caller.id(), now, 1, List.of());
        tasks.insert(task, new AuditLog.Event(workspaceId, caller, "task.created", "task", id, "type=" + type,
                scopeOf(task)));
        if (!fields.placesInLists()) {
            return task;
        }
        tasks.place(workspaceId, id, fields.lists());
        // Only list placements are completed by SQL (an order left out goes last): re-read just then.
        return tasks.find(workspaceId, id).orElseThrow();
    }

    Tasks.Task get(Caller caller, String workspaceId, String taskId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        Tasks.Task task = find(workspaceId, taskId);
        authorization.require(principal, Action.TASK_READ, resource(principal, task, UpdateScope.ANY_FIELD));
        return task;
    }

    Page<Tasks.Task> list(Caller caller, String workspaceId, TaskQuery.Filter filter, @Nullable String cursor,
            @Nullable Integer limit) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        int size = Cursors.limit(limit);
        List<Tasks.Task> rows = query.page(workspaceId, principal.principalType(), principal.id(),
                TaskReadScope.of(principal.facts()), filter, Cursors.decode(cursor, "task"), size + 1,
                (what, compute) -> authorization.kept(principal, what, compute));
        return Page.fromOverfetch(rows, size, Tasks.Task::id);
    }

    @Transactional
    Tasks.Task update(Caller caller, String workspaceId, String taskId, TaskFields fields,
            @Nullable Precondition expectedVersion) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        Tasks.Task current = find(workspaceId, taskId);
        UpdateScope scope = fields.changesOnlyStatusAndBlockers(current) ? UpdateScope.STATUS_AND_BLOCKERS
                : UpdateScope.ANY_FIELD;
        requireMayUpdate(principal, current, fields, scope);
        Versions.requireCurrent(expectedVersion, current.version());
        rejectImmutable(fields, current);
        if (fields.assigneeId() != null && !fields.assigneeId().equals(current.assigneeId())) {
            requireAssigneeMayRead(workspaceId, fields.assigneeId(), current.type(), current.projectId(), taskId,
                    current.createdBy());
        }
        if (fields.placesInLists()) {
            references.requireListsOf(workspaceId, current.projectId(), fields.lists(), mayRead(principal));
        }
        if (fields.changesNothing(current)) {
            // Nothing to write: the version (so the ETag) stays, and no event says something changed.
            return current;
        }
        var changed = new Tasks.Task(workspaceId, taskId, current.type(), current.projectId(),
                fields.has("title") ? fields.title().strip() : current.title(),
                fields.has("description") ? nullToEmpty(fields.description()) : current.description(),
                fields.has("status") ? fields.status() : current.status(),
                fields.has("priority") ? fields.priority() : current.priority(),
                fields.has("dueAt") ? fields.dueAt() : current.dueAt(),
                fields.has("blockers") ? fields.blockers() : current.blockers(),
                fields.has("assigneeId") ? fields.assigneeId() : current.assigneeId(), current.createdBy(),
                current.createdAt(), caller.id(), clock.instant(), current.version() + 1, List.of());
        if (!tasks.update(changed, current.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        if (fields.lists() != null && fields.changesLists(current)) {
            tasks.place(workspaceId, taskId, fields.lists());
        }
        audit.recordIn(scopeOf(current), workspaceId, caller, "task.updated", "task", taskId,
                "fields=" + fields.present());
        return tasks.find(workspaceId, taskId).orElseThrow();
    }

    /** Where the trail keeps a task's events: in its project, or its creator's alone when it is private. */
    private static AuditLog.Scope scopeOf(Tasks.Task task) {
        return task.type().equals("private") ? AuditLog.Scope.privateTo(task.createdBy())
                : AuditLog.Scope.project(task.projectId());
    }

    @Transactional
    void delete(Caller caller, String workspaceId, String taskId, @Nullable Precondition expectedVersion) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        Tasks.Task current = find(workspaceId, taskId);
        authorization.require(principal, Action.TASK_DELETE, resource(principal, current, UpdateScope.ANY_FIELD));
        Versions.requireCurrent(expectedVersion, current.version());
        if (!tasks.delete(workspaceId, taskId, current.version())) {
            throw Versions.lostRace(expectedVersion);
        }
        audit.recordIn(scopeOf(current), workspaceId, caller, "task.deleted", "task", taskId, null);
    }

    /**
     * A task given to someone who cannot read it would sit where its assignee can neither see nor
     * update it: refused with 422 naming {@code assigneeId}, with the remedies that would let them
     * read it (add them to the project, say). The decision is the core's, as for any reader.
     */
    private void requireAssigneeMayRead(String workspaceId, String assigneeId, String type,
            @Nullable String projectId, String taskId, String createdBy) {
        String assigneeType = references.requireActivePrincipal(workspaceId, "assigneeId", assigneeId);
        if (type.equals("staff")) {
            return; // a staff task's assignee always reads it
        }
        PrincipalFacts assignee = authorization.principal(workspaceId, assigneeType, assigneeId,
                CredentialState.ACTIVE).orElseThrow(() -> ApiProblem.referenceNotFound("assigneeId", assigneeId));
        TaskResource resource = type.equals("project")
                ? TaskResource.ofProject(taskId, authorization.project(workspaceId, assignee,
                        Objects.requireNonNull(projectId)).orElseThrow(
                                () -> ApiProblem.referenceNotFound("projectId", projectId)), createdBy, assigneeId)
                : TaskResource.ofPrivate(taskId, createdBy);
        Decision decision = authorization.decideFor(assignee, Action.TASK_READ, resource);
        if (decision.allowed()) {
            return;
        }
        throw type.equals("project")
                ? ApiProblem.invalid("assigneeId", "cannot read this project's tasks, so could not work on this one: "
                        + "give them a role in the project first (see remedies)")
                        .with("remedies", ExplanationView.of(decision).remedies())
                : ApiProblem.invalid("assigneeId", "a private task is visible to its creator alone, so only they may "
                        + "be its assignee");
    }

    /**
     * Refused a change, an assignee who may still change status and blockers is told so: the 403
     * adds {@code limitedTo} (as {@code authz/check} does) and the {@code refusedFields} it sent.
     */
    private void requireMayUpdate(WorkspacePrincipal principal, Tasks.Task current, TaskFields fields,
            UpdateScope scope) {
        TaskResource resource = resource(principal, current, scope);
        Decision decision = authorization.decide(principal, Action.TASK_UPDATE, resource);
        if (decision.allowed()) {
            return;
        }
        ApiProblem refusal = authorization.refusal(principal, resource, decision);
        boolean mayChangeStatusAndBlockers = scope == UpdateScope.ANY_FIELD && decision.visible()
                && authorization.decide(principal, Action.TASK_UPDATE,
                        resource.withUpdateScope(UpdateScope.STATUS_AND_BLOCKERS)).allowed();
        throw mayChangeStatusAndBlockers ? refusal.with("limitedTo", List.of("status", "blockers"))
                .with("refusedFields", fields.changedBeyondStatusAndBlockers(current)) : refusal;
    }

    private Predicate<String> mayRead(WorkspacePrincipal principal) {
        return projectId -> authorization.project(principal, projectId)
                .map(facts -> authorization.decide(principal, Action.PROJECT_READ, new ProjectResource(facts)).allowed())
                .orElse(false);
    }

    /** The task as the decision core sees it, with its project's facts for this principal. */
    TaskResource resource(WorkspacePrincipal principal, Tasks.Task task, UpdateScope scope) {
        TaskResource resource = switch (task.type()) {
            case "project" -> TaskResource.ofProject(task.id(),
                    authorization.project(principal, task.projectId()).orElseThrow(), task.createdBy(),
                    task.assigneeId());
            case "staff" -> TaskResource.ofStaff(task.id(), task.createdBy(), String.valueOf(task.assigneeId()));
            default -> TaskResource.ofPrivate(task.id(), task.createdBy());
        };
        return resource.withUpdateScope(scope);
    }

    Decision decide(WorkspacePrincipal principal, Action action, Tasks.Task task) {
        return authorization.decide(principal, action, resource(principal, task, UpdateScope.ANY_FIELD));
    }

    private Tasks.Task find(String workspaceId, String taskId) {
        return tasks.find(workspaceId, taskId).orElseThrow(() -> ApiProblem.notFound("Task " + taskId));
    }

    private static void rejectImmutable(TaskFields fields, Tasks.Task current) {
        if (fields.has("type") && !current.type().equals(fields.type())) {
            throw ApiProblem.invalid("type", "cannot change: create a new task instead");
        }
        if (fields.has("projectId") && !java.util.Objects.equals(current.projectId(), fields.projectId())) {
            throw ApiProblem.invalid("projectId", "cannot change: create the task in the other project instead");
        }
        if (fields.has("title") && fields.title() == null) {
            throw ApiProblem.invalid("title", "must be 1 to " + TaskFields.MAX_TITLE + " characters");
        }
        if (fields.has("lists") && fields.placesInLists() && current.projectId() == null) {
            throw ApiProblem.invalid("lists", "only a project task sits in lists");
        }
        if (current.type().equals("staff") && fields.has("assigneeId") && fields.assigneeId() == null) {
            throw ApiProblem.invalid("assigneeId", "a staff task must stay assigned");
        }
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
