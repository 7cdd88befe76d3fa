package io.taskgate.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.taskgate.testing.Api;

/**
 * Walks the main pages of a small café workspace and photographs each one. Every run checks
 * that they render; {@code -Dtaskgate.screenshots=../docs/console} refreshes the committed
 * pictures (by default they go to {@code target/console-screenshots}).
 */
class ConsoleScreenshotsTest extends BrowserTest {

    private static final Path OUT = Path.of(System.getProperty("taskgate.screenshots", "target/console-screenshots"));

    @Test
    void theMainPagesRenderForAnOwner() {
        page.setViewportSize(1180, 700);
        String email = signUp(page, "Olga", "olga@corner.cafe");
        String ws = createWorkspace(page, "Corner Cafe");
        String token = api().logIn(email, PASSWORD);
        String base = "/api/v1/workspaces/" + ws;
        var mia = new Api.Person(invite(base, token, "mia@corner.cafe", "member"), "mia@corner.cafe", "Mia", null);
        var gus = new Api.Person(invite(base, token, "gus@corner.cafe", "guest"), "gus@corner.cafe", "Gus", null);
        invite(base, token, "dee@corner.cafe", "admin");
        Api.Client bot = api().createApiClient(ws, token, "Zapier", "member", "read_write");
        String kitchen = api().post(base + "/teams", token, Map.of("name", "Kitchen")).get("id");
        for (String id : List.of(mia.id(), gus.id())) {
            api().post(base + "/teams/" + kitchen + "/members", token, Map.of("principalType", "user", "principalId", id));
        }
        String barista = api().post(base + "/positions", token, Map.of("name", "Barista")).get("id");
        api().post(base + "/positions/" + barista + "/staff", token, Map.of("userId", mia.id()));
        api().post(base + "/roles", token, Map.of("name", "Shift lead", "permissions", List.of("staff_tasks.manage"),
                "positionPermissions", List.of(Map.of("positionId", barista, "permissions", List.of("shift.edit")))));
        String menu = api().post(base + "/projects", token, Map.of("name", "Menu", "visibility", "public",
                "description", "Seasonal drinks and pastries")).get("id");
        String payroll = api().post(base + "/projects", token, Map.of("name", "Payroll", "visibility", "private",
                "description", "Wages, tips and hours")).get("id");
        String sprint = api().post(base + "/projects/" + payroll + "/lists", token, Map.of("name", "November")).get("id");
        // Mia is given the payroll tasks, so she is in the project: a task goes only to someone who can read it.
        api().post(base + "/projects/" + payroll + "/members", token,
                Map.of("principalType", "user", "principalId", mia.id(), "role", "collaborator"));
        String[][] tasks = {{"Export October hours", "completed", "medium"}, {"Check tip pooling", "in-progress", "high"},
            {"Pay the baristas", "pending", "high"}, {"New hire paperwork", "blocked", "low"},
            {"Holiday rota bonus", "pending", "medium"}};
        for (String[] task : tasks) {
            api().post(base + "/tasks", token, Map.of("projectId", payroll, "title", task[0], "status", task[1],
                    "priority", task[2], "assigneeId", mia.id(), "lists", List.of(Map.of("id", sprint))));
        }
        // In a project, not a private task: a private task's events are its creator's alone, and the
        // audit log below is read by the owner.
        api().post(base + "/projects/" + menu + "/members", token,
                Map.of("principalType", "api_client", "principalId", bot.id(), "role", "creator"));
        Api.expect(api().request("POST", base + "/tasks").token(bot.secret())
                .header("X-Integration-Name", "zapier-sync")
                .json(Map.of("projectId", menu, "title", "Add the winter drinks")).send(), 201);

        page.navigate("/w/" + ws + "/projects/" + payroll + "/board");
        assertThat(page.locator(".column[data-status='pending'] .task")).hasCount(2);
        shoot("board");

        page.navigate("/w/" + ws + "/projects/" + payroll);
        page.locator("#team-people select[name=teamId]").selectOption(new SelectOption().setLabel("Kitchen (2)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the team's people")).click();
        assertThat(page.locator("#enrolment")).containsText("added");
        shoot("project-members");

        page.navigate("/w/" + ws + "/api-clients/" + bot.id());
        page.getByLabel("Name").fill("staging");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
        assertThat(page.locator("#new-secret")).isVisible();
        shoot("api-client-key");

        page.navigate("/w/" + ws + "/access?principal=api_client%3A" + bot.id() + "&action=task.create&resource=project%3A"
                + payroll);
        assertThat(page.locator("#decision .verdict")).hasText("Denied");
        shoot("access-explorer");

        open("/w/" + ws + "/people");
        shoot("people");
        open("/w/" + ws + "/roles");
        assertThat(page.locator("#roles")).containsText("Shift lead");
        open("/w/" + ws + "/positions");
        assertThat(page.locator("#positions")).containsText("mia");
        open("/w/" + ws + "/teams");
        open("/w/" + ws + "/teams/" + kitchen);
        open("/w/" + ws + "/api-clients");
        open("/workspaces");
        page.navigate("/w/" + ws + "/projects/" + payroll + "/board");
        page.getByText("Pay the baristas").click();
        assertThat(page.getByLabel("Title")).hasValue("Pay the baristas");
        page.navigate("/w/" + ws + "/audit?integrationName=zapier-sync");
        assertThat(page.locator("#events tbody tr")).hasCount(1);
        assertThat(page.locator("#events")).containsText("Zapier");
        page.navigate("/w/" + ws + "/audit");
        shoot("audit");
    }

    /** An invited person: named after the email until they sign up. */
    private String invite(String base, String token, String email, String role) {
        return Api.expect(api().post(base + "/users", token, Map.of("email", email, "role", role)), 201).get("id");
    }

    private void open(String path) {
        org.assertj.core.api.Assertions.assertThat(page.navigate(path).status()).as(path).isEqualTo(200);
    }

    private void shoot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve(name + ".png")));
    }
}
