package io.taskgate.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.support.Timestamps;

/** The SQL of a project's ordered lists. */
@Repository
class TaskLists {

    private final JdbcClient jdbc;

    TaskLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record TaskList(String workspaceId, String projectId, String id, String name, long order, Instant createdAt,
            String createdBy, Instant updatedAt, long version) {
    }

    /**
     * The order after the project's last list. Holds the project's row until the transaction
     * ends, so that two lists created at once take turns rather than share a place.
     */
    long nextOrder(String workspaceId, String projectId) {
        jdbc.sql("select id from project where workspace_id = :ws and id = :project for update")
                .param("ws", workspaceId)
                .param("project", projectId)
                .query(String.class)
                .optional();
        return jdbc.sql("select coalesce(max(sort_order), 0) + 1 from task_list where workspace_id = :ws"
                        + " and project_id = :project")
                .param("ws", workspaceId)
                .param("project", projectId)
                .query(Long.class)
                .single();
    }

    void insert(TaskList list) {
        jdbc.sql("""
                insert into task_list (workspace_id, project_id, id, name, sort_order, created_at, created_by,
                                       updated_at)
                values (:ws, :project, :id, :name, :order, :at, :by, :at)
                """)
                .param("ws", list.workspaceId())
                .param("project", list.projectId())
                .param("id", list.id())
                .param("name", list.name())
                .param("order", list.order())
                .param("at", Timestamps.utc(list.createdAt()))
                .param("by", list.createdBy())
                .update();
    }

    private static final String SELECT = """
            select workspace_id, project_id, id, name, sort_order, created_at, created_by, updated_at, version
              from task_list
            """;

    Optional<TaskList> find(String workspaceId, String projectId, String id) {
        return jdbc.sql(SELECT + " where workspace_id = :ws and project_id = :project and id = :id")
                .param("ws", workspaceId)
                .param("project", projectId)
                .param("id", id)
                .query(TaskLists::row)
                .optional();
    }

    /** The project a list belongs to, when the list exists in the workspace. */
    Optional<String> projectOf(String workspaceId, String id) {
        return jdbc.sql("select project_id from task_list where workspace_id = :ws and id = :id")
                .param("ws", workspaceId)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    List<TaskList> list(String workspaceId, String projectId) {
        return jdbc.sql(SELECT + " where workspace_id = :ws and project_id = :project order by sort_order, id")
                .param("ws", workspaceId)
                .param("project", projectId)
                .query(TaskLists::row)
                .list();
    }

    /** A list's place in its project's order: its order, and its id to break ties. */
    record Place(long order, String id) {
    }

    /**
     * Up to {@code limit} of the project's lists in their order, after {@code after} (from the
     * first when null). The place is compared, not looked up: the list that held it may since
     * have moved or gone.
     */
    List<TaskList> page(String workspaceId, String projectId, @Nullable Place after, int limit) {
        String afterPlace = after == null ? ""
                : " and (sort_order > :order or (sort_order = :order and id > :id))";
        return jdbc.sql(SELECT + " where workspace_id = :ws and project_id = :project" + afterPlace
                        + " order by sort_order, id limit :limit")
                .param("ws", workspaceId)
                .param("project", projectId)
                .param("order", after == null ? null : after.order())
                .param("id", after == null ? null : after.id())
                .param("limit", limit)
                .query(TaskLists::row)
                .list();
    }

    boolean update(TaskList list, long expectedVersion) {
        return jdbc.sql("""
                update task_list set name = :name, sort_order = :order, updated_at = :at, version = version + 1
                 where workspace_id = :ws and id = :id and version = :expected
                """)
                .param("name", list.name())
                .param("order", list.order())
                .param("at", Timestamps.utc(list.updatedAt()))
                .param("ws", list.workspaceId())
                .param("id", list.id())
                .param("expected", expectedVersion)
                .update() == 1;
    }

    /**
     * Locks the list until the transaction ends: a task placed in it meanwhile waits, so deleting
     * the list sees (and unlists) every task it holds, and two tasks appended to it take turns.
     */
    void lock(String workspaceId, String id) {
        jdbc.sql("select id from task_list where workspace_id = :ws and id = :id for update")
                .param("ws", workspaceId)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /**
     * Moves the version (so the ETag) and {@code updatedAt} of every task in the list: deleting the
     * list takes it out of their {@code lists}, and a client holding the old ETag must not be told
     * its copy is current. Returns how many tasks changed.
     */
    int unlistTasks(String workspaceId, String listId, String by, Instant at) {
        return jdbc.sql("""
                update task set version = version + 1, updated_by = :by, updated_at = :at
                 where workspace_id = :ws
                   and id in (select task_id from task_in_list where workspace_id = :ws and list_id = :list)
                """)
                .param("by", by)
                .param("at", Timestamps.utc(at))
                .param("ws", workspaceId)
                .param("list", listId)
                .update();
    }

    boolean delete(String workspaceId, String id, long expectedVersion) {
        return jdbc.sql("delete from task_list where workspace_id = :ws and id = :id and version = :expected")
                .param("ws", workspaceId)
                .param("id", id)
                .param("expected", expectedVersion)
                .update() == 1;
    }

    private static TaskList row(ResultSet rs, int rowNum) throws SQLException {
        return new TaskList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getLong(9));
    }
}
