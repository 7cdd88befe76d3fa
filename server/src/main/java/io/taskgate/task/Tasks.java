package io.taskgate.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.audit.AuditLog;
import io.taskgate.support.Timestamps;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of tasks and of their places in lists. */
@Repository
class Tasks {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private static final String INSERT = """
            insert into task (workspace_id, id, type, project_id, title, description, status, priority, due_at,
                              blockers, assignee_id, created_by, created_at, updated_by, updated_at, version)
            values (:ws, :id, :type, :project, :title, :description, :status, :priority, :dueAt, :blockers,
                    :assignee, :by, :at, :by, :at, 1)
            """;

    /**
     * The blockers column, written and read back as it is stored: not the API's mapper, whose
     * refusals of text (bidirectional controls, say) are for requests and would turn a task saved
     * before a refusal existed into a 500 on every read.
     */
    private static final JsonMapper STORED = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TaskLists lists;

    Tasks(JdbcClient jdbc, AuditLog audit, TaskLists lists) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.lists = lists;
    }

    record Task(String workspaceId, String id, String type, @Nullable String projectId, String title,
            String description, String status, String priority, @Nullable Instant dueAt, List<String> blockers,
            @Nullable String assigneeId, String createdBy, Instant createdAt, String updatedBy, Instant updatedAt,
            long version, List<TaskFields.Placement> lists) {

        Task withLists(List<TaskFields.Placement> placements) {
            return new Task(workspaceId, id, type, projectId, title, description, status, priority, dueAt, blockers,
                    assigneeId, createdBy, createdAt, updatedBy, updatedAt, version, placements);
        }
    }

    /** The new task and the event recording it, as one atomic write (one statement on PostgreSQL). */
    void insert(Task task, AuditLog.Event created) {
        audit.recordWith(INSERT, insertParameters(task), created);
    }

    private Map<String, @Nullable Object> insertParameters(Task task) {
        Map<String, @Nullable Object> parameters = new HashMap<>();
        parameters.put("ws", task.workspaceId());
        parameters.put("id", task.id());
        parameters.put("type", task.type());
        parameters.put("project", task.projectId());
        parameters.put("title", task.title());
        parameters.put("description", task.description());
        parameters.put("status", task.status());
        parameters.put("priority", task.priority());
        parameters.put("dueAt", Timestamps.utc(task.dueAt()));
        parameters.put("blockers", STORED.writeValueAsString(task.blockers()));
        parameters.put("assignee", task.assigneeId());
        parameters.put("by", task.createdBy());
        parameters.put("at", Timestamps.utc(task.createdAt()));
        return parameters;
    }

    /** Compare-and-set on the version: false when someone else changed the task first. */
    boolean update(Task task, long expectedVersion) {
        return jdbc.sql("""
                update task set title = :title, description = :description, status = :status, priority = :priority,
                       due_at = :dueAt, blockers = :blockers, assignee_id = :assignee, updated_by = :by,
                       updated_at = :at, version = version + 1
                 where workspace_id = :ws and id = :id and version = :expected
                """)
                .param("title", task.title())
                .param("description", task.description())
                .param("status", task.status())
                .param("priority", task.priority())
                .param("dueAt", Timestamps.utc(task.dueAt()))
                .param("blockers", STORED.writeValueAsString(task.blockers()))
                .param("assignee", task.assigneeId())
                .param("by", task.updatedBy())
                .param("at", Timestamps.utc(task.updatedAt()))
                .param("ws", task.workspaceId())
                .param("id", task.id())
                .param("expected", expectedVersion)
                .update() == 1;
    }

    boolean delete(String workspaceId, String id, long expectedVersion) {
        return jdbc.sql("delete from task where workspace_id = :ws and id = :id and version = :expected")
                .param("ws", workspaceId)
                .param("id", id)
                .param("expected", expectedVersion)
                .update() == 1;
    }

    static final String COLUMNS = """
            t.workspace_id, t.id, t.type, t.project_id, t.title, t.description, t.status, t.priority, t.due_at,
            t.blockers, t.assignee_id, t.created_by, t.created_at, t.updated_by, t.updated_at, t.version
            """;

    /**
     * Tasks aliased {@code t}, each joined to its places in lists: a row per place (one with
     * nulls when in none). Select {@code COLUMNS + WITH_LISTS_COLUMNS} and order by task (then
     * list); {@link #withLists} folds the rows back into tasks, so a page costs one round trip.
     */
    static final String WITH_LISTS_COLUMNS = ", l.list_id, l.sort_order";
    static final String WITH_LISTS_JOIN =
            " left join task_in_list l on l.workspace_id = t.workspace_id and l.task_id = t.id";

    /** The task with its places in lists, in one round trip. */
    Optional<Task> find(String workspaceId, String id) {
        return withLists(jdbc.sql("select " + COLUMNS + WITH_LISTS_COLUMNS + " from task t" + WITH_LISTS_JOIN
                        + " where t.workspace_id = :ws and t.id = :id order by l.list_id")
                .param("ws", workspaceId)
                .param("id", id)).stream().findFirst();
    }

    /** Runs a query shaped as {@link #WITH_LISTS_COLUMNS} says, keeping the tasks in the order of its rows. */
    List<Task> withLists(JdbcClient.StatementSpec query) {
        List<Task> found = new ArrayList<>();
        List<List<TaskFields.Placement>> placements = new ArrayList<>();
        query.query(rs -> {
            if (found.isEmpty() || !found.getLast().id().equals(rs.getString(2))) {
                found.add(row(rs, found.size()));
                placements.add(new ArrayList<>(1));
            }
            String listId = rs.getString(17);
            if (listId != null) {
                placements.getLast().add(new TaskFields.Placement(listId, rs.getLong(18)));
            }
        });
        List<Task> tasks = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            tasks.add(found.get(i).withLists(List.copyOf(placements.get(i))));
        }
        return tasks;
    }

    /** Makes {@code placements} the task's exact set of lists; an order left out goes to the end of its list. */
    void place(String workspaceId, String taskId, List<TaskFields.Placement> placements) {
        jdbc.sql("delete from task_in_list where workspace_id = :ws and task_id = :task")
                .param("ws", workspaceId)
                .param("task", taskId)
                .update();
        // Appending reads the list's last order: two appends at once would read the same one and
        // share a place. Holding the list's row makes them take turns; in id order, so that two
        // tasks appended to the same lists never wait for each other crosswise.
        placements.stream().filter(placement -> placement.order() == null).map(TaskFields.Placement::id)
                .sorted().distinct()
                .forEach(listId -> lists.lock(workspaceId, listId));
        for (TaskFields.Placement placement : placements) {
            jdbc.sql("""
                    insert into task_in_list (workspace_id, list_id, task_id, sort_order)
                    select :ws, :list, :task, coalesce(cast(:order as bigint),
                           (select coalesce(max(sort_order), 0) + 1 from task_in_list
                             where workspace_id = :ws and list_id = :list))
                    """)
                    .param("ws", workspaceId)
                    .param("list", placement.id())
                    .param("task", taskId)
                    .param("order", placement.order())
                    .update();
        }
    }

    Task row(ResultSet rs, int rowNum) throws SQLException {
        return new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), Timestamps.instant(rs, 9),
                STORED.readValue(rs.getString(10), STRINGS), rs.getString(11), rs.getString(12), Timestamps.instant(rs, 13),
                rs.getString(14), Timestamps.instant(rs, 15), rs.getLong(16), List.of());
    }
}
