package io.taskgate.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.taskgate.testing.Api;

/**
 * Every action that takes something away asks first, as deleting a project, team or task does:
 * its first click only opens a confirmation saying what it will do, whose button — named after
 * its row for a screen reader — does it. What is undone in one click (enable, reactivate) stays
 * one click.
 */
class ConsoleConfirmationsTest extends BrowserTest {

    private Api.Person olga;
    private String workspace;
    private String base;

    @BeforeEach
    void cafe() {
        olga = api().signUp("Olga");
        workspace = api().createWorkspace(olga, "Cafe");
        base = "/api/v1/workspaces/" + workspace;
        logIn(page, olga.email());
        page.waitForURL("**/w/" + workspace + "/projects");
    }

    @Test
    void revokingAKeyAndDisablingAClientAskFirst() {
        Api.Client zapier = api().createApiClient(workspace, olga.token(), "Zapier", "member", "read");
        String keys = base + "/api-clients/" + zapier.id() + "/keys";
        String production = Api.expect(api().post(keys, olga.token(), Map.of("name", "production")), 201).get("id");
        page.navigate("/w/" + workspace + "/api-clients/" + zapier.id());

        open("Revoke key production");
        assertThat(page.locator("#key-table")).containsText("Whatever uses it is refused from now on");
        assertThat(api().get(keys + "/" + production, olga.token()).get("status"))
                .as("opening the confirmation revokes nothing").isEqualTo("active");
        button("Revoke key production").click();
        assertThat(page.locator("#key-table tbody tr.inactive")).containsText("production");
        assertThat(api().get(keys + "/" + production, olga.token()).get("status")).isEqualTo("revoked");

        open("Disable client Zapier");
        assertThat(page.locator("details.confirm[open]")).containsText("Its keys stop working at once");
        assertThat(api().get("/api/v1/me", zapier.secret()).status()).isEqualTo(200);
        button("Disable client Zapier").click();
        assertThat(page.locator(".page-head .badge")).hasText("disabled");
        assertThat(api().get("/api/v1/me", zapier.secret()).status()).isEqualTo(401);

        button("Enable client").click();
        assertThat(page.locator(".page-head .badge")).hasText("active");
    }

    @Test
    void deletingACustomRoleAsksFirstAndSaysWhoHoldsIt() {
        String auditor = api().createRole(workspace, olga.token(), "Auditor", "audit.read");
        String unused = api().createRole(workspace, olga.token(), "Unused", "audit.read");
        for (String name : List.of("Mia", "Gus")) {
            Api.expect(api().patch(base + "/users/" + api().addMember(workspace, olga, name, "member").id(),
                    olga.token(), Map.of("customRoleIds", List.of(auditor))), 200);
        }
        Api.Client bot = api().createApiClient(workspace, olga.token(), "Bot", "member", "read");
        Api.expect(api().patch(base + "/api-clients/" + bot.id(), olga.token(),
                Map.of("customRoleIds", List.of(auditor))), 200);
        page.navigate("/w/" + workspace + "/roles");

        page.getByText("Edit Unused").click();
        open("Delete role Unused");
        assertThat(page.locator("details.confirm[open]")).containsText("Nobody holds it.");
        page.getByText("Edit Auditor").click();
        open("Delete role Auditor");
        assertThat(page.locator("details.card").filter(new Locator.FilterOptions().setHasText("Edit Auditor"))
                .locator(".held-by"))
                .hasText("It is held by 2 people and 1 API client; they lose what it grants at once.");
        assertThat(api().get(base + "/roles/" + auditor, olga.token()).status()).isEqualTo(200);
        button("Delete role Auditor").click();
        assertThat(page.locator("#roles")).not().containsText("Auditor");
        assertThat(api().get(base + "/roles/" + auditor, olga.token()).status()).isEqualTo(404);
        assertThat(api().get(base + "/roles/" + unused, olga.token()).status()).isEqualTo(200);
    }

    @Test
    void deletingAListAndRemovingAProjectMemberAskFirst() {
        Api.Person mia = api().addMember(workspace, olga, "Mia", "member");
        String project = api().createProject(workspace, olga.token(), "Payroll", "private");
        String projectApi = base + "/projects/" + project;
        Api.expect(api().post(projectApi + "/lists", olga.token(), Map.of("name", "December")), 201);
        Api.expect(api().post(projectApi + "/members", olga.token(),
                Map.of("principalType", "user", "principalId", mia.id(), "role", "editor")), 201);
        page.navigate("/w/" + workspace + "/projects/" + project);

        open("Delete list December");
        assertThat(page.locator("#lists")).containsText("Its tasks stay in the project");
        assertThat(api().get(projectApi + "/lists", olga.token()).json().path("items")).hasSize(1);
        button("Delete list December").click();
        assertThat(page.locator("#project-lists .empty")).hasText("No list yet.");

        open("Remove Mia from the project");
        assertThat(page.locator("#members")).containsText("What its project role allowed stops at once.");
        assertThat(memberIds(projectApi)).contains(mia.id());
        button("Remove Mia from the project").click();
        assertThat(page.locator("#members")).not().containsText("Mia");
        assertThat(memberIds(projectApi)).doesNotContain(mia.id());
    }

    @Test
    void deactivatingSomeoneAsksFirstAndSaysSoWhenItIsOneself() {
        Api.Person mia = api().addMember(workspace, olga, "Mia", "member");
        page.navigate("/w/" + workspace + "/people");

        open("Deactivate Olga");
        assertThat(page.locator("tr[data-user] details.confirm[open]")).containsText("This is you.");
        page.locator("details.confirm[open] > summary").click();
        open("Deactivate Mia");
        assertThat(page.locator("tr[data-user='" + mia.id() + "']")).containsText("They lose all access");
        assertThat(api().get(base + "/users/" + mia.id(), olga.token()).get("active")).isEqualTo("true");
        button("Deactivate Mia").click();
        assertThat(page.locator("tr[data-user='" + mia.id() + "']")).containsText("deactivated");
        assertThat(api().get(base + "/users/" + mia.id(), olga.token()).get("active")).isEqualTo("false");

        button("Reactivate Mia").click();
        assertThat(page.locator("tr[data-user='" + mia.id() + "']")).not().containsText("deactivated");
    }

    @Test
    void deletingAMasterTaskAsksFirst() {
        String barista = api().createPosition(workspace, olga.token(), "Barista");
        String descale = Api.expect(api().post(base + "/master-tasks", olga.token(), Map.of("name", "Descale",
                "positionIds", List.of(barista))), 201).get("id");
        page.navigate("/w/" + workspace + "/master-tasks");

        open("Delete master task Descale");
        assertThat(page.locator("#master-tasks")).containsText("It leaves every listing");
        assertThat(api().get(base + "/master-tasks", olga.token()).ids()).containsExactly(descale);
        button("Delete master task Descale").click();
        assertThat(page.locator(".empty")).hasText("No master task yet.");
    }

    @Test
    void deletingAPositionAndRemovingItsManagersAndStaffAskFirst() {
        Api.Person mia = api().addMember(workspace, olga, "Mia", "member");
        String positions = base + "/positions";
        String barista = api().createPosition(workspace, olga.token(), "Barista");
        api().createPosition(workspace, olga.token(), "Cook");
        Api.expect(api().post(positions + "/" + barista + "/managers", olga.token(), Map.of("userId", mia.id())), 201);
        Api.expect(api().post(positions + "/" + barista + "/staff", olga.token(), Map.of("userId", mia.id())), 201);
        page.navigate("/w/" + workspace + "/positions");
        Locator row = page.locator("tr[data-position='" + barista + "']");

        open("Remove Mia as manager of Barista");
        assertThat(row.locator("td.managers")).containsText("Remove Mia as manager of Barista?");
        button("Remove Mia as manager of Barista").click();
        assertThat(row.locator("td.managers .badge")).hasCount(0);
        open("Remove Mia from the staff of Barista");
        button("Remove Mia from the staff of Barista").click();
        assertThat(row.locator("td.staff .badge")).hasCount(0);
        var position = api().get(positions + "/" + barista, olga.token()).json();
        assertThat(position.path("managerIds")).isEmpty();
        assertThat(position.path("staffIds")).isEmpty();

        open("Delete position Cook");
        assertThat(page.locator("#positions")).containsText("Refused while master tasks are for it.");
        assertThat(api().get(positions, olga.token()).json().path("items")).hasSize(2);
        button("Delete position Cook").click();
        assertThat(page.locator("#positions tbody tr")).hasCount(1);
        assertThat(api().get(positions, olga.token()).json().path("items").findValuesAsString("name"))
                .containsExactly("Barista");
    }

    /**
     * The first click of a destructive action: its confirm button is out of sight (so out of reach)
     * until then. Opening changes nothing, which the callers check through the API.
     */
    private void open(String action) {
        assertThat(button(action)).isHidden();
        page.locator("summary[aria-label='" + action + "…']").click();
        assertThat(button(action)).isVisible();
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private List<String> memberIds(String projectApi) {
        return api().get(projectApi + "/members", olga.token()).json().path("items").findValuesAsString("principalId");
    }
}
