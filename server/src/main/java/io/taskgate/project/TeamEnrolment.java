package io.taskgate.project;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.support.AccessFactChanges;

/**
 * The SQL of "add a team's people to a project": one query that classifies every team member,
 * one set-based insert of those to add, both under the project's row lock so the two agree.
 */
@Repository
class TeamEnrolment {

    private final JdbcClient jdbc;
    private final AccessFactChanges accessFacts;

    TeamEnrolment(JdbcClient jdbc, AccessFactChanges accessFacts) {
        this.accessFacts = accessFacts;
        this.jdbc = jdbc;
    }

    /** A team member as the enrolment sees it: whether active, its workspace role, and any current project role. */
    record Candidate(String type, String id, String name, @Nullable String workspaceRole, boolean active,
            @Nullable String projectRole) {
    }

    private static final String TEAM_PEOPLE = """
              from team_member tm
              left join workspace_member wm
                on tm.principal_type = 'user' and wm.workspace_id = tm.workspace_id and wm.user_id = tm.principal_id
              left join user_account a on a.id = wm.user_id
              left join api_client c
                on tm.principal_type = 'api_client' and c.workspace_id = tm.workspace_id and c.id = tm.principal_id
              left join project_member pm
                on pm.workspace_id = tm.workspace_id and pm.project_id = :project and pm.principal_id = tm.principal_id
             where tm.workspace_id = :ws and tm.team_id = :team
            """;

    List<Candidate> classify(String workspaceId, String projectId, String teamId) {
        return jdbc.sql("""
                select tm.principal_type, tm.principal_id, coalesce(a.name, c.name), coalesce(wm.role, c.role),
                       coalesce(wm.active, c.active, false), pm.role
                """ + TEAM_PEOPLE + " order by tm.principal_id")
                .param("ws", workspaceId)
                .param("project", projectId)
                .param("team", teamId)
                .query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6)))
                .list();
    }

    /**
     * Adds every active team member who is not yet a project member with {@code role}; a guest
     * user gets at most {@code collaborator}. Returns the number of rows added.
     */
    int enrol(String workspaceId, String projectId, String teamId, String role, Instant at, String by) {
        accessFacts.in(workspaceId);
        return jdbc.sql("""
                insert into project_member (workspace_id, project_id, principal_type, principal_id, role, added_at,
                                            added_by, version)
                select tm.workspace_id, :project, tm.principal_type, tm.principal_id,
                       case when tm.principal_type = 'user' and wm.role = 'guest'
                                 and :role not in ('guest', 'collaborator')
                            then 'collaborator' else :role end,
                       :at, :by,
                       coalesce((select r.last_version from project_member_removed r
                                  where r.workspace_id = tm.workspace_id and r.project_id = :project
                                    and r.principal_id = tm.principal_id), 0) + 1
                """ + TEAM_PEOPLE + """
                   and coalesce(wm.active, c.active, false)
                   and pm.principal_id is null
                """)
                .param("ws", workspaceId)
                .param("project", projectId)
                .param("team", teamId)
                .param("role", role)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .update();
    }
}
