package io.taskgate.workspace;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.taskgate.web.ApiProblem;

/**
 * Which custom roles a user or API client holds, shared by the people and the API-client
 * features; and the cleanup other features owe custom roles when something they refer to goes.
 */
@Component
public class CustomRoles {

    private final JdbcClient jdbc;

    CustomRoles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes {@code roleIds} the principal's exact set of custom roles. An id that is not a
     * custom role of this workspace answers 404 naming {@code customRoleIds}, and changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replaceAssignments(String workspaceId, String principalType, String principalId, List<String> roleIds) {
        Set<String> wanted = new LinkedHashSet<>(roleIds);
        if (!wanted.isEmpty()) {
            Set<String> existing = new HashSet<>(jdbc.sql(
                    "select id from custom_role where workspace_id = :ws and id in (:ids)")
                    .param("ws", workspaceId)
                    .param("ids", wanted)
                    .query(String.class)
                    .list());
            for (String id : wanted) {
                if (!existing.contains(id)) {
                    throw ApiProblem.referenceNotFound("customRoleIds", id);
                }
            }
        }
        jdbc.sql("""
                delete from principal_custom_role
                 where workspace_id = :ws and principal_type = :type and principal_id = :id
                """)
                .param("ws", workspaceId)
                .param("type", principalType)
                .param("id", principalId)
                .update();
        for (String roleId : wanted) {
            jdbc.sql("""
                    insert into principal_custom_role (workspace_id, principal_type, principal_id, role_id)
                    values (:ws, :type, :id, :roleId)
                    """)
                    .param("ws", workspaceId)
                    .param("type", principalType)
                    .param("id", principalId)
                    .param("roleId", roleId)
                    .update();
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> assignedTo(String workspaceId, String principalType, String principalId) {
        return jdbc.sql("""
                select role_id from principal_custom_role
                 where workspace_id = :ws and principal_type = :type and principal_id = :id
                 order by role_id
                """)
                .param("ws", workspaceId)
                .param("type", principalType)
                .param("id", principalId)
                .query(String.class)
                .list();
    }

    /**
     * Drops every custom-role permission on a position that is being deleted, in the deletion's
     * transaction: a role must not keep granting {@code shift.edit} on a position that no longer exists.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forgetPosition(String workspaceId, String positionId) {
        jdbc.sql("delete from custom_role_position_permission where workspace_id = :ws and position_id = :positionId")
                .param("ws", workspaceId)
                .param("positionId", positionId)
                .update();
    }
}
