package io.taskgate.console;

import static io.taskgate.testing.ConsoleHttp.csrf;
import static io.taskgate.testing.ConsoleHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;

/**
 * What the console offers each viewer, asked raw: only the choices the API would accept from them,
 * only the forms they may use, a task only on its own board, and remedies as buttons they may press.
 */
class ConsoleRightsTest extends ConsoleSessions {

    @Test
    void aTaskOpensOnlyOnItsOwnProjectsBoard() {
        String session = signedIn();
        String token = session.substring(session.indexOf('=') + 1);
        String ws = Api.expect(api().post("/api/v1/workspaces", token, java.util.Map.of("name", "Cafe")), 201)
                .get("id");
        String menu = api().createProject(ws, token, "Menu", "public");
        String payroll = api().createProject(ws, token, "Payroll", "private");
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
    void aRemedyOfSeveralStepsIsOneButtonThatMakesThemAll() {
        String session = signedIn();
        String token = session.substring(session.indexOf('=') + 1);
        String ws = Api.expect(api().post("/api/v1/workspaces", token, java.util.Map.of("name", "Cafe")), 201)
                .get("id");
        String secret = api().createProject(ws, token, "Secret", "private");
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
        String shown = applied.headers().firstValue("Location").orElseThrow();
        assertThat(shown).endsWith("&applied=all_of");
        assertThat(send("GET", shown.substring(shown.indexOf("/w/")), session, null).body())
                .contains("id=\"applied\"").contains("Applied: <span>each of its changes made</span>");
    }

    @Test
    void theExplorerNeverShowsTextFromTheAddressAsANotice() {
        String session = signedIn();
        String token = session.substring(session.indexOf('=') + 1);
        String ws = Api.expect(api().post("/api/v1/workspaces", token, java.util.Map.of("name", "Cafe")), 201)
                .get("id");

        for (String applied : List.of("Your+password+expired%3A+sign+in+at+evil.example", "description",
                "%3Cb%3Ehi%3C%2Fb%3E")) {
            HttpResponse<String> page = send("GET", "/w/" + ws + "/access?applied=" + applied, session, null);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).as(applied).doesNotContain("id=\"applied\"").doesNotContain("password expired")
                    .doesNotContain("evil.example").doesNotContain("Applied:");
        }
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
        String barista = api().createPosition(ws, token, "Barista");

        String explorer = send("GET", "/w/" + ws + "/access?principal=user:" + bob.id()
                + "&action=master_task.create&resource=position:" + barista, session, null).body();

        assertThat(explorer).contains(">position Barista</option>").contains("Denied")
                .contains("Make manager of the position");
    }

    @Test
    void pickersOfferOnlyWhatTheViewerMayGive() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Person adam = api().addMember(ws, olga, "Adam", "admin");
        Api.Person bob = api().addMemberHolding(ws, olga, "Bob", "api_clients.manage");
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
    void aCustomRoleGrantingMoreThanTheViewerHoldsIsShownButNotAChoiceAndSurvivesASave() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        String auditor = api().createRole(ws, olga.token(), "Auditor", "tasks.edit_all");
        Api.Person hana = api().addMemberHolding(ws, olga, "Hana", "members.manage");
        Api.Person bob = api().addMember(ws, olga, "Bob", "member");
        Api.expect(api().patch("/api/v1/workspaces/" + ws + "/users/" + bob.id(), olga.token(),
                java.util.Map.of("customRoleIds", List.of(auditor))), 200);
        String session = loggedIn(hana);

        String people = send("GET", "/w/" + ws + "/people", session, null).body();
        String invite = people.substring(people.indexOf("<h2>Invite someone</h2>"));
        HttpResponse<String> saved = send("POST", "/w/" + ws + "/people/" + bob.id(), session, form(
                "_csrf", csrf(send("GET", "/workspaces", session, null)), "role", "member",
                "customRolesShown", "true", "customRoleIds", auditor));

        assertThat(people).as("Bob's row: Auditor ticked, not changeable, and kept by a hidden field")
                .containsPattern("value=\"" + auditor + "\"[^>]*(checked=\"checked\"[^>]*disabled=\"disabled\""
                        + "|disabled=\"disabled\"[^>]*checked=\"checked\")")
                .containsPattern("type=\"hidden\" name=\"customRoleIds\" value=\"" + auditor + "\"");
        assertThat(invite).as("an invitation offers only what Hana may give").doesNotContain(auditor);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(Api.expect(api().get("/api/v1/workspaces/" + ws + "/users/" + bob.id(), olga.token()), 200)
                .json().path("customRoleIds").get(0).asString()).isEqualTo(auditor);
    }

    @Test
    void aPersonDeactivatedInAWorkspaceIsToldSoNotOnlyThatTheyAreInNone() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Person dan = api().addMember(ws, olga, "Dan", "member");
        Api.expect(api().patch("/api/v1/workspaces/" + ws + "/users/" + dan.id(), olga.token(),
                java.util.Map.of("active", false)), 200);

        String page = send("GET", "/workspaces", loggedIn(dan), null).body();

        assertThat(page).contains("id=\"deactivated\"").contains("<b>Cafe</b>");
        assertThat(send("GET", "/workspaces", loggedIn(olga), null).body()).doesNotContain("id=\"deactivated\"");
    }

    @Test
    void aRoleTheViewerCannotChangeSaysWhyInsteadOfMissingSilently() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        api().createRole(ws, olga.token(), "Founders", "workspace.manage");
        Api.Person adam = api().addMember(ws, olga, "Adam", "admin");

        String roles = send("GET", "/w/" + ws + "/roles", loggedIn(adam), null).body();

        assertThat(roles).contains("Founders grants permissions you do not hold").doesNotContain("Edit Founders");
    }

    @Test
    void masterTaskFormsAreForWhoMayMakeThem() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Person gina = api().addMember(ws, olga, "Gina", "guest");
        String barista = api().createPosition(ws, olga.token(), "Barista");
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
    void aClientStrongerThanTheViewerIsShownWithoutItsControls() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        String auditor = api().createRole(ws, olga.token(), "Auditor", "audit.read");
        Api.Person mia = api().addMemberHolding(ws, olga, "Mia", "api_clients.manage");
        Api.Client adminBot = api().createApiClient(ws, olga.token(), "Admin bot", "admin", "global");
        Api.Client mine = api().createApiClient(ws, olga.token(), "Mine", "member", "read");
        String session = loggedIn(mia);

        String stronger = send("GET", "/w/" + ws + "/api-clients/" + adminBot.id(), session, null).body();
        String weaker = send("GET", "/w/" + ws + "/api-clients/" + mine.id(), session, null).body();
        HttpResponse<String> refused = send("POST", "/w/" + ws + "/api-clients/" + mine.id(), session, form(
                "_csrf", csrf(send("GET", "/workspaces", session, null)), "role", "member",
                "accessLevel", "read_write", "customRolesShown", "true", "customRoleIds", auditor));

        assertThat(stronger).contains("id=\"not-yours\"").doesNotContain("Create key").doesNotContain("Disable client");
        assertThat(weaker).doesNotContain("id=\"not-yours\"").contains("Create key").contains("Disable client");
        assertThat(refused.statusCode()).as("Auditor grants audit.read, which Mia lacks").isEqualTo(403);
        assertThat(refused.body()).contains("<option value=\"read_write\" selected=\"selected\">")
                .containsPattern("name=\"customRoleIds\" value=\"" + auditor + "\"\\s+(disabled=\"disabled\"\\s+)?checked");
    }
}
