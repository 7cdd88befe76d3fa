package io.taskgate.bench.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Removes a generated workspace, children first, so it can be generated again. */
final class Cleanup {

    private static final List<String> TABLES = List.of("audit_event", "idempotency_record", "task_in_list", "task",
            "task_list", "master_task_position", "master_task", "project_member", "project", "position_staff",
            "position_manager", "job_position", "team_member", "team", "principal_custom_role",
            "custom_role_position_permission", "custom_role_permission", "custom_role", "api_key", "api_client",
            "workspace_member", "workspace");

    private Cleanup() {
    }

    static void deleteWorkspace(Connection db, String label) throws SQLException {
        String workspaceId = BenchIds.workspaceId(label);
        for (String table : TABLES) {
            try (PreparedStatement delete = db.prepareStatement("delete from " + table + " where workspace_id = ?")) {
                delete.setString(1, workspaceId);
                delete.executeUpdate();
            }
        }
        String accounts = "select id from user_account where email_normalized like ?";
        try (PreparedStatement sessions = db.prepareStatement("delete from user_session where user_id in (" + accounts
                + ")"); PreparedStatement users = db.prepareStatement("delete from user_account where id in ("
                        + accounts + ")")) {
            String pattern = "%@" + label + ".bench.taskgate.test";
            sessions.setString(1, pattern);
            sessions.executeUpdate();
            users.setString(1, pattern);
            users.executeUpdate();
        }
    }
}
