package io.taskgate.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.taskgate.access.Action;
import io.taskgate.access.CredentialState;
import io.taskgate.access.ProjectFacts;
import io.taskgate.access.TaskResource;
import io.taskgate.access.UpdateScope;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.authorization.Authorization;
import io.taskgate.authorization.WorkspacePrincipal;
import io.taskgate.identity.Caller;
import io.taskgate.web.ApiProblem;
import io.taskgate.web.JsonBody;
import io.taskgate.web.Page;
import io.taskgate.web.Precondition;

import tools.jackson.databind.JsonNode;

/**
 * What a project's task board (the web console) needs from tasks, as a small public API over
 * the same use cases as the HTTP API: a form is handed in as the JSON body the API would get,
 * so it is parsed and refused with exactly the API's 422 messages.
 */
@Component
public class TaskBoard {

    /** A board holds at most this many tasks of a project: beyond it, filter. */
    public static final int MAX_CARDS = 1000;

    private final TaskService tasks;
    private final TaskLists lists;
    private final Authorization authorization;

    TaskBoard(TaskService tasks, TaskLists lists, Authorization authorization) {
        this.tasks = tasks;
        this.lists = lists;
        this.authorization = authorization;
    }

    public record Card(String id, String type, String title, String description, String status, String priority,
            @Nullable Instant dueAt, List<String> blockers, @Nullable String assigneeId, List<String> listIds,
            String createdBy, long version, @Nullable String projectId) {

        static Card of(Tasks.Task task) {
            return new Card(task.id(), task.type(), task.title(), task.description(), task.status(), task.priority(),
                    task.dueAt(), task.blockers(), task.assigneeId(),
                    task.lists().stream().map(TaskFields.Placement::id).toList(), task.createdBy(), task.version(),
                    task.projectId());
        }
    }

    /**
     * A task of the viewer's own, the name of its project (null for a staff or private task), and
     * whether they may change its status (and blockers).
     */
    public record MyTask(Card card, @Nullable String projectName, boolean movable) {
    }

    /** The viewer's own tasks, oldest first; {@code complete} is false when {@link #MAX_CARDS} cut them short. */
    public record MyTasks(List<MyTask> tasks, boolean complete) {
    }

    public record ListRef(String id, String name) {
    }

    public Card create(Caller caller, String workspaceId, JsonNode body) {
        return Card.of(tasks.create(caller, workspaceId, TaskFields.parseNew(JsonBody.of(body), null), null));
    }

    /**
     * A staff task, as {@code POST …/staff/tasks} creates it: the body is of type staff whatever it
     * says, so only holders of {@code staff_tasks.manage} may, and the assignee is required.
     */
    public Card createStaff(Caller caller, String workspaceId, JsonNode body) {
        return Card.of(tasks.create(caller, workspaceId, TaskFields.parseNew(JsonBody.of(body), "staff"), "staff"));
    }

    /** Tasks of a listing, oldest first; {@code complete} is false when {@link #MAX_CARDS} cut them short. */
    public record Cards(List<Card> tasks, boolean complete) {
    }

    /**
     * Every staff task of the workspace, for a holder of {@code staff_tasks.manage}: anyone else
     * is refused with the core's 403 (what is missing, what would allow it), not shown the few
     * assigned to them as if they were all.
     */
    public Cards staffTasks(Caller caller, String workspaceId) {
        authorization.require(authorization.enter(caller, workspaceId), WorkspacePermission.STAFF_TASKS_MANAGE);
        return walk(caller, workspaceId, new TaskQuery.Filter(null, null, null, null, "staff", null, null, null));
    }

    /** The tasks of the listing the caller may read, page after page, up to {@link #MAX_CARDS}. */
    private Cards walk(Caller caller, String workspaceId, TaskQuery.Filter filter) {
        List<Card> cards = new ArrayList<>();
        String cursor = null;
        do {
            Page<Tasks.Task> page = tasks.list(caller, workspaceId, filter, cursor, 200);
            page.items().forEach(task -> cards.add(Card.of(task)));
            cursor = page.nextCursor();
        } while (cursor != null && cards.size() < MAX_CARDS);
        return new Cards(cards, cursor == null);
    }

    /**
     * One task the caller may read, whatever its type, and what it may do with it — change every
     * field, only status and blockers, delete it — as the decision core judges the API's PATCH and
     * DELETE, so a page offers exactly the controls the server would accept.
     */
    public record Opened(Card card, boolean editable, boolean movable, boolean deletable) {
    }

    /** The task and the caller's rights on it: 404 for a task it cannot read, as the API answers. */
    public Opened open(Caller caller, String workspaceId, String taskId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        Tasks.Task task = tasks.get(caller, workspaceId, taskId);
        return new Opened(Card.of(task),
                authorization.decide(principal, Action.TASK_UPDATE,
                        tasks.resource(principal, task, UpdateScope.ANY_FIELD)).allowed(),
                authorization.decide(principal, Action.TASK_UPDATE,
                        tasks.resource(principal, task, UpdateScope.STATUS_AND_BLOCKERS)).allowed(),
                tasks.decide(principal, Action.TASK_DELETE, task).allowed());
    }

    /** Deletes a task outside any project's board, as {@code DELETE …/tasks/{id}} does. */
    public void delete(Caller caller, String workspaceId, String taskId, @Nullable Precondition expectedVersion) {
        tasks.delete(caller, workspaceId, taskId, expectedVersion);
    }

    /** {@code expectedVersion} works as {@code If-Match}: a card moved from a stale board gets 412. */
    public Card update(Caller caller, String workspaceId, String taskId, JsonNode body,
            @Nullable Precondition expectedVersion) {
        return Card.of(tasks.update(caller, workspaceId, taskId, TaskFields.parse(JsonBody.of(body)),
                expectedVersion));
    }

    /** Deletes a task of this project's board, as {@code DELETE …/tasks/{id}} does; {@code expectedVersion} works as If-Match. */
    public void delete(Caller caller, String workspaceId, String projectId, String taskId,
            @Nullable Precondition expectedVersion) {
        get(caller, workspaceId, projectId, taskId);
        tasks.delete(caller, workspaceId, taskId, expectedVersion);
    }

    /** Whether the caller may delete the card ({@code task.delete}, as the decision core judges it). */
    public boolean deletable(Caller caller, String workspaceId, String projectId, Card card) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId, projectId);
        return authorization.project(principal, projectId)
                .map(project -> authorization.decide(principal, Action.TASK_DELETE,
                        TaskResource.ofProject(card.id(), project, card.createdBy(), card.assigneeId())).allowed())
                .orElse(false);
    }

    /** A task of this project's board: 404 for a task the caller cannot read, or one of another project. */
    public Card get(Caller caller, String workspaceId, String projectId, String taskId) {
        Tasks.Task task = tasks.get(caller, workspaceId, taskId);
        if (!projectId.equals(task.projectId())) {
            throw ApiProblem.notFound("Task " + taskId);
        }
        return Card.of(task);
    }

    /** The project's tasks the caller may read, through the API's own listing and its visibility filter. */
    public List<Card> cards(Caller caller, String workspaceId, String projectId, @Nullable String assigneeId,
            @Nullable String listId) {
        return walk(caller, workspaceId,
                new TaskQuery.Filter(projectId, listId, assigneeId, null, "project", null, null, null)).tasks();
    }

    /**
     * The caller's own work, whatever its project: the tasks assigned to it (staff tasks
     * included) and its private tasks, through the API's listing and its visibility filter. The
     * projects' facts are loaded once for the page.
     */
    public MyTasks mine(Caller caller, String workspaceId) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId);
        Map<String, Tasks.Task> mine = new TreeMap<>();
        boolean complete = true;
        for (var filter : List.of(new TaskQuery.Filter(null, null, caller.id(), null, null, null, null, null),
                new TaskQuery.Filter(null, null, null, null, "private", null, null, null))) {
            String cursor = null;
            do {
                Page<Tasks.Task> page = tasks.list(caller, workspaceId, filter, cursor, 200);
                page.items().forEach(task -> mine.put(task.id(), task));
                cursor = page.nextCursor();
            } while (cursor != null && mine.size() < MAX_CARDS);
            complete &= cursor == null;
        }
        Map<String, ProjectFacts> projects = authorization.projects(principal, mine.values().stream()
                .map(Tasks.Task::projectId).filter(Objects::nonNull).distinct().toList());
        List<MyTask> shown = mine.values().stream().map(task -> {
            ProjectFacts project = task.projectId() == null ? null : projects.get(task.projectId());
            TaskResource resource = switch (task.type()) {
                case "project" -> project == null ? null
                        : TaskResource.ofProject(task.id(), project, task.createdBy(), task.assigneeId());
                case "staff" -> TaskResource.ofStaff(task.id(), task.createdBy(), String.valueOf(task.assigneeId()));
                default -> TaskResource.ofPrivate(task.id(), task.createdBy());
            };
            boolean movable = resource != null && authorization.decide(principal, Action.TASK_UPDATE,
                    resource.withUpdateScope(UpdateScope.STATUS_AND_BLOCKERS)).allowed();
            return new MyTask(Card.of(task), project == null ? null : project.name(), movable);
        }).toList();
        return new MyTasks(shown, complete);
    }

    /**
     * The cards among {@code cards} whose status the caller may change — {@code task.update} of
     * status only, as the decision core judges it for the API's PATCH — so a board offers its move
     * control to exactly those. The project's facts are loaded once for the whole board.
     */
    public Set<String> movable(Caller caller, String workspaceId, String projectId, List<Card> cards) {
        return updatable(caller, workspaceId, projectId, cards, UpdateScope.STATUS_AND_BLOCKERS);
    }

    /** The cards among {@code cards} whose every field the caller may change: its edit form is live. */
    public Set<String> editable(Caller caller, String workspaceId, String projectId, List<Card> cards) {
        return updatable(caller, workspaceId, projectId, cards, UpdateScope.ANY_FIELD);
    }

    private Set<String> updatable(Caller caller, String workspaceId, String projectId, List<Card> cards,
            UpdateScope scope) {
        WorkspacePrincipal principal = authorization.enter(caller, workspaceId, projectId);
        return authorization.project(principal, projectId)
                .map(project -> cards.stream()
                        .filter(card -> authorization.decide(principal, Action.TASK_UPDATE,
                                TaskResource.ofProject(card.id(), project, card.createdBy(), card.assigneeId())
                                        .withUpdateScope(scope)).allowed())
                        .map(Card::id)
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    /** A person or API client a picker might offer, by type and id. */
    public record Candidate(String type, String id) {
    }

    /**
     * The candidates who could be given a task of the project: those who may read its tasks, as
     * the decision core judges it for the API (a guest user outside the project may not), so an
     * assignee picker offers no one the server would refuse.
     */
    public Set<String> assignable(Caller caller, String workspaceId, String projectId, List<Candidate> candidates) {
        authorization.requireProject(authorization.enter(caller, workspaceId), projectId, Action.PROJECT_READ);
        Set<String> assignable = new java.util.HashSet<>();
        for (Candidate candidate : candidates) {
            authorization.principal(workspaceId, candidate.type(), candidate.id(), CredentialState.ACTIVE)
                    .flatMap(facts -> authorization.project(workspaceId, facts, projectId)
                            .filter(project -> authorization.decideFor(facts, Action.TASK_READ,
                                    TaskResource.ofProject("new", project, facts.id(), candidate.id())).allowed()))
                    .ifPresent(project -> assignable.add(candidate.id()));
        }
        return Set.copyOf(assignable);
    }

    public List<ListRef> lists(Caller caller, String workspaceId, String projectId) {
        authorization.requireProject(authorization.enter(caller, workspaceId), projectId, Action.PROJECT_READ);
        return lists.list(workspaceId, projectId).stream().map(list -> new ListRef(list.id(), list.name())).toList();
    }
}
