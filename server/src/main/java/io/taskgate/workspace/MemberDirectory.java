package io.taskgate.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who the people of a workspace are, for features that refer to them (team members, position
 * managers and staff) without reaching into this feature's tables. A deactivated person is still
 * a member: nothing is deleted, only access stops.
 */
@Component
public class MemberDirectory {

    private final JdbcClient jdbc;

    MemberDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Person(String userId, String name, boolean active) {
    }

    private static final String SELECT = """
            select m.user_id, a.name, m.active
              from workspace_member m join user_account a on a.id = m.user_id
            """;

    public Optional<Person> find(String workspaceId, String userId) {
        return jdbc.sql(SELECT + " where m.workspace_id = :ws and m.user_id = :userId")
                .param("ws", workspaceId)
                .param("userId", userId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** The members among {@code userIds}, by id; ids that are not members of the workspace are absent. */
    public Map<String, Person> find(String workspaceId, Collection<String> userIds) {
        Map<String, Person> found = new HashMap<>();
        if (userIds.isEmpty()) {
            return found;
        }
        jdbc.sql(SELECT + " where m.workspace_id = :ws and m.user_id in (:userIds)")
                .param("ws", workspaceId)
                .param("userIds", userIds)
                .query((rs, n) -> row(rs))
                .list()
                .forEach(person -> found.put(person.userId(), person));
        return found;
    }

    private static Person row(ResultSet rs) throws SQLException {
        return new Person(rs.getString(1), rs.getString(2), rs.getBoolean(3));
    }
}
