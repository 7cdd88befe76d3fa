package io.taskgate.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.taskgate.testing.Api;

/**
 * A staff task's life in the browser: Sam, who holds staff_tasks.manage, gives one to Mia; Mia
 * finds it in her tasks and changes what she may — its status and blockers; Sam deletes it after
 * confirming. A private task of Mia's, written down with its fields, sits beside it.
 */
class StaffTaskStoryTest extends BrowserTest {

    @Test
    void aStaffManagerGivesATaskToMiaWhoUpdatesItsStatusAndBlockersThenItIsDeleted() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.Person sam = api().addMemberHolding(ws, olga, "Sam", "staff_tasks.manage");
        Api.Person mia = api().addMember(ws, olga, "Mia", "member");

        logIn(page, sam.email());
        page.waitForURL("**/w/" + ws + "/projects");
        page.locator("nav.sidebar").getByText("Staff tasks").click();
        page.waitForURL("**/w/" + ws + "/staff-tasks");
        assertThat(page.locator(".empty")).hasText("No staff task yet.");
        page.getByLabel("Assignee").selectOption(new SelectOption().setLabel("Mia"));
        page.getByLabel("Title").fill("Descale the machine");
        page.getByLabel("Priority").selectOption("high");
        page.getByLabel("Due").fill("2026-12-20");
        page.getByLabel("Blockers (one per line)").fill("Buy descaler");
        button(page, "Create staff task").click();
        Locator row = page.locator("#staff-tasks tbody tr");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Descale the machine");
        assertThat(row).containsText("Mia");
        assertThat(row).containsText("blocked by: Buy descaler");
        String id = row.getAttribute("data-task");

        Page miasPage = newBrowserSession();
        logIn(miasPage, mia.email());
        miasPage.waitForURL("**/w/" + ws + "/projects");
        assertThat(miasPage.locator("nav.sidebar")).not().containsText("Staff tasks");
        miasPage.locator("nav.sidebar").getByText("My tasks").click();
        miasPage.getByLabel("Title").fill("Ring Acme Dairy");
        miasPage.getByLabel("Description").fill("Oat milk");
        miasPage.getByLabel("Priority").selectOption("low");
        button(miasPage, "Add").click();
        assertThat(miasPage.locator("#my-tasks")).containsText("Ring Acme Dairy");
        miasPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Descale the machine")).click();
        miasPage.waitForURL("**/w/" + ws + "/tasks/" + id);
        assertThat(miasPage.getByTestId("status-only")).isVisible();
        assertThat(miasPage.locator("#task-facts")).containsText("high");
        assertThat(miasPage.getByLabel("Title")).hasCount(0);
        miasPage.getByLabel("Status").selectOption("in-progress");
        miasPage.getByLabel("Blockers (one per line)").fill("Descaler bought\nMachine cooling down");
        button(miasPage, "Save").click();
        miasPage.waitForURL("**/w/" + ws + "/tasks");
        assertThat(miasPage.locator("tr[data-task='" + id + "']")).containsText("Machine cooling down");

        Api.Response task = api().get("/api/v1/workspaces/" + ws + "/tasks/" + id, olga.token());
        assertThat(task.get("status")).isEqualTo("in-progress");
        assertThat(task.json().path("blockers").toString())
                .isEqualTo("[\"Descaler bought\",\"Machine cooling down\"]");
        assertThat(task.get("priority")).isEqualTo("high");

        page.reload();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Descale the machine")).click();
        page.waitForURL("**/w/" + ws + "/tasks/" + id);
        assertThat(page.getByLabel("Status")).hasValue("in-progress");
        assertThat(page.getByLabel("Assignee")).hasValue(mia.id());
        confirm(page, "Delete task Descale the machine");
        page.waitForURL("**/w/" + ws + "/staff-tasks");
        assertThat(page.locator(".empty")).hasText("No staff task yet.");
        assertThat(api().get("/api/v1/workspaces/" + ws + "/tasks/" + id, olga.token()).status()).isEqualTo(404);
        miasPage.context().close();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
