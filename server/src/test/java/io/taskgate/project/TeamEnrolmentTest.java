package io.taskgate.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;
import tools.jackson.databind.JsonNode;

/** "Add a team's people to a project", exactly as PRODUCT.md states it. */
class TeamEnrolmentTest extends HttpTest {

    private Api.Person owner;
    private String ws;
    private String project;
    private String team;
    private Api.Person active;
    private Api.Person guest;
    private Api.Person gone;
    private Api.Person existing;
    private Api.Client bot;

    @BeforeEach
    void teamAndProject() {
        owner = api().signUp("Olga");
        ws = api().createWorkspace(owner, "Cafe");
        active = api().addMember(ws, owner, "Ann", "member");
        guest = api().addMember(ws, owner, "Gus", "guest");
        gone = api().addMember(ws, owner, "Dan", "member");
        existing = api().addMember(ws, owner, "Eve", "member");
        bot = api().createApiClient(ws, owner.token(), "Bot", "member", "read_write");
        project = Api.expect(api().post(base() + "/projects", owner.token(),
                Map.of("name", "Menu", "visibility", "private")), 201).get("id");
        team = Api.expect(api().post(base() + "/teams", owner.token(), Map.of("name", "Kitchen")), 201).get("id");
        for (String user : new String[] {active.id(), guest.id(), gone.id(), existing.id()}) {
            Api.expect(api().post(base() + "/teams/" + team + "/members", owner.token(),
                    Map.of("principalType", "user", "principalId", user)), 201);
        }
        Api.expect(api().post(base() + "/teams/" + team + "/members", owner.token(),
                Map.of("principalType", "api_client", "principalId", bot.id())), 201);
        Api.expect(api().post(base() + "/projects/" + project + "/members", owner.token(),
                Map.of("principalType", "user", "principalId", existing.id(), "role", "guest")), 201);
        Api.expect(api().patch(base() + "/users/" + gone.id(), owner.token(), Map.of("active", false)), 200);
    }

    private String base() {
        return "/api/v1/workspaces/" + ws;
    }

    private Api.Response addTeam(boolean asEditor) {
        return api().post(base() + "/projects/" + project + "/teams/" + team + "/members", owner.token(),
                Map.of("addAsEditor", asEditor));
    }

    private static JsonNode entry(JsonNode list, String principalId) {
        for (JsonNode item : list) {
            if (item.path("principalId").asString().equals(principalId)) {
                return item;
            }
        }
        throw new AssertionError(principalId + " not in " + list);
    }

    @Test
    void addsActivePeopleAsEditorsCapsGuestsSkipsTheDeactivatedAndKeepsExistingRoles() {
        Api.Response result = addTeam(true);

        assertThat(result.status()).isEqualTo(200);
        JsonNode added = result.json().path("added");
        assertThat(added.findValuesAsString("principalId")).containsExactlyInAnyOrder(active.id(), guest.id(),
                bot.id());
        assertThat(entry(added, active.id()).path("role").asString()).isEqualTo("editor");
        assertThat(entry(added, bot.id()).path("role").asString()).isEqualTo("editor");
        assertThat(entry(added, guest.id()).path("role").asString()).isEqualTo("collaborator");
        assertThat(entry(added, guest.id()).path("reason").asString()).contains("at most collaborator");
        JsonNode unchanged = result.json().path("unchanged");
        assertThat(unchanged.findValuesAsString("principalId")).containsExactly(existing.id());
        assertThat(entry(unchanged, existing.id()).path("role").asString()).isEqualTo("guest");
        JsonNode skipped = result.json().path("skipped");
        assertThat(skipped.findValuesAsString("principalId")).containsExactly(gone.id());
        assertThat(entry(skipped, gone.id()).path("reason").asString()).isEqualTo("deactivated");

        assertThat(api().get(base() + "/projects/" + project, active.token()).get("myRole")).isEqualTo("editor");
        assertThat(api().get(base() + "/projects/" + project, guest.token()).get("myRole")).isEqualTo("collaborator");
        assertThat(api().get(base() + "/projects/" + project, existing.token()).get("myRole")).isEqualTo("guest");
        assertThat(api().get(base() + "/projects/" + project, gone.token()).status()).isEqualTo(404);

        JsonNode events = Api.expect(api().get(base() + "/audit-events?action=project.member_added", owner.token()),
                200).json().path("items");
        assertThat(events.findValuesAsString("details")).as("the trail says who was let in, and as what")
                .contains("user=" + active.id() + ",role=editor,team=" + team,
                        "user=" + guest.id() + ",role=collaborator,team=" + team,
                        "api_client=" + bot.id() + ",role=editor,team=" + team)
                .noneMatch(details -> details.contains(gone.id()) || details.contains(existing.id() + ",role=editor"));
    }

    @Test
    void withoutAddAsEditorPeopleComeInAsCollaborators() {
        Api.Response result = addTeam(false);

        assertThat(entry(result.json().path("added"), active.id()).path("role").asString()).isEqualTo("collaborator");
        assertThat(entry(result.json().path("added"), guest.id()).path("reason").isNull()
                || entry(result.json().path("added"), guest.id()).path("reason").isMissingNode()).isTrue();
    }

    @Test
    void repeatingTheCallChangesNothing() {
        addTeam(true);
        String membersBefore = api().get(base() + "/projects/" + project + "/members", owner.token()).text();

        Api.Response again = addTeam(true);

        assertThat(again.json().path("added")).isEmpty();
        assertThat(again.json().path("unchanged").findValuesAsString("principalId"))
                .containsExactlyInAnyOrder(active.id(), guest.id(), bot.id(), existing.id());
        assertThat(again.json().path("skipped").findValuesAsString("principalId")).containsExactly(gone.id());
        assertThat(api().get(base() + "/projects/" + project + "/members", owner.token()).text())
                .isEqualTo(membersBefore);
    }

    @Test
    void onlyAManagerMayAddATeamsPeople() {
        Api.Response byNonManager = api().post(base() + "/projects/" + project + "/teams/" + team + "/members",
                existing.token(), Map.of("addAsEditor", true));

        assertThat(byNonManager.status()).isEqualTo(403);
        assertThat(byNonManager.get("requiredPermission")).isEqualTo("project role manager");
        assertThat(api().post(base() + "/projects/" + project + "/teams/team_nope/members", owner.token(),
                Map.of("addAsEditor", true)).status()).isEqualTo(404);
    }
}
