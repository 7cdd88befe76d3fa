package io.taskgate.workspace;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of workspaces. */
@Repository
class Workspaces {

    private final JdbcClient jdbc;

    Workspaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Workspace(String id, String name, Instant createdAt, String createdBy, long version) {
    }

    void insert(Workspace workspace) {
        jdbc.sql("insert into workspace (workspace_id, name, created_at, created_by) values (:id, :name, :at, :by)")
                .param("id", workspace.id())
                .param("name", workspace.name())
                .param("at", OffsetDateTime.ofInstant(workspace.createdAt(), ZoneOffset.UTC))
                .param("by", workspace.createdBy())
                .update();
    }

    Optional<Workspace> find(String workspaceId) {
        return jdbc.sql("""
                select workspace_id, name, created_at, created_by, version from workspace where workspace_id = :id
                """)
                .param("id", workspaceId)
                .query((rs, n) -> new Workspace(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getLong(5)))
                .optional();
    }

    record Membership(String workspaceId, String name, Instant createdAt, String role, long version) {
    }

    List<Membership> listForUser(String userId, @Nullable String after, int limit) {
        return jdbc.sql("""
                select w.workspace_id, w.name, w.created_at, m.role, w.version
                  from workspace_member m join workspace w on w.workspace_id = m.workspace_id
                 where m.user_id = :userId and m.active
                   and (cast(:after as varchar) is null or w.workspace_id > :after)
                 order by w.workspace_id
                 limit :limit
                """)
                .param("userId", userId)
                .param("after", after)
                .param("limit", limit)
                .query((rs, n) -> new Membership(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getLong(5)))
                .list();
    }

    /** The names of the workspaces where the user was deactivated: they are not theirs to open, but theirs to know. */
    List<String> namesWhereDeactivated(String userId) {
        return jdbc.sql("""
                select w.name from workspace_member m join workspace w on w.workspace_id = m.workspace_id
                 where m.user_id = :userId and not m.active
                 order by w.name
                """)
                .param("userId", userId)
                .query(String.class)
                .list();
    }
}
