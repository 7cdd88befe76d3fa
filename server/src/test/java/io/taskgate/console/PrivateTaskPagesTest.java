package io.taskgate.console;

import static io.taskgate.testing.ConsoleHttp.csrf;
import static io.taskgate.testing.ConsoleHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;

/**
 * Private tasks in the console, asked raw: written down with every field the API takes, refused
 * with the API's own messages, and edited and deleted on their own page by their creator alone.
 */
class PrivateTaskPagesTest extends ConsoleSessions {

    private Api.Person olga;
    private String ws;
    private String session;
    private String csrf;

    @BeforeEach
    void olgaInHerCafe() {
        olga = api().signUp("Olga");
        ws = api().createWorkspace(olga, "Cafe");
        session = loggedIn(olga);
        csrf = csrf(send("GET", "/workspaces", session, null));
    }

    @Test
    void aPrivateTaskIsWrittenDownWithEveryFieldAndTheApiReadsThemBack() {
        HttpResponse<String> created = send("POST", "/w/" + ws + "/tasks", session, form("_csrf", csrf,
                "title", "Call the supplier", "description", "About the oat milk\r\nand the cups",
                "status", "blocked", "priority", "high", "dueAt", "2026-12-20",
                "blockers", "Waiting for their price list\r\n\r\n  Ask Bob first  "));

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("location").orElseThrow()).endsWith("/w/" + ws + "/tasks");
        var task = onlyTask();
        assertThat(task.path("type").asString()).isEqualTo("private");
        assertThat(task.path("title").asString()).isEqualTo("Call the supplier");
        assertThat(task.path("description").asString()).as("line breaks as LF").isEqualTo(
                "About the oat milk\nand the cups");
        assertThat(task.path("status").asString()).isEqualTo("blocked");
        assertThat(task.path("priority").asString()).isEqualTo("high");
        assertThat(task.path("dueAt").asString()).isEqualTo("2026-12-20T00:00:00Z");
        assertThat(task.path("blockers").toString()).as("one per line, blank lines and spaces left out")
                .isEqualTo("[\"Waiting for their price list\",\"Ask Bob first\"]");
        String page = send("GET", "/w/" + ws + "/tasks", session, null).body();
        assertThat(page).contains("href=\"/w/" + ws + "/tasks/" + task.path("id").asString() + "\"")
                .contains("blocked by: Waiting for their price list; Ask Bob first");
    }

    @Test
    void aPrivateTaskPastItsBoundsIsRefusedWithTheApisMessagesAndComesBackAsTyped() {
        List<String> blockers = new ArrayList<>(Collections.nCopies(20, "Rain"));
        blockers.add("b".repeat(201));
        String description = "d".repeat(2001);
        Api.Response api = api().post("/api/v1/workspaces/" + ws + "/tasks", olga.token(), Map.of("type", "private",
                "title", "", "description", description, "status", "done", "dueAt", "someday",
                "blockers", blockers));

        HttpResponse<String> refused = send("POST", "/w/" + ws + "/tasks", session, form("_csrf", csrf,
                "title", "", "description", description, "status", "done", "priority", "medium",
                "dueAt", "someday", "blockers", String.join("\n", blockers)));

        assertThat(api.status()).isEqualTo(422);
        assertThat(refused.statusCode()).isEqualTo(422);
        List<String> messages = new ArrayList<>();
        api.json().path("errors").forEach(error -> messages.add(error.path("field").asString() + ": "
                + error.path("message").asString()));
        assertThat(messages).as("every rule of PRODUCT.md broken once").hasSize(6)
                .contains("title: must be 1 to 500 characters", "description: must be at most 2000 characters",
                        "blockers: must hold at most 20 blockers", "blockers[20]: must be at most 200 characters");
        messages.forEach(message -> assertThat(refused.body()).as("the API's own words").contains(
                message.replace("'", "&#39;")));
        assertThat(refused.body()).contains(">" + description + "</textarea>").contains("value=\"someday\"");
        assertThat(api().get("/api/v1/workspaces/" + ws + "/tasks", olga.token()).ids()).isEmpty();

        HttpResponse<String> fits = send("POST", "/w/" + ws + "/tasks", session, form("_csrf", csrf,
                "title", "t".repeat(500), "description", "d".repeat(2000),
                "blockers", String.join("\n", Collections.nCopies(20, "b".repeat(200)))));
        assertThat(fits.statusCode()).as("each bound itself is allowed").isEqualTo(302);
    }

    @Test
    void itsCreatorEditsEveryFieldFromTheVersionShownAndNoOneElseSeesIt() {
        String id = Api.expect(api().post("/api/v1/workspaces/" + ws + "/tasks", olga.token(), Map.of(
                "type", "private", "title", "Call the supplier")), 201).get("id");
        String path = "/w/" + ws + "/tasks/" + id;
        Api.Person mia = api().addMember(ws, olga, "Mia", "admin");

        String edit = send("GET", path, session, null).body();
        HttpResponse<String> saved = send("POST", path, session, form("_csrf", csrf, "version", "1",
                "title", "Call the dairy", "description", "Oat milk", "status", "in-progress", "priority", "low",
                "dueAt", "2026-12-24", "blockers", "Their number"));
        HttpResponse<String> tooLong = send("POST", path, session, form("_csrf", csrf, "version", "2",
                "title", "t".repeat(501), "description", "", "status", "pending", "priority", "low", "dueAt", "",
                "blockers", ""));
        HttpResponse<String> stale = send("POST", path, session, form("_csrf", csrf, "version", "1",
                "title", "Call the bakery", "description", "Oat milk", "status", "in-progress", "priority", "low",
                "dueAt", "2026-12-24", "blockers", "Their number"));

        assertThat(edit).contains("value=\"Call the supplier\"").contains("name=\"priority\"")
                .contains("name=\"dueAt\"").contains("name=\"blockers\"").doesNotContain("name=\"assigneeId\"")
                .contains("aria-label=\"Delete task Call the supplier…\"");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("location").orElseThrow()).endsWith("/w/" + ws + "/tasks");
        Api.Response task = api().get("/api/v1/workspaces/" + ws + "/tasks/" + id, olga.token());
        assertThat(task.get("title")).isEqualTo("Call the dairy");
        assertThat(task.get("description")).isEqualTo("Oat milk");
        assertThat(task.get("status")).isEqualTo("in-progress");
        assertThat(task.get("priority")).isEqualTo("low");
        assertThat(task.get("dueAt")).isEqualTo("2026-12-24T00:00:00Z");
        assertThat(task.json().path("blockers").toString()).isEqualTo("[\"Their number\"]");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("title must be 1 to 500 characters");
        assertThat(stale.statusCode()).as("saved from version 1, now 2").isEqualTo(412);
        assertThat(stale.body()).contains("data-testid=\"conflict\"").contains("value=\"Call the bakery\"")
                .contains("name=\"version\" value=\"1\"");
        assertThat(api().get("/api/v1/workspaces/" + ws + "/tasks/" + id, olga.token()).get("title"))
                .isEqualTo("Call the dairy");

        String admin = loggedIn(mia);
        assertThat(send("GET", path, admin, null).statusCode()).as("a private task is its creator's alone")
                .isEqualTo(404);
        assertThat(send("POST", path + "/delete", admin, form("_csrf", csrf(send("GET", "/workspaces", admin, null)),
                "version", "2")).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/w/" + ws + "/tasks", admin, null).body()).doesNotContain("Call the dairy");
    }

    @Test
    void itsCreatorDeletesItOnlyFromTheVersionShown() {
        String id = Api.expect(api().post("/api/v1/workspaces/" + ws + "/tasks", olga.token(), Map.of(
                "type", "private", "title", "Call the supplier")), 201).get("id");
        Api.expect(api().patch("/api/v1/workspaces/" + ws + "/tasks/" + id, olga.token(),
                Map.of("status", "completed")), 200);
        String path = "/w/" + ws + "/tasks/" + id;

        HttpResponse<String> stale = send("POST", path + "/delete", session, form("_csrf", csrf, "version", "1"));
        HttpResponse<String> deleted = send("POST", path + "/delete", session, form("_csrf", csrf, "version", "2"));

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("Someone changed this while you were editing it");
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.headers().firstValue("location").orElseThrow()).endsWith("/w/" + ws + "/tasks");
        assertThat(api().get("/api/v1/workspaces/" + ws + "/tasks/" + id, olga.token()).status()).isEqualTo(404);
    }

    private tools.jackson.databind.JsonNode onlyTask() {
        var items = api().get("/api/v1/workspaces/" + ws + "/tasks", olga.token()).json().path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
