package io.taskgate.mastertask;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.support.Timestamps;

/** The SQL of master tasks and the positions they are for. */
@Repository
class MasterTasks {

    private final JdbcClient jdbc;

    MasterTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(MasterTask task) {
        jdbc.sql("""
                insert into master_task (workspace_id, id, name, description, color, favorite, created_by, created_at,
                                         updated_by, updated_at)
                values (:ws, :id, :name, :description, :color, :favorite, :by, :at, :by, :at)
                """)
                .param("ws", task.workspaceId())
                .param("id", task.id())
                .param("name", task.name())
                .param("description", task.description())
                .param("color", task.color())
                .param("favorite", task.favorite())
                .param("by", task.createdBy())
                .param("at", Timestamps.utc(task.createdAt()))
                .update();
        replacePositions(task.workspaceId(), task.id(), task.positionIds());
    }

    /** Compare-and-set on the version; also soft-deletes when {@code deletedAt} is set. */
    boolean update(MasterTask task, long expectedVersion) {
        boolean updated = jdbc.sql("""
                update master_task set name = :name, description = :description, color = :color,
                       favorite = :favorite, updated_by = :by, updated_at = :at, deleted_by = :deletedBy,
                       deleted_at = :deletedAt, version = version + 1
                 where workspace_id = :ws and id = :id and version = :expected and deleted_at is null
                """)
                .param("name", task.name())
                .param("description", task.description())
                .param("color", task.color())
                .param("favorite", task.favorite())
                .param("by", task.updatedBy())
                .param("at", Timestamps.utc(task.updatedAt()))
                .param("deletedBy", task.deletedBy())
                .param("deletedAt", Timestamps.utc(task.deletedAt()))
                .param("ws", task.workspaceId())
                .param("id", task.id())
                .param("expected", expectedVersion)
                .update() == 1;
        if (updated) {
            replacePositions(task.workspaceId(), task.id(), task.positionIds());
        }
        return updated;
    }

    private void replacePositions(String workspaceId, String id, List<String> positionIds) {
        jdbc.sql("delete from master_task_position where workspace_id = :ws and master_task_id = :id")
                .param("ws", workspaceId)
                .param("id", id)
                .update();
        for (String positionId : positionIds) {
            jdbc.sql("""
                    insert into master_task_position (workspace_id, master_task_id, position_id)
                    values (:ws, :id, :position)
                    """)
                    .param("ws", workspaceId)
                    .param("id", id)
                    .param("position", positionId)
                    .update();
        }
    }

    private static final String SELECT = """
            select workspace_id, id, name, description, color, favorite, created_by, created_at, updated_by,
                   updated_at, deleted_by, deleted_at, version
              from master_task
            """;

    Optional<MasterTask> find(String workspaceId, String id) {
        return jdbc.sql(SELECT + " where workspace_id = :ws and id = :id")
                .param("ws", workspaceId)
                .param("id", id)
                .query(MasterTasks::row)
                .optional()
                .map(task -> withPositions(workspaceId, List.of(task)).getFirst());
    }

    /** Live master tasks (soft-deleted ones are hidden), optionally only those for one position. */
    List<MasterTask> list(String workspaceId, @Nullable String positionId, @Nullable Boolean favorite,
            @Nullable String after, int limit) {
        List<MasterTask> page = jdbc.sql(SELECT + """
                 where workspace_id = :ws and deleted_at is null
                   and (cast(:position as varchar) is null or exists (
                         select 1 from master_task_position p
                          where p.workspace_id = master_task.workspace_id and p.master_task_id = master_task.id
                            and p.position_id = :position))
                   and (cast(:favorite as boolean) is null or favorite = :favorite)
                   and (cast(:after as varchar) is null or id > :after)
                 order by id
                 limit :limit
                """)
                .param("ws", workspaceId)
                .param("position", positionId)
                .param("favorite", favorite)
                .param("after", after)
                .param("limit", limit)
                .query(MasterTasks::row)
                .list();
        return withPositions(workspaceId, page);
    }

    private List<MasterTask> withPositions(String workspaceId, List<MasterTask> tasks) {
        if (tasks.isEmpty()) {
            return tasks;
        }
        Map<String, List<String>> positions = new HashMap<>();
        jdbc.sql("""
                select master_task_id, position_id from master_task_position
                 where workspace_id = :ws and master_task_id in (:ids)
                 order by position_id
                """)
                .param("ws", workspaceId)
                .param("ids", tasks.stream().map(MasterTask::id).toList())
                .query(rs -> {
                    positions.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return tasks.stream()
                .map(task -> task.withPositions(List.copyOf(positions.getOrDefault(task.id(), List.of()))))
                .toList();
    }

    private static MasterTask row(ResultSet rs, int rowNum) throws SQLException {
        return new MasterTask(rs.getString(1), rs.getString(2), rs.getString(3), List.of(), rs.getString(4),
                rs.getString(5), rs.getBoolean(6), rs.getString(7), Timestamps.instant(rs, 8), rs.getString(9), Timestamps.instant(rs, 10),
                rs.getString(11), Timestamps.instant(rs, 12), rs.getLong(13));
    }

    /** Live (not deleted) master tasks for the position, at most {@code limit} of them, by id. */
    List<String> liveFor(String workspaceId, String positionId, int limit) {
        return jdbc.sql("""
                select m.id from master_task m
                  join master_task_position p on p.workspace_id = m.workspace_id and p.master_task_id = m.id
                 where m.workspace_id = :ws and p.position_id = :position and m.deleted_at is null
                 order by m.id
                 fetch first %d rows only
                """.formatted(limit))
                .param("ws", workspaceId)
                .param("position", positionId)
                .query(String.class)
                .list();
    }
}
