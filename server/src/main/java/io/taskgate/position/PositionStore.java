package io.taskgate.position;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.authorization.KnownPositions;
import io.taskgate.support.AccessFactChanges;

/** The SQL of positions and of who manages and staffs them. */
@Repository
class PositionStore implements KnownPositions {

    private final JdbcClient jdbc;
    private final AccessFactChanges accessFacts;

    PositionStore(JdbcClient jdbc, AccessFactChanges accessFacts) {
        this.accessFacts = accessFacts;
        this.jdbc = jdbc;
    }

    record Position(String workspaceId, String id, String name, Instant createdAt, long version) {
    }

    /** The two ways a person belongs to a position; each is its own table of the same shape. */
    enum Assignment {
        MANAGER("position_manager", "manager"),
        STAFF("position_staff", "staff");

        private final String table;
        private final String key;

        Assignment(String table, String key) {
            this.table = table;
            this.key = key;
        }

        /** As audit actions and messages name it: {@code position.manager_added}. */
        String key() {
            return key;
        }
    }

    void insert(Position position) {
        jdbc.sql("""
                insert into job_position (workspace_id, id, name, created_at)
                values (:ws, :id, :name, :at)
                """)
                .param("ws", position.workspaceId())
                .param("id", position.id())
                .param("name", position.name())
                .param("at", OffsetDateTime.ofInstant(position.createdAt(), ZoneOffset.UTC))
                .update();
    }

    private static final String SELECT = "select workspace_id, id, name, created_at, version from job_position";

    Optional<Position> find(String workspaceId, String id) {
        return jdbc.sql(SELECT + " where workspace_id = :ws and id = :id")
                .param("ws", workspaceId)
                .param("id", id)
                .query(PositionStore::row)
                .optional();
    }

    List<Position> list(String workspaceId, @Nullable String after, int limit) {
        return jdbc.sql(SELECT + """
                 where workspace_id = :ws and (cast(:after as varchar) is null or id > :after)
                 order by id
                 limit :limit
                """)
                .param("ws", workspaceId)
                .param("after", after)
                .param("limit", limit)
                .query(PositionStore::row)
                .list();
    }

    @Override
    public Set<String> existing(String workspaceId, Collection<String> positionIds) {
        if (positionIds.isEmpty()) {
            return Set.of();
        }
        // Locked until the caller's transaction ends: a position cannot be deleted under a master task being written.
        return ids(workspaceId, positionIds, " order by id for update");
    }

    @Override
    public Set<String> present(String workspaceId, Collection<String> positionIds) {
        return positionIds.isEmpty() ? Set.of() : ids(workspaceId, positionIds, "");
    }

    private Set<String> ids(String workspaceId, Collection<String> positionIds, String locking) {
        return new HashSet<>(jdbc.sql("select id from job_position where workspace_id = :ws and id in (:ids)" + locking)
                .param("ws", workspaceId)
                .param("ids", positionIds)
                .query(String.class)
                .list());
    }

    /** Compare-and-set on the version: false when someone else changed the position first. */
    boolean rename(String workspaceId, String id, String name, long expectedVersion) {
        return jdbc.sql("""
                update job_position set name = :name, version = version + 1
                 where workspace_id = :ws and id = :id and version = :expected
                """)
                .param("name", name)
                .param("ws", workspaceId)
                .param("id", id)
                .param("expected", expectedVersion)
                .update() == 1;
    }

    /**
     * A new version for a position whose managers or staff changed: its answer lists them, so its
     * ETag must move too.
     */
    void touch(String workspaceId, String id) {
        jdbc.sql("update job_position set version = version + 1 where workspace_id = :ws and id = :id")
                .param("ws", workspaceId)
                .param("id", id)
                .update();
    }

    /**
     * Managers and staff go with it (foreign keys cascade). Compare-and-set on the version: false,
     * deleting nothing, when someone else changed the position first.
     */
    boolean delete(String workspaceId, String id, long expectedVersion) {
        accessFacts.in(workspaceId);
        return jdbc.sql("delete from job_position where workspace_id = :ws and id = :id and version = :expected")
                .param("ws", workspaceId)
                .param("id", id)
                .param("expected", expectedVersion)
                .update() == 1;
    }

    /**
     * False when the person already held that assignment. The unique key decides, so two
     * concurrent requests cannot both add; on PostgreSQL the refused insert spoils the
     * transaction, so the caller must end the use case (with a 409) when this is false.
     */
    boolean assign(Assignment assignment, String workspaceId, String positionId, String userId) {
        accessFacts.in(workspaceId);
        try {
            jdbc.sql("insert into " + assignment.table + " (workspace_id, position_id, user_id) values (:ws, :p, :u)")
                    .param("ws", workspaceId)
                    .param("p", positionId)
                    .param("u", userId)
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** False when the person did not hold that assignment. */
    boolean unassign(Assignment assignment, String workspaceId, String positionId, String userId) {
        accessFacts.in(workspaceId);
        return jdbc.sql("delete from " + assignment.table
                        + " where workspace_id = :ws and position_id = :p and user_id = :u")
                .param("ws", workspaceId)
                .param("p", positionId)
                .param("u", userId)
                .update() == 1;
    }

    /** The user ids holding {@code assignment} on each of the given positions, in one query, sorted. */
    Map<String, List<String>> assigned(Assignment assignment, String workspaceId, Collection<String> positionIds) {
        Map<String, List<String>> byPosition = new HashMap<>();
        if (positionIds.isEmpty()) {
            return byPosition;
        }
        jdbc.sql("select position_id, user_id from " + assignment.table
                        + " where workspace_id = :ws and position_id in (:ids) order by user_id")
                .param("ws", workspaceId)
                .param("ids", positionIds)
                .query(rs -> {
                    byPosition.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return byPosition;
    }

    private static Position row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Position(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getLong(5));
    }
}
