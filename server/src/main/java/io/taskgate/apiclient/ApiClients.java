package io.taskgate.apiclient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.support.AccessFactChanges;
import io.taskgate.workspace.CustomRoleDeleting;

/** The SQL of API clients. */
@Repository
class ApiClients {

    private final JdbcClient jdbc;
    private final AccessFactChanges accessFacts;

    ApiClients(JdbcClient jdbc, AccessFactChanges accessFacts) {
        this.accessFacts = accessFacts;
        this.jdbc = jdbc;
    }

    record ApiClient(String workspaceId, String id, String name, String role, String accessLevel, boolean active,
            Instant createdAt, String createdBy, long version) {
    }

    void insert(ApiClient client) {
        accessFacts.in(client.workspaceId());
        jdbc.sql("""
                insert into api_client (workspace_id, id, name, role, access_level, active, created_at, created_by)
                values (:ws, :id, :name, :role, :level, :active, :at, :by)
                """)
                .param("ws", client.workspaceId())
                .param("id", client.id())
                .param("name", client.name())
                .param("role", client.role())
                .param("level", client.accessLevel())
                .param("active", client.active())
                .param("at", OffsetDateTime.ofInstant(client.createdAt(), ZoneOffset.UTC))
                .param("by", client.createdBy())
                .update();
    }

    private static final String SELECT =
            "select workspace_id, id, name, role, access_level, active, created_at, created_by, version"
                    + " from api_client";

    Optional<ApiClient> find(String workspaceId, String id) {
        return jdbc.sql(SELECT + " where workspace_id = :ws and id = :id")
                .param("ws", workspaceId)
                .param("id", id)
                .query(ApiClients::row)
                .optional();
    }

    List<ApiClient> list(String workspaceId, @Nullable String after, int limit) {
        return jdbc.sql(SELECT + """
                 where workspace_id = :ws and (cast(:after as varchar) is null or id > :after)
                 order by id
                 limit :limit
                """)
                .param("ws", workspaceId)
                .param("after", after)
                .param("limit", limit)
                .query(ApiClients::row)
                .list();
    }

    /** The clients holding a custom role about to be deleted: their customRoleIds change. */
    @EventListener
    void on(CustomRoleDeleting deleting) {
        jdbc.sql("""
                update api_client set version = version + 1
                 where workspace_id = :ws and id in (
                       select pr.principal_id from principal_custom_role pr
                        where pr.workspace_id = :ws and pr.principal_type = 'api_client' and pr.role_id = :role)
                """)
                .param("ws", deleting.workspaceId())
                .param("role", deleting.roleId())
                .update();
    }

    /** Compare-and-set on the version: false when someone else changed the client first. */
    boolean update(ApiClient client, long expectedVersion) {
        accessFacts.in(client.workspaceId());
        return jdbc.sql("""
                update api_client set name = :name, role = :role, access_level = :level, active = :active,
                       version = version + 1
                 where workspace_id = :ws and id = :id and version = :expected
                """)
                .param("name", client.name())
                .param("role", client.role())
                .param("level", client.accessLevel())
                .param("active", client.active())
                .param("ws", client.workspaceId())
                .param("id", client.id())
                .param("expected", expectedVersion)
                .update() == 1;
    }

    private static ApiClient row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new ApiClient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8), rs.getLong(9));
    }
}
