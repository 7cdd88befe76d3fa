package io.taskgate.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;
import tools.jackson.databind.JsonNode;

class TeamsTest extends HttpTest {

    @Autowired
    private JdbcClient jdbc;

    private Api.Person owner;
    private String workspace;

    @BeforeEach
    void workspace() {
        owner = api().signUp("Olga");
        workspace = api().createWorkspace(owner, "Cafe");
    }

    private String teams() {
        return "/api/v1/workspaces/" + workspace + "/teams";
    }

    private String createTeam(String name) {
        return Api.expect(api().post(teams(), owner.token(), Map.of("name", name)), 201).get("id");
    }

    private Api.Response addMember(String team, String type, String id) {
        return api().post(teams() + "/" + team + "/members", owner.token(),
                Map.of("principalType", type, "principalId", id));
    }

    @Test
    void teamsManageAloneDoesNotLetItsHolderJoinATeamThatHoldsAProjectTheyCannotManage() {
        Api.Person tess = api().addMemberHolding(workspace, owner, "Tess", "teams.manage");
        String payroll = api().createProject(workspace, owner.token(), "Payroll", "private");
        String menu = api().createProject(workspace, owner.token(), "Menu", "public");
        String finance = createTeam("Finance");
        String kitchen = createTeam("Kitchen");
        String floor = createTeam("Floor");
        Api.expect(api().post("/api/v1/workspaces/" + workspace + "/projects/" + payroll + "/members", owner.token(),
                Map.of("principalType", "team", "principalId", finance, "role", "manager")), 201);
        Api.expect(api().post("/api/v1/workspaces/" + workspace + "/projects/" + menu + "/members", owner.token(),
                Map.of("principalType", "team", "principalId", kitchen, "role", "editor")), 201);
        Map<String, Object> herself = Map.of("principalType", "user", "principalId", tess.id());

        Api.Response intoPayroll = api().post(teams() + "/" + finance + "/members", tess.token(), herself);
        Api.Response intoMenu = api().post(teams() + "/" + kitchen + "/members", tess.token(), herself);
        Api.Response intoNoProject = api().post(teams() + "/" + floor + "/members", tess.token(), herself);

        assertThat(intoPayroll.status()).isEqualTo(403);
        assertThat(intoPayroll.text()).as("a private project she cannot see is not named")
                .doesNotContain("Payroll").doesNotContain(payroll);
        assertThat(intoPayroll.get("requiredPermission")).isEqualTo("project role manager in that project");
        assertThat(intoPayroll.json().path("remedies").findValuesAsString("permission"))
                .as("what would let her, named without the project").containsExactly("projects.manage_all");
        assertThat(intoMenu.status()).isEqualTo(403);
        assertThat(intoMenu.get("requiredPermission")).isEqualTo("project role manager");
        assertThat(intoNoProject.status()).isEqualTo(201);
        assertThat(api().get("/api/v1/workspaces/" + workspace + "/projects/" + payroll, tess.token()).status())
                .isEqualTo(404);
        assertThat(addMember(finance, "user", tess.id()).status()).as("the owner may").isEqualTo(201);
    }

    @Test
    void aTeamIsCreatedEmpty() {
        Api.Response created = api().post(teams(), owner.token(), Map.of("name", "Kitchen"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("id")).startsWith("team_");
        assertThat(created.get("name")).isEqualTo("Kitchen");
        assertThat(created.json().path("memberCount").asInt()).isZero();
        assertThat(created.get("createdAt")).endsWith("Z");
        assertThat(api().get(teams() + "/" + created.get("id"), owner.token()).text()).isEqualTo(created.text());
        assertThat(api().post(teams(), owner.token(), Map.of("name", " ")).status()).isEqualTo(422);
    }

    @Test
    void peopleAndApiClientsAreMembersAlike() {
        String kitchen = createTeam("Kitchen");
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        Api.Client bot = api().createApiClient(workspace, owner.token(), "Ordering bot", "member", "read_write");

        Api.Response person = addMember(kitchen, "user", mia.id());
        Api.Response machine = addMember(kitchen, "api_client", bot.id());

        assertThat(person.status()).isEqualTo(201);
        assertThat(person.get("principalType")).isEqualTo("user");
        assertThat(person.get("principalId")).isEqualTo(mia.id());
        assertThat(person.get("name")).isEqualTo("Mia");
        assertThat(person.get("active")).isEqualTo("true");
        assertThat(person.get("addedAt")).endsWith("Z");
        assertThat(machine.status()).isEqualTo(201);
        assertThat(machine.get("name")).isEqualTo("Ordering bot");
        JsonNode members = api().get(teams() + "/" + kitchen + "/members", mia.token()).json().path("items");
        assertThat(members.findValuesAsString("principalId")).containsExactlyInAnyOrder(mia.id(), bot.id());
        assertThat(members.findValuesAsString("name")).containsExactlyInAnyOrder("Mia", "Ordering bot");
        assertThat(api().get(teams() + "/" + kitchen, owner.token()).json().path("memberCount").asInt()).isEqualTo(2);
    }

    @Test
    void teamMembershipShowsInMyPermissions() {
        String kitchen = createTeam("Kitchen");
        Api.Client bot = api().createApiClient(workspace, owner.token(), "Ordering bot", "member", "read_write");
        addMember(kitchen, "api_client", bot.id());

        Api.Response mine = api().get("/api/v1/workspaces/" + workspace + "/me/permissions", bot.secret());

        assertThat(mine.json().path("teamIds").valueStream().map(JsonNode::asString)).containsExactly(kitchen);
    }

    @Test
    void addingSomeoneTwiceConflicts() {
        String kitchen = createTeam("Kitchen");
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        addMember(kitchen, "user", mia.id());

        Api.Response again = addMember(kitchen, "user", mia.id());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("code")).isEqualTo("already_member");
        assertThat(again.get("detail")).isEqualTo("Mia (" + mia.id() + ") is already a member of team Kitchen");
    }

    @Test
    void anUnknownPrincipalTypeIs422() {
        String kitchen = createTeam("Kitchen");

        Api.Response response = addMember(kitchen, "team", kitchen);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("principalType");
    }

    @Test
    void aPrincipalOutsideTheWorkspaceIs404NamingPrincipalId() {
        String kitchen = createTeam("Kitchen");
        Api.Person stranger = api().signUp("Stranger");
        Api.Person mallory = api().signUp("Mallory");
        String other = api().createWorkspace(mallory, "Other");
        Api.Client theirBot = api().createApiClient(other, mallory.token(), "Their bot", "member", "global");
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");

        for (Api.Response response : new Api.Response[] {
                addMember(kitchen, "user", stranger.id()),
                addMember(kitchen, "user", mallory.id()),
                addMember(kitchen, "api_client", theirBot.id()),
                addMember(kitchen, "api_client", mia.id())}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.get("field")).isEqualTo("principalId");
        }
        assertThat(api().get(teams() + "/" + kitchen + "/members", owner.token()).json().path("items")).isEmpty();
    }

    @Test
    void aDeactivatedPersonStaysListedAsInactive() {
        String kitchen = createTeam("Kitchen");
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        addMember(kitchen, "user", mia.id());

        api().patch("/api/v1/workspaces/" + workspace + "/users/" + mia.id(), owner.token(), Map.of("active", false));

        JsonNode member = api().get(teams() + "/" + kitchen + "/members", owner.token()).json().path("items").get(0);
        assertThat(member.path("principalId").asString()).isEqualTo(mia.id());
        assertThat(member.path("active").asBoolean()).isFalse();
    }

    @Test
    void aMemberIsRemovedByPrincipalId() {
        String kitchen = createTeam("Kitchen");
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        addMember(kitchen, "user", mia.id());

        Api.Response removed = api().delete(teams() + "/" + kitchen + "/members/" + mia.id(), owner.token());

        assertThat(removed.status()).isEqualTo(204);
        assertThat(api().get(teams() + "/" + kitchen + "/members", owner.token()).json().path("items")).isEmpty();
        assertThat(api().delete(teams() + "/" + kitchen + "/members/" + mia.id(), owner.token()).status())
                .isEqualTo(404);
    }

    @Test
    void anyMemberReadsTeamsButChangingThemNeedsTeamsManage() {
        String kitchen = createTeam("Kitchen");
        Api.Person bob = api().addMember(workspace, owner, "Bob", "member");

        assertThat(api().get(teams(), bob.token()).json().path("items").findValuesAsString("id"))
                .containsExactly(kitchen);
        assertThat(api().get(teams() + "/" + kitchen + "/members", bob.token()).status()).isEqualTo(200);
        for (Api.Response refused : new Api.Response[] {
                api().post(teams(), bob.token(), Map.of("name", "Mine")),
                api().patch(teams() + "/" + kitchen, bob.token(), Map.of("name", "Mine")),
                api().delete(teams() + "/" + kitchen, bob.token()),
                api().post(teams() + "/" + kitchen + "/members", bob.token(),
                        Map.of("principalType", "user", "principalId", bob.id())),
                api().delete(teams() + "/" + kitchen + "/members/" + bob.id(), bob.token())}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.get("requiredPermission")).isEqualTo("teams.manage");
        }
    }

    @Test
    void aReadLevelApiClientReadsTeamsButChangesNothingWhateverItsRole() {
        String kitchen = createTeam("Kitchen");
        Api.Client reporter = api().createApiClient(workspace, owner.token(), "Reporter", "admin", "read");

        assertThat(api().get(teams() + "/" + kitchen + "/members", reporter.secret()).status()).isEqualTo(200);
        Api.Response refused = api().post(teams(), reporter.secret(), Map.of("name", "Bots"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.get("requiredPermission")).isEqualTo("access level read_write");
        assertThat(api().get(teams(), owner.token()).json().path("items")).hasSize(1);
    }

    @Test
    void aTeamIsRenamed() {
        String kitchen = createTeam("Kitchen");

        Api.Response renamed = api().patch(teams() + "/" + kitchen, owner.token(), Map.of("name", "Back of house"));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.get("name")).isEqualTo("Back of house");
        assertThat(api().get(teams() + "/" + kitchen, owner.token()).get("name")).isEqualTo("Back of house");
    }

    @Test
    void deletingATeamEndsItsMembershipsOfTeamAndProjects() {
        String kitchen = createTeam("Kitchen");
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        addMember(kitchen, "user", mia.id());
        String projects = "/api/v1/workspaces/" + workspace + "/projects";
        String recipes = Api.expect(api().post(projects, owner.token(),
                Map.of("name", "Recipes", "visibility", "private")), 201).get("id");
        Api.expect(api().post(projects + "/" + recipes + "/members", owner.token(),
                Map.of("principalType", "team", "principalId", kitchen, "role", "editor")), 201);
        assertThat(api().get(projects + "/" + recipes, mia.token()).status()).isEqualTo(200);

        Api.Response deleted = api().delete(teams() + "/" + kitchen, owner.token());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api().get(teams() + "/" + kitchen, owner.token()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/workspaces/" + workspace + "/me/permissions", mia.token())
                .json().path("teamIds")).isEmpty();
        assertThat(api().get(projects + "/" + recipes + "/members", owner.token()).json().path("items")
                .findValuesAsString("principalId")).doesNotContain(kitchen);
        assertThat(api().get(projects + "/" + recipes, mia.token()).status()).isEqualTo(404);
        // The API hides a membership whose team is gone, so only the table shows none was left behind.
        assertThat(jdbc.sql("select count(*) from project_member where workspace_id = :ws and principal_id = :team")
                .param("ws", workspace).param("team", kitchen).query(Integer.class).single()).isZero();
    }

    @Test
    void teamsManageAloneTakesNobodyOutOfAProjectTheyCannotManageNorDeletesATeamThatHoldsOne() {
        Api.Person tess = api().addMemberHolding(workspace, owner, "Tess", "teams.manage");
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        String payroll = api().createProject(workspace, owner.token(), "Payroll", "private");
        String finance = createTeam("Finance");
        String floor = createTeam("Floor");
        addMember(finance, "user", mia.id());
        addMember(floor, "user", mia.id());
        Api.expect(api().post("/api/v1/workspaces/" + workspace + "/projects/" + payroll + "/members", owner.token(),
                Map.of("principalType", "team", "principalId", finance, "role", "editor")), 201);

        Api.Response removed = api().delete(teams() + "/" + finance + "/members/" + mia.id(), tess.token());
        Api.Response deleted = api().delete(teams() + "/" + finance, tess.token());

        for (Api.Response refused : new Api.Response[] {removed, deleted}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text()).doesNotContain("Payroll").doesNotContain(payroll);
            assertThat(refused.json().path("remedies").findValuesAsString("permission"))
                    .containsExactly("projects.manage_all");
        }
        assertThat(api().get("/api/v1/workspaces/" + workspace + "/projects/" + payroll, mia.token()).status())
                .as("Mia keeps her access").isEqualTo(200);
        assertThat(api().delete(teams() + "/" + floor + "/members/" + mia.id(), tess.token()).status())
                .as("a team in no project is hers to change").isEqualTo(204);
    }

    @Test
    void aTeamThatIsAProjectsLastManagerIsNotDeleted() {
        String finance = createTeam("Finance");
        String payroll = api().createProject(workspace, owner.token(), "Payroll", "private");
        String members = "/api/v1/workspaces/" + workspace + "/projects/" + payroll + "/members";
        Api.expect(api().post(members, owner.token(),
                Map.of("principalType", "team", "principalId", finance, "role", "manager")), 201);
        Api.expect(api().delete(members + "/" + owner.id(), owner.token()), 204);

        Api.Response deleted = api().delete(teams() + "/" + finance, owner.token());

        assertThat(deleted.status()).isEqualTo(409);
        assertThat(deleted.get("code")).isEqualTo("last_manager");
        assertThat(deleted.json().path("projectIds").toString()).contains(payroll);
        assertThat(api().get(teams() + "/" + finance, owner.token()).status()).isEqualTo(200);
    }

    @Test
    void teamsAndTheirMembersArePaginatedWithACursor() {
        String kitchen = createTeam("Kitchen");
        createTeam("Bar");
        createTeam("Floor");
        for (int i = 0; i < 3; i++) {
            addMember(kitchen, "user", api().addMember(workspace, owner, "Cook " + i, "member").id());
        }

        Api.Response first = api().get(teams() + "?limit=2", owner.token());
        Api.Response second = api().get(teams() + "?limit=2&cursor=" + first.get("nextCursor"), owner.token());
        String members = teams() + "/" + kitchen + "/members?limit=2";
        Api.Response firstMembers = api().get(members, owner.token());
        Api.Response moreMembers = api().get(members + "&cursor=" + firstMembers.get("nextCursor"), owner.token());

        assertThat(first.json().path("items")).hasSize(2);
        assertThat(second.json().path("items")).hasSize(1);
        assertThat(second.json().path("nextCursor").isNull()).isTrue();
        assertThat(firstMembers.json().path("items")).hasSize(2);
        assertThat(moreMembers.json().path("items")).hasSize(1);
        assertThat(moreMembers.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void everyChangeIsAnAuditEvent() {
        String kitchen = createTeam("Kitchen");
        Api.Client bot = api().createApiClient(workspace, owner.token(), "Ordering bot", "member", "read_write");
        addMember(kitchen, "api_client", bot.id());
        api().delete(teams() + "/" + kitchen + "/members/" + bot.id(), owner.token());
        api().patch(teams() + "/" + kitchen, owner.token(), Map.of("name", "Back of house"));
        api().delete(teams() + "/" + kitchen, owner.token());

        Api.Response events = api().get("/api/v1/workspaces/" + workspace + "/audit-events?limit=4", owner.token());

        assertThat(events.json().path("items").findValuesAsString("action")).containsExactly("team.deleted",
                "team.updated", "team.member_removed", "team.member_added");
        assertThat(events.json().path("items").findValuesAsString("targetId")).containsOnly(kitchen);
        assertThat(events.json().path("items").get(3).path("details").asString()).contains(bot.id());
    }

    @Test
    void anotherWorkspaceSeesNoneOfItsTeams() {
        String kitchen = createTeam("Secret kitchen");
        Api.Person mia = api().addMember(workspace, owner, "Mia Secretname", "member");
        addMember(kitchen, "user", mia.id());
        Api.Person mallory = api().signUp("Mallory");
        String other = api().createWorkspace(mallory, "Other");
        String path = teams() + "/" + kitchen;

        for (Api.Response response : new Api.Response[] {
                api().get(teams(), mallory.token()),
                api().get(path, mallory.token()),
                api().get(path + "/members", mallory.token()),
                api().post(teams(), mallory.token(), Map.of("name", "Mine")),
                api().patch(path, mallory.token(), Map.of("name", "Mine")),
                api().post(path + "/members", mallory.token(),
                        Map.of("principalType", "user", "principalId", mallory.id())),
                api().delete(path + "/members/" + mia.id(), mallory.token()),
                api().delete(path, mallory.token())}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.text()).doesNotContain("Secret kitchen").doesNotContain("Secretname");
        }
        Api.Client theirBot = api().createApiClient(other, mallory.token(), "Their bot", "owner", "global");
        assertThat(api().get(path + "/members", theirBot.secret()).status()).isEqualTo(404);
        assertThat(api().get(path + "/members", theirBot.secret()).text()).doesNotContain("Secretname");
        String theirs = "/api/v1/workspaces/" + other + "/teams/" + kitchen;
        assertThat(api().get(theirs, mallory.token()).status()).isEqualTo(404);
        assertThat(api().get(theirs + "/members", mallory.token()).status()).isEqualTo(404);
        assertThat(api().delete(theirs, mallory.token()).status()).isEqualTo(404);
        assertThat(api().get(path + "/members", owner.token()).json().path("items")).hasSize(1);
    }

    @Test
    void addingOrRemovingAMemberGivesTheTeamANewVersionForItCountsThem() {
        String kitchen = createTeam("Kitchen");
        Api.Person bob = api().addMember(workspace, owner, "Bob", "member");
        Api.Response before = api().get(teams() + "/" + kitchen, owner.token());

        Api.expect(addMember(kitchen, "user", bob.id()), 201);
        Api.Response afterAdding = api().get(teams() + "/" + kitchen, owner.token());
        Api.expect(api().delete(teams() + "/" + kitchen + "/members/" + bob.id(), owner.token()), 204);
        Api.Response afterRemoving = api().get(teams() + "/" + kitchen, owner.token());
        Api.Response staleRename = api().request("PATCH", teams() + "/" + kitchen).token(owner.token())
                .header("If-Match", before.header("etag")).json(Map.of("name", "Bar")).send();

        assertThat(before.header("etag")).isEqualTo("\"1\"");
        assertThat(afterAdding.header("etag")).isEqualTo("\"2\"");
        assertThat(afterAdding.json().path("memberCount").asInt()).isEqualTo(1);
        assertThat(afterRemoving.header("etag")).isEqualTo("\"3\"");
        assertThat(staleRename.status()).isEqualTo(412);
    }
}
