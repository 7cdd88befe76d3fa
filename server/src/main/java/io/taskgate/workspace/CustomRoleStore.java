package io.taskgate.workspace;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.access.PositionPermission;
import io.taskgate.access.WorkspacePermission;
import io.taskgate.support.AccessFactChanges;

/** The SQL of custom roles: the role, its workspace permissions and its permissions on positions. */
@Repository
class CustomRoleStore {

    private final JdbcClient jdbc;
    private final AccessFactChanges accessFacts;

    CustomRoleStore(JdbcClient jdbc, AccessFactChanges accessFacts) {
        this.accessFacts = accessFacts;
        this.jdbc = jdbc;
    }

    record CustomRole(String workspaceId, String id, String name, Set<WorkspacePermission> permissions,
            Map<String, Set<PositionPermission>> positionPermissions, Instant createdAt, long version) {
    }

    void insert(CustomRole role) {
        accessFacts.in(role.workspaceId());
        jdbc.sql("insert into custom_role (workspace_id, id, name, created_at) values (:ws, :id, :name, :at)")
                .param("ws", role.workspaceId())
                .param("id", role.id())
                .param("name", role.name())
                .param("at", OffsetDateTime.ofInstant(role.createdAt(), ZoneOffset.UTC))
                .update();
        insertGrants(role);
    }

    /**
     * Replaces name and grants; the assignments of the role stay. Compare-and-set on the version:
     * false, changing nothing, when someone else changed the role first.
     */
    boolean update(CustomRole role, long expectedVersion) {
        accessFacts.in(role.workspaceId());
        boolean updated = jdbc.sql("""
                update custom_role set name = :name, version = version + 1
                 where workspace_id = :ws and id = :id and version = :expected
                """)
                .param("name", role.name())
                .param("ws", role.workspaceId())
                .param("id", role.id())
                .param("expected", expectedVersion)
                .update() == 1;
        if (!updated) {
            return false;
        }
        for (String table : List.of("custom_role_permission", "custom_role_position_permission")) {
            jdbc.sql("delete from " + table + " where workspace_id = :ws and role_id = :id")
                    .param("ws", role.workspaceId())
                    .param("id", role.id())
                    .update();
        }
        insertGrants(role);
        return true;
    }

    /**
     * Its grants and every assignment of it go too (foreign keys cascade). Compare-and-set on the
     * version: false when someone else changed the role first.
     */
    boolean delete(String workspaceId, String id, long expectedVersion) {
        accessFacts.in(workspaceId);
        return jdbc.sql("delete from custom_role where workspace_id = :ws and id = :id and version = :expected")
                .param("ws", workspaceId)
                .param("id", id)
                .param("expected", expectedVersion)
                .update() == 1;
    }

    boolean nameTaken(String workspaceId, String name, @Nullable String exceptId) {
        return jdbc.sql("""
                select count(*) from custom_role
                 where workspace_id = :ws and name = :name and (cast(:exceptId as varchar) is null or id <> :exceptId)
                """)
                .param("ws", workspaceId)
                .param("name", name)
                .param("exceptId", exceptId)
                .query(Integer.class)
                .single() > 0;
    }

    Map<String, CustomRoleService.Holders> holders(String workspaceId) {
        Map<String, CustomRoleService.Holders> holders = new HashMap<>();
        jdbc.sql("""
                select role_id, principal_type, count(*) from principal_custom_role
                 where workspace_id = :ws
                 group by role_id, principal_type
                """)
                .param("ws", workspaceId)
                .query(rs -> {
                    var counted = holders.getOrDefault(rs.getString(1), CustomRoleService.Holders.NONE);
                    int count = rs.getInt(3);
                    holders.put(rs.getString(1), "user".equals(rs.getString(2))
                            ? new CustomRoleService.Holders(count, counted.apiClients())
                            : new CustomRoleService.Holders(counted.people(), count));
                });
        return holders;
    }

    private static final String SELECT = "select workspace_id, id, name, created_at, version from custom_role";

    Optional<CustomRole> find(String workspaceId, String id) {
        return jdbc.sql(SELECT + " where workspace_id = :ws and id = :id")
                .param("ws", workspaceId)
                .param("id", id)
                .query(CustomRoleStore::row)
                .optional()
                .map(role -> withGrants(workspaceId, List.of(role)).getFirst());
    }

    List<CustomRole> list(String workspaceId, @Nullable String after, int limit) {
        List<CustomRole> page = jdbc.sql(SELECT + """
                 where workspace_id = :ws and (cast(:after as varchar) is null or id > :after)
                 order by id
                 limit :limit
                """)
                .param("ws", workspaceId)
                .param("after", after)
                .param("limit", limit)
                .query(CustomRoleStore::row)
                .list();
        return withGrants(workspaceId, page);
    }

    private void insertGrants(CustomRole role) {
        for (WorkspacePermission permission : role.permissions()) {
            jdbc.sql("""
                    insert into custom_role_permission (workspace_id, role_id, permission)
                    values (:ws, :id, :permission)
                    """)
                    .param("ws", role.workspaceId())
                    .param("id", role.id())
                    .param("permission", permission.key())
                    .update();
        }
        role.positionPermissions().forEach((positionId, permissions) -> {
            for (PositionPermission permission : permissions) {
                jdbc.sql("""
                        insert into custom_role_position_permission (workspace_id, role_id, position_id, permission)
                        values (:ws, :id, :positionId, :permission)
                        """)
                        .param("ws", role.workspaceId())
                        .param("id", role.id())
                        .param("positionId", positionId)
                        .param("permission", permission.key())
                        .update();
            }
        });
    }

    /**
     * Adds the grants of a page of roles, one query per kind. A stored key this version does not
     * know is left out rather than failing the whole listing.
     */
    private List<CustomRole> withGrants(String workspaceId, List<CustomRole> roles) {
        if (roles.isEmpty()) {
            return roles;
        }
        Collection<String> ids = roles.stream().map(CustomRole::id).toList();
        Map<String, Set<WorkspacePermission>> permissions = new HashMap<>();
        jdbc.sql("""
                select role_id, permission from custom_role_permission
                 where workspace_id = :ws and role_id in (:ids)
                """)
                .param("ws", workspaceId)
                .param("ids", ids)
                .query(rs -> {
                    String roleId = rs.getString(1);
                    WorkspacePermission.fromKey(rs.getString(2)).ifPresent(permission -> permissions
                            .computeIfAbsent(roleId, id -> EnumSet.noneOf(WorkspacePermission.class))
                            .add(permission));
                });
        Map<String, Map<String, Set<PositionPermission>>> positions = new HashMap<>();
        jdbc.sql("""
                select role_id, position_id, permission from custom_role_position_permission
                 where workspace_id = :ws and role_id in (:ids)
                """)
                .param("ws", workspaceId)
                .param("ids", ids)
                .query(rs -> {
                    String roleId = rs.getString(1);
                    String positionId = rs.getString(2);
                    PositionPermission.fromKey(rs.getString(3)).ifPresent(permission -> positions
                            .computeIfAbsent(roleId, id -> new TreeMap<>())
                            .computeIfAbsent(positionId, id -> EnumSet.noneOf(PositionPermission.class))
                            .add(permission));
                });
        return roles.stream()
                .map(role -> new CustomRole(role.workspaceId(), role.id(), role.name(),
                        permissions.getOrDefault(role.id(), EnumSet.noneOf(WorkspacePermission.class)),
                        positions.getOrDefault(role.id(), Map.of()), role.createdAt(), role.version()))
                .toList();
    }

    private static CustomRole row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new CustomRole(rs.getString(1), rs.getString(2), rs.getString(3), Set.of(), Map.of(),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getLong(5));
    }
}
