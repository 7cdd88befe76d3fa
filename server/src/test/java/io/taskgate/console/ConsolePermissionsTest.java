package io.taskgate.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.taskgate.testing.Api;

/** The console shows each person what the API lets them do, and refuses forms with the API's words. */
class ConsolePermissionsTest extends BrowserTest {

    @Test
    void aMemberWithoutApiClientsManageSeesNoApiClientsAndGets404ByUrl() {
        Api.Person olga = api().signUp("Olga");
        String workspace = api().createWorkspace(olga, "Cafe");
        Api.Person mia = api().addMember(workspace, olga, "Mia", "member");
        String secretProject = api().post("/api/v1/workspaces/" + workspace + "/projects", olga.token(),
                Map.of("name", "Payroll", "visibility", "private")).get("id");

        logIn(page, mia.email());
        page.waitForURL("**/w/" + workspace + "/projects");
        assertThat(page.locator("nav.sidebar")).containsText("Projects");
        assertThat(page.locator("nav.sidebar").getByText("API clients")).hasCount(0);
        assertThat(page.locator("nav.sidebar").getByText("Audit log")).hasCount(0);
        assertThat(page.locator("main")).not().containsText("Payroll");

        var apiClients = page.navigate("/w/" + workspace + "/api-clients");
        assertThat(apiClients.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Not found");
        assertThat(page.navigate("/w/" + workspace + "/audit").status()).isEqualTo(404);
        assertThat(page.navigate("/w/" + workspace + "/projects/" + secretProject).status()).isEqualTo(404);
        assertThat(page.content()).doesNotContain("Payroll");

        Page owner = newBrowserSession();
        logIn(owner, olga.email());
        owner.waitForURL("**/w/" + workspace + "/projects");
        assertThat(owner.locator("nav.sidebar").getByText("API clients")).hasCount(1);
        owner.context().close();
    }

    @Test
    void aWorkspaceOfSomeoneElseIs404() {
        Api.Person olga = api().signUp("Olga");
        String workspace = api().createWorkspace(olga, "Secret Cafe");
        signUp(page, "Mallory");
        page.waitForURL("**/workspaces");

        assertThat(page.navigate("/w/" + workspace + "/people").status()).isEqualTo(404);
        assertThat(page.content()).doesNotContain("Secret Cafe");
    }

    @Test
    void anUnknownConsoleUrlIsTheConsolesNotFoundPageWithItsTopBar() {
        signUp(page, "Olga");
        String workspace = createWorkspace(page, "Cafe");

        var missing = page.navigate("/w/" + workspace + "/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.headerValue("content-type")).startsWith("text/html");
        assertThat(page.locator("h1")).hasText("Not found");
        assertThat(page.locator("header.topbar .who")).hasText("Olga");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the console")).click();
        page.waitForURL("**/w/" + workspace + "/projects");
    }

    @Test
    void signUpRefusesBadInputWithTheApisMessagesAndKeepsWhatWasTyped() {
        page.navigate("/signup");
        page.getByLabel("Name").fill("Olga");
        page.getByLabel("Email").fill("not-an-email");
        page.getByLabel("Password").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();

        assertThat(page.locator(".field-error")).containsText(new String[] {
            "email is not an email address", "password must be at least 8 characters"});
        assertThat(page.getByLabel("Name")).hasValue("Olga");
        assertThat(page.getByLabel("Email")).hasValue("not-an-email");
        assertThat(page.getByLabel("Password")).hasValue("");

        Api.Response api = api().post("/api/v1/auth/signup", null,
                Map.of("email", "not-an-email", "name", "Olga", "password", "short"));
        assertThat(api.text()).contains("is not an email address").contains("must be at least 8 characters");
    }

    @Test
    void theSwitcherOpensAnotherOfMyWorkspaces() {
        signUp(page, "Olga");
        String cafe = createWorkspace(page, "Cafe");
        String bakery = createWorkspace(page, "Bakery");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/w/" + bakery + "/projects$"));

        page.getByLabel("Workspace").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Cafe"));
        page.waitForURL("**/w/" + cafe + "/projects");
        assertThat(page.locator("nav.sidebar .ws-name")).hasText("Cafe");
    }

    @Test
    void loggingOutEndsTheSession() {
        signUp(page, "Olga");
        page.waitForURL("**/workspaces");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        page.waitForURL("**/login");

        page.navigate("/workspaces");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?next=%2Fworkspaces$"));
    }
}
