package io.taskgate.task;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.web.ApiProblem;

/** Checks the ids a task body refers to: each must exist in the workspace, or it is a 404 naming its field. */
@Repository
class TaskReferences {

    private final JdbcClient jdbc;

    TaskReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An assignee is an active person or API client of the workspace: answers which of the two
     * ({@code user} or {@code api_client}), or refuses with a 404 naming the field.
     */
    String requireActivePrincipal(String workspaceId, String field, String principalId) {
        return jdbc.sql("""
                select cast('user' as varchar(10)) from workspace_member m
                 where m.workspace_id = :ws and m.user_id = :id and m.active
                union all
                select cast('api_client' as varchar(10)) from api_client c where c.workspace_id = :ws and c.id = :id and c.active
                """)
                .param("ws", workspaceId)
                .param("id", principalId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> ApiProblem.referenceNotFound(field, principalId));
    }

    void requireListsOf(String workspaceId, @Nullable String projectId, List<TaskFields.Placement> placements) {
        Set<String> existing = new HashSet<>(jdbc.sql("""
                select id from task_list where workspace_id = :ws and project_id = :project and id in (:ids)
                """)
                .param("ws", workspaceId)
                .param("project", projectId)
                .param("ids", placements.stream().map(TaskFields.Placement::id).toList())
                .query(String.class)
                .list());
        for (int i = 0; i < placements.size(); i++) {
            if (!existing.contains(placements.get(i).id())) {
                throw ApiProblem.referenceNotFound("lists[" + i + "].id", placements.get(i).id());
            }
        }
    }
}
