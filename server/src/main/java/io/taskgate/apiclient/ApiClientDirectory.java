package io.taskgate.apiclient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who the API clients of a workspace are, for features that refer to them (team members)
 * without reaching into this feature's tables. A disabled client is still listed, as inactive.
 */
@Component
public class ApiClientDirectory {

    private final JdbcClient jdbc;

    ApiClientDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Client(String id, String name, boolean active) {
    }

    public Optional<Client> find(String workspaceId, String clientId) {
        return jdbc.sql("select id, name, active from api_client where workspace_id = :ws and id = :id")
                .param("ws", workspaceId)
                .param("id", clientId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** The clients among {@code clientIds}, by id; ids that are not clients of the workspace are absent. */
    public Map<String, Client> find(String workspaceId, Collection<String> clientIds) {
        Map<String, Client> found = new HashMap<>();
        if (clientIds.isEmpty()) {
            return found;
        }
        jdbc.sql("select id, name, active from api_client where workspace_id = :ws and id in (:ids)")
                .param("ws", workspaceId)
                .param("ids", clientIds)
                .query((rs, n) -> row(rs))
                .list()
                .forEach(client -> found.put(client.id(), client));
        return found;
    }

    private static Client row(ResultSet rs) throws SQLException {
        return new Client(rs.getString(1), rs.getString(2), rs.getBoolean(3));
    }
}
