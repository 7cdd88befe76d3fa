package io.taskgate.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.support.Timestamps;

/**
 * The task listing: one page of the tasks a principal may read, filtered in SQL. Which branches
 * the filter holds comes from {@link TaskReadScope}, itself derived from the decision core.
 */
@Repository
class TaskQuery {

    private final JdbcClient jdbc;
    private final Tasks tasks;

    TaskQuery(JdbcClient jdbc, Tasks tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    record Filter(@Nullable String projectId, @Nullable String listId, @Nullable String assigneeId,
            @Nullable String status, @Nullable String type, @Nullable Instant dueBefore, @Nullable Instant dueAfter,
            @Nullable Instant updatedSince) {
    }

    private static final String IS_MEMBER = """
            exists (select 1 from project_member pm
                     where pm.workspace_id = t.workspace_id and pm.project_id = t.project_id
                       and ((pm.principal_type = :type and pm.principal_id = :me)
                            or (pm.principal_type = 'team' and pm.principal_id in (
                                  select tm.team_id from team_member tm
                                   where tm.workspace_id = :ws and tm.principal_type = :type
                                     and tm.principal_id = :me))))
            """;

    private static final String IS_PUBLIC = """
            exists (select 1 from project p
                     where p.workspace_id = t.workspace_id and p.id = t.project_id and p.visibility = 'public')
            """;

    List<Tasks.Task> page(String workspaceId, String principalType, String principalId, TaskReadScope scope,
            Filter filter, @Nullable String after, int limit) {
        List<String> visible = new ArrayList<>();
        switch (scope.projects()) {
            case ALL -> visible.add("t.type = 'project'");
            case PUBLIC_AND_MEMBER -> visible.add("t.type = 'project' and (" + IS_PUBLIC + " or " + IS_MEMBER + ")");
            case MEMBER_ONLY -> visible.add("t.type = 'project' and " + IS_MEMBER);
            case NONE -> {
            }
        }
        if (scope.ownPrivateTasks()) {
            visible.add("t.type = 'private' and t.created_by = :me");
        }
        if (scope.allStaffTasks()) {
            visible.add("t.type = 'staff'");
        } else if (scope.assignedStaffTasks()) {
            visible.add("t.type = 'staff' and t.assignee_id = :me");
        }
        if (visible.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select " + Tasks.COLUMNS + " from task t where t.workspace_id = :ws and (");
        sql.append(String.join(" or ", visible.stream().map(branch -> "(" + branch + ")").toList())).append(')');
        if (filter.projectId() != null) {
            sql.append(" and t.project_id = :projectId");
        }
        if (filter.listId() != null) {
            sql.append(" and exists (select 1 from task_in_list l where l.workspace_id = t.workspace_id"
                    + " and l.list_id = :listId and l.task_id = t.id)");
        }
        if (filter.assigneeId() != null) {
            sql.append(" and t.assignee_id = :assigneeId");
        }
        if (filter.status() != null) {
            sql.append(" and t.status = :status");
        }
        if (filter.type() != null) {
            sql.append(" and t.type = :taskType");
        }
        if (filter.dueBefore() != null) {
            sql.append(" and t.due_at < :dueBefore");
        }
        if (filter.dueAfter() != null) {
            sql.append(" and t.due_at > :dueAfter");
        }
        if (filter.updatedSince() != null) {
            sql.append(" and t.updated_at >= :updatedSince");
        }
        if (after != null) {
            sql.append(" and t.id > :after");
        }
        sql.append(" order by t.id limit :limit");
        List<Tasks.Task> rows = jdbc.sql(sql.toString())
                .param("ws", workspaceId)
                .param("type", principalType)
                .param("me", principalId)
                .param("projectId", filter.projectId())
                .param("listId", filter.listId())
                .param("assigneeId", filter.assigneeId())
                .param("status", filter.status())
                .param("taskType", filter.type())
                .param("dueBefore", Timestamps.utc(filter.dueBefore()))
                .param("dueAfter", Timestamps.utc(filter.dueAfter()))
                .param("updatedSince", Timestamps.utc(filter.updatedSince()))
                .param("after", after)
                .param("limit", limit)
                .query(tasks::row)
                .list();
        return tasks.withPlacements(workspaceId, rows);
    }
}
