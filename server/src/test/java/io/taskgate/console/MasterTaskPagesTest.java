package io.taskgate.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.taskgate.testing.Api;

/** Master tasks in the console: a position manager's templates, and the refusal for a position not theirs. */
class MasterTaskPagesTest extends BrowserTest {

    private Api.Person olga;
    private Api.Person mia;
    private String workspace;
    private String barista;
    private String cook;

    @BeforeEach
    void cafeWhereMiaManagesTheBaristas() {
        olga = api().signUp("Olga");
        workspace = api().createWorkspace(olga, "Cafe");
        mia = api().addMember(workspace, olga, "Mia", "member");
        barista = Api.expect(api().post(base() + "/positions", olga.token(), Map.of("name", "Barista")), 201)
                .get("id");
        cook = Api.expect(api().post(base() + "/positions", olga.token(), Map.of("name", "Cook")), 201).get("id");
        Api.expect(api().post(base() + "/positions/" + barista + "/managers", olga.token(),
                Map.of("userId", mia.id())), 201);
        logIn(page, mia.email());
        page.waitForURL("**/w/" + workspace + "/projects");
    }

    @Test
    void aPositionManagerCreatesEditsAndDeletesAMasterTaskAndTheApiSeesEachChange() {
        page.locator("nav.sidebar").getByText("Master tasks").click();
        page.waitForURL("**/w/" + workspace + "/master-tasks");
        assertThat(page.locator(".empty")).hasText("No master task yet.");

        page.getByLabel("Name").fill("Descale the machine");
        Response refused = submit("Create master task");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(page.locator(".field-error")).hasText("positionIds must name at least one position");
        assertThat(page.getByLabel("Name")).hasValue("Descale the machine");

        page.getByLabel("Positions").selectOption(new SelectOption().setLabel("Barista"));
        page.getByLabel("Description").fill("Every Monday before opening");
        page.getByLabel("Colour").fill("#ff8800");
        page.getByLabel("favorite").check();
        submit("Create master task");
        Locator rows = page.locator("#master-tasks tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows).containsText("Descale the machine");
        assertThat(rows).containsText("Barista");

        var items = api().get(base() + "/master-tasks", olga.token()).json().path("items");
        assertThat(items).hasSize(1);
        var created = items.get(0);
        String id = created.path("id").asString();
        assertThat(created.path("positionIds").toString()).isEqualTo("[\"" + barista + "\"]");
        assertThat(created.path("description").asString()).isEqualTo("Every Monday before opening");
        assertThat(created.path("color").asString()).as("kept as sent").isEqualTo("#ff8800");
        assertThat(created.path("favorite").asBoolean()).isTrue();
        assertThat(created.path("createdBy").asString()).isEqualTo(mia.id());

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Descale the machine")).click();
        page.waitForURL("**/master-tasks/" + id);
        assertThat(page.getByLabel("Colour")).hasValue("#ff8800");
        page.getByLabel("Name").fill("Descale and backflush");
        page.getByLabel("favorite").uncheck();
        submit("Save");
        page.waitForURL("**/w/" + workspace + "/master-tasks");
        assertThat(rows).containsText("Descale and backflush");

        var edited = api().get(base() + "/master-tasks/" + id, olga.token());
        assertThat(edited.get("name")).isEqualTo("Descale and backflush");
        assertThat(edited.get("favorite")).isEqualTo("false");
        assertThat(edited.get("description")).isEqualTo("Every Monday before opening");
        assertThat(edited.get("version")).isEqualTo("2");

        confirm(page, "Delete master task Descale and backflush");
        assertThat(page.locator(".empty")).hasText("No master task yet.");
        assertThat(api().get(base() + "/master-tasks", olga.token()).ids()).isEmpty();
        var deleted = api().get(base() + "/master-tasks/" + id, olga.token());
        assertThat(deleted.get("deletedBy")).isEqualTo(mia.id());
        assertThat(deleted.get("deletedAt")).endsWith("Z");
    }

    @Test
    void aMasterTaskForAPositionTheViewerDoesNotManageIsRefusedNamingItAndOffersNoEditOrDelete() {
        page.navigate("/w/" + workspace + "/master-tasks");
        page.getByLabel("Name").fill("Clean the kitchen");
        page.getByLabel("Positions").selectOption(new SelectOption[] {
            new SelectOption().setLabel("Barista"), new SelectOption().setLabel("Cook")});
        Response refused = submit("Create master task");

        assertThat(refused.status()).isEqualTo(403);
        Locator alert = page.locator("#new-master-task .alert");
        assertThat(alert).containsText("neither manages nor holds shift.edit on position “Cook”");
        assertThat(alert.locator(".lacking")).hasText("Positions you may not use: Cook");
        assertThat(alert.locator(".remedies li").first()).containsText("“Cook”");
        assertThat(alert).not().containsText(cook);
        assertThat(page.getByLabel("Name")).hasValue("Clean the kitchen");
        assertThat(page.getByLabel("Positions").locator("option:checked")).hasText(new String[] {"Barista", "Cook"});
        assertThat(api().get(base() + "/master-tasks", olga.token()).ids()).isEmpty();

        Api.expect(api().post(base() + "/master-tasks", olga.token(),
                Map.of("name", "Order flour", "positionIds", List.of(cook))), 201);
        page.navigate("/w/" + workspace + "/master-tasks");
        Locator flour = page.locator("#master-tasks tbody tr", new Page.LocatorOptions().setHasText("Order flour"));
        assertThat(flour).containsText("Cook");
        assertThat(flour.getByRole(AriaRole.LINK)).hasCount(0);
        assertThat(flour.getByRole(AriaRole.BUTTON)).hasCount(0);
    }

    private String base() {
        return "/api/v1/workspaces/" + workspace;
    }

    /** Clicks a form's button and answers the response to that POST, whatever its status. */
    private Response submit(String button) {
        return page.waitForResponse(response -> response.request().method().equals("POST"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true))
                        .click());
    }
}
