package io.taskgate.bench.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.taskgate.access.ProjectReadScope;

/**
 * "List my visible tasks" written by hand for one principal, as one statement that takes only
 * the principal's id and the cursor: the baseline the API's listing is held against. Two forms,
 * because neither is best for everyone; the benchmark times both and keeps the faster:
 * <ul>
 *   <li>{@code walk}: read the workspace's tasks in id order and keep the visible ones, checking
 *   a project's visibility per row and membership against the principal's (small) set of member
 *   projects — best when much is visible;</li>
 *   <li>{@code by project}: take the first ids of each visible project from the
 *   (workspace, project, id) index, merge, and fetch only the page — best when little is.</li>
 * </ul>
 * Both return the same columns as the API, with each task's lists.
 */
final class HandListing {

    enum Form { WALK, BY_PROJECT }

    /** What the principal may read, as the decision core says (see the server's TaskReadScope). */
    record Scope(ProjectReadScope projects, boolean ownPrivate, boolean allStaff, boolean assignedStaff) {
    }

    static final String TASK_COLUMNS = """
            t.workspace_id, t.id, t.type, t.project_id, t.title, t.description, t.status, t.priority, t.due_at,
            t.blockers, t.assignee_id, t.created_by, t.created_at, t.updated_by, t.updated_at, t.version
            """;

    static final String COLUMNS = TASK_COLUMNS + """
            , (select string_agg(l.list_id || ':' || l.sort_order, ',' order by l.list_id) from task_in_list l
              where l.workspace_id = t.workspace_id and l.task_id = t.id) as lists
            """;

    private static final String MEMBER_PROJECTS = """
            select pm.project_id from project_member pm
             where pm.workspace_id = ? and pm.principal_type = ? and pm.principal_id = ?
            union all
            select pm.project_id from team_member tm
              join project_member pm on pm.workspace_id = tm.workspace_id and pm.principal_type = 'team'
                   and pm.principal_id = tm.team_id
             where tm.workspace_id = ? and tm.principal_type = ? and tm.principal_id = ?
            """;

    private HandListing() {
    }

    static Sql sql(Form form, String ws, String type, String me, Scope scope, String after, int limit) {
        return form == Form.WALK ? walk(ws, type, me, scope, after, limit) : byProject(ws, type, me, scope, after, limit);
    }

    private static Sql walk(String ws, String type, String me, Scope scope, String after, int limit) {
        Sql sql = new Sql().add("select " + COLUMNS + " from task t where t.workspace_id = ? and t.id > ? and (false",
                ws, after);
        switch (scope.projects()) {
            case ALL -> sql.add(" or t.type = 'project'");
            case PUBLIC_AND_MEMBER -> sql.add(" or (t.type = 'project' and ((select p.visibility from project p"
                    + " where p.workspace_id = t.workspace_id and p.id = t.project_id) = 'public'"
                    + " or t.project_id in (" + MEMBER_PROJECTS + ")))", ws, type, me, ws, type, me);
            case MEMBER_ONLY -> sql.add(" or (t.type = 'project' and t.project_id in (" + MEMBER_PROJECTS + "))",
                    ws, type, me, ws, type, me);
            case NONE -> {
            }
        }
        if (scope.ownPrivate()) {
            sql.add(" or (t.type = 'private' and t.created_by = ?)", me);
        }
        if (scope.allStaff()) {
            sql.add(" or t.type = 'staff'");
        } else if (scope.assignedStaff()) {
            sql.add(" or (t.type = 'staff' and t.assignee_id = ?)", me);
        }
        return sql.add(") order by t.id limit " + limit);
    }

    private static Sql byProject(String ws, String type, String me, Scope scope, String after, int limit) {
        List<Sql> branches = new ArrayList<>();
        String page = " and t2.id > ? order by t2.id limit " + limit + ")";
        switch (scope.projects()) {
            case ALL -> branches.add(new Sql().add("(select t2.id from task t2 where t2.workspace_id = ?"
                    + " and t2.type = 'project'" + page, ws, after));
            case PUBLIC_AND_MEMBER -> branches.add(new Sql().add("(select t2.id from task t2 where t2.workspace_id = ?"
                    + " and t2.project_id in (select p.id from project p where p.workspace_id = ?"
                    + " and p.visibility = 'public' union all " + MEMBER_PROJECTS + ")" + page,
                    ws, ws, ws, type, me, ws, type, me, after));
            case MEMBER_ONLY -> branches.add(new Sql().add("(select t2.id from task t2 where t2.workspace_id = ?"
                    + " and t2.project_id in (" + MEMBER_PROJECTS + ")" + page, ws, ws, type, me, ws, type, me, after));
            case NONE -> {
            }
        }
        if (scope.ownPrivate()) {
            branches.add(new Sql().add("(select t2.id from task t2 where t2.workspace_id = ? and t2.type = 'private'"
                    + " and t2.created_by = ?" + page, ws, me, after));
        }
        if (scope.allStaff()) {
            branches.add(new Sql().add("(select t2.id from task t2 where t2.workspace_id = ? and t2.type = 'staff'"
                    + page, ws, after));
        } else if (scope.assignedStaff()) {
            branches.add(new Sql().add("(select t2.id from task t2 where t2.workspace_id = ? and t2.assignee_id = ?"
                    + " and t2.type = 'staff'" + page, ws, me, after));
        }
        Sql sql = new Sql().add("select " + COLUMNS + " from task t where t.workspace_id = ? and t.id in ("
                + "select x.id from (", ws);
        for (int i = 0; i < branches.size(); i++) {
            sql.add(i == 0 ? "" : " union all ").add(branches.get(i));
        }
        if (branches.isEmpty()) {
            sql.add("select cast(null as varchar) as id where false");
        }
        return sql.add(" order by 1 limit " + limit + ") x) order by t.id");
    }

    /** Runs the statement and returns the ids of the page, reading every column as a client would. */
    static List<String> run(PreparedStatement statement) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    rs.getObject(c);
                }
                ids.add(rs.getString(2));
            }
        }
        return ids;
    }

    static PreparedStatement prepare(Connection db, Sql sql) throws SQLException {
        return sql.prepare(db);
    }
}
