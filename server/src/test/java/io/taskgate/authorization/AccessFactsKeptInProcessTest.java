package io.taskgate.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/**
 * Each process keeps principals' facts while their workspace's access version stands still.
 * Every access write moves it once per transaction, work on tasks does not, and a write that
 * forgot to move it cannot hide: the suite checks every kept fact against the database.
 */
class AccessFactsKeptInProcessTest extends HttpTest {

    @Autowired
    JdbcClient jdbc;

    /** A workspace with a member API client, and where the client reads its own permissions. */
    private record WithBot(Api.Person owner, String ws, Api.Client bot, String permissions) {
    }

    private WithBot workspaceWithBot() {
        Api.Person owner = api().signUp("Olga");
        String ws = api().createWorkspace(owner, "Cafe");
        Api.Client bot = api().createApiClient(ws, owner.token(), "Bot", "member", "read_write");
        return new WithBot(owner, ws, bot, "/api/v1/workspaces/" + ws + "/me/permissions");
    }

    @Test
    void aChangeOfRoleIsSeenByTheVeryNextRequest() {
        WithBot cafe = workspaceWithBot();
        Api.Person owner = cafe.owner();
        String ws = cafe.ws();
        Api.Client bot = cafe.bot();
        String permissions = cafe.permissions();
        assertThat(Api.expect(api().get(permissions, bot.secret()), 200).text()).doesNotContain("members.manage");
        assertThat(Api.expect(api().get(permissions, bot.secret()), 200).text()).doesNotContain("members.manage");

        Api.expect(api().patch("/api/v1/workspaces/" + ws + "/api-clients/" + bot.id(), owner.token(),
                Map.of("role", "admin")), 200);

        assertThat(Api.expect(api().get(permissions, bot.secret()), 200).text()).contains("members.manage");
    }

    @Test
    void accessWritesMoveTheVersionOncePerTransactionAndWorkOnTasksDoesNot() {
        Api.Person owner = api().signUp("Olga");
        String ws = api().createWorkspace(owner, "Cafe");
        Api.Person rita = api().addMember(ws, owner, "Rita", "member");
        Api.Person dan = api().addMember(ws, owner, "Dan", "member");
        String team = Api.expect(api().post("/api/v1/workspaces/" + ws + "/teams", owner.token(),
                Map.of("name", "Kitchen")), 201).get("id");
        for (Api.Person person : new Api.Person[] {rita, dan}) {
            Api.expect(api().post("/api/v1/workspaces/" + ws + "/teams/" + team + "/members", owner.token(),
                    Map.of("principalType", "user", "principalId", person.id())), 201);
        }
        String project = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects", owner.token(),
                Map.of("name", "Menu", "visibility", "private")), 201).get("id");

        long before = accessVersion(ws);
        Api.expect(api().post("/api/v1/workspaces/" + ws + "/tasks", owner.token(),
                Map.of("projectId", project, "title", "Price the soups")), 201);
        assertThat(accessVersion(ws)).as("a task is not an access fact").isEqualTo(before);

        // One request, one transaction, a store write per member (Rita, Dan, the team): the version moves once.
        Api.expect(api().request("PUT", "/api/v1/workspaces/" + ws + "/projects/" + project + "/members")
                .token(owner.token()).json(Map.of("members", java.util.List.of(
                        Map.of("principalType", "user", "principalId", owner.id(), "role", "manager"),
                        Map.of("principalType", "user", "principalId", rita.id(), "role", "editor"),
                        Map.of("principalType", "user", "principalId", dan.id(), "role", "editor"),
                        Map.of("principalType", "team", "principalId", team, "role", "guest")))).send(), 200);
        assertThat(accessVersion(ws)).isEqualTo(before + 1);
        Api.expect(api().get("/api/v1/workspaces/" + ws + "/projects/" + project, rita.token()), 200);
    }

    @Test
    void aWriteThatDoesNotMoveTheVersionIsCaughtByTheSuite() {
        WithBot cafe = workspaceWithBot();
        String ws = cafe.ws();
        Api.Client bot = cafe.bot();
        String permissions = cafe.permissions();
        Api.expect(api().get(permissions, bot.secret()), 200);

        // What a store that forgot AccessFactChanges would do: change a fact, leave the version.
        jdbc.sql("update api_client set role = 'admin' where workspace_id = :ws and id = :id")
                .param("ws", ws).param("id", bot.id()).update();

        assertThat(api().get(permissions, bot.secret()).status()).isEqualTo(500);
    }

    private long accessVersion(String ws) {
        return jdbc.sql("select access_version from workspace where workspace_id = :ws").param("ws", ws)
                .query(Long.class).single();
    }
}
