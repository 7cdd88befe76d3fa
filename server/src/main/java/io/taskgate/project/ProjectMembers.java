package io.taskgate.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.identity.InvitedAccountCompleted;
import io.taskgate.support.AccessFactChanges;

/** The SQL of project members, and of the principals that may become members. */
@Repository
class ProjectMembers {

    private final JdbcClient jdbc;
    private final AccessFactChanges accessFacts;

    ProjectMembers(JdbcClient jdbc, AccessFactChanges accessFacts) {
        this.accessFacts = accessFacts;
        this.jdbc = jdbc;
    }

    /**
     * A principal of the workspace as a (possible) project member. {@code workspaceRole} is the
     * built-in role of a user or API client (null for a team); it decides the role options.
     */
    record Principal(String type, String id, String name, @Nullable String workspaceRole, boolean active) {
    }

    record Member(Principal principal, String role, Instant addedAt, String addedBy, long version) {
    }

    /** Every active-or-not user, API client and team of the workspace, as one relation. */
    private static final String PRINCIPALS = """
            select 'user' as type, m.user_id as id, a.name as name, m.role as workspace_role, m.active as active
              from workspace_member m join user_account a on a.id = m.user_id
             where m.workspace_id = :ws
            union all
            select 'api_client', c.id, c.name, c.role, c.active from api_client c where c.workspace_id = :ws
            union all
            select 'team', t.id, t.name, cast(null as varchar(20)), true from team t where t.workspace_id = :ws
            """;

    /**
     * Holds the team's row until this transaction ends, so that a delete of the team, which
     * removes its project memberships after its own row, waits for a membership being added and
     * then removes it too; or, having gone first, leaves this transaction no team to add. Without
     * it a racing add left a membership of no team, which hid from listings yet counted as a
     * manager. (FOR UPDATE, not FOR SHARE: H2 takes only the former.)
     */
    void lockTeam(String workspaceId, String teamId) {
        jdbc.sql("select id from team where workspace_id = :ws and id = :id for update")
                .param("ws", workspaceId)
                .param("id", teamId)
                .query(String.class)
                .optional();
    }

    Optional<Principal> principal(String workspaceId, String type, String id) {
        return jdbc.sql("select type, id, name, workspace_role, active from (" + PRINCIPALS
                        + ") x where x.type = :type and x.id = :id")
                .param("ws", workspaceId)
                .param("type", type)
                .param("id", id)
                .query(ProjectMembers::principalRow)
                .optional();
    }

    /** A candidate's place in the order of candidates: its name, and its id to break ties. */
    record Place(String name, String id) {
    }

    /**
     * Up to {@code limit} active principals and teams that are not yet members of the project,
     * by name, after {@code after} (from the first when null). Names are compared by the
     * database, in the ORDER BY and the place alike, so that both follow its collation, whichever
     * it is, and agree; ids (unique across kinds, by their prefix) break ties. The place is
     * compared, not looked up: the candidate that held it may since have been renamed, become a
     * member or gone.
     */
    List<Principal> candidates(String workspaceId, String projectId, @Nullable Place after, int limit) {
        String afterPlace = after == null ? ""
                : "   and (x.name > :name or (x.name = :name and x.id > :id))\n";
        return jdbc.sql("select type, id, name, workspace_role, active from (" + PRINCIPALS + """
                ) x
                 where x.active
                   and not exists (select 1 from project_member pm
                                    where pm.workspace_id = :ws and pm.project_id = :project
                                      and pm.principal_id = x.id)
                """ + afterPlace + """
                 order by x.name, x.id
                 limit :limit
                """)
                .param("ws", workspaceId)
                .param("project", projectId)
                .param("name", after == null ? null : after.name())
                .param("id", after == null ? null : after.id())
                .param("limit", limit)
                .query(ProjectMembers::principalRow)
                .list();
    }

    private static final String MEMBERS = """
            select x.type, x.id, x.name, x.workspace_role, x.active, pm.role, pm.added_at, pm.added_by, pm.version
              from project_member pm
              join (%s) x on x.type = pm.principal_type and x.id = pm.principal_id
             where pm.workspace_id = :ws and pm.project_id = :project
            """.formatted(PRINCIPALS);

    List<Member> list(String workspaceId, String projectId, @Nullable String after, int limit) {
        return jdbc.sql(MEMBERS + """
                   and (cast(:after as varchar) is null or pm.principal_id > :after)
                 order by pm.principal_id
                 limit :limit
                """)
                .param("ws", workspaceId)
                .param("project", projectId)
                .param("after", after)
                .param("limit", limit)
                .query(ProjectMembers::memberRow)
                .list();
    }

    Optional<Member> find(String workspaceId, String projectId, String principalId) {
        return jdbc.sql(MEMBERS + " and pm.principal_id = :principalId")
                .param("ws", workspaceId)
                .param("project", projectId)
                .param("principalId", principalId)
                .query(ProjectMembers::memberRow)
                .optional();
    }

    void insert(String workspaceId, String projectId, Principal principal, String role, Instant at, String by) {
        accessFacts.in(workspaceId);
        jdbc.sql("""
                insert into project_member (workspace_id, project_id, principal_type, principal_id, role, added_at,
                                            added_by, version)
                values (:ws, :project, :type, :id, :role, :at, :by,
                        coalesce((select r.last_version from project_member_removed r
                                   where r.workspace_id = :ws and r.project_id = :project and r.principal_id = :id),
                                 0) + 1)
                """)
                .param("ws", workspaceId)
                .param("project", projectId)
                .param("type", principal.type())
                .param("id", principal.id())
                .param("role", role)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .update();
    }

    /** The person's memberships show the name they chose on completing their invitation: new versions. */
    @EventListener
    void on(InvitedAccountCompleted completed) {
        jdbc.sql("update project_member set version = version + 1 where principal_type = 'user' and principal_id = :id")
                .param("id", completed.userId())
                .update();
    }

    /** Compare-and-set on the version: false when someone else changed the membership first. */
    boolean changeRole(String workspaceId, String projectId, String principalId, String role, long expectedVersion) {
        accessFacts.in(workspaceId);
        return jdbc.sql("""
                update project_member set role = :role, version = version + 1
                 where workspace_id = :ws and project_id = :project and principal_id = :id and version = :expected
                """)
                .param("role", role)
                .param("ws", workspaceId)
                .param("project", projectId)
                .param("id", principalId)
                .param("expected", expectedVersion)
                .update() == 1;
    }

    /** Compare-and-set on the version: false when someone else changed the membership first. */
    boolean delete(String workspaceId, String projectId, String principalId, long expectedVersion) {
        accessFacts.in(workspaceId);
        boolean deleted = jdbc.sql("""
                delete from project_member
                 where workspace_id = :ws and project_id = :project and principal_id = :id and version = :expected
                """)
                .param("ws", workspaceId)
                .param("project", projectId)
                .param("id", principalId)
                .param("expected", expectedVersion)
                .update() == 1;
        if (deleted) {
            rememberRemoved(workspaceId, projectId, principalId, expectedVersion);
        }
        return deleted;
    }

    /** Where a membership's versions stopped, for when the principal is added again ({@code insert}). */
    private void rememberRemoved(String workspaceId, String projectId, String principalId, long lastVersion) {
        jdbc.sql("delete from project_member_removed where workspace_id = :ws and project_id = :project"
                        + " and principal_id = :id")
                .param("ws", workspaceId)
                .param("project", projectId)
                .param("id", principalId)
                .update();
        jdbc.sql("""
                insert into project_member_removed (workspace_id, project_id, principal_id, last_version)
                values (:ws, :project, :id, :version)
                """)
                .param("ws", workspaceId)
                .param("project", projectId)
                .param("id", principalId)
                .param("version", lastVersion)
                .update();
    }

    void deleteAll(String workspaceId, String projectId) {
        accessFacts.in(workspaceId);
        jdbc.sql("delete from project_member where workspace_id = :ws and project_id = :project")
                .param("ws", workspaceId)
                .param("project", projectId)
                .update();
    }

    /** A direct membership of one principal, seen from the principal's side. */
    record Held(String projectId, String role, long version) {
    }

    /** The projects where a user holds a role above {@code collaborator} directly. */
    List<Held> aboveCollaborator(String workspaceId, String userId) {
        return jdbc.sql("""
                select project_id, role, version from project_member
                 where workspace_id = :ws and principal_type = 'user' and principal_id = :id
                   and role in ('creator', 'editor', 'manager')
                 order by project_id
                """)
                .param("ws", workspaceId)
                .param("id", userId)
                .query((rs, n) -> new Held(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** The projects where the principal (a team, say) is itself a member as manager, in id order. */
    List<String> managerOf(String workspaceId, String principalType, String principalId) {
        return jdbc.sql("""
                select project_id from project_member
                 where workspace_id = :ws and principal_type = :type and principal_id = :id and role = 'manager'
                 order by project_id
                """)
                .param("ws", workspaceId)
                .param("type", principalType)
                .param("id", principalId)
                .query(String.class)
                .list();
    }

    int countManagers(String workspaceId, String projectId) {
        return jdbc.sql("select count(*) from project_member where workspace_id = :ws and project_id = :project"
                        + " and role = 'manager'")
                .param("ws", workspaceId)
                .param("project", projectId)
                .query(Integer.class)
                .single();
    }

    private static Principal principalRow(ResultSet rs, int rowNum) throws SQLException {
        return new Principal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
    }

    private static Member memberRow(ResultSet rs, int rowNum) throws SQLException {
        return new Member(principalRow(rs, rowNum), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getString(8), rs.getLong(9));
    }
}
