package io.taskgate.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.access.ProjectReadScope;
import io.taskgate.support.Timestamps;

/**
 * The task listing: one page of the tasks a principal may read, filtered in SQL. Which branches
 * the filter holds comes from {@link TaskReadScope}, itself derived from the decision core.
 * <p>
 * Each way a task becomes visible — in a readable project, one's own private task, a staff task —
 * is its own branch, read in id order from the index that serves it and cut at the page size;
 * the page is the first ids of their union. Project tasks are found one of two ways, because
 * neither is cheap for everyone:
 * <ul>
 *   <li>when the principal reads few projects (a guest, an API client that reaches only its
 *   projects), from the (workspace, project, id) index of each of them — the cost follows the
 *   tasks of those projects after the cursor, not the workspace;</li>
 *   <li>when it reads many (every public project, or all of them), by walking the workspace's
 *   tasks in id order and keeping the readable ones: with much visible, a page is found after
 *   a few rows. Project visibility is looked up per row rather than by hashing every public
 *   project of the workspace, so that cost too follows the page.</li>
 * </ul>
 * Which way is chosen depends only on how many projects are readable (counted up to {@link
 * #BY_PROJECT_LIMIT}); both return the same tasks.
 */
@Repository
class TaskQuery {

    /** Up to this many readable projects, project tasks are gathered project by project. */
    static final int BY_PROJECT_LIMIT = 100;

    private final JdbcClient jdbc;
    private final Tasks tasks;

    TaskQuery(JdbcClient jdbc, Tasks tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    record Filter(@Nullable String projectId, @Nullable String listId, @Nullable String assigneeId,
            @Nullable String status, @Nullable String type, @Nullable Instant dueBefore, @Nullable Instant dueAfter,
            @Nullable Instant updatedSince, @Nullable String priority) {

        /** Every filter but the priority. */
        Filter(@Nullable String projectId, @Nullable String listId, @Nullable String assigneeId,
                @Nullable String status, @Nullable String type, @Nullable Instant dueBefore,
                @Nullable Instant dueAfter, @Nullable Instant updatedSince) {
            this(projectId, listId, assigneeId, status, type, dueBefore, dueAfter, updatedSince, null);
        }
    }

    /** Projects where the principal is a member, directly or through one of its teams. */
    private static final String MEMBER_PROJECTS = """
            select pm.project_id from project_member pm
             where pm.workspace_id = :ws and pm.principal_type = :type and pm.principal_id = :me
            union all
            select pm.project_id from team_member tm
              join project_member pm on pm.workspace_id = tm.workspace_id and pm.principal_type = 'team'
                   and pm.principal_id = tm.team_id
             where tm.workspace_id = :ws and tm.principal_type = :type and tm.principal_id = :me
            """;

    private static final String PUBLIC_PROJECTS = """
            select p.id as project_id from project p where p.workspace_id = :ws and p.visibility = 'public'
            """;

    /** Per row, through the project's primary key: never a hash of every public project. */
    private static final String IS_PUBLIC = """
            (select p.visibility from project p where p.workspace_id = t.workspace_id and p.id = t.project_id) = 'public'
            """;

    /**
     * Keeps what is derived from the principal's access facts alone while they stand
     * ({@code Authorization.kept}): here the projects it reads.
     */
    interface Memo {
        Optional<List<String>> kept(String what, Supplier<Optional<List<String>>> compute);

        Memo NONE = (what, compute) -> compute.get();
    }

    List<Tasks.Task> page(String workspaceId, String principalType, String principalId, TaskReadScope scope,
            Filter filter, @Nullable String after, int limit, Memo memo) {
        return page(workspaceId, principalType, principalId, scope, filter, after, limit, BY_PROJECT_LIMIT, memo);
    }

    /** As {@link #page}, with the threshold between the two ways of finding project tasks given (for tests). */
    List<Tasks.Task> page(String workspaceId, String principalType, String principalId, TaskReadScope scope,
            Filter filter, @Nullable String after, int limit, int byProjectLimit, Memo memo) {
        String conditions = conditions(filter, after);
        String order = " order by t.id limit " + limit;
        List<String> branches = new ArrayList<>();
        String[] readableProjects = new String[0];
        if (scope.projects() != ProjectReadScope.NONE && admits(filter, "project")) {
            String projectTasks = "select " + Tasks.COLUMNS + " from task t where t.workspace_id = :ws"
                    + " and t.type = 'project'";
            switch (scope.projects()) {
                case ALL -> branches.add(projectTasks + conditions + order);
                default -> {
                    Optional<List<String>> few = filter.projectId() != null ? Optional.empty()
                            : memo.kept("readable projects, " + scope.projects() + ", at most " + byProjectLimit,
                                    () -> readableProjects(workspaceId, principalType, principalId, scope.projects(),
                                            byProjectLimit));
                    if (few.isPresent()) {
                        readableProjects = few.get().toArray(String[]::new);
                        if (readableProjects.length > 0) {
                            branches.add("select " + Tasks.COLUMNS + " from task t where t.workspace_id = :ws"
                                    + " and t.id in (select t.id from task t where t.workspace_id = :ws"
                                    + " and t.project_id = any(:projects)" + conditions + order + ")" + order);
                        }
                    } else {
                        String readableProject = scope.projects() == ProjectReadScope.PUBLIC_AND_MEMBER
                                ? " and (" + IS_PUBLIC + " or t.project_id in (" + MEMBER_PROJECTS + "))"
                                : " and t.project_id in (" + MEMBER_PROJECTS + ")";
                        branches.add(projectTasks + readableProject + conditions + order);
                    }
                }
            }
        }
        // Private and staff tasks belong to no project (a constraint of the task table).
        boolean inProject = filter.projectId() != null;
        if (scope.ownPrivateTasks() && admits(filter, "private") && !inProject) {
            branches.add("select " + Tasks.COLUMNS + " from task t where t.workspace_id = :ws and t.type = 'private'"
                    + " and t.created_by = :me" + conditions + order);
        }
        if (scope.allStaffTasks() && admits(filter, "staff") && !inProject) {
            branches.add("select " + Tasks.COLUMNS + " from task t where t.workspace_id = :ws and t.type = 'staff'"
                    + conditions + order);
        } else if (scope.assignedStaffTasks() && admits(filter, "staff") && !inProject) {
            branches.add("select " + Tasks.COLUMNS + " from task t where t.workspace_id = :ws and t.assignee_id = :me"
                    + " and t.type = 'staff'" + conditions + order);
        }
        if (branches.isEmpty()) {
            return List.of();
        }
        String sql = branches.size() == 1 ? branches.getFirst()
                : "select " + Tasks.COLUMNS + " from (" + String.join(" union all ",
                        branches.stream().map(branch -> "(" + branch + ")").toList()) + ") t" + order;
        return tasks.withLists(jdbc.sql("select " + Tasks.COLUMNS + Tasks.WITH_LISTS_COLUMNS + " from (" + sql + ") t"
                        + Tasks.WITH_LISTS_JOIN + " order by t.id, l.list_id")
                .param("ws", workspaceId)
                .param("type", principalType)
                .param("me", principalId)
                .param("projects", readableProjects)
                .param("projectId", filter.projectId())
                .param("listId", filter.listId())
                .param("assigneeId", filter.assigneeId())
                .param("status", filter.status())
                .param("priority", filter.priority())
                .param("dueBefore", Timestamps.utc(filter.dueBefore()))
                .param("dueAfter", Timestamps.utc(filter.dueAfter()))
                .param("updatedSince", Timestamps.utc(filter.updatedSince()))
                .param("after", after));
    }

    private static boolean admits(Filter filter, String taskType) {
        return filter.type() == null || filter.type().equals(taskType);
    }

    /** The filters and the cursor, on a task aliased {@code t}. */
    private static String conditions(Filter filter, @Nullable String after) {
        StringBuilder sql = new StringBuilder();
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
        if (filter.priority() != null) {
            sql.append(" and t.priority = :priority");
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
        return sql.toString();
    }

    /**
     * The projects the principal reads, sorted; empty for "many": more than {@code atMost} rows
     * (reading one row past it tells "few" from "many" without reading them all).
     */
    private Optional<List<String>> readableProjects(String workspaceId, String principalType, String principalId,
            ProjectReadScope scope, int atMost) {
        String projects = scope == ProjectReadScope.PUBLIC_AND_MEMBER
                ? PUBLIC_PROJECTS + " union all " + MEMBER_PROJECTS : MEMBER_PROJECTS;
        List<String> rows = jdbc.sql("select v.project_id from (" + projects + ") v"
                        + " fetch first " + (atMost + 1L) + " rows only")
                .param("ws", workspaceId)
                .param("type", principalType)
                .param("me", principalId)
                .query(String.class)
                .list();
        // Rows repeat a project reached two ways (public and a member, direct and through a team):
        // only an untruncated read is known to hold them all.
        return rows.size() > atMost ? Optional.empty() : Optional.of(List.copyOf(new TreeSet<>(rows)));
    }
}
