package io.taskgate.authorization;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.taskgate.access.AccessLevel;
import io.taskgate.access.ApiClientFacts;
import io.taskgate.access.CredentialState;
import io.taskgate.access.PositionPermission;
import io.taskgate.access.PrincipalFacts;
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
            select 'identity' as kind, p.role as a, p.level as b, p.active as c
              from (%s) p
            union all
            select 'permission', rp.permission, null, null
              from principal_custom_role pr
              join custom_role_permission rp on rp.workspace_id = pr.workspace_id and rp.role_id = pr.role_id
             where pr.workspace_id = :ws and pr.principal_type = :type and pr.principal_id = :id
            union all
            select 'position_permission', pp.position_id, pp.permission, null
              from principal_custom_role pr
              join custom_role_position_permission pp on pp.workspace_id = pr.workspace_id and pp.role_id = pr.role_id
             where pr.workspace_id = :ws and pr.principal_type = :type and pr.principal_id = :id
            union all
            select 'team', tm.team_id, null, null
              from team_member tm
             where tm.workspace_id = :ws and tm.principal_type = :type and tm.principal_id = :id
            union all
            select 'manages', pm.position_id, null, null
              from position_manager pm
             where pm.workspace_id = :ws and pm.user_id = :id
            """;

    private static final String USER_IDENTITY = """
            select m.role as role, cast(null as varchar(20)) as level, m.active as active
              from workspace_member m where m.workspace_id = :ws and m.user_id = :id
            """;

    private static final String CLIENT_IDENTITY = """
            select c.role as role, c.access_level as level, c.active as active
              from api_client c where c.workspace_id = :ws and c.id = :id
            """;

    Optional<PrincipalFacts> user(String workspaceId, String userId, String name) {
        return load(workspaceId, "user", userId, name, USER_IDENTITY, CredentialState.ACTIVE);
    }

    Optional<PrincipalFacts> apiClient(String workspaceId, String clientId, String name, CredentialState credential) {
        return load(workspaceId, "api_client", clientId, name, CLIENT_IDENTITY, credential);
    }

    private Optional<PrincipalFacts> load(String workspaceId, String type, String id, String name,
            String identityQuery, CredentialState credential) {
        var facts = new Collected();
        jdbc.sql(FACTS.formatted(identityQuery))
                .param("ws", workspaceId)
                .param("type", type)
                .param("id", id)
                .query(rs -> {
                    String a = rs.getString(2);
                    switch (rs.getString(1)) {
                        case "identity" -> {
                            facts.role = WorkspaceRole.fromKey(a).orElse(WorkspaceRole.GUEST);
                            facts.level = rs.getString(3);
                            facts.active = rs.getBoolean(4);
                            facts.found = true;
                        }
                        case "permission" -> WorkspacePermission.fromKey(a).ifPresent(facts.permissions::add);
                        case "position_permission" -> PositionPermission.fromKey(rs.getString(3)).ifPresent(
                                permission -> facts.positionPermissions
                                        .computeIfAbsent(a, key -> EnumSet.noneOf(PositionPermission.class))
                                        .add(permission));
                        case "team" -> facts.teams.add(a);
                        case "manages" -> facts.managedPositions.add(a);
                        default -> throw new IllegalStateException("unknown fact kind");
                    }
                });
        if (!facts.found) {
            return Optional.empty();
        }
        if (type.equals("user")) {
            return Optional.of(new UserFacts(id, name, facts.role, facts.permissions, facts.positionPermissions,
                    facts.managedPositions, facts.teams, facts.active));
        }
        // An unknown stored level fails closed to the narrowest one.
        AccessLevel level = AccessLevel.fromKey(String.valueOf(facts.level)).orElse(AccessLevel.READ);
        return Optional.of(new ApiClientFacts(id, name, facts.role, level, credential, facts.permissions,
                facts.positionPermissions, Set.of(), facts.teams, facts.active));
    }

    /** Accumulates the rows of one facts query. */
    private static final class Collected {
        boolean found;
        WorkspaceRole role = WorkspaceRole.GUEST;
        String level;
        boolean active;
        final Set<WorkspacePermission> permissions = EnumSet.noneOf(WorkspacePermission.class);
        final Map<String, Set<PositionPermission>> positionPermissions = new HashMap<>();
        final Set<String> teams = new HashSet<>();
        final Set<String> managedPositions = new HashSet<>();
    }
}
