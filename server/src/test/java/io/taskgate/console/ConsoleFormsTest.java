package io.taskgate.console;

import static io.taskgate.testing.ConsoleHttp.csrf;
import static io.taskgate.testing.ConsoleHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;

/**
 * The console's forms, asked raw: a refused form comes back beside itself with what was typed and
 * ticked, and the forms added since the browser stories (task delete, a client's custom roles,
 * the audit log's actor) do what the API does.
 */
class ConsoleFormsTest extends ConsoleSessions {

    @Test
    void aRefusedFormComesBackWithWhatWasTypedAndTicked() {
        Cafe cafe = cafeWithAList();
        String session = cafe.session();
        String token = cafe.token();
        String ws = cafe.workspaceId();
        String project = cafe.projectId();
        String list = cafe.listId();
        String role = Api.expect(api().post("/api/v1/workspaces/" + ws + "/roles", token, java.util.Map.of(
                "name", "Auditor", "permissions", List.of("audit.read"))), 201).get("id");
        String csrf = csrf(send("GET", "/workspaces", session, null));
        String longName = "n".repeat(201);

        String task = send("POST", "/w/" + ws + "/projects/" + project + "/board/tasks", session,
                form("_csrf", csrf, "title", "", "description", "Arabica", "lists", list)).body();
        String roleEdit = send("POST", "/w/" + ws + "/roles/" + role, session,
                form("_csrf", csrf, "name", "", "permissions", "audit.read", "permissions", "teams.manage")).body();
        String newList = send("POST", "/w/" + ws + "/projects/" + project + "/lists", session,
                form("_csrf", csrf, "name", longName)).body();
        String rename = send("POST", "/w/" + ws + "/projects/" + project + "/lists/" + list, session,
                form("_csrf", csrf, "name", longName)).body();
        String invite = send("POST", "/w/" + ws + "/people", session,
                form("_csrf", csrf, "email", "not an email", "customRoleIds", role)).body();

        assertThat(ticked(task, "lists", list)).as("the list ticked for the new task").isTrue();
        String twoErrors = send("POST", "/w/" + ws + "/projects/" + project + "/board/tasks", session,
                form("_csrf", csrf, "title", "", "dueAt", "someday")).body();
        assertThat(twoErrors).contains("2 fields are invalid").contains("<li>title: ").contains("<li>dueAt: ");
        assertThat(task).contains(">Arabica</textarea>");
        assertThat(ticked(roleEdit, "permissions", "teams.manage")).as("a permission ticked in the edit").isTrue();
        assertThat(roleEdit).doesNotContain("value=\"Auditor\"");
        assertThat(newList).contains("value=\"" + longName + "\"");
        assertThat(rename).contains("value=\"" + longName + "\"");
        assertThat(ticked(invite, "customRoleIds", role)).as("a custom role ticked for the invitation").isTrue();
        assertThat(invite).contains("value=\"not an email\"");
    }

    @Test
    void aBoardTaskIsCreatedWithItsBlockersOnePerLineAndTheirBoundIsTheApis() {
        Cafe cafe = cafeWithAList();
        String board = "/w/" + cafe.workspaceId() + "/projects/" + cafe.projectId() + "/board";
        String csrf = csrf(send("GET", board, cafe.session(), null));

        HttpResponse<String> created = send("POST", board + "/tasks", cafe.session(), form("_csrf", csrf,
                "title", "Order beans", "blockers", "Supplier closed\r\n\r\n  Budget  "));
        HttpResponse<String> tooLong = send("POST", board + "/tasks", cafe.session(), form("_csrf", csrf,
                "title", "Order cups", "blockers", "b".repeat(201)));

        assertThat(created.statusCode()).isEqualTo(302);
        var task = Api.expect(api().get("/api/v1/workspaces/" + cafe.workspaceId() + "/tasks?projectId="
                + cafe.projectId(), cafe.token()), 200).json().path("items").get(0);
        assertThat(task.path("blockers").toString()).isEqualTo("[\"Supplier closed\",\"Budget\"]");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("blockers[0]").contains("b".repeat(201) + "</textarea>");
    }

    @Test
    void aProjectIsRenamedMadePublicAndDeletedFromItsPageByWhoMayAndOnlyFromTheVersionShown() {
        Cafe cafe = cafeWithAList();
        String ws = cafe.workspaceId();
        String page = "/w/" + ws + "/projects/" + cafe.projectId();
        String api = "/api/v1/workspaces/" + ws + "/projects/" + cafe.projectId();
        String csrf = csrf(send("GET", "/workspaces", cafe.session(), null));
        Api.Person mia = api().addMember(ws, new Api.Person(null, null, "Olga", cafe.token()), "Mia", "member");
        Api.expect(api().post(api + "/members", cafe.token(), java.util.Map.of("principalType", "user",
                "principalId", mia.id(), "role", "editor")), 201);
        String editor = loggedIn(mia);

        HttpResponse<String> blank = send("POST", page + "/settings", cafe.session(), form("_csrf", csrf,
                "version", "1", "name", "", "visibility", "public", "description", "Seasonal"));
        HttpResponse<String> renamed = send("POST", page + "/settings", cafe.session(), form("_csrf", csrf,
                "version", "1", "name", "Winter menu", "visibility", "public", "description", "Seasonal"));
        HttpResponse<String> stale = send("POST", page + "/settings", cafe.session(), form("_csrf", csrf,
                "version", "1", "name", "Summer menu", "visibility", "private", "description", ""));
        String editorsPage = send("GET", page, editor, null).body();
        HttpResponse<String> editorDeletes = send("POST", page + "/delete", editor, form(
                "_csrf", csrf(send("GET", "/workspaces", editor, null)), "version", "2"));

        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"project-settings\"").contains(">Seasonal</textarea>");
        assertThat(renamed.statusCode()).isEqualTo(302);
        Api.Response project = Api.expect(api().get(api, cafe.token()), 200);
        assertThat(project.get("name")).isEqualTo("Winter menu");
        assertThat(project.get("visibility")).isEqualTo("public");
        assertThat(project.get("description")).isEqualTo("Seasonal");
        assertThat(stale.statusCode()).as("saved from version 1, now 2").isEqualTo(412);
        assertThat(stale.body()).contains("value=\"Summer menu\"");
        assertThat(stale.body()).as("the version shown stays, so saving again is refused again")
                .contains("name=\"version\" value=\"1\"");
        assertThat(editorsPage).doesNotContain("id=\"project-settings\"");
        assertThat(editorDeletes.statusCode()).isEqualTo(403);
        assertThat(Api.expect(api().get(api, cafe.token()), 200).get("name")).isEqualTo("Winter menu");

        HttpResponse<String> deleted = send("POST", page + "/delete", cafe.session(), form("_csrf", csrf,
                "version", "2"));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.headers().firstValue("location").orElseThrow()).endsWith("/w/" + ws + "/projects");
        assertThat(api().get(api, cafe.token()).status()).isEqualTo(404);
    }

    /** Team Kitchen of the cafe, its console page, and the form token of the cafe's browser. */
    private record KitchenPage(String team, String page, String csrf) {
    }

    private KitchenPage kitchenPage(Cafe cafe) {
        String team = Api.expect(api().post("/api/v1/workspaces/" + cafe.workspaceId() + "/teams", cafe.token(),
                java.util.Map.of("name", "Kitchen")), 201).get("id");
        return new KitchenPage(team, "/w/" + cafe.workspaceId() + "/teams/" + team,
                csrf(send("GET", "/workspaces", cafe.session(), null)));
    }

    @Test
    void aTeamIsRenamedAndDeletedFromItsPageOnlyFromTheVersionShown() {
        Cafe cafe = cafeWithAList();
        KitchenPage kitchen = kitchenPage(cafe);
        String ws = cafe.workspaceId();
        String team = kitchen.team();
        String page = kitchen.page();
        String csrf = kitchen.csrf();

        HttpResponse<String> blank = send("POST", page + "/name", cafe.session(), form("_csrf", csrf, "version", "1",
                "name", " "));
        HttpResponse<String> renamed = send("POST", page + "/name", cafe.session(), form("_csrf", csrf,
                "version", "1", "name", "Bakery"));
        HttpResponse<String> staleDelete = send("POST", page + "/delete", cafe.session(), form("_csrf", csrf,
                "version", "1"));

        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"team-settings\"");
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(Api.expect(api().get("/api/v1/workspaces/" + ws + "/teams/" + team, cafe.token()), 200)
                .get("name")).isEqualTo("Bakery");
        assertThat(staleDelete.statusCode()).isEqualTo(412);
        HttpResponse<String> deleted = send("POST", page + "/delete", cafe.session(), form("_csrf", csrf,
                "version", "2"));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(api().get("/api/v1/workspaces/" + ws + "/teams/" + team, cafe.token()).status()).isEqualTo(404);
    }

    @Test
    void aCardMovedAfterSomeoneElseChangedItSaysSoInPlainWords() {
        Cafe cafe = cafeWithAList();
        String ws = cafe.workspaceId();
        String tasks = "/api/v1/workspaces/" + ws + "/tasks";
        String soup = Api.expect(api().post(tasks, cafe.token(), java.util.Map.of("type", "project", "projectId",
                cafe.projectId(), "title", "Soup")), 201).get("id");
        Api.expect(api().patch(tasks + "/" + soup, cafe.token(), java.util.Map.of("title", "Soup of the day")), 200);
        String csrf = csrf(send("GET", "/workspaces", cafe.session(), null));

        HttpResponse<String> moved = send("PATCH", "/w/" + ws + "/projects/" + cafe.projectId() + "/board/tasks/"
                + soup + "/status", cafe.session(), form("_csrf", csrf, "status", "completed", "version", "1"));

        assertThat(moved.body()).contains("Someone changed this while you were editing it").doesNotContain("If-Match");
        assertThat(Api.expect(api().get(tasks + "/" + soup, cafe.token()), 200).get("status")).isEqualTo("pending");
    }

    @Test
    void aFormFieldThatCannotBeStoredOrDecodedIsRefusedAsTheApiRefusesIt() {
        Cafe cafe = cafeWithAList();
        KitchenPage kitchen = kitchenPage(cafe);

        HttpResponse<String> nul = send("POST", kitchen.page() + "/name", cafe.session(),
                form("_csrf", kitchen.csrf(), "version", "1", "name", "Nul\u0000Kitchen"));
        HttpResponse<String> latin1 = send("POST", kitchen.page() + "/name", cafe.session(),
                "_csrf=" + kitchen.csrf() + "&version=1&name=caf%E9");
        HttpResponse<String> signIn = send("POST", "/login", null, "email=%zz&password=x");
        HttpResponse<String> override = send("POST", kitchen.page() + "/name", cafe.session(),
                form("_csrf", kitchen.csrf(), "version", "1", "name", "Kitchen\u202Ederetsam"));
        HttpResponse<String> staffTitle = send("POST", "/w/" + cafe.workspaceId() + "/tasks", cafe.session(),
                form("_csrf", kitchen.csrf(), "title", "Pay \u2066me", "description", "kept \u202E here"));

        assertThat(nul.statusCode()).as("as the API's 422: NUL cannot be stored as sent").isEqualTo(422);
        assertThat(nul.body()).contains("NUL");
        assertThat(latin1.statusCode()).as("not UTF-8: a 400 page, not a 500").isEqualTo(400);
        assertThat(signIn.statusCode()).isEqualTo(400);
        assertThat(override.statusCode()).as("a bidi override would reverse the sentences it is shown in")
                .isEqualTo(422);
        assertThat(override.body()).contains("bidirectional")
                .as("refused beside the form, which keeps what was typed").contains("Kitchen\u202Ederetsam");
        assertThat(staffTitle.statusCode()).isEqualTo(422);
        assertThat(staffTitle.body()).contains("title").contains("bidirectional").contains("kept \u202E here</textarea>");
        assertThat(Api.expect(api().get("/api/v1/workspaces/" + cafe.workspaceId() + "/teams/" + kitchen.team(),
                cafe.token()), 200).get("name")).isEqualTo("Kitchen");
    }

    @Test
    void aPositionIsRenamedOnItsRowAndItsDeletionIsRefusedBesideItWhileMasterTasksAreForIt() {
        Cafe cafe = cafeWithAList();
        String ws = cafe.workspaceId();
        String barista = api().createPosition(ws, cafe.token(), "Barista");
        Api.expect(api().post("/api/v1/workspaces/" + ws + "/master-tasks", cafe.token(), java.util.Map.of(
                "name", "Descale", "positionIds", List.of(barista))), 201);
        String rows = "/w/" + ws + "/positions/" + barista;
        String csrf = csrf(send("GET", "/workspaces", cafe.session(), null));

        HttpResponse<String> renamed = send("POST", rows + "/name", cafe.session(), form("_csrf", csrf, "version", "1",
                "name", "Head barista"));
        HttpResponse<String> inUse = send("POST", rows + "/delete", cafe.session(), form("_csrf", csrf, "version", "2"));

        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(Api.expect(api().get("/api/v1/workspaces/" + ws + "/positions/" + barista, cafe.token()), 200)
                .get("name")).isEqualTo("Head barista");
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(inUse.body()).contains("data-position=\"" + barista + "\"").contains("Master tasks are for this position");
        assertThat(api().get("/api/v1/workspaces/" + ws + "/positions/" + barista, cafe.token()).status())
                .isEqualTo(200);
    }

    @Test
    void aTaskGivenToSomeoneWhoCannotReadItIsRefusedWithWhatWouldLetThem() {
        Cafe cafe = cafeWithAList();
        String ws = cafe.workspaceId();
        Api.Person mia = api().addMember(ws, new Api.Person(null, null, "Olga", cafe.token()), "Mia", "member");
        String csrf = csrf(send("GET", "/workspaces", cafe.session(), null));

        HttpResponse<String> refused = send("POST", "/w/" + ws + "/projects/" + cafe.projectId() + "/board/tasks",
                cafe.session(), form("_csrf", csrf, "title", "Soup", "assigneeId", mia.id()));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("What would allow it").contains("add user Mia to project Menu")
                .contains("value=\"Soup\"");
        assertThat(api().get("/api/v1/workspaces/" + ws + "/tasks", cafe.token()).ids()).isEmpty();
    }

    @Test
    void aDueTimeIsShownAndKeptWhenItIsNotMidnight() {
        Cafe cafe = cafeWithAList();
        String ws = cafe.workspaceId();
        String soup = Api.expect(api().post("/api/v1/workspaces/" + ws + "/tasks", cafe.token(), java.util.Map.of(
                "type", "project", "projectId", cafe.projectId(), "title", "Soup", "dueAt", "2026-12-20T10:00:00Z")),
                201).get("id");
        String board = "/w/" + ws + "/projects/" + cafe.projectId() + "/board";

        assertThat(send("GET", board, cafe.session(), null).body()).contains("due 2026-12-20 10:00 UTC");
        String editPage = send("GET", board + "/tasks/" + soup, cafe.session(), null).body();
        assertThat(editPage).contains("value=\"2026-12-20T10:00:00Z\"");
        assertThat(send("POST", board + "/tasks/" + soup, cafe.session(), form("_csrf",
                csrf(send("GET", "/workspaces", cafe.session(), null)), "version", "1", "listsShown", "true",
                "title", "Soup", "description", "", "status", "pending", "priority", "medium",
                "dueAt", "2026-12-20T10:00:00Z", "assigneeId", "", "blockers", "")).statusCode()).isEqualTo(302);
        Api.Response task = api().get("/api/v1/workspaces/" + ws + "/tasks/" + soup, cafe.token());
        assertThat(task.get("dueAt")).isEqualTo("2026-12-20T10:00:00Z");
        assertThat(task.header("etag")).as("saved unchanged").isEqualTo("\"1\"");
    }

    @Test
    void myTasksShowsAStaffTaskToItsAssigneeWhoMovesItAndKeepsPrivateTasksThere() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Person mia = api().addMember(ws, olga, "Mia", "member");
        Api.Person bob = api().addMember(ws, olga, "Bob", "member");
        String descale = Api.expect(api().post("/api/v1/workspaces/" + ws + "/staff/tasks", olga.token(),
                java.util.Map.of("assigneeId", mia.id(), "title", "Descale the machine")), 201).get("id");
        String session = loggedIn(mia);
        String csrf = csrf(send("GET", "/workspaces", session, null));

        String page = send("GET", "/w/" + ws + "/tasks", session, null).body();
        HttpResponse<String> moved = send("POST", "/w/" + ws + "/tasks/" + descale + "/status", session,
                form("_csrf", csrf, "status", "completed", "version", "1"));
        HttpResponse<String> noted = send("POST", "/w/" + ws + "/tasks", session,
                form("_csrf", csrf, "title", "Ring Acme Dairy"));
        HttpResponse<String> blank = send("POST", "/w/" + ws + "/tasks", session, form("_csrf", csrf, "title", ""));

        assertThat(page).contains("Descale the machine").contains("staff task")
                .contains("aria-label=\"Status of Descale the machine\"");
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(api().get("/api/v1/workspaces/" + ws + "/tasks/" + descale, olga.token()).get("status"))
                .isEqualTo("completed");
        assertThat(noted.statusCode()).isEqualTo(302);
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(send("GET", "/w/" + ws + "/tasks", session, null).body()).contains("Ring Acme Dairy");
        assertThat(send("GET", "/w/" + ws + "/tasks", loggedIn(bob), null).body())
                .doesNotContain("Ring Acme Dairy").doesNotContain("Descale the machine");
        assertThat(send("GET", "/w/" + ws + "/tasks", loggedIn(olga), null).body())
                .as("the owner reads every staff task, but this page is her own work")
                .doesNotContain("Ring Acme Dairy").doesNotContain("Descale the machine");
        HttpResponse<String> stale = send("POST", "/w/" + ws + "/tasks/" + descale + "/status", session,
                form("_csrf", csrf, "status", "pending", "version", "1"));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("Someone changed this while you were editing it");
    }

    private static boolean ticked(String html, String name, String value) {
        return java.util.regex.Pattern.compile("<input[^>]*name=\"" + name + "\"[^>]*value=\""
                + java.util.regex.Pattern.quote(value) + "\"[^>]*checked").matcher(html).find();
    }

    @Test
    void aRefusalOfAFormIsSaidBesideItWithWhatWasTyped() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Person gina = api().addMember(ws, olga, "Gina", "guest");
        String guest = loggedIn(gina);

        HttpResponse<String> refused = send("POST", "/w/" + ws + "/projects", guest, form("_csrf",
                csrf(send("GET", "/workspaces", guest, null)), "name", "Secret plan", "visibility", "private"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("class=\"alert\"").contains("projects.create")
                .contains("value=\"Secret plan\"").doesNotContain("<h1>Not allowed</h1>");
        assertThat(api().get("/api/v1/workspaces/" + ws + "/projects", olga.token()).json().path("items")).isEmpty();
    }

    @Test
    void theAuditLogIsFilteredByAnActorPickedByName() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Client zapier = api().createApiClient(ws, olga.token(), "Zapier", "member", "read_write");
        api().createProject(ws, zapier.secret(), "From Zapier", "public");
        String owner = loggedIn(olga);

        String all = send("GET", "/w/" + ws + "/audit", owner, null).body();
        String byZapier = send("GET", "/w/" + ws + "/audit?actorId=" + zapier.id(), owner, null).body();

        assertThat(all).contains("<option value=\"" + zapier.id() + "\">Zapier (API client)</option>")
                .contains("<option value=\"" + olga.id() + "\">Olga (" + olga.email() + ")</option>");
        assertThat(byZapier).contains("name=\"actorId\" list=\"actors\" value=\"" + zapier.id() + "\"")
                .contains("<code>project.created</code>").doesNotContain("<code>api_client.created</code>");
        for (String typed : new String[] {"zapier", "Zap"}) {
            assertThat(send("GET", "/w/" + ws + "/audit?actorId=" + typed, owner, null).body())
                    .as("a name, or a part of one, typed instead of an id: " + typed)
                    .contains("<code>project.created</code>").doesNotContain("<code>api_client.created</code>")
                    .as("whose events they are is said").contains("Events of <b>Zapier</b>");
        }
    }

    @Test
    void savingATaskUnchangedKeepsAnAssigneeTheFormDoesNotList() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Client bot = api().createApiClient(ws, olga.token(), "Bot", "member", "global");
        String menu = api().createProject(ws, olga.token(), "Menu", "private");
        String soup = Api.expect(api().post("/api/v1/workspaces/" + ws + "/tasks", bot.secret(), java.util.Map.of(
                "type", "project", "projectId", menu, "title", "Soup", "assigneeId", bot.id())), 201).get("id");
        String taskPage = "/w/" + ws + "/projects/" + menu + "/board/tasks/" + soup;
        String owner = loggedIn(olga);

        String page = send("GET", taskPage, owner, null).body();
        assertThat(page).contains("value=\"" + bot.id() + "\" selected");
        assertThat(send("POST", taskPage, owner, form("_csrf", csrf(send("GET", "/workspaces", owner, null)),
                "version", "1", "listsShown", "true", "title", "Soup", "description", "", "status", "pending",
                "priority", "medium", "dueAt", "", "assigneeId", bot.id(), "blockers", "")).statusCode())
                .isEqualTo(302);

        assertThat(api().get("/api/v1/workspaces/" + ws + "/tasks/" + soup, olga.token()).get("assigneeId"))
                .isEqualTo(bot.id());
    }

    @Test
    void aTaskSavedAfterSomeoneElseChangedItShowsTheirChangeAndOverwritesItOnlyWhenAsked() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        String menu = api().createProject(ws, olga.token(), "Menu", "private");
        String tasks = "/api/v1/workspaces/" + ws + "/tasks";
        String soup = Api.expect(api().post(tasks, olga.token(), java.util.Map.of("type", "project",
                "projectId", menu, "title", "Soup")), 201).get("id");
        String taskPage = "/w/" + ws + "/projects/" + menu + "/board/tasks/" + soup;
        String owner = loggedIn(olga);
        String csrf = csrf(send("GET", "/workspaces", owner, null));
        Api.expect(api().patch(tasks + "/" + soup, olga.token(), java.util.Map.of("title", "Ada's soup",
                "priority", "high")), 200);
        String[] mine = {"_csrf", csrf, "version", "1", "listsShown", "true", "title", "Soup",
                "description", "Hot", "status", "pending", "priority", "medium", "dueAt", "", "assigneeId", "",
                "blockers", ""};

        HttpResponse<String> conflict = send("POST", taskPage, owner, form(mine));
        HttpResponse<String> again = send("POST", taskPage, owner, form(mine));

        assertThat(conflict.statusCode()).isEqualTo(412);
        assertThat(conflict.body()).contains("data-testid=\"conflict\"").contains("Ada&#39;s soup")
                .contains("name=\"version\" value=\"1\"").contains("name=\"overwrite\" value=\"2\"");
        assertThat(conflict.body().indexOf(">Save</button>")).as("Enter submits with Save, the form's first button")
                .isLessThan(conflict.body().indexOf("name=\"overwrite\""));
        assertThat(again.statusCode()).as("a plain Save stays refused").isEqualTo(412);
        assertThat(api().get(tasks + "/" + soup, olga.token()).get("title")).isEqualTo("Ada's soup");

        String[] overwrite = java.util.Arrays.copyOf(mine, mine.length + 2);
        overwrite[mine.length] = "overwrite";
        overwrite[mine.length + 1] = "2";
        assertThat(send("POST", taskPage, owner, form(overwrite)).statusCode()).isEqualTo(302);
        Api.Response saved = api().get(tasks + "/" + soup, olga.token());
        assertThat(saved.get("title")).isEqualTo("Soup");
        assertThat(saved.get("priority")).isEqualTo("medium");
        assertThat(saved.get("description")).isEqualTo("Hot");
    }

    @Test
    void theAssigneePickerOffersOnlyWhoCouldReadTheTask() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Person gus = api().addMember(ws, olga, "Gus Guest", "guest");
        Api.Person mia = api().addMember(ws, olga, "Mia Member", "member");
        String menu = api().createProject(ws, olga.token(), "Menu", "private");
        Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects/" + menu + "/members", olga.token(),
                java.util.Map.of("principalType", "user", "principalId", mia.id(), "role", "editor")), 201);
        String soup = Api.expect(api().post("/api/v1/workspaces/" + ws + "/tasks", olga.token(), java.util.Map.of(
                "type", "project", "projectId", menu, "title", "Soup")), 201).get("id");

        String taskPage = send("GET", "/w/" + ws + "/projects/" + menu + "/board/tasks/" + soup, loggedIn(olga),
                null).body();

        assertThat(taskPage).contains("value=\"" + mia.id() + "\"").doesNotContain("value=\"" + gus.id() + "\"");
        assertThat(api().patch("/api/v1/workspaces/" + ws + "/tasks/" + soup, olga.token(),
                java.util.Map.of("assigneeId", gus.id())).status()).as("the API refuses whom it leaves out")
                .isEqualTo(422);
    }

    @Test
    void aTaskIsDeletedFromItsPageByWhoMayDeleteIt() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Person mia = api().addMember(ws, olga, "Mia", "member");
        String menu = api().createProject(ws, olga.token(), "Menu", "public");
        String soup = Api.expect(api().post("/api/v1/workspaces/" + ws + "/tasks", olga.token(), java.util.Map.of(
                "type", "project", "projectId", menu, "title", "Soup")), 201).get("id");
        String taskPage = "/w/" + ws + "/projects/" + menu + "/board/tasks/" + soup;
        String owner = loggedIn(olga);
        String reader = loggedIn(mia);

        assertThat(send("GET", taskPage, reader, null).body()).doesNotContain("Delete task");
        HttpResponse<String> refused = send("POST", taskPage + "/delete", reader,
                form("_csrf", csrf(send("GET", "/workspaces", reader, null)), "version", "1"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(send("GET", taskPage, owner, null).body()).contains("Delete task");
        String ownersCsrf = csrf(send("GET", "/workspaces", owner, null));
        assertThat(send("POST", taskPage + "/delete", owner, form("_csrf", ownersCsrf, "version", "7"))
                .statusCode()).as("a stale page").isEqualTo(412);
        assertThat(api().get("/api/v1/workspaces/" + ws + "/tasks/" + soup, olga.token()).status()).isEqualTo(200);

        HttpResponse<String> deleted = send("POST", taskPage + "/delete", owner,
                form("_csrf", ownersCsrf, "version", "1"));

        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(api().get("/api/v1/workspaces/" + ws + "/tasks/" + soup, olga.token()).status()).isEqualTo(404);
    }

    @Test
    void anApiClientIsGivenCustomRolesOnItsPage() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        String auditor = api().createRole(ws, olga.token(), "Auditor", "audit.read");
        Api.Client bot = api().createApiClient(ws, olga.token(), "Bot", "member", "read");
        String page = "/w/" + ws + "/api-clients/" + bot.id();
        String owner = loggedIn(olga);
        String csrf = csrf(send("GET", "/workspaces", owner, null));

        assertThat(send("GET", page, owner, null).body()).contains("name=\"customRoleIds\" value=\"" + auditor + "\"");
        assertThat(send("POST", page, owner, form("_csrf", csrf, "role", "member", "accessLevel", "read",
                "customRolesShown", "true", "customRoleIds", auditor)).statusCode()).isEqualTo(302);
        assertThat(api().get("/api/v1/workspaces/" + ws + "/api-clients/" + bot.id(), olga.token()).json()
                .path("customRoleIds").toString()).isEqualTo("[\"" + auditor + "\"]");
        assertThat(send("POST", page, owner, form("_csrf", csrf, "active", "false")).statusCode()).isEqualTo(302);
        assertThat(api().get("/api/v1/workspaces/" + ws + "/api-clients/" + bot.id(), olga.token()).json()
                .path("customRoleIds").size()).as("disabling leaves its roles").isEqualTo(1);
        send("POST", page, owner, form("_csrf", csrf, "role", "member", "accessLevel", "read",
                "customRolesShown", "true"));
        assertThat(api().get("/api/v1/workspaces/" + ws + "/api-clients/" + bot.id(), olga.token()).json()
                .path("customRoleIds")).isEmpty();
    }

    @Test
    void peopleRolesAndClientsAreChangedOnlyFromTheVersionShown() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Person mia = api().addMember(ws, olga, "Mia", "member");
        String auditor = api().createRole(ws, olga.token(), "Auditor", "audit.read");
        Api.Client bot = api().createApiClient(ws, olga.token(), "Bot", "member", "read");
        String owner = loggedIn(olga);
        String csrf = csrf(send("GET", "/workspaces", owner, null));
        String api = "/api/v1/workspaces/" + ws;
        // Someone else changes each of them after the pages were shown at version 1.
        Api.expect(api().patch(api + "/users/" + mia.id(), olga.token(), java.util.Map.of("role", "admin")), 200);
        Api.expect(api().patch(api + "/roles/" + auditor, olga.token(), java.util.Map.of("name", "Auditors")), 200);
        Api.expect(api().patch(api + "/api-clients/" + bot.id(), olga.token(),
                java.util.Map.of("accessLevel", "read_write")), 200);

        HttpResponse<String> person = send("POST", "/w/" + ws + "/people/" + mia.id(), owner, form("_csrf", csrf,
                "version", "1", "role", "guest", "customRolesShown", "true"));
        HttpResponse<String> role = send("POST", "/w/" + ws + "/roles/" + auditor, owner, form("_csrf", csrf,
                "version", "1", "name", "Readers", "permissions", "audit.read"));
        HttpResponse<String> client = send("POST", "/w/" + ws + "/api-clients/" + bot.id(), owner, form("_csrf",
                csrf, "version", "1", "role", "member", "accessLevel", "read", "customRolesShown", "true"));

        for (HttpResponse<String> stale : List.of(person, role, client)) {
            assertThat(stale.statusCode()).isEqualTo(412);
            assertThat(stale.body()).as("the version shown stays").contains("name=\"version\" value=\"1\"");
        }
        assertThat(api().get(api + "/users/" + mia.id(), olga.token()).get("role")).isEqualTo("admin");
        assertThat(api().get(api + "/roles/" + auditor, olga.token()).get("name")).isEqualTo("Auditors");
        assertThat(api().get(api + "/api-clients/" + bot.id(), olga.token()).get("accessLevel")).isEqualTo("read_write");
    }
}
