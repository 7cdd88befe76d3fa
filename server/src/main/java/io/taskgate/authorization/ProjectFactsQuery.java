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
                   and %s
                 where p.workspace_id = :ws and p.id in (:projectIds)
                """.formatted(GRANT_TO_PRINCIPAL))
                .param("ws", workspaceId)
                .param("type", principalType)
                .param("id", principalId)
                .param("projectIds", projectIds)
                .query(rs -> {
                    Row row = rows.computeIfAbsent(rs.getString(1), id -> new Row());
                    row.project(rs.getString(2), rs.getString(3));
                    if (rs.getString(4) != null) {
                        row.grant(rs.getString(4), rs.getString(5), rs.getString(6));
                    }
                });
        Map<String, ProjectFacts> facts = new HashMap<>();
        rows.forEach((id, row) -> facts.put(id, row.facts(id)));
        return facts;
    }

    /** The projects the principal is a member of, directly or through one of its teams, in id order. */
    List<String> memberProjectIds(String workspaceId, String principalType, String principalId) {
        return jdbc.sql("select distinct pm.project_id from project_member pm where pm.workspace_id = :ws and "
                        + GRANT_TO_PRINCIPAL + " order by pm.project_id")
                .param("ws", workspaceId)
                .param("type", principalType)
                .param("id", principalId)
                .query(String.class)
                .list();
    }

    /**
     * Matches the {@code project_member} rows (alias {@code pm}) that grant the principal
     * ({@code :type}, {@code :id}) something: its own membership, or one of its teams'.
     */
    static final String GRANT_TO_PRINCIPAL = """
            ((pm.principal_type = :type and pm.principal_id = :id)
                    or (pm.principal_type = 'team' and pm.principal_id in (
                          select tm.team_id from team_member tm
                           where tm.workspace_id = :ws and tm.principal_type = :type and tm.principal_id = :id)))""";

    /** Folds a project's row and the grants found for one principal into its facts. */
    static final class Row {
        private String name = "";
        private Visibility visibility = Visibility.PRIVATE;
        private @Nullable ProjectRole directRole;
        private final Map<String, ProjectRole> teamRoles = new HashMap<>();

        void project(String name, String visibility) {
            this.name = name;
            this.visibility = Visibility.fromKey(visibility).orElse(Visibility.PRIVATE);
        }

        void grant(String memberType, String memberId, String role) {
            ProjectRole granted = ProjectRole.fromKey(role).orElseThrow();
            if (memberType.equals("team")) {
                teamRoles.put(memberId, granted);
            } else {
                directRole = granted;
            }
        }

        ProjectFacts facts(String projectId) {
            return new ProjectFacts(projectId, name, visibility, directRole, teamRoles);
        }
    }
}
