package io.taskgate.console;

import static io.taskgate.testing.ConsoleHttp.csrf;
import static io.taskgate.testing.ConsoleHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;

/**
 * Staff tasks in the console, asked raw: Sam holds staff_tasks.manage and manages them all, Mia is
 * the assignee and changes only status and blockers, Bob may do neither and is refused as the API
 * refuses him — and never shown a staff task that is not his.
 */
class StaffTaskPagesTest extends ConsoleSessions {

    private Api.Person olga;
    private Api.Person sam;
    private Api.Person mia;
    private Api.Person bob;
    private String ws;

    @BeforeEach
    void cafeWithAStaffManager() {
        olga = api().signUp("Olga");
        ws = api().createWorkspace(olga, "Cafe");
        sam = api().addMemberHolding(ws, olga, "Sam", "staff_tasks.manage");
        mia = api().addMember(ws, olga, "Mia", "member");
        bob = api().addMember(ws, olga, "Bob", "member");
    }

    @Test
    void aHolderOfStaffTasksManageListsCreatesEditsAndDeletesThem() {
        Api.Person vic = api().addMember(ws, olga, "Vic", "member");
        Api.expect(api().patch(users() + "/" + vic.id(), olga.token(), Map.of("active", false)), 200);
        String byOlga = staffTask(mia, "Descale the machine");
        String session = loggedIn(sam);
        String csrf = csrf(send("GET", "/workspaces", session, null));

        String list = send("GET", "/w/" + ws + "/staff-tasks", session, null).body();
        HttpResponse<String> created = send("POST", "/w/" + ws + "/staff-tasks", session, form("_csrf", csrf,
                "assigneeId", mia.id(), "title", "Count the till", "description", "Before closing",
                "status", "in-progress", "priority", "high", "dueAt", "2026-12-20", "blockers", "The safe key"));

        assertThat(list).contains(">Staff tasks</a>").contains("Descale the machine")
                .contains("href=\"/w/" + ws + "/tasks/" + byOlga + "\"");
        String picker = list.substring(list.indexOf("name=\"assigneeId\""));
        assertThat(picker).as("active members only").contains(">Mia</option>").contains(">Bob</option>")
                .doesNotContain(">Vic</option>");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("location").orElseThrow()).endsWith("/w/" + ws + "/staff-tasks");
        var till = taskTitled("Count the till");
        assertThat(till.path("type").asString()).isEqualTo("staff");
        assertThat(till.path("assigneeId").asString()).isEqualTo(mia.id());
        assertThat(till.path("createdBy").asString()).isEqualTo(sam.id());
        assertThat(till.path("description").asString()).isEqualTo("Before closing");
        assertThat(till.path("status").asString()).isEqualTo("in-progress");
        assertThat(till.path("priority").asString()).isEqualTo("high");
        assertThat(till.path("dueAt").asString()).isEqualTo("2026-12-20T00:00:00Z");
        assertThat(till.path("blockers").toString()).isEqualTo("[\"The safe key\"]");
        String id = till.path("id").asString();

        String edit = send("GET", "/w/" + ws + "/tasks/" + id, session, null).body();
        HttpResponse<String> saved = send("POST", "/w/" + ws + "/tasks/" + id, session, form("_csrf", csrf,
                "version", "1", "title", "Count the till twice", "description", "Before closing",
                "status", "in-progress", "priority", "low", "dueAt", "", "assigneeId", bob.id(),
                "blockers", "The safe key"));
        HttpResponse<String> stale = send("POST", "/w/" + ws + "/tasks/" + id, session, form("_csrf", csrf,
                "version", "1", "title", "Count it", "description", "Before closing", "status", "in-progress",
                "priority", "low", "dueAt", "", "assigneeId", bob.id(), "blockers", "The safe key"));

        assertThat(edit).contains("value=\"Count the till\"").contains("name=\"description\"")
                .contains("name=\"priority\"").contains("name=\"dueAt\"").contains("name=\"assigneeId\"")
                .contains("aria-label=\"Delete task Count the till…\"").contains("back to the staff tasks");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("location").orElseThrow()).endsWith("/w/" + ws + "/staff-tasks");
        Api.Response task = api().get(tasks() + "/" + id, olga.token());
        assertThat(task.get("title")).isEqualTo("Count the till twice");
        assertThat(task.get("priority")).isEqualTo("low");
        assertThat(task.json().path("dueAt").isNull()).as("cleared").isTrue();
        assertThat(task.get("assigneeId")).isEqualTo(bob.id());
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("data-testid=\"conflict\"").contains("name=\"version\" value=\"1\"");

        HttpResponse<String> deleted = send("POST", "/w/" + ws + "/tasks/" + id + "/delete", session,
                form("_csrf", csrf, "version", "2"));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.headers().firstValue("location").orElseThrow()).endsWith("/w/" + ws + "/staff-tasks");
        assertThat(api().get(tasks() + "/" + id, olga.token()).status()).isEqualTo(404);
    }

    @Test
    void aStaffTaskWithoutAnAssigneeOrPastItsBoundsIsRefusedWithTheApisMessagesAsTyped() {
        String session = loggedIn(sam);
        String csrf = csrf(send("GET", "/workspaces", session, null));

        HttpResponse<String> nobody = send("POST", "/w/" + ws + "/staff-tasks", session, form("_csrf", csrf,
                "assigneeId", "", "title", "Count the till", "description", "d".repeat(2001), "priority", "medium"));
        HttpResponse<String> stranger = send("POST", "/w/" + ws + "/staff-tasks", session, form("_csrf", csrf,
                "assigneeId", "usr_nobody", "title", "Count the till"));

        assertThat(nobody.statusCode()).isEqualTo(422);
        assertThat(nobody.body()).contains("assigneeId: is required for a staff task")
                .contains("description: must be at most 2000 characters").contains("value=\"Count the till\"");
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).contains("assigneeId does not exist or is not visible to you")
                .contains("value=\"Count the till\"");
        assertThat(api().get(tasks() + "?type=staff", olga.token()).ids()).isEmpty();
    }

    @Test
    void itsAssigneeIsOfferedOnlyStatusAndBlockersAndChangesThem() {
        String id = staffTask(mia, "Descale the machine");
        String session = loggedIn(mia);
        String csrf = csrf(send("GET", "/workspaces", session, null));

        String mine = send("GET", "/w/" + ws + "/tasks", session, null).body();
        String page = send("GET", "/w/" + ws + "/tasks/" + id, session, null).body();
        HttpResponse<String> saved = send("POST", "/w/" + ws + "/tasks/" + id, session, form("_csrf", csrf,
                "version", "1", "status", "blocked", "blockers", "No descaler left"));
        HttpResponse<String> renamed = send("POST", "/w/" + ws + "/tasks/" + id, session, form("_csrf", csrf,
                "version", "2", "status", "blocked", "blockers", "No descaler left", "title", "Skip it"));
        HttpResponse<String> deleted = send("POST", "/w/" + ws + "/tasks/" + id + "/delete", session,
                form("_csrf", csrf, "version", "2"));

        assertThat(mine).contains("href=\"/w/" + ws + "/tasks/" + id + "\"").doesNotContain(">Staff tasks</a>");
        assertThat(page).contains("data-testid=\"status-only\"").contains("Descale the machine")
                .contains("name=\"status\"").contains("name=\"blockers\"");
        for (String field : List.of("title", "description", "priority", "dueAt", "assigneeId")) {
            assertThat(page).as("not offered: " + field).doesNotContain("name=\"" + field + "\"");
        }
        assertThat(page).doesNotContain("Delete task");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("location").orElseThrow()).endsWith("/w/" + ws + "/tasks");
        Api.Response task = api().get(tasks() + "/" + id, olga.token());
        assertThat(task.get("status")).isEqualTo("blocked");
        assertThat(task.json().path("blockers").toString()).isEqualTo("[\"No descaler left\"]");
        assertThat(renamed.statusCode()).as("a field beyond status and blockers, sent by hand").isEqualTo(403);
        assertThat(renamed.body()).contains("class=\"alert\"").contains("staff_tasks.manage");
        assertThat(deleted.statusCode()).isEqualTo(403);
        assertThat(api().get(tasks() + "/" + id, olga.token()).get("title")).isEqualTo("Descale the machine");
    }

    @Test
    void anyoneElseIsRefusedWithTheApisRemediesAndNeverSeesAStaffTaskNotTheirs() {
        String id = staffTask(mia, "Descale the machine");
        String session = loggedIn(bob);
        String csrf = csrf(send("GET", "/workspaces", session, null));
        Api.Response api = api().post(ws() + "/staff/tasks", bob.token(), Map.of("assigneeId", bob.id(),
                "title", "Take a day off"));

        HttpResponse<String> list = send("GET", "/w/" + ws + "/staff-tasks", session, null);
        HttpResponse<String> create = send("POST", "/w/" + ws + "/staff-tasks", session, form("_csrf", csrf,
                "assigneeId", bob.id(), "title", "Take a day off"));

        assertThat(api.status()).isEqualTo(403);
        List<String> remedies = new ArrayList<>();
        api.json().path("remedies").forEach(remedy -> remedies.add(remedy.path("description").asString()));
        assertThat(remedies).isNotEmpty();
        for (HttpResponse<String> refused : List.of(list, create)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("<h1>Not allowed</h1>")
                    .contains("<code>" + api.get("requiredPermission") + "</code>")
                    .doesNotContain("Descale the machine");
            remedies.forEach(remedy -> assertThat(refused.body()).contains(escaped(remedy)));
        }
        assertThat(api().get(tasks() + "?type=staff", olga.token()).ids()).containsExactly(id);
        assertThat(send("GET", "/w/" + ws + "/tasks", session, null).body()).doesNotContain("Descale the machine")
                .doesNotContain(">Staff tasks</a>");
        assertThat(send("GET", "/w/" + ws + "/tasks/" + id, session, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/w/" + ws + "/tasks/" + id, session, form("_csrf", csrf, "version", "1",
                "status", "completed")).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/w/" + ws + "/tasks/" + id + "/delete", session, form("_csrf", csrf,
                "version", "1")).statusCode()).isEqualTo(404);
        assertThat(api().get(tasks() + "/" + id, olga.token()).get("status")).isEqualTo("pending");
    }

    private String staffTask(Api.Person assignee, String title) {
        return Api.expect(api().post(ws() + "/staff/tasks", olga.token(), Map.of("assigneeId", assignee.id(),
                "title", title)), 201).get("id");
    }

    private tools.jackson.databind.JsonNode taskTitled(String title) {
        for (var task : api().get(tasks() + "?type=staff", olga.token()).json().path("items")) {
            if (task.path("title").asString().equals(title)) {
                return task;
            }
        }
        throw new AssertionError("no staff task " + title);
    }

    /** Text as Thymeleaf writes it into a page. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private String ws() {
        return "/api/v1/workspaces/" + ws;
    }

    private String tasks() {
        return ws() + "/tasks";
    }

    private String users() {
        return ws() + "/users";
    }
}
