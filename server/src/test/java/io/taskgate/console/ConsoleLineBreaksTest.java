package io.taskgate.console;

import static io.taskgate.testing.ConsoleHttp.csrf;
import static io.taskgate.testing.ConsoleHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;

/**
 * A browser sends every line break of a textarea as CRLF: the console's forms store LF, as the
 * API's clients send it, so a description saved unedited changes nothing — no new version for
 * sync clients to fetch — and one an API client sent with CRLF stays as it was.
 */
class ConsoleLineBreaksTest extends ConsoleSessions {

    @Test
    void aDescriptionSavedUneditedFromABrowserKeepsItsVersion() {
        Descriptions saved = saveUnedited("Peel\nChop\n\nServe", "Peel\r\nChop\r\n\r\nServe");

        assertThat(saved.task().get("version")).isEqualTo("1");
        assertThat(saved.task().get("description")).isEqualTo("Peel\nChop\n\nServe");
        assertThat(saved.project().get("version")).isEqualTo("1");
        assertThat(saved.project().get("description")).isEqualTo("Peel\nChop\n\nServe");
        assertThat(saved.masterTask().get("version")).isEqualTo("1");
        assertThat(saved.masterTask().get("description")).isEqualTo("Peel\nChop\n\nServe");
    }

    @Test
    void aDescriptionAnApiClientSentWithCrlfStaysAsItIsWhenSavedUnedited() {
        Descriptions saved = saveUnedited("Peel\r\nChop", "Peel\r\nChop");

        assertThat(saved.task().get("version")).isEqualTo("1");
        assertThat(saved.task().get("description")).isEqualTo("Peel\r\nChop");
        assertThat(saved.project().get("version")).isEqualTo("1");
        assertThat(saved.project().get("description")).isEqualTo("Peel\r\nChop");
        assertThat(saved.masterTask().get("version")).isEqualTo("1");
        assertThat(saved.masterTask().get("description")).isEqualTo("Peel\r\nChop");
    }

    @Test
    void aDescriptionTypedInTheConsoleIsStoredWithLfLineBreaks() {
        Cafe cafe = cafeWithAList();
        String ws = cafe.workspaceId();
        String base = "/api/v1/workspaces/" + ws;
        String barista = api().createPosition(ws, cafe.token(), "Barista");
        String csrf = csrf(send("GET", "/workspaces", cafe.session(), null));

        send("POST", "/w/" + ws + "/projects/" + cafe.projectId() + "/board/tasks", cafe.session(),
                form("_csrf", csrf, "title", "Soup", "description", "Peel\r\nChop\rServe"));
        send("POST", "/w/" + ws + "/projects", cafe.session(),
                form("_csrf", csrf, "name", "Bar", "visibility", "private", "description", "Ice\r\nLemons"));
        send("POST", "/w/" + ws + "/master-tasks", cafe.session(),
                form("_csrf", csrf, "name", "Descale", "positionIds", barista, "description", "Empty\r\nRinse"));

        var tasks = api().get(base + "/tasks?projectId=" + cafe.projectId(), cafe.token()).json().path("items");
        assertThat(tasks.findValuesAsString("description")).containsExactly("Peel\nChop\nServe");
        var projects = api().get(base + "/projects", cafe.token()).json().path("items");
        assertThat(projects.findValuesAsString("description")).contains("Ice\nLemons");
        var masterTasks = api().get(base + "/master-tasks", cafe.token()).json().path("items");
        assertThat(masterTasks.findValuesAsString("description")).containsExactly("Empty\nRinse");
    }

    /** The task, project and master task after each was saved from its console form, description as given. */
    record Descriptions(Api.Response task, Api.Response project, Api.Response masterTask) {
    }

    /** Creates them through the API with {@code stored}, then saves each from its form as a browser sends it. */
    private Descriptions saveUnedited(String stored, String sent) {
        String session = signedIn();
        String token = session.substring(session.indexOf('=') + 1);
        String ws = Api.expect(api().post("/api/v1/workspaces", token, Map.of("name", "Cafe")), 201).get("id");
        String base = "/api/v1/workspaces/" + ws;
        String project = Api.expect(api().post(base + "/projects", token, Map.of("name", "Menu",
                "visibility", "private", "description", stored)), 201).get("id");
        String task = Api.expect(api().post(base + "/tasks", token, Map.of("type", "project", "projectId", project,
                "title", "Soup", "description", stored)), 201).get("id");
        String barista = api().createPosition(ws, token, "Barista");
        String masterTask = Api.expect(api().post(base + "/master-tasks", token, Map.of("name", "Descale",
                "positionIds", List.of(barista), "description", stored)), 201).get("id");
        String csrf = csrf(send("GET", "/workspaces", session, null));

        assertThat(send("POST", "/w/" + ws + "/projects/" + project + "/board/tasks/" + task, session,
                form("_csrf", csrf, "version", "1", "listsShown", "true", "title", "Soup", "description", sent,
                        "status", "pending", "priority", "medium", "dueAt", "", "assigneeId", "", "blockers", ""))
                .statusCode()).isEqualTo(302);
        assertThat(send("POST", "/w/" + ws + "/projects/" + project + "/settings", session,
                form("_csrf", csrf, "version", "1", "name", "Menu", "visibility", "private", "description", sent))
                .statusCode()).isEqualTo(302);
        assertThat(send("POST", "/w/" + ws + "/master-tasks/" + masterTask, session,
                form("_csrf", csrf, "version", "1", "name", "Descale", "positionIds", barista, "description", sent,
                        "color", "")).statusCode()).isEqualTo(302);

        return new Descriptions(api().get(base + "/tasks/" + task, token), api().get(base + "/projects/" + project,
                token), api().get(base + "/master-tasks/" + masterTask, token));
    }
}
