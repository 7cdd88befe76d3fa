package io.taskgate.console;

import static io.taskgate.testing.ConsoleHttp.csrf;
import static io.taskgate.testing.ConsoleHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;

/**
 * An invitation from the people page carries the custom roles ticked, as the API's {@code
 * customRoleIds} does — and only those the inviter may give, by the API's own rule.
 */
class InvitationCustomRolesTest extends ConsoleSessions {

    @Test
    void anInvitationGivesTheCustomRolesTickedAndRefusesOneTheInviterMayNotGive() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        String shiftLead = api().createRole(ws, olga.token(), "Shift lead", "teams.manage");
        String auditor = api().createRole(ws, olga.token(), "Auditor", "tasks.edit_all");
        Api.Person hana = api().addMemberHolding(ws, olga, "Hana", "members.manage", "teams.manage");
        Api.Person pia = api().signUp("Pia");
        Api.Person tom = api().signUp("Tom");
        String session = loggedIn(hana);
        String csrf = csrf(send("GET", "/workspaces", session, null));

        String people = send("GET", "/w/" + ws + "/people", session, null).body();
        HttpResponse<String> invited = send("POST", "/w/" + ws + "/people", session, form("_csrf", csrf,
                "email", pia.email(), "role", "member", "customRoleIds", shiftLead));
        HttpResponse<String> refused = send("POST", "/w/" + ws + "/people", session, form("_csrf", csrf,
                "email", tom.email(), "role", "member", "customRoleIds", auditor));
        Api.Response api = api().post("/api/v1/workspaces/" + ws + "/users", hana.token(), Map.of(
                "email", tom.email(), "role", "member", "customRoleIds", List.of(auditor)));

        String invite = people.substring(people.indexOf("<h2>Invite someone</h2>"));
        assertThat(invite).as("offered: what Hana holds").contains("value=\"" + shiftLead + "\"")
                .doesNotContain("value=\"" + auditor + "\"");
        assertThat(invited.statusCode()).isEqualTo(302);
        assertThat(Api.expect(api().get("/api/v1/workspaces/" + ws + "/users/" + pia.id(), olga.token()), 200)
                .json().path("customRoleIds").toString()).isEqualTo("[\"" + shiftLead + "\"]");
        assertThat(refused.statusCode()).as("as the API answers").isEqualTo(api.status());
        assertThat(refused.body()).contains("class=\"alert\"").contains("value=\"" + tom.email() + "\"");
        assertThat(api().get("/api/v1/workspaces/" + ws + "/users/" + tom.id(), olga.token()).status())
                .isEqualTo(404);
    }
}
