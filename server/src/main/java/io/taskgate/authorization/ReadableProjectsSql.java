package io.taskgate.authorization;

import org.jspecify.annotations.Nullable;

import io.taskgate.access.ProjectReadScope;

/**
 * The SQL form of the decision core's {@link ProjectReadScope}: a condition on a project id column
 * that holds exactly for the projects the principal may read. Features that list projects, or
 * rows about projects, filter with it rather than restating the visibility rules. The condition
 * binds {@code :ws}, {@code :type} and {@code :id} (the principal's workspace, type and id).
 */
public final class ReadableProjectsSql {

    private ReadableProjectsSql() {
    }

    /**
     * Holds when the project named by {@code projectId} is readable. It must be a qualified
     * column ({@code e.project_id}): bare, it would be read inside the conditions' own subqueries
     * as their {@code project_member.project_id}, which names every project the principal is in.
     */
    public static String condition(ProjectReadScope scope, String projectId) {
        return condition(scope, projectId, null);
    }

    /**
     * As {@link #condition(ProjectReadScope, String)}, for a query that reads the project row
     * itself: its {@code visibility} column is tested directly, not looked up again per row.
     */
    public static String condition(ProjectReadScope scope, String projectId, @Nullable String visibility) {
        if (projectId.indexOf('.') < 0) {
            throw new IllegalArgumentException("A qualified column, such as e.project_id: " + projectId);
        }
        return switch (scope) {
            case ALL -> "1 = 1";
            case PUBLIC_AND_MEMBER -> "(" + (visibility == null ? isPublic(projectId) : visibility + " = 'public'")
                    + " or " + isMember(projectId) + ")";
            case MEMBER_ONLY -> isMember(projectId);
            case NONE -> "1 = 0";
        };
    }

    /** Holds when the principal, or one of its teams, is a member of the project {@code projectId} (qualified). */
    public static String isMember(String projectId) {
        return """
                exists (select 1 from project_member pm
                         where pm.workspace_id = :ws and pm.project_id = %s
                           and %s)""".formatted(projectId, ProjectFactsQuery.GRANT_TO_PRINCIPAL);
    }

    private static String isPublic(String projectId) {
        return """
                exists (select 1 from project rp
                         where rp.workspace_id = :ws and rp.id = %s and rp.visibility = 'public')""".formatted(projectId);
    }
}
