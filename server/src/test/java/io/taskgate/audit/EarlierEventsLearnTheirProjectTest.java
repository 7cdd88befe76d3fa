package io.taskgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.taskgate.testing.TestDatabase;

/**
 * Events written before the trail knew their project learn it when the schema is upgraded, so an
 * upgrade does not show an earlier event about a private project to a reader who cannot read it.
 * Runs the real migrations on the test database (H2 and PostgreSQL), in a schema of its own.
 */
@Tag("database")
class EarlierEventsLearnTheirProjectTest {

    @Test
    void theUpgradeFindsTheProjectOfEveryEventThatHadOne() {
        TestDatabase.Settings settings = TestDatabase.settings();
        String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        // One connection throughout: H2 evaluates a check constraint in the session that created it.
        JdbcClient.create(new DriverManagerDataSource(settings.url(), settings.username(), settings.password()))
                .sql("create schema " + schema).update();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(settings.url(), settings.username(),
                settings.password(), true);
        dataSource.setSchema(schema);
        Flyway.configure().dataSource(dataSource).schemas(schema).target("16").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into workspace (workspace_id, name, created_at, created_by) values ('ws', 'Cafe', current_timestamp, 'usr_olga')").update();
        jdbc.sql("""
                insert into project (workspace_id, id, name, description, visibility, created_at, created_by,
                                     updated_at)
                values ('ws', 'prj_secret', 'Acquisition', '', 'private', current_timestamp, 'usr_olga',
                        current_timestamp)
                """).update();
        jdbc.sql("""
                insert into task_list (workspace_id, project_id, id, name, sort_order, created_at, created_by,
                                       updated_at)
                values ('ws', 'prj_secret', 'lst_kept', 'Todo', 1, current_timestamp, 'usr_olga', current_timestamp)
                """).update();
        jdbc.sql("""
                insert into task (workspace_id, id, type, project_id, title, description, status, priority,
                                  blockers, created_by, created_at, updated_by, updated_at)
                values ('ws', 'tsk_kept', 'project', 'prj_secret', 'Call', '', 'pending', 'medium', '[]',
                        'usr_olga', current_timestamp, 'usr_olga', current_timestamp)
                """).update();
        event(jdbc, "evt_01", "project.created", "project", "prj_secret", "visibility=private");
        event(jdbc, "evt_02", "list.created", "list", "lst_kept", "project=prj_secret");
        event(jdbc, "evt_03", "list.updated", "list", "lst_kept", null);
        event(jdbc, "evt_04", "list.created", "list", "lst_gone", "project=prj_gone");
        event(jdbc, "evt_05", "list.deleted", "list", "lst_gone", "tasksUnlisted=0");
        event(jdbc, "evt_06", "task.created", "task", "tsk_kept", "type=project");
        event(jdbc, "evt_07", "task.updated", "task", "tsk_kept", "fields=[title]");
        event(jdbc, "evt_08", "task.created", "task", "tsk_gone", "type=project");
        event(jdbc, "evt_09", "task.deleted", "task", "tsk_gone", null);
        event(jdbc, "evt_10", "task.created", "task", "tsk_mine", "type=private");
        event(jdbc, "evt_12", "task.deleted", "task", "tsk_mine", null);
        event(jdbc, "evt_11", "team.created", "team", "team_kitchen", "name=Kitchen");

        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();

        Map<String, String> projectOf = new java.util.TreeMap<>();
        Map<String, String> privateTo = new java.util.TreeMap<>();
        jdbc.sql("select id, project_id, private_to from audit_event")
                .query(rs -> {
                    projectOf.put(rs.getString(1), String.valueOf(rs.getString(2)));
                    if (rs.getString(3) != null) {
                        privateTo.put(rs.getString(1), rs.getString(3));
                    }
                });
        assertThat(projectOf).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.ofEntries(
                Map.entry("evt_01", "prj_secret"),
                Map.entry("evt_02", "prj_secret"),
                Map.entry("evt_03", "prj_secret"),
                Map.entry("evt_04", "prj_gone"),
                Map.entry("evt_05", "prj_gone"),
                Map.entry("evt_06", "prj_secret"),
                Map.entry("evt_07", "prj_secret"),
                // A deleted project task's events never named its project: only readers of all see them.
                Map.entry("evt_08", "(deleted)"),
                Map.entry("evt_09", "(deleted)"),
                Map.entry("evt_10", "null"),
                Map.entry("evt_11", "null"),
                Map.entry("evt_12", "null"))));
        // A private task's events, its creation's and those after it, are its creator's alone.
        assertThat(privateTo).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "evt_10", "usr_olga", "evt_12", "usr_olga")));
        jdbc.sql("drop schema " + schema + " cascade").update();
        dataSource.destroy();
    }

    private static void event(JdbcClient jdbc, String id, String action, String targetType, String targetId,
            String details) {
        jdbc.sql("""
                insert into audit_event (workspace_id, id, occurred_at, actor_type, actor_id, action, target_type,
                                         target_id, details)
                values ('ws', ?, current_timestamp, 'user', 'usr_olga', ?, ?, ?, ?)
                """).params(id, action, targetType, targetId, details).update();
    }
}
