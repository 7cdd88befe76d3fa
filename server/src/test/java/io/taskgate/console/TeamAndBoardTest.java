package io.taskgate.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.taskgate.testing.Api;

/** Bulk membership and the task board, driven through the console and checked through the API. */
class TeamAndBoardTest extends BrowserTest {

    @Test
    void addingATeamsPeopleShowsWhoWasAddedLeftUnchangedAndSkipped() {
        String email = signUp(page, "Olga");
        String workspace = createWorkspace(page, "Cafe");
        String token = api().logIn(email, PASSWORD);
        var owner = new Api.Person(null, email, "Olga", token);
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        Api.Person gus = api().addMember(workspace, owner, "Gus", "guest");
        Api.Person dee = api().addMember(workspace, owner, "Dee", "member");

        page.navigate("/w/" + workspace + "/teams");
        page.getByLabel("Name").fill("Kitchen");
        button("Create team").click();
        for (String name : new String[] {"Mia", "Gus", "Dee"}) {
            page.getByLabel("Person or API client").selectOption(new SelectOption().setLabel(name));
            button("Add to team").click();
        }
        assertThat(page.locator("#team-members tbody tr")).hasCount(3);

        page.navigate("/w/" + workspace + "/people");
        // A screen reader hears whose button it is, not six buttons all called Deactivate.
        confirm(page, "Deactivate " + dee.name());
        assertThat(page.locator("tr[data-user='" + dee.id() + "']")).containsText("deactivated");

        page.navigate("/w/" + workspace + "/projects");
        page.getByLabel("Name").fill("Recipes");
        button("Create project").click();
        String project = page.url().replaceAll(".*/projects/([^/?]+).*", "$1");
        page.getByLabel("Role for Mia").selectOption("editor");
        button("Add Mia").click();
        assertThat(page.locator("#members")).containsText("Mia");
        assertThat(page.getByLabel("Role for Gus").locator("option")).hasText(new String[] {"guest", "collaborator"});

        page.locator("#team-people select[name=teamId]").selectOption(new SelectOption().setLabel("Kitchen (3)"));
        page.locator("#team-people input[name=addAsEditor]").check();
        button("Add the team's people").click();

        Locator result = page.locator("#enrolment");
        assertThat(result).containsText("1 added, 1 unchanged, 1 skipped");
        assertThat(result.locator("li.added")).containsText("Gus");
        assertThat(result.locator("li.added")).containsText("collaborator");
        assertThat(result.locator("li.added")).containsText("a guest user can hold at most collaborator");
        assertThat(result.locator("li.unchanged")).containsText("Mia");
        assertThat(result.locator("li.skipped")).containsText("Dee");
        assertThat(result.locator("li.skipped")).containsText("deactivated");

        var members = api().get("/api/v1/workspaces/" + workspace + "/projects/" + project + "/members", token)
                .json().path("items");
        assertThat(members.findValuesAsString("principalId")).contains(mia.id(), gus.id()).doesNotContain(dee.id());
    }

    /** Olga, signed up in the browser, in her workspace Cafe with its private project Opening. */
    private record Opening(String workspace, String token, String project) {
    }

    private Opening olgasPrivateProject() {
        String email = signUp(page, "Olga");
        String workspace = createWorkspace(page, "Cafe");
        String token = api().logIn(email, PASSWORD);
        return new Opening(workspace, token, api().post("/api/v1/workspaces/" + workspace + "/projects", token,
                Map.of("name", "Opening", "visibility", "private")).get("id"));
    }

    @Test
    void aTaskMovesAcrossTheBoardAndTheApiSeesItsNewStatus() {
        Opening opening = olgasPrivateProject();
        String workspace = opening.workspace();
        String token = opening.token();
        String project = opening.project();

        page.navigate("/w/" + workspace + "/projects/" + project + "/board");
        page.getByText("New task").click();
        page.getByLabel("Description").fill("Arabica, 5 kg");
        button("Create task").click();
        assertThat(page.locator(".alert")).containsText("title: must be 1 to 500 characters");
        assertThat(page.locator(".field-error")).containsText("title must be 1 to 500 characters");
        assertThat(page.getByLabel("Description")).hasValue("Arabica, 5 kg");

        page.getByLabel("Title").fill("Order coffee beans");
        page.getByLabel("Priority").selectOption("high");
        button("Create task").click();
        Locator pending = page.locator(".column[data-status='pending']");
        assertThat(pending.locator(".task")).containsText("Order coffee beans");

        page.getByLabel("Move Order coffee beans").selectOption("in-progress");
        Locator inProgress = page.locator(".column[data-status='in-progress']");
        assertThat(inProgress.locator(".task")).containsText("Order coffee beans");
        assertThat(pending.locator(".task")).hasCount(0);

        var tasks = api().get("/api/v1/workspaces/" + workspace + "/tasks?projectId=" + project, token).json()
                .path("items");
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("status").asString()).isEqualTo("in-progress");
        assertThat(tasks.get(0).path("priority").asString()).isEqualTo("high");
        assertThat(tasks.get(0).path("version").asLong()).isEqualTo(2);
    }

    @Test
    void aFiveHundredCharacterWordStaysInsideItsCardAndThePage() {
        Opening opening = olgasPrivateProject();
        String workspace = opening.workspace();
        String token = opening.token();
        String project = opening.project();
        api().post("/api/v1/workspaces/" + workspace + "/tasks", token,
                Map.of("type", "project", "projectId", project, "title", "x".repeat(500)));

        page.navigate("/w/" + workspace + "/projects/" + project + "/board");

        Object pageWider = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
        Object cardOverflows = page.evaluate("() => { const c = document.querySelector('.task');"
                + " return c.scrollWidth > c.clientWidth; }");
        org.assertj.core.api.Assertions.assertThat(pageWider).as("the page scrolls sideways").isEqualTo(false);
        org.assertj.core.api.Assertions.assertThat(cardOverflows).as("the title runs out of its card")
                .isEqualTo(false);
    }

    @Test
    void theBoardFiltersByAssigneeAndListAndEditsOnlyWhatChanged() {
        String email = signUp(page, "Olga");
        String workspace = createWorkspace(page, "Cafe");
        String token = api().logIn(email, PASSWORD);
        var owner = new Api.Person(null, email, "Olga", token);
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        String base = "/api/v1/workspaces/" + workspace;
        // Public, so that Mia, a member, reads its tasks and may be given one.
        String project = api().post(base + "/projects", token, Map.of("name", "Opening", "visibility", "public"))
                .get("id");
        String november = api().post(base + "/projects/" + project + "/lists", token, Map.of("name", "November"))
                .get("id");
        api().post(base + "/tasks", token, Map.of("projectId", project, "title", "Paint the walls",
                "assigneeId", mia.id(), "lists", java.util.List.of(Map.of("id", november))));
        String chairs = api().post(base + "/tasks", token, Map.of("projectId", project, "title", "Buy chairs"))
                .get("id");

        page.navigate("/w/" + workspace + "/projects/" + project + "/board");
        assertThat(page.locator(".task")).hasCount(2);
        page.locator(".filters select[name=assignee]").selectOption(new SelectOption().setLabel("Mia"));
        button("Filter").click();
        assertThat(page.locator(".task")).hasCount(1);
        assertThat(page.locator(".task")).containsText("Paint the walls");
        page.locator(".filters select[name=assignee]").selectOption("");
        page.locator(".filters select[name=list]").selectOption(new SelectOption().setLabel("November"));
        button("Filter").click();
        assertThat(page.locator(".task")).hasCount(1);
        assertThat(page.locator(".task")).containsText("Paint the walls");

        page.navigate("/w/" + workspace + "/projects/" + project + "/board");
        page.getByText("Buy chairs").click();
        page.getByLabel("Title").fill("Buy 12 chairs");
        page.getByLabel("Blockers (one per line)").fill("waiting for the budget");
        button("Save").click();
        assertThat(page.locator(".column[data-status='pending'] .task")).containsText(new String[] {
            "Paint the walls", "Buy 12 chairs"});

        var task = api().get(base + "/tasks/" + chairs, token);
        assertThat(task.get("title")).isEqualTo("Buy 12 chairs");
        assertThat(task.json().path("blockers").get(0).asString()).isEqualTo("waiting for the budget");
        assertThat(task.get("priority")).isEqualTo("medium");
        var audit = api().get(base + "/audit-events?action=task.updated", token).json().path("items");
        assertThat(audit.get(0).path("details").asString()).contains("blockers").contains("title")
                .doesNotContain("priority").doesNotContain("status");
    }

    @Test
    void aTaskSavedUneditedKeepsItsDescriptionAndVersionThoughTheBrowserSendsCrlf() {
        String email = signUp(page, "Olga");
        String workspace = createWorkspace(page, "Cafe");
        String token = api().logIn(email, PASSWORD);
        String base = "/api/v1/workspaces/" + workspace;
        String project = api().post(base + "/projects", token, Map.of("name", "Opening")).get("id");
        String soup = api().post(base + "/tasks", token, Map.of("projectId", project, "title", "Soup",
                "description", "Peel\nChop\n\nServe")).get("id");

        page.navigate("/w/" + workspace + "/projects/" + project + "/board/tasks/" + soup);
        assertThat(page.getByLabel("Description")).hasValue("Peel\nChop\n\nServe");
        button("Save").click();
        page.waitForURL("**/projects/" + project + "/board");

        var task = api().get(base + "/tasks/" + soup, token);
        assertThat(task.get("version")).isEqualTo("1");
        assertThat(task.get("description")).isEqualTo("Peel\nChop\n\nServe");
    }

    @Test
    void theMoveMenuIsOfferedOnlyOnCardsTheViewerMayUpdate() {
        Api.Person olga = api().signUp("Olga");
        String workspace = api().createWorkspace(olga, "Cafe");
        Api.Person mia = api().addMember(workspace, olga, "Mia", "member");
        Api.Person gus = api().addMember(workspace, olga, "Gus", "member");
        String base = "/api/v1/workspaces/" + workspace;
        String project = api().post(base + "/projects", olga.token(), Map.of("name", "Opening")).get("id");
        Api.expect(api().post(base + "/projects/" + project + "/members", olga.token(),
                Map.of("principalType", "user", "principalId", mia.id(), "role", "collaborator")), 201);
        Api.expect(api().post(base + "/projects/" + project + "/members", olga.token(),
                Map.of("principalType", "user", "principalId", gus.id(), "role", "guest")), 201);
        String hers = api().post(base + "/tasks", olga.token(), Map.of("projectId", project,
                "title", "Paint the walls", "assigneeId", mia.id())).get("id");
        String other = api().post(base + "/tasks", olga.token(), Map.of("projectId", project,
                "title", "Buy chairs")).get("id");
        String board = "/w/" + workspace + "/projects/" + project + "/board";

        Page guest = newBrowserSession();
        logIn(guest, gus.email());
        guest.waitForURL("**/w/" + workspace + "/projects");
        guest.navigate(board);
        assertThat(guest.locator(".task")).hasCount(2);
        assertThat(guest.locator(".task select[name=status]")).hasCount(0);
        assertThat(guest.locator(".task[draggable=true]")).hasCount(0);
        assertThat(guest.getByTestId("may-not-create")).isVisible();
        guest.navigate(board + "/tasks/" + other);
        assertThat(guest.getByTestId("read-only")).isVisible();
        assertThat(guest.locator("input[name=title]")).isDisabled();
        assertThat(guest.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))).hasCount(0);
        guest.getByText("See why, and what would let you").click();
        assertThat(guest.locator(".verdict")).hasText("Denied");
        assertThat(guest.locator(".remedies li").first()).isVisible();
        guest.context().close();

        logIn(page, mia.email());
        page.waitForURL("**/w/" + workspace + "/projects");
        page.navigate(board);
        assertThat(page.locator(".task")).hasCount(2);
        assertThat(page.locator("#card-" + other + " select")).hasCount(0);
        assertThat(page.locator("#card-" + other)).not().hasAttribute("draggable", "true");
        assertThat(page.locator("#card-" + hers)).hasAttribute("draggable", "true");
        page.getByLabel("Move Paint the walls").selectOption("in-progress");
        assertThat(page.locator(".column[data-status='in-progress'] .task")).containsText("Paint the walls");

        assertThat(api().get(base + "/tasks/" + hers, olga.token()).get("status")).isEqualTo("in-progress");
        page.navigate(board + "/tasks/" + hers);
        assertThat(page.getByTestId("status-only")).isVisible();
        assertThat(page.locator("input[name=title]")).isDisabled();
        page.locator("textarea[name=blockers]").fill("no paint");
        button("Save").click();
        page.waitForURL("**" + board);
        assertThat(api().get(base + "/tasks/" + hers, olga.token()).json().path("blockers").get(0).asString())
                .isEqualTo("no paint");
        assertThat(api().patch(base + "/tasks/" + other, mia.token(), Map.of("status", "completed")).status())
                .as("the API refuses what the board does not offer").isEqualTo(403);
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
