package io.taskgate.team;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.support.AccessFactChanges;
import io.taskgate.support.Timestamps;

/** The SQL of teams and their members. */
@Repository
class TeamStore {

    private final JdbcClient jdbc;
    private final AccessFactChanges accessFacts;

    TeamStore(JdbcClient jdbc, AccessFactChanges accessFacts) {
        this.accessFacts = accessFacts;
        this.jdbc = jdbc;
    }

    record Team(String workspaceId, String id, String name, Instant createdAt, long version) {
    }

    /** A user or API client in a team; principal ids are unique across both kinds. */
    record Member(String principalType, String principalId, Instant addedAt) {
    }

    void insert(Team team) {
        accessFacts.in(team.workspaceId());
        jdbc.sql("insert into team (workspace_id, id, name, created_at) values (:ws, :id, :name, :at)")
                .param("ws", team.workspaceId())
                .param("id", team.id())
                .param("name", team.name())
                .param("at", Timestamps.utc(team.createdAt()))
                .update();
    }

    private static final String SELECT = "select workspace_id, id, name, created_at, version from team";

    Optional<Team> find(String workspaceId, String id) {
        return jdbc.sql(SELECT + " where workspace_id = :ws and id = :id")
                .param("ws", workspaceId)
                .param("id", id)
                .query(TeamStore::team)
                .optional();
    }

    List<Team> list(String workspaceId, @Nullable String after, int limit) {
        return jdbc.sql(SELECT + """
                 where workspace_id = :ws and (cast(:after as varchar) is null or id > :after)
                 order by id
                 limit :limit
                """)
                .param("ws", workspaceId)
                .param("after", after)
                .param("limit", limit)
                .query(TeamStore::team)
                .list();
    }

    /** Compare-and-set on the version: false when someone else changed the team first. */
    boolean rename(String workspaceId, String id, String name, long expectedVersion) {
        return jdbc.sql("""
                update team set name = :name, version = version + 1
                 where workspace_id = :ws and id = :id and version = :expected
                """)
                .param("name", name)
                .param("ws", workspaceId)
                .param("id", id)
                .param("expected", expectedVersion)
                .update() == 1;
    }

    /** Holds the team's row until the transaction ends (nothing when there is no such team). */
    void lock(String workspaceId, String id) {
        jdbc.sql("select id from team where workspace_id = :ws and id = :id for update")
                .param("ws", workspaceId)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /**
     * A new version for a team whose members changed: its answer counts them, so its ETag must
     * move too. Also takes the team's row lock until the change commits.
     */
    void touch(String workspaceId, String id) {
        jdbc.sql("update team set version = version + 1 where workspace_id = :ws and id = :id")
                .param("ws", workspaceId)
                .param("id", id)
                .update();
    }

    /**
     * Deletes the team, its members (foreign keys cascade) and its memberships of projects. The
     * last are not tied to the team by a foreign key — a project member may be a user, a client
     * or a team — so they are deleted here, in the same transaction, rather than left to grant
     * nobody anything. Compare-and-set on the version: false, deleting nothing, when someone else
     * changed the team first.
     */
    boolean delete(String workspaceId, String id, long expectedVersion) {
        accessFacts.in(workspaceId);
        if (jdbc.sql("delete from team where workspace_id = :ws and id = :id and version = :expected")
                .param("ws", workspaceId)
                .param("id", id)
                .param("expected", expectedVersion)
                .update() == 0) {
            return false;
        }
        jdbc.sql("""
                delete from project_member
                 where workspace_id = :ws and principal_type = 'team' and principal_id = :id
                """)
                .param("ws", workspaceId)
                .param("id", id)
                .update();
        return true;
    }

    Map<String, Integer> memberCounts(String workspaceId, Collection<String> teamIds) {
        Map<String, Integer> counts = new HashMap<>();
        if (teamIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select team_id, count(*) from team_member
                 where workspace_id = :ws and team_id in (:ids)
                 group by team_id
                """)
                .param("ws", workspaceId)
                .param("ids", teamIds)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    /**
     * False when the principal already was a member. The primary key decides, so two concurrent
     * requests cannot both add; on PostgreSQL the refused insert spoils the transaction, so the
     * caller must end the use case (with a 409) when this is false.
     */
    boolean addMember(String workspaceId, String teamId, Member member) {
        accessFacts.in(workspaceId);
        try {
            jdbc.sql("""
                    insert into team_member (workspace_id, team_id, principal_type, principal_id, added_at)
                    values (:ws, :teamId, :type, :id, :at)
                    """)
                    .param("ws", workspaceId)
                    .param("teamId", teamId)
                    .param("type", member.principalType())
                    .param("id", member.principalId())
                    .param("at", Timestamps.utc(member.addedAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    List<Member> members(String workspaceId, String teamId, @Nullable String after, int limit) {
        return jdbc.sql("""
                select principal_type, principal_id, added_at from team_member
                 where workspace_id = :ws and team_id = :teamId
                   and (cast(:after as varchar) is null or principal_id > :after)
                 order by principal_id
                 limit :limit
                """)
                .param("ws", workspaceId)
                .param("teamId", teamId)
                .param("after", after)
                .param("limit", limit)
                .query((rs, n) -> new Member(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** False when the principal was not a member. */
    boolean removeMember(String workspaceId, String teamId, String principalId) {
        accessFacts.in(workspaceId);
        return jdbc.sql("""
                delete from team_member
                 where workspace_id = :ws and team_id = :teamId and principal_id = :principalId
                """)
                .param("ws", workspaceId)
                .param("teamId", teamId)
                .param("principalId", principalId)
                .update() > 0;
    }

    private static Team team(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Team(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getLong(5));
    }
}
