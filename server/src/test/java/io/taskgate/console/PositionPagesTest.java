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

/** A position's managers and staff, removed on the positions page by a holder of positions.manage. */
class PositionPagesTest extends BrowserTest {

    @Test
    void aPositionsManagerRemovesAManagerAndAStaffMemberAndTheApiSeesIt() {
        Api.Person olga = api().signUp("Olga");
        String workspace = api().createWorkspace(olga, "Cafe");
        Api.Person mia = api().addMember(workspace, olga, "Mia", "member");
        api().addMember(workspace, olga, "Gus", "member");
        String positions = "/api/v1/workspaces/" + workspace + "/positions";
        String barista = api().post(positions, olga.token(), Map.of("name", "Barista")).get("id");
        logIn(page, olga.email());
        page.waitForURL("**/w/" + workspace + "/projects");

        page.navigate("/w/" + workspace + "/positions");
        Locator row = page.locator("tr[data-position='" + barista + "']");
        assign("Mia", "as manager");
        assertThat(row.locator("td.managers .badge")).hasCount(1);
        assertThat(row.locator("td.managers")).containsText("Mia");
        assign("Gus", "as staff");
        assertThat(row.locator("td.staff .badge")).hasCount(1);
        assign("Mia", "as staff");
        assertThat(row.locator("td.staff .badge")).hasCount(2);
        assertThat(row.locator("td.staff")).containsText("Gus");
        assertThat(row.locator("td.staff")).containsText("Mia");

        confirm(page, "Remove Mia as manager of Barista");
        assertThat(row.locator("td.managers .badge")).hasCount(0);
        assertThat(row.locator("td.staff .badge")).hasCount(2);
        confirm(page, "Remove Gus from the staff of Barista");
        assertThat(row.locator("td.staff .badge")).hasCount(1);
        assertThat(row.locator("td.staff")).containsText("Mia");

        var position = api().get(positions + "/" + barista, olga.token()).json();
        assertThat(position.path("managerIds")).isEmpty();
        assertThat(position.path("staffIds").toString()).isEqualTo("[\"" + mia.id() + "\"]");
        assertThat(api().get("/api/v1/workspaces/" + workspace + "/audit-events?action=position.manager_removed",
                olga.token()).json().path("items").get(0).path("details").asString()).contains(mia.id());

        Page miasBrowser = newBrowserSession();
        logIn(miasBrowser, mia.email());
        miasBrowser.waitForURL("**/w/" + workspace + "/projects");
        miasBrowser.navigate("/w/" + workspace + "/positions");
        assertThat(miasBrowser.locator("tr[data-position='" + barista + "'] td.staff")).containsText("Mia");
        assertThat(miasBrowser.locator(".remove")).hasCount(0);
        miasBrowser.context().close();
    }

    private void assign(String person, String as) {
        page.getByLabel("Person for Barista").selectOption(new SelectOption().setLabel(person));
        page.getByLabel("As", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel(as));
        button("Assign").click();
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
