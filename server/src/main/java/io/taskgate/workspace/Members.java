package io.taskgate.workspace;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.identity.InvitedAccountCompleted;
import io.taskgate.support.AccessFactChanges;

/** The SQL of workspace members: people, their workspace role, custom roles and whether they are active. */
@Repository
class Members {

    private final JdbcClient jdbc;
    private final AccessFactChanges accessFacts;
    private final CustomRoles customRoles;

    Members(JdbcClient jdbc, CustomRoles customRoles, AccessFactChanges accessFacts) {
        this.accessFacts = accessFacts;
        this.jdbc = jdbc;
        this.customRoles = customRoles;
    }

    record Member(String userId, String email, String name, String role, List<String> customRoleIds, boolean active,
            boolean invited, Instant addedAt, long version) {
    }

    void insert(String workspaceId, String userId, String role, Instant addedAt, @Nullable String addedBy) {
        accessFacts.in(workspaceId);
        jdbc.sql("""
                insert into workspace_member (workspace_id, user_id, role, active, added_at, added_by)
                values (:ws, :userId, :role, true, :at, :by)
                """)
                .param("ws", workspaceId)
                .param("userId", userId)
                .param("role", role)
                .param("at", OffsetDateTime.ofInstant(addedAt, ZoneOffset.UTC))
                .param("by", addedBy)
                .update();
    }

    private static final String SELECT = """
            select m.user_id, a.email, a.name, m.role, m.active, a.password_hash, m.added_at, m.version
              from workspace_member m join user_account a on a.id = m.user_id
            """;

    Optional<Member> find(String workspaceId, String userId) {
        return jdbc.sql(SELECT + " where m.workspace_id = :ws and m.user_id = :userId")
                .param("ws", workspaceId)
                .param("userId", userId)
                .query((rs, n) -> row(rs))
                .optional()
                .map(member -> withCustomRoles(workspaceId, List.of(member)).getFirst());
    }

    List<Member> list(String workspaceId, @Nullable String after, int limit) {
        List<Member> page = jdbc.sql(SELECT + """
                 where m.workspace_id = :ws and (cast(:after as varchar) is null or m.user_id > :after)
                 order by m.user_id
                 limit :limit
                """)
                .param("ws", workspaceId)
                .param("after", after)
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
        return withCustomRoles(workspaceId, page);
    }

    private static Member row(ResultSet rs) throws SQLException {
        return new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), List.of(),
                rs.getBoolean(5), rs.getString(6) == null, rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getLong(8));
    }

    /** Adds the custom role ids of a page of members in one query. */
    private List<Member> withCustomRoles(String workspaceId, List<Member> members) {
        Map<String, List<String>> roleIds = customRoles.assignedTo(workspaceId, "user",
                members.stream().map(Member::userId).toList());
        return members.stream()
                .map(m -> new Member(m.userId(), m.email(), m.name(), m.role(),
                        List.copyOf(roleIds.getOrDefault(m.userId(), List.of())), m.active(), m.invited(),
                        m.addedAt(), m.version()))
                .toList();
    }

    /**
     * The person's memberships now read differently (status registered, their chosen name): a new
     * version in every workspace, so that no ETag of the invited member still matches.
     */
    @EventListener
    void on(InvitedAccountCompleted completed) {
        jdbc.sql("update workspace_member set version = version + 1 where user_id = :userId")
                .param("userId", completed.userId())
                .update();
    }

    /** The memberships holding a custom role about to be deleted: their customRoleIds change. */
    @EventListener
    void on(CustomRoleDeleting deleting) {
        jdbc.sql("""
                update workspace_member set version = version + 1
                 where workspace_id = :ws and user_id in (
                       select pr.principal_id from principal_custom_role pr
                        where pr.workspace_id = :ws and pr.principal_type = 'user' and pr.role_id = :role)
                """)
                .param("ws", deleting.workspaceId())
                .param("role", deleting.roleId())
                .update();
    }

    /** Compare-and-set on the version: false when someone else changed the member first. */
    boolean update(String workspaceId, String userId, String role, boolean active, long expectedVersion) {
        accessFacts.in(workspaceId);
        return jdbc.sql("""
                update workspace_member set role = :role, active = :active, version = version + 1
                 where workspace_id = :ws and user_id = :userId and version = :expected
                """)
                .param("role", role)
                .param("active", active)
                .param("ws", workspaceId)
                .param("userId", userId)
                .param("expected", expectedVersion)
                .update() == 1;
    }

    /**
     * Counts the workspace's active owners who have an account, their rows locked until the
     * transaction ends: two demotions of different owners cannot both see the other one still
     * there and leave none. (Not the workspace row: access writes lock that one last, at commit,
     * and must find it free.) An owner still invited (no password yet) is left out: until they
     * sign up, nobody can act as them.
     */
    int lockActiveOwners(String workspaceId) {
        return jdbc.sql("""
                select m.user_id from workspace_member m
                 where m.workspace_id = :ws and m.role = 'owner' and m.active
                   and exists (select 1 from user_account a where a.id = m.user_id and a.password_hash is not null)
                   for update
                """)
                .param("ws", workspaceId)
                .query(String.class)
                .list()
                .size();
    }
}
