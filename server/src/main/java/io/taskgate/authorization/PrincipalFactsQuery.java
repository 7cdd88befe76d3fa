package io.taskgate.authorization;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.taskgate.access.AccessLevel;
import io.taskgate.access.ApiClientFacts;
import io.taskgate.access.CredentialState;
import io.taskgate.access.PositionPermission;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectFacts;
import io.taskgate.access.UserFacts;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.access.WorkspaceRole;

/**
 * Loads everything the decision core needs to know about a principal in one workspace — role,
 * custom-role permissions, position permissions, managed positions, teams — in a single round
 * trip: one row per fact, tagged with its kind.
 */
@Component
class PrincipalFactsQuery {

    private final JdbcClient jdbc;

    PrincipalFactsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String FACTS = """
            select 'identity' as kind, p.role as a, p.level as b, p.active as c, p.name as d
              from (%s) p
            union all
            select 'permission', rp.permission, null, null, null
              from principal_custom_role pr
              join custom_role_permission rp on rp.workspace_id = pr.workspace_id and rp.role_id = pr.role_id
             where pr.workspace_id = :ws and pr.principal_type = :type and pr.principal_id = :id
            union all
            select 'position_permission', pp.position_id, pp.permission, null, null
              from principal_custom_role pr
              join custom_role_position_permission pp on pp.workspace_id = pr.workspace_id and pp.role_id = pr.role_id
             where pr.workspace_id = :ws and pr.principal_type = :type and pr.principal_id = :id
            union all
            select 'team', tm.team_id, null, null, null
              from team_member tm
             where tm.workspace_id = :ws and tm.principal_type = :type and tm.principal_id = :id
            union all
            select 'manages', pm.position_id, null, null, null
              from position_manager pm
             where pm.workspace_id = :ws and pm.user_id = :id
            """;

    /** Appended to {@link #FACTS} when a project is loaded in the same round trip. */
    private static final String PROJECT = """
            union all
            select 'project', p.visibility, null, null, p.name
              from project p
             where p.workspace_id = :ws and p.id = :project
            union all
            select 'project_grant', pm.principal_type, pm.role, null, pm.principal_id
              from project_member pm
             where pm.workspace_id = :ws and pm.project_id = :project and %s
            """.formatted(ProjectFactsQuery.GRANT_TO_PRINCIPAL);

    /** A principal's facts, and those of the one project asked for with them (null when it does not exist). */
    record WithProject(PrincipalFacts principal, @Nullable ProjectFacts project) {
    }

    private static final String USER_IDENTITY = """
            select m.role as role, cast(null as varchar(20)) as level, m.active as active, a.name as name
              from workspace_member m join user_account a on a.id = m.user_id
             where m.workspace_id = :ws and m.user_id = :id
            """;

    private static final String CLIENT_IDENTITY = """
            select c.role as role, c.access_level as level, c.active as active, c.name as name
              from api_client c where c.workspace_id = :ws and c.id = :id
            """;

    /** A user's facts in the workspace, or empty when the user has never been a member of it. */
    Optional<PrincipalFacts> user(String workspaceId, String userId) {
        return user(workspaceId, userId, null).map(WithProject::principal);
    }

    /** An API client's facts, with the state of the key it authenticated with (or is checked with). */
    Optional<PrincipalFacts> apiClient(String workspaceId, String clientId, CredentialState credential) {
        return apiClient(workspaceId, clientId, credential, null).map(WithProject::principal);
    }

    /** As {@link #user(String, String)}, with the project {@code projectId} (if not null) as the user sees it. */
    Optional<WithProject> user(String workspaceId, String userId, @Nullable String projectId) {
        return load(workspaceId, "user", userId, USER_IDENTITY, CredentialState.ACTIVE, projectId);
    }

    /** As {@link #apiClient(String, String, CredentialState)}, with a project as the client sees it. */
    Optional<WithProject> apiClient(String workspaceId, String clientId, CredentialState credential,
            @Nullable String projectId) {
        return load(workspaceId, "api_client", clientId, CLIENT_IDENTITY, credential, projectId);
    }

    /** Whether the API client has a key that works now: neither revoked nor expired. */
    boolean hasWorkingKey(String workspaceId, String clientId, java.time.Instant now) {
        return jdbc.sql("""
                select count(*) from api_key
                 where workspace_id = :ws and api_client_id = :clientId and revoked_at is null
                   and (expires_at is null or expires_at > :now)
                """)
                .param("ws", workspaceId)
                .param("clientId", clientId)
                .param("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .query(Long.class)
                .single() > 0;
    }

    /** The state of one of the client's keys at {@code now}, or empty when the client has no such key. */
    Optional<CredentialState> keyState(String workspaceId, String clientId, String keyId, java.time.Instant now) {
        return jdbc.sql("""
                select revoked_at, expires_at from api_key
                 where workspace_id = :ws and api_client_id = :clientId and id = :keyId
                """)
                .param("ws", workspaceId)
                .param("clientId", clientId)
                .param("keyId", keyId)
                .query((rs, n) -> {
                    if (rs.getObject(1) != null) {
                        return CredentialState.REVOKED;
                    }
                    var expiresAt = rs.getObject(2, java.time.OffsetDateTime.class);
                    return expiresAt != null && !now.isBefore(expiresAt.toInstant())
                            ? CredentialState.EXPIRED : CredentialState.ACTIVE;
                })
                .optional();
    }

    private Optional<WithProject> load(String workspaceId, String type, String id, String identityQuery,
            CredentialState credential, @Nullable String projectId) {
        var facts = new Collected();
        var statement = jdbc.sql(FACTS.formatted(identityQuery) + (projectId == null ? "" : PROJECT))
                .param("ws", workspaceId)
                .param("type", type)
                .param("id", id);
        if (projectId != null) {
            statement = statement.param("project", projectId);
        }
        statement.query(rs -> {
            String a = rs.getString(2);
            switch (rs.getString(1)) {
                case "identity" -> {
                    facts.role = WorkspaceRole.fromKey(a).orElse(WorkspaceRole.GUEST);
                    facts.level = rs.getString(3);
                    facts.active = rs.getBoolean(4);
                    facts.name = rs.getString(5);
                    facts.found = true;
                }
                case "permission" -> WorkspacePermission.fromKey(a).ifPresent(facts.permissions::add);
                case "position_permission" -> PositionPermission.fromKey(rs.getString(3)).ifPresent(
                        permission -> facts.positionPermissions
                                .computeIfAbsent(a, key -> EnumSet.noneOf(PositionPermission.class))
                                .add(permission));
                case "team" -> facts.teams.add(a);
                case "manages" -> facts.managedPositions.add(a);
                case "project" -> {
                    facts.project.project(rs.getString(5), a);
                    facts.projectFound = true;
                }
                case "project_grant" -> facts.project.grant(a, rs.getString(5), rs.getString(3));
                default -> throw new IllegalStateException("unknown fact kind");
            }
        });
        if (!facts.found) {
            return Optional.empty();
        }
        ProjectFacts project = projectId != null && facts.projectFound ? facts.project.facts(projectId) : null;
        if (type.equals("user")) {
            return Optional.of(new WithProject(new UserFacts(id, facts.name, facts.role, facts.permissions,
                    facts.positionPermissions, facts.managedPositions, facts.teams, facts.active), project));
        }
        // An unknown stored level fails closed to the narrowest one.
        AccessLevel level = AccessLevel.fromKey(String.valueOf(facts.level)).orElse(AccessLevel.READ);
        return Optional.of(new WithProject(new ApiClientFacts(id, facts.name, facts.role, level, credential,
                facts.permissions, facts.positionPermissions, Set.of(), facts.teams, facts.active), project));
    }

    /** Accumulates the rows of one facts query. */
    private static final class Collected {
        boolean found;
        String name = "";
        WorkspaceRole role = WorkspaceRole.GUEST;
        @Nullable String level;
        boolean active;
        final Set<WorkspacePermission> permissions = EnumSet.noneOf(WorkspacePermission.class);
        final Map<String, Set<PositionPermission>> positionPermissions = new HashMap<>();
        final Set<String> teams = new HashSet<>();
        final Set<String> managedPositions = new HashSet<>();
        boolean projectFound;
        final ProjectFactsQuery.Row project = new ProjectFactsQuery.Row();
    }
}
