package io.taskgate.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.taskgate.testing.Api;

/**
 * The integrator's story through the console: an API client and its key (shown once), a private
 * project it cannot reach, the access explorer explaining the denial, and its remedy applied.
 */
class ApiClientAccessStoryTest extends BrowserTest {

    @Test
    void anAdminGivesAnApiClientAccessToAPrivateProjectThroughTheExplorer() {
        signUp(page, "Olga");
        String workspace = createWorkspace(page, "Cafe");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API clients")).click();
        page.getByLabel("Name").fill("Zapier");
        page.getByLabel("Workspace role").selectOption("member");
        page.getByLabel("Access level").selectOption("read_write");
        button("Create client").click();
        assertThat(page.locator("h1")).hasText("Zapier");
        String clientUrl = page.url();

        page.getByLabel("Name").fill("production");
        button("Create key").click();
        assertThat(page.locator("#new-secret")).containsText("only time the secret is shown");
        String secret = page.locator("#secret-value").textContent().trim();
        assertThat(secret).startsWith("tgk_");
        assertThat(button("Copy")).isVisible();
        assertThat(page.url()).isEqualTo(clientUrl);
        assertThat(api().get("/api/v1/me", secret).get("name")).isEqualTo("Zapier");

        page.reload();
        assertThat(page.locator("#new-secret")).hasCount(0);
        assertThat(page.content()).doesNotContain(secret);
        assertThat(page.locator("#key-table tbody tr")).hasCount(1);
        assertThat(page.locator("#key-table")).containsText("production");
        assertThat(page.locator("#key-table")).containsText("active");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Projects")).click();
        page.getByLabel("Name").fill("Payroll");
        page.getByLabel("Visibility").selectOption("private");
        button("Create project").click();
        assertThat(page.locator("h1")).hasText("Payroll");
        String project = page.url().replaceAll(".*/projects/([^/?]+).*", "$1");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Access explorer")).click();
        page.getByLabel("Principal").selectOption(new SelectOption().setLabel("API client Zapier"));
        page.getByLabel("Action").selectOption("task.create");
        page.getByLabel("Resource").selectOption(new SelectOption().setLabel("project Payroll"));
        button("Explain").click();
        assertThat(page.locator("#decision .verdict")).hasText("Denied");
        assertThat(page.locator("#decision .remedies")).containsText("Zapier");
        assertThat(page.locator("#decision .remedies")).containsText("creator");

        button("Add as creator").click();
        assertThat(page.locator("#applied")).containsText("Applied: added to the project");
        assertThat(page).not().hasURL(java.util.regex.Pattern.compile(".*applied=.*"));
        assertThat(page.locator("#decision .verdict")).hasText("Allowed");
        assertThat(page.locator("#decision .grants")).containsText("project role creator (direct)");

        Api.Response task = api().post("/api/v1/workspaces/" + workspace + "/tasks", secret,
                Map.of("projectId", project, "title", "Sync payroll"));
        assertThat(task.status()).as(task.text()).isEqualTo(201);
    }

    private com.microsoft.playwright.Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
