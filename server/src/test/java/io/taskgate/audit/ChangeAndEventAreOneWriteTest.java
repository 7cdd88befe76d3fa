package io.taskgate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.taskgate.identity.Caller;
import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * A change written with its audit event (one statement on PostgreSQL, a transaction on H2):
 * the event exists exactly when the change wrote a row, whichever database runs it.
 */
class ChangeAndEventAreOneWriteTest extends HttpTest {

    private static final String RENAME = """
            update task set title = :title, version = version + 1
             where workspace_id = :ws and id = :id and version = :expected
            """;

    /** Copies a task under the id {@code :copy}: refused by the primary key when that is the same id. */
    private static final String COPY = """
            insert into task (workspace_id, id, type, project_id, title, description, status, priority, due_at,
                              blockers, assignee_id, created_by, created_at, updated_by, updated_at, version)
            select workspace_id, :copy, type, project_id, title, description, status, priority, due_at, blockers,
                   assignee_id, created_by, created_at, updated_by, updated_at, version
              from task where workspace_id = :ws and id = :id
            """;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCreatedTaskHasExactlyOneEventNamingItsActorKeyAndIntegration() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Client zapier = api().createApiClient(cafe, olga.token(), "Zapier", "admin", "global");

        Api.Response created = api().request("POST", "/api/v1/workspaces/" + cafe + "/tasks").token(zapier.secret())
                .header("X-Integration-Name", "zapier-sync").json(Map.of("title", "Order milk")).send();

        assertThat(created.status()).isEqualTo(201);
        // A private task's events are its creator's alone: the client reads them, the owner does not.
        JsonNode events = api().get("/api/v1/workspaces/" + cafe + "/audit-events?action=task.created",
                zapier.secret()).json().path("items");
        assertThat(api().get("/api/v1/workspaces/" + cafe + "/audit-events?action=task.created", olga.token())
                .json().path("items")).isEmpty();
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.path("targetType").asString()).isEqualTo("task");
        assertThat(event.path("targetId").asString()).isEqualTo(created.get("id"));
        assertThat(event.path("actorType").asString()).isEqualTo("api_client");
        assertThat(event.path("actorId").asString()).isEqualTo(zapier.id());
        assertThat(event.path("apiKeyId").asString()).isEqualTo(zapier.keyId());
        assertThat(event.path("integrationName").asString()).isEqualTo("zapier-sync");
        assertThat(event.path("details").asString()).isEqualTo("type=private");
    }

    @Test
    void aChangeThatWritesNoRowRecordsNoEvent() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        String task = api().post("/api/v1/workspaces/" + cafe + "/tasks", olga.token(), Map.of("title", "Milk")).get("id");
        Caller.User actor = new Caller.User(olga.id(), olga.name(), olga.email(), null, null);
        AuditLog.Event renamed = new AuditLog.Event(cafe, actor, "task.updated", "task", task, "title");

        boolean stale = audit.recordWith(RENAME, Map.of("title", "Oat milk", "ws", cafe, "id", task, "expected", 7),
                renamed);
        assertThat(stale).isFalse();
        assertThat(eventsAbout(cafe, task, "task.updated")).isZero();

        boolean current = audit.recordWith(RENAME, Map.of("title", "Oat milk", "ws", cafe, "id", task, "expected", 1),
                renamed);
        assertThat(current).isTrue();
        assertThat(eventsAbout(cafe, task, "task.updated")).isOne();
        assertThat(jdbc.sql("select title from task where workspace_id = ? and id = ?").params(cafe, task)
                .query(String.class).single()).isEqualTo("Oat milk");
    }

    @Test
    void aChangeTheDatabaseRefusesLeavesNoEvent() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Caller.User actor = new Caller.User(olga.id(), olga.name(), olga.email(), null, null);
        String task = api().post("/api/v1/workspaces/" + cafe + "/tasks", olga.token(), Map.of("title", "Milk")).get("id");

        assertThatThrownBy(() -> audit.recordWith(COPY, Map.of("ws", cafe, "id", task, "copy", task),
                new AuditLog.Event(cafe, actor, "task.copied", "task", task, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(eventsAbout(cafe, task, "task.copied")).isZero();
    }

    @Test
    void anEventTheDatabaseRefusesLeavesNoChange() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Caller.User actor = new Caller.User(olga.id(), olga.name(), olga.email(), null, null);
        String task = api().post("/api/v1/workspaces/" + cafe + "/tasks", olga.token(), Map.of("title", "Milk")).get("id");
        String copy = task + "_copy";
        String actionPastItsColumn = "task.copied." + "x".repeat(80);

        assertThatThrownBy(() -> audit.recordWith(COPY, Map.of("ws", cafe, "id", task, "copy", copy),
                new AuditLog.Event(cafe, actor, actionPastItsColumn, "task", copy, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("select count(*) from task where workspace_id = ? and id = ?").params(cafe, copy)
                .query(Long.class).single()).isZero();
    }

    private long eventsAbout(String workspaceId, String targetId, String action) {
        return jdbc.sql("select count(*) from audit_event where workspace_id = ? and target_id = ? and action = ?")
                .params(workspaceId, targetId, action).query(Long.class).single();
    }
}
