package io.taskgate.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.web.ApiProblem;
import io.taskgate.web.FieldError;

/** Checks the ids a task body refers to: each must exist in the workspace, or it is a 404 naming its field. */
@Repository
class TaskReferences {

    private final JdbcClient jdbc;

    TaskReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An assignee is an active person or API client of the workspace: answers which of the two
     * ({@code user} or {@code api_client}). Unknown, it is a 404 naming the field; a deactivated
     * person, a 422 saying so, since such an assignee could not work on the task.
     */
    String requireActivePrincipal(String workspaceId, String field, String principalId) {
        record Found(String type, boolean active) {
        }
        Found found = jdbc.sql("""
                select cast('user' as varchar(10)) as type, m.active from workspace_member m
                 where m.workspace_id = :ws and m.user_id = :id
                union all
                select cast('api_client' as varchar(10)), c.active from api_client c
                 where c.workspace_id = :ws and c.id = :id
                """)
                .param("ws", workspaceId)
                .param("id", principalId)
                .query((rs, n) -> new Found(rs.getString(1), rs.getBoolean(2)))
                .optional()
                .orElseThrow(() -> ApiProblem.referenceNotFound(field, principalId));
        if (!found.active()) {
            // API clients are listed only to who manages them: a disabled one stays the 404 of an unknown one.
            throw found.type().equals("user") ? ApiProblem.deactivated(field)
                    : ApiProblem.referenceNotFound(field, principalId);
        }
        return found.type();
    }

    /**
     * Each placement names a list of the task's project. A list of another project the caller
     * may read is a 422 saying so; one that does not exist, or that the caller may not see, a 404.
     */
    void requireListsOf(String workspaceId, @Nullable String projectId, List<TaskFields.Placement> placements,
            Predicate<String> mayReadProject) {
        Map<String, String> projectOfList = jdbc.sql(
                "select id, project_id from task_list where workspace_id = :ws and id in (:ids)")
                .param("ws", workspaceId)
                .param("ids", placements.stream().map(TaskFields.Placement::id).toList())
                .query((rs, n) -> Map.entry(rs.getString("id"), rs.getString("project_id")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<FieldError> elsewhere = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            String listId = placements.get(i).id();
            String listProject = projectOfList.get(listId);
            if (listProject == null || !listProject.equals(projectId) && !mayReadProject.test(listProject)) {
                throw ApiProblem.referenceNotFound("lists[" + i + "].id", listId);
            }
            if (!listProject.equals(projectId)) {
                elsewhere.add(new FieldError("lists[" + i + "].id", "is a list of project " + listProject
                        + ", not of this task's project " + projectId));
            }
        }
        if (!elsewhere.isEmpty()) {
            throw ApiProblem.invalid(elsewhere);
        }
    }

}
