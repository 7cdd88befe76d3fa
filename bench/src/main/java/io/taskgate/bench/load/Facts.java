package io.taskgate.bench.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.taskgate.access.AccessLevel;
import io.taskgate.access.ApiClientFacts;
import io.taskgate.access.CredentialState;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectFacts;
import io.taskgate.access.ProjectRole;
import io.taskgate.access.UserFacts;
import io.taskgate.access.Visibility;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceRole;

/**
 * Loads facts for the decision core over plain JDBC, the way the server does (one query for a
 * principal, one per project): what the naive listing and the choice of create targets need.
 */
final class Facts {

    private final PreparedStatement identity;
    private final PreparedStatement client;
    private final PreparedStatement permissions;
    private final PreparedStatement teams;
    private final PreparedStatement project;

    Facts(Connection db) throws SQLException {
        identity = db.prepareStatement("""
                select m.role, m.active, a.name from workspace_member m join user_account a on a.id = m.user_id
                 where m.workspace_id = ? and m.user_id = ?
                """);
        client = db.prepareStatement("""
                select c.role, c.active, c.name, c.access_level from api_client c where c.workspace_id = ? and c.id = ?
                """);
        permissions = db.prepareStatement("""
                select rp.permission from principal_custom_role pr
                  join custom_role_permission rp on rp.workspace_id = pr.workspace_id and rp.role_id = pr.role_id
                 where pr.workspace_id = ? and pr.principal_type = ? and pr.principal_id = ?
                """);
        teams = db.prepareStatement("""
                select tm.team_id from team_member tm
                 where tm.workspace_id = ? and tm.principal_type = ? and tm.principal_id = ?
                """);
        project = db.prepareStatement("""
                select p.name, p.visibility, pm.principal_type, pm.principal_id, pm.role
                  from project p
                  left join project_member pm
                    on pm.workspace_id = p.workspace_id and pm.project_id = p.id
                   and ((pm.principal_type = ? and pm.principal_id = ?)
                        or (pm.principal_type = 'team' and pm.principal_id in (
                              select tm.team_id from team_member tm
                               where tm.workspace_id = ? and tm.principal_type = ? and tm.principal_id = ?)))
                 where p.workspace_id = ? and p.id = ?
                """);
    }

    static String type(PrincipalFacts principal) {
        return principal instanceof UserFacts ? "user" : "api_client";
    }

    PrincipalFacts principal(String workspaceId, String type, String id) throws SQLException {
        Set<WorkspacePermission> custom = EnumSet.noneOf(WorkspacePermission.class);
        permissions.setString(1, workspaceId);
        permissions.setString(2, type);
        permissions.setString(3, id);
        try (ResultSet rs = permissions.executeQuery()) {
            while (rs.next()) {
                WorkspacePermission.fromKey(rs.getString(1)).ifPresent(custom::add);
            }
        }
        Set<String> teamIds = new HashSet<>();
        teams.setString(1, workspaceId);
        teams.setString(2, type);
        teams.setString(3, id);
        try (ResultSet rs = teams.executeQuery()) {
            while (rs.next()) {
                teamIds.add(rs.getString(1));
            }
        }
        PreparedStatement statement = type.equals("user") ? identity : client;
        statement.setString(1, workspaceId);
        statement.setString(2, id);
        try (ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalArgumentException("no " + type + " " + id + " in " + workspaceId);
            }
            WorkspaceRole role = WorkspaceRole.fromKey(rs.getString(1)).orElse(WorkspaceRole.GUEST);
            if (type.equals("user")) {
                return new UserFacts(id, rs.getString(3), role, custom, Map.of(), Set.of(), teamIds, rs.getBoolean(2));
            }
            return new ApiClientFacts(id, rs.getString(3), role, AccessLevel.fromKey(rs.getString(4)).orElseThrow(),
                    CredentialState.ACTIVE, custom, Map.of(), Set.of(), teamIds, rs.getBoolean(2));
        }
    }

    /** The project as the principal sees it: one query, as the server's {@code ProjectFactsQuery}. */
    ProjectFacts project(String workspaceId, PrincipalFacts principal, String projectId) throws SQLException {
        String type = type(principal);
        project.setString(1, type);
        project.setString(2, principal.id());
        project.setString(3, workspaceId);
        project.setString(4, type);
        project.setString(5, principal.id());
        project.setString(6, workspaceId);
        project.setString(7, projectId);
        String name = null;
        Visibility visibility = Visibility.PRIVATE;
        ProjectRole direct = null;
        Map<String, ProjectRole> teamRoles = new HashMap<>();
        try (ResultSet rs = project.executeQuery()) {
            while (rs.next()) {
                name = rs.getString(1);
                visibility = Visibility.fromKey(rs.getString(2)).orElse(Visibility.PRIVATE);
                String memberType = rs.getString(3);
                if (memberType == null) {
                    continue;
                }
                ProjectRole role = ProjectRole.fromKey(rs.getString(5)).orElseThrow();
                if (memberType.equals("team")) {
                    teamRoles.put(rs.getString(4), role);
                } else {
                    direct = role;
                }
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("no project " + projectId);
        }
        return new ProjectFacts(projectId, name, visibility, direct, teamRoles);
    }
}
