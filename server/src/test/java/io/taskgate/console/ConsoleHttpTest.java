package io.taskgate.console;

import static io.taskgate.testing.ConsoleHttp.cookie;
import static io.taskgate.testing.ConsoleHttp.csrf;
import static io.taskgate.testing.ConsoleHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.ConsoleHttp;
import io.taskgate.testing.HttpTest;

/**
 * The console's HTTP contract without a browser: cookies, CSRF, and the API left as it was. A
 * browser would hide these (it follows redirects and fills hidden fields), so they are asked raw.
 */
class ConsoleHttpTest extends HttpTest {

    private ConsoleHttp console;

    private HttpResponse<String> send(String method, String path, String cookie, String form) {
        if (console == null) {
            console = new ConsoleHttp(port);
        }
        return console.send(method, path, cookie, form);
    }

    /** Signs up through the console's form and answers the session cookie it set. */
    private String signedIn() {
        HttpResponse<String> login = send("GET", "/signup", null, null);
        String preSession = cookie(login, Cookies.PRE_SESSION).split(";")[0];
        HttpResponse<String> signedUp = send("POST", "/signup", preSession, form("_csrf", csrf(login),
                "name", "Olga", "email", "olga-" + System.nanoTime() + "@example.com", "password", "correct horse"));
        assertThat(signedUp.statusCode()).isEqualTo(302);
        return cookie(signedUp, Cookies.SESSION).split(";")[0];
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndHoldsASessionToken() {
        HttpResponse<String> login = send("GET", "/signup", null, null);
        String preSession = cookie(login, Cookies.PRE_SESSION).split(";")[0];
        HttpResponse<String> signedUp = send("POST", "/signup", preSession, form("_csrf", csrf(login),
                "name", "Olga", "email", "olga-" + System.nanoTime() + "@example.com", "password", "correct horse"));

        String session = cookie(signedUp, Cookies.SESSION);
        assertThat(session).startsWith(Cookies.SESSION + "=tgs_").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/").doesNotContain("Secure");
        String token = session.split(";")[0].substring(Cookies.SESSION.length() + 1);
        assertThat(api().get("/api/v1/me", token).get("name")).isEqualTo("Olga");
    }

    @Test
    void aPostWithoutTheCsrfTokenOfThisBrowserIsRefusedAndChangesNothing() {
        String session = signedIn();
        String page = send("GET", "/workspaces", session, null).body();
        assertThat(page).contains("_csrf");

        for (String token : List.of("", "0000", csrf(send("GET", "/signup", null, null)))) {
            HttpResponse<String> forged = send("POST", "/workspaces", session, form("_csrf", token, "name", "Forged"));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).contains("This form has expired");
        }
        assertThat(send("GET", "/workspaces", session, null).body()).doesNotContain("Forged");

        HttpResponse<String> real = send("POST", "/workspaces", session, form("_csrf", csrf(
                send("GET", "/workspaces", session, null)), "name", "Real"));
        assertThat(real.statusCode()).isEqualTo(302);
    }

    @Test
    void aTamperedFormFieldIsA400PageAndChangesNothing() {
        String session = signedIn();
        String token = session.substring(session.indexOf('=') + 1);
        String ws = Api.expect(api().post("/api/v1/workspaces", token, java.util.Map.of("name", "Cafe")), 201)
                .get("id");
        String project = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects", token,
                java.util.Map.of("name", "Menu", "visibility", "private")), 201).get("id");
        String list = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects/" + project + "/lists", token,
                java.util.Map.of("name", "Today")), 201).get("id");
        String position = Api.expect(api().post("/api/v1/workspaces/" + ws + "/positions", token,
                java.util.Map.of("name", "Barista")), 201).get("id");
        String lists = "/w/" + ws + "/projects/" + project + "/lists";
        String csrf = csrf(send("GET", "/workspaces", session, null));

        HttpResponse<String> rename = send("POST", lists + "/" + list, session,
                form("_csrf", csrf, "name", "Tomorrow", "version", "abc"));
        HttpResponse<String> remedy = send("POST", "/w/" + ws + "/access/remedies", session,
                form("_csrf", csrf, "principal", "user:x", "action", "project.read", "resource", "project:" + project,
                        "index", "x"));
        HttpResponse<String> assign = send("POST", "/w/" + ws + "/positions/" + position + "/people", session,
                form("_csrf", csrf, "userId", Api.expect(api().get("/api/v1/me", token), 200).get("id"),
                        "as", "boss"));

        assertThat(rename.statusCode()).isEqualTo(400);
        assertThat(rename.body()).contains("This request cannot be handled").doesNotContain("Something went wrong");
        assertThat(remedy.statusCode()).isEqualTo(400);
        assertThat(assign.statusCode()).as("'as' is manager or staff, nothing else").isEqualTo(422);
        assertThat(api().get("/api/v1/workspaces/" + ws + "/projects/" + project + "/lists/" + list, token)
                .get("name")).isEqualTo("Today");
        assertThat(api().get("/api/v1/workspaces/" + ws + "/positions/" + position + "/staff", token).json()
                .path("items")).isEmpty();
    }

    @Test
    void aTaskOpensOnlyOnItsOwnProjectsBoard() {
        String session = signedIn();
        String token = session.substring(session.indexOf('=') + 1);
        String ws = Api.expect(api().post("/api/v1/workspaces", token, java.util.Map.of("name", "Cafe")), 201)
                .get("id");
        String menu = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects", token,
                java.util.Map.of("name", "Menu", "visibility", "public")), 201).get("id");
        String payroll = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects", token,
                java.util.Map.of("name", "Payroll", "visibility", "private")), 201).get("id");
        String salaries = Api.expect(api().post("/api/v1/workspaces/" + ws + "/tasks", token, java.util.Map.of(
                "type", "project", "projectId", payroll, "title", "Salaries")), 201).get("id");
        String note = Api.expect(api().post("/api/v1/workspaces/" + ws + "/tasks", token,
                java.util.Map.of("title", "My note")), 201).get("id");

        assertThat(send("GET", "/w/" + ws + "/projects/" + payroll + "/board/tasks/" + salaries, session, null)
                .statusCode()).isEqualTo(200);
        for (String task : List.of(salaries, note)) {
            HttpResponse<String> elsewhere = send("GET", "/w/" + ws + "/projects/" + menu + "/board/tasks/" + task,
                    session, null);
            assertThat(elsewhere.statusCode()).as(task).isEqualTo(404);
            assertThat(elsewhere.body()).doesNotContain("Salaries").doesNotContain("My note");
        }
    }

    @Test
    void aRefusedFormComesBackWithWhatWasTypedAndTicked() {
        String session = signedIn();
        String token = session.substring(session.indexOf('=') + 1);
        String ws = Api.expect(api().post("/api/v1/workspaces", token, java.util.Map.of("name", "Cafe")), 201)
                .get("id");
        String project = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects", token,
                java.util.Map.of("name", "Menu", "visibility", "private")), 201).get("id");
        String list = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects/" + project + "/lists", token,
                java.util.Map.of("name", "Today")), 201).get("id");
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

    private static boolean ticked(String html, String name, String value) {
        return java.util.regex.Pattern.compile("<input[^>]*name=\"" + name + "\"[^>]*value=\""
                + java.util.regex.Pattern.quote(value) + "\"[^>]*checked").matcher(html).find();
    }

    @Test
    void aRemedyOfSeveralStepsIsOneButtonThatMakesThemAll() {
        String session = signedIn();
        String token = session.substring(session.indexOf('=') + 1);
        String ws = Api.expect(api().post("/api/v1/workspaces", token, java.util.Map.of("name", "Cafe")), 201)
                .get("id");
        String secret = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects", token,
                java.util.Map.of("name", "Secret", "visibility", "private")), 201).get("id");
        Api.Client reader = api().createApiClient(ws, token, "Reader", "member", "read");
        var question = java.util.Map.of("principal", java.util.Map.of("type", "api_client", "id", reader.id()),
                "action", "task.create", "resource", java.util.Map.of("type", "project", "id", secret));
        var remedies = Api.expect(api().post("/api/v1/workspaces/" + ws + "/authz/check", token, question), 200)
                .json().path("remedies");
        int allOf = -1;
        for (int i = 0; i < remedies.size(); i++) {
            if (remedies.get(i).path("kind").asString().equals("all_of")) {
                allOf = i;
            }
        }
        assertThat(allOf).as("the core offers membership and access level together").isNotNegative();
        String query = "principal=api_client:" + reader.id() + "&action=task.create&resource=project:" + secret;

        String explorer = send("GET", "/w/" + ws + "/access?" + query, session, null).body();
        assertThat(explorer).contains("Set access level to read_write, then Add as creator");
        HttpResponse<String> applied = send("POST", "/w/" + ws + "/access/remedies", session, form("_csrf",
                csrf(send("GET", "/workspaces", session, null)), "principal", "api_client:" + reader.id(),
                "action", "task.create", "resource", "project:" + secret, "index", Integer.toString(allOf)));

        assertThat(applied.statusCode()).isEqualTo(302);
        assertThat(Api.expect(api().post("/api/v1/workspaces/" + ws + "/authz/check", token, question), 200)
                .get("allowed")).isEqualTo("true");
    }

    @Test
    void theExplorerAsksAboutPositionsForMasterTasks() {
        String session = signedIn();
        String token = session.substring(session.indexOf('=') + 1);
        String ws = Api.expect(api().post("/api/v1/workspaces", token, java.util.Map.of("name", "Cafe")), 201)
                .get("id");
        Api.Person bob = api().signUp("Bob");
        Api.expect(api().post("/api/v1/workspaces/" + ws + "/users", token,
                java.util.Map.of("email", bob.email(), "role", "member")), 201);
        String barista = Api.expect(api().post("/api/v1/workspaces/" + ws + "/positions", token,
                java.util.Map.of("name", "Barista")), 201).get("id");

        String explorer = send("GET", "/w/" + ws + "/access?principal=user:" + bob.id()
                + "&action=master_task.create&resource=position:" + barista, session, null).body();

        assertThat(explorer).contains(">position Barista</option>").contains("Denied")
                .contains("Make manager of the position");
    }

    /** Logs into the console as someone who signed up through the API. */
    private String loggedIn(Api.Person person) {
        HttpResponse<String> login = send("GET", "/login", null, null);
        String preSession = cookie(login, Cookies.PRE_SESSION).split(";")[0];
        HttpResponse<String> loggedIn = send("POST", "/login", preSession, form("_csrf", csrf(login),
                "email", person.email(), "password", "correct horse battery"));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        return cookie(loggedIn, Cookies.SESSION).split(";")[0];
    }

    @Test
    void pickersOfferOnlyWhatTheViewerMayGive() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Person adam = api().addMember(ws, olga, "Adam", "admin");
        Api.Person bob = api().addMember(ws, olga, "Bob", "member");
        String keeper = Api.expect(api().post("/api/v1/workspaces/" + ws + "/roles", olga.token(),
                java.util.Map.of("name", "Integrations", "permissions", List.of("api_clients.manage"))), 201).get("id");
        Api.expect(api().patch("/api/v1/workspaces/" + ws + "/users/" + bob.id(), olga.token(),
                java.util.Map.of("customRoleIds", List.of(keeper))), 200);
        String admin = loggedIn(adam);
        String member = loggedIn(bob);

        String people = send("GET", "/w/" + ws + "/people", admin, null).body();
        String roles = send("GET", "/w/" + ws + "/roles", admin, null).body();
        String adminsClients = send("GET", "/w/" + ws + "/api-clients", admin, null).body();
        String membersClients = send("GET", "/w/" + ws + "/api-clients", member, null).body();

        assertThat(people).contains("<option value=\"admin\"").doesNotContain("<option value=\"owner\"")
                .as("the owner's row is not changeable by an admin")
                .doesNotContain("action=\"/w/" + ws + "/people/" + olga.id() + "\"")
                .contains("action=\"/w/" + ws + "/people/" + bob.id() + "\"");
        assertThat(roles).contains("value=\"members.manage\"").doesNotContain("value=\"workspace.manage\"");
        assertThat(adminsClients).contains("<option value=\"admin\"").doesNotContain("<option value=\"owner\"")
                .contains("<option value=\"global\"");
        assertThat(membersClients).contains("<option value=\"member\"").doesNotContain("<option value=\"admin\"")
                .doesNotContain("<option value=\"global\"");
    }

    @Test
    void masterTaskFormsAreForWhoMayMakeThem() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Person gina = api().addMember(ws, olga, "Gina", "guest");
        String barista = Api.expect(api().post("/api/v1/workspaces/" + ws + "/positions", olga.token(),
                java.util.Map.of("name", "Barista")), 201).get("id");
        String descale = Api.expect(api().post("/api/v1/workspaces/" + ws + "/master-tasks", olga.token(),
                java.util.Map.of("name", "Descale", "positionIds", List.of(barista))), 201).get("id");
        String guest = loggedIn(gina);
        String owner = loggedIn(olga);

        String guestsList = send("GET", "/w/" + ws + "/master-tasks", guest, null).body();
        assertThat(guestsList).contains("Descale").doesNotContain("id=\"new-master-task\"");
        assertThat(send("GET", "/w/" + ws + "/master-tasks/" + descale, guest, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/w/" + ws + "/master-tasks", owner, null).body())
                .contains("id=\"new-master-task\"");
        assertThat(send("GET", "/w/" + ws + "/master-tasks/" + descale, owner, null).statusCode()).isEqualTo(200);
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
        Api.expect(api().post("/api/v1/workspaces/" + ws + "/tasks", zapier.secret(),
                java.util.Map.of("title", "From Zapier")), 201);
        String owner = loggedIn(olga);

        String all = send("GET", "/w/" + ws + "/audit", owner, null).body();
        String byZapier = send("GET", "/w/" + ws + "/audit?actorId=" + zapier.id(), owner, null).body();

        assertThat(all).contains("<option value=\"" + zapier.id() + "\">Zapier (API client)</option>")
                .contains("<option value=\"" + olga.id() + "\">Olga (" + olga.email() + ")</option>");
        assertThat(byZapier).contains("name=\"actorId\" list=\"actors\" value=\"" + zapier.id() + "\"")
                .contains("task.created").doesNotContain("api_client.created");
    }

    @Test
    void aTaskIsDeletedFromItsPageByWhoMayDeleteIt() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Person mia = api().addMember(ws, olga, "Mia", "member");
        String menu = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects", olga.token(),
                java.util.Map.of("name", "Menu", "visibility", "public")), 201).get("id");
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
        String auditor = Api.expect(api().post("/api/v1/workspaces/" + ws + "/roles", olga.token(),
                java.util.Map.of("name", "Auditor", "permissions", List.of("audit.read"))), 201).get("id");
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
    void consolePagesRedirectToTheLoginPageWithoutASession() {
        assertThat(send("GET", "/", null, null).headers().firstValue("Location").orElse("")).endsWith("/login");
        for (String path : List.of("/workspaces", "/w/ws_x/projects", "/w/ws_x/api-clients?x=1")) {
            HttpResponse<String> page = send("GET", path, null, null);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElse("")).as(path)
                    .endsWith("/login?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpResponse<String> stale = send("GET", "/workspaces", Cookies.SESSION + "=tgs_unknown", null);
        assertThat(stale.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void loggingInGoesBackToThePageAskedForAndOnlyToAPageOfThisSite() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        for (var next : java.util.Map.of("/w/" + ws + "/people", "/w/" + ws + "/people",
                "https://evil.example/", "/", "//evil.example/", "/", "/\\evil.example", "/", "/{x}", "/").entrySet()) {
            HttpResponse<String> login = send("GET", "/login?next="
                    + java.net.URLEncoder.encode(next.getKey(), java.nio.charset.StandardCharsets.UTF_8), null, null);
            assertThat(login.body()).as(next.getKey()).contains("name=\"next\"");
            String preSession = cookie(login, Cookies.PRE_SESSION).split(";")[0];
            HttpResponse<String> loggedIn = send("POST", "/login", preSession, form("_csrf", csrf(login),
                    "email", olga.email(), "password", "correct horse battery", "next", next.getKey()));
            assertThat(loggedIn.headers().firstValue("Location").orElse("")).as(next.getKey())
                    .endsWith(next.getValue());
            String session = cookie(loggedIn, Cookies.SESSION).split(";")[0];
            assertThat(send("GET", "/login", session, null).headers().firstValue("Location").orElse(""))
                    .as("the login page of someone logged in").endsWith("/");
        }
    }

    @Test
    void theApiIgnoresTheConsoleCookieAndKeepsItsProblemAnswers() {
        String session = signedIn();

        HttpResponse<String> me = send("GET", "/api/v1/me", session, null);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> post = send("POST", "/api/v1/auth/login", session, null);
        assertThat(post.statusCode()).isNotEqualTo(403);
    }

    @Test
    void unknownConsoleUrlsAnswerTheConsolesHtmlNotFoundPage() {
        String session = signedIn();
        String workspace = send("POST", "/workspaces", session, form("_csrf", csrf(send("GET", "/workspaces",
                session, null)), "name", "Cafe")).headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/w/([^/]+)/projects$", "$1");

        for (String path : List.of("/w/" + workspace + "/nothing-here", "/w/" + workspace + "/projects/prj_x/what",
                "/w/ws_unknown/nowhere", "/nothing-here", "/console/nothing-here")) {
            HttpResponse<String> page = send("GET", path, session, null);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("<h1>Not found</h1>")
                    .contains("href=\"/console/console.css\"")
                    .contains("class=\"topbar\"").contains(">Cafe</option>").contains("Log out")
                    .doesNotContain("\"code\"");
        }
        assertThat(send("GET", "/console/missing.css", session, null).statusCode()).isEqualTo(404);

        for (String formAddress : List.of("/logout", "/w/" + workspace + "/people/usr_x",
                "/w/" + workspace + "/projects/prj_x/lists")) {
            HttpResponse<String> opened = send("GET", formAddress, session, null);
            assertThat(opened.statusCode()).as(formAddress).isEqualTo(405);
            assertThat(opened.headers().firstValue("Allow").orElse("")).as(formAddress).contains("POST");
            assertThat(opened.headers().firstValue("Content-Type").orElse("")).as(formAddress)
                    .startsWith("text/html");
            assertThat(opened.body()).as(formAddress).contains("This address takes a form")
                    .doesNotContain("\"code\"");
        }

        HttpResponse<String> anonymous = send("GET", "/w/" + workspace + "/nothing-here", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.body()).contains("<h1>Not found</h1>").contains("href=\"/login\"")
                .doesNotContain("Cafe").doesNotContain("class=\"topbar\"");
    }

    @Test
    void unknownApiUrlsKeepAnsweringProblemJson() {
        String session = signedIn();
        for (String path : List.of("/api/v1/nothing-here", "/api/v1/workspaces/ws_x/nothing-here", "/api/nothing")) {
            HttpResponse<String> answer = send("GET", path, session, null);
            assertThat(answer.statusCode()).as(path).isIn(401, 404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(path)
                    .startsWith("application/problem+json");
        }
        String token = api().signUp("Ana").token();
        Api.Response unknown = api().get("/api/v1/nothing-here", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.get("code")).isEqualTo("not_found");
    }

    @Test
    void pagesAreNeverCachedNorFramed() {
        HttpResponse<String> page = send("GET", "/login", null, null);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(send("GET", "/webjars/htmx.org/dist/htmx.min.js", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/console/console.css", null, null).statusCode()).isEqualTo(200);
    }
}
