package io.taskgate.authorization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.taskgate.access.ProjectFacts;
import io.taskgate.access.ProjectRole;
import io.taskgate.access.Visibility;

/**
 * Loads projects as one principal sees them: visibility plus that principal's own grants —
 * its direct role and the roles of its teams — in one query, for one project or a page of them.
 */
@Component
class ProjectFactsQuery {

    private final JdbcClient jdbc;

    ProjectFactsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ProjectFacts> load(String workspaceId, String principalType, String principalId, String projectId) {
        return Optional.ofNullable(load(workspaceId, principalType, principalId, List.of(projectId)).get(projectId));
    }

    /** The facts of each existing project among {@code projectIds}, keyed by project id. */
    Map<String, ProjectFacts> load(String workspaceId, String principalType, String principalId,
            List<String> projectIds) {
        Map<String, Row> rows = new HashMap<>();
        if (projectIds.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("""
                select p.id, p.name, p.visibility, pm.principal_type, pm.principal_id, pm.role
                  from project p
                  left join project_member pm
                    on pm.workspace_id = p.workspace_id and pm.project_id = p.id
                   and ((pm.principal_type = :type and pm.principal_id = :id)
                        or (pm.principal_type = 'team' and pm.principal_id in (
                              select tm.team_id from team_member tm
                               where tm.workspace_id = :ws and tm.principal_type = :type and tm.principal_id = :id)))
                 where p.workspace_id = :ws and p.id in (:projectIds)
                """)
                .param("ws", workspaceId)
                .param("type", principalType)
                .param("id", principalId)
                .param("projectIds", projectIds)
                .query(rs -> {
                    Row row = rows.computeIfAbsent(rs.getString(1), id -> new Row());
                    row.name = rs.getString(2);
                    row.visibility = Visibility.fromKey(rs.getString(3)).orElse(Visibility.PRIVATE);
                    String memberType = rs.getString(4);
                    if (memberType == null) {
                        return;
                    }
                    ProjectRole role = ProjectRole.fromKey(rs.getString(6)).orElseThrow();
                    if (memberType.equals("team")) {
                        row.teamRoles.put(rs.getString(5), role);
                    } else {
                        row.directRole = role;
                    }
                });
        Map<String, ProjectFacts> facts = new HashMap<>();
        rows.forEach((id, row) -> facts.put(id,
                new ProjectFacts(id, row.name, row.visibility, row.directRole, row.teamRoles)));
        return facts;
    }

    private static final class Row {
        String name = "";
        Visibility visibility = Visibility.PRIVATE;
        @Nullable ProjectRole directRole;
        final Map<String, ProjectRole> teamRoles = new HashMap<>();
    }
}
