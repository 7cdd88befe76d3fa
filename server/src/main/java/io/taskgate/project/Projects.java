package io.taskgate.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.taskgate.access.ProjectReadScope;
import io.taskgate.authorization.ReadableProjectsSql;
import io.taskgate.support.AccessFactChanges;

/** The SQL of projects, including the visibility filter of listings. */
@Repository
class Projects {

    private final JdbcClient jdbc;
    private final AccessFactChanges accessFacts;

    Projects(JdbcClient jdbc, AccessFactChanges accessFacts) {
        this.accessFacts = accessFacts;
        this.jdbc = jdbc;
    }

    record Project(String workspaceId, String id, String name, String description, String visibility,
            Instant createdAt, String createdBy, Instant updatedAt, long version) {
    }

    void insert(Project project) {
        accessFacts.in(project.workspaceId());
        jdbc.sql("""
                insert into project (workspace_id, id, name, description, visibility, created_at, created_by,
                                     updated_at)
                values (:ws, :id, :name, :description, :visibility, :at, :by, :at)
                """)
                .param("ws", project.workspaceId())
                .param("id", project.id())
                .param("name", project.name())
                .param("description", project.description())
                .param("visibility", project.visibility())
                .param("at", OffsetDateTime.ofInstant(project.createdAt(), ZoneOffset.UTC))
                .param("by", project.createdBy())
                .update();
    }

    private static final String COLUMNS = """
            p.workspace_id, p.id, p.name, p.description, p.visibility, p.created_at, p.created_by, p.updated_at,
            p.version
            """;

    Optional<Project> find(String workspaceId, String id) {
        return jdbc.sql("select " + COLUMNS + " from project p where p.workspace_id = :ws and p.id = :id")
                .param("ws", workspaceId)
                .param("id", id)
                .query(Projects::row)
                .optional();
    }

    /** Takes the project's row lock: membership changes of one project run one at a time. */
    void lock(String workspaceId, String id) {
        jdbc.sql("select id from project where workspace_id = :ws and id = :id for update")
                .param("ws", workspaceId)
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** Compare-and-set on the version: false when someone else changed the project first. */
    boolean update(Project project, long expectedVersion) {
        accessFacts.in(project.workspaceId());
        return jdbc.sql("""
                update project set name = :name, description = :description, visibility = :visibility,
                       updated_at = :at, version = version + 1
                 where workspace_id = :ws and id = :id and version = :expected
                """)
                .param("name", project.name())
                .param("description", project.description())
                .param("visibility", project.visibility())
                .param("at", OffsetDateTime.ofInstant(project.updatedAt(), ZoneOffset.UTC))
                .param("ws", project.workspaceId())
                .param("id", project.id())
                .param("expected", expectedVersion)
                .update() == 1;
    }

    void delete(String workspaceId, String id) {
        accessFacts.in(workspaceId);
        jdbc.sql("delete from project where workspace_id = :ws and id = :id")
                .param("ws", workspaceId)
                .param("id", id)
                .update();
    }

    /**
     * The projects a principal may read, one page in id order. The filter is the SQL form of
     * the decision core's {@link ProjectReadScope}, so listing and {@code decide} agree.
     */
    List<Project> listVisible(String workspaceId, ProjectReadScope scope, String principalType, String principalId,
            @Nullable String after, int limit) {
        return page(ReadableProjectsSql.condition(scope, "p.id", "p.visibility"), workspaceId, principalType, principalId, after,
                limit);
    }

    /** The projects where the principal is a member, directly or through a team. */
    List<Project> listMemberOf(String workspaceId, String principalType, String principalId, @Nullable String after,
            int limit) {
        return page(ReadableProjectsSql.isMember("p.id"), workspaceId, principalType, principalId, after, limit);
    }

    private List<Project> page(String filter, String workspaceId, String principalType, String principalId,
            @Nullable String after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from project p where p.workspace_id = :ws and " + filter + """
                   and (cast(:after as varchar) is null or p.id > :after)
                 order by p.id
                 limit :limit
                """)
                .param("ws", workspaceId)
                .param("type", principalType)
                .param("id", principalId)
                .param("after", after)
                .param("limit", limit)
                .query(Projects::row)
                .list();
    }

    private static Project row(ResultSet rs, int rowNum) throws SQLException {
        return new Project(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getLong(9));
    }
}
