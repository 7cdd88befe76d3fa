package io.taskgate.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.taskgate.testing.Api;

/** A project's lists on its page: created, renamed and deleted by an editor, only read by a guest. */
class ProjectListPagesTest extends BrowserTest {

    @Test
    void aProjectManagerCreatesRenamesAndDeletesListsOnTheProjectPage() {
        Api.Person olga = api().signUp("Olga");
        String workspace = api().createWorkspace(olga, "Cafe");
        String project = api().post("/api/v1/workspaces/" + workspace + "/projects", olga.token(),
                Map.of("name", "Opening")).get("id");
        String lists = "/api/v1/workspaces/" + workspace + "/projects/" + project + "/lists";
        logIn(page, olga.email());
        page.waitForURL("**/w/" + workspace + "/projects");

        page.navigate("/w/" + workspace + "/projects/" + project);
        assertThat(page.locator("#project-lists .empty")).hasText("No list yet.");
        button("Create list").click();
        assertThat(page.locator("#project-lists .field-error")).hasText("name must be 1 to 200 characters");
        for (String name : new String[] {"November", "December"}) {
            page.getByLabel("New list").fill(name);
            button("Create list").click();
            assertThat(page.getByLabel("Name of list " + name)).hasValue(name);
        }
        var created = api().get(lists, olga.token()).json().path("items");
        assertThat(created.findValuesAsString("name")).containsExactly("November", "December");
        assertThat(created.get(0).path("order").asLong()).isLessThan(created.get(1).path("order").asLong());
        String november = created.get(0).path("id").asString();

        page.getByLabel("Name of list November").fill("Late November");
        button("Rename list November").click();
        assertThat(page.getByLabel("Name of list Late November")).hasValue("Late November");
        assertThat(api().get(lists + "/" + november, olga.token()).get("name")).isEqualTo("Late November");

        confirm(page, "Delete list December");
        assertThat(page.locator("#lists tbody tr")).hasCount(1);
        assertThat(api().get(lists, olga.token()).json().path("items").findValuesAsString("name"))
                .containsExactly("Late November");
        assertThat(api().get("/api/v1/workspaces/" + workspace + "/audit-events?action=list.deleted", olga.token())
                .json().path("items")).hasSize(1);
    }

    @Test
    void aProjectGuestSeesTheListsButNoFormToChangeThem() {
        Api.Person olga = api().signUp("Olga");
        String workspace = api().createWorkspace(olga, "Cafe");
        Api.Person mia = api().addMember(workspace, olga, "Mia", "member");
        String base = "/api/v1/workspaces/" + workspace;
        String project = api().post(base + "/projects", olga.token(), Map.of("name", "Opening")).get("id");
        Api.expect(api().post(base + "/projects/" + project + "/members", olga.token(),
                Map.of("principalType", "user", "principalId", mia.id(), "role", "guest")), 201);
        Api.expect(api().post(base + "/projects/" + project + "/lists", olga.token(), Map.of("name", "November")),
                201);

        logIn(page, mia.email());
        page.waitForURL("**/w/" + workspace + "/projects");
        page.navigate("/w/" + workspace + "/projects/" + project);
        assertThat(page.locator("#lists")).containsText("November");
        assertThat(page.locator("#project-lists form")).hasCount(0);
        assertThat(page.locator("#project-lists button")).hasCount(0);
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
