package io.taskgate.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/**
 * Walks every endpoint of a workspace with outsiders — a person of another workspace, a person
 * in no workspace, an API client of another workspace, a revoked key and an expired key — and
 * asserts 404 (or 401 for dead keys) with nothing of the workspace in the answer, and nothing changed.
 */
class TenantIsolationTest extends HttpTest {

    private record Endpoint(String method, String path, Object body) {
    }

    @Test
    void aCheckIsAboutThisWorkspaceOnlyNeverOneItNames() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        String rivals = api().createWorkspace(api().signUp("Rival"), "Rivals");
        String check = "/api/v1/workspaces/" + cafe + "/authz/check";

        for (String other : new String[] {rivals, "ws_does_not_exist"}) {
            Api.Response answer = api().post(check, olga.token(), Map.of("action", "workspace.manage",
                    "resource", Map.of("type", "workspace", "id", other)));
            assertThat(answer.status()).as(other).isEqualTo(404);
            assertThat(answer.get("field")).isEqualTo("resource.id");
        }
        assertThat(Api.expect(api().post(check, olga.token(), Map.of("action", "workspace.manage",
                "resource", Map.of("type", "workspace", "id", cafe))), 200).json().path("allowed").asBoolean())
                .isTrue();
    }

    @Test
    void noOutsiderReachesAnythingOfAWorkspace() {
        Api.Person owner = api().signUp("Olga Secretowner");
        String ws = api().createWorkspace(owner, "Secret Cafe");
        String base = "/api/v1/workspaces/" + ws;
        Api.Person member = api().addMember(ws, owner, "Mia Secretmember", "member");
        String project = Api.expect(api().post(base + "/projects", owner.token(),
                Map.of("name", "Secret Payroll", "visibility", "private")), 201).get("id");
        String list = Api.expect(api().post(base + "/projects/" + project + "/lists", owner.token(),
                Map.of("name", "Secret list")), 201).get("id");
        String task = Api.expect(api().post(base + "/tasks", owner.token(), Map.of("type", "project",
                "projectId", project, "title", "Secret task")), 201).get("id");
        String team = Api.expect(api().post(base + "/teams", owner.token(), Map.of("name", "Secret team")), 201)
                .get("id");
        String position = Api.expect(api().post(base + "/positions", owner.token(),
                Map.of("name", "Secret barista")), 201).get("id");
        String role = Api.expect(api().post(base + "/roles", owner.token(),
                Map.of("name", "Secret role", "permissions", List.of("audit.read"))), 201).get("id");
        String masterTask = Api.expect(api().post(base + "/master-tasks", owner.token(),
                Map.of("name", "Secret template", "positionIds", List.of(position))), 201).get("id");
        Api.Client client = api().createApiClient(ws, owner.token(), "Secret bot", "owner", "global");
        Api.Client revoked = api().createApiClient(ws, owner.token(), "Revoked bot", "owner", "global");
        api().delete(base + "/api-clients/" + revoked.id() + "/keys/" + revoked.keyId(), owner.token());
        String expiring = Api.expect(api().post(base + "/api-clients/" + client.id() + "/keys", owner.token(),
                Map.of("expiresAt", Instant.now().plus(Duration.ofMinutes(30)).toString())), 201).get("secret");

        Map<String, Object> anyTask = Map.of("title", "Intruder");
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "", null),
                new Endpoint("GET", "/users", null),
                new Endpoint("POST", "/users", Map.of("email", "x@example.com", "role", "owner")),
                new Endpoint("GET", "/users/" + member.id(), null),
                new Endpoint("PATCH", "/users/" + member.id(), Map.of("active", false)),
                new Endpoint("GET", "/roles", null),
                new Endpoint("POST", "/roles", Map.of("name", "x", "permissions", List.of())),
                new Endpoint("GET", "/roles/" + role, null),
                new Endpoint("PATCH", "/roles/" + role, Map.of("name", "x")),
                new Endpoint("DELETE", "/roles/" + role, null),
                new Endpoint("GET", "/api-clients", null),
                new Endpoint("POST", "/api-clients", Map.of("name", "x", "role", "owner", "accessLevel", "global")),
                new Endpoint("GET", "/api-clients/" + client.id(), null),
                new Endpoint("PATCH", "/api-clients/" + client.id(), Map.of("active", false)),
                new Endpoint("GET", "/api-clients/" + client.id() + "/keys", null),
                new Endpoint("POST", "/api-clients/" + client.id() + "/keys", Map.of()),
                new Endpoint("DELETE", "/api-clients/" + client.id() + "/keys/" + client.keyId(), null),
                new Endpoint("GET", "/teams", null),
                new Endpoint("POST", "/teams", Map.of("name", "x")),
                new Endpoint("GET", "/teams/" + team, null),
                new Endpoint("PATCH", "/teams/" + team, Map.of("name", "x")),
                new Endpoint("GET", "/teams/" + team + "/members", null),
                new Endpoint("POST", "/teams/" + team + "/members", Map.of("principalType", "user",
                        "principalId", member.id())),
                new Endpoint("DELETE", "/teams/" + team + "/members/" + member.id(), null),
                new Endpoint("GET", "/positions", null),
                new Endpoint("POST", "/positions", Map.of("name", "x")),
                new Endpoint("GET", "/positions/" + position, null),
                new Endpoint("PATCH", "/positions/" + position, Map.of("name", "x")),
                new Endpoint("GET", "/positions/" + position + "/managers", null),
                new Endpoint("GET", "/positions/" + position + "/staff", null),
                new Endpoint("POST", "/positions/" + position + "/managers", Map.of("userId", member.id())),
                new Endpoint("DELETE", "/positions/" + position + "/managers/" + member.id(), null),
                new Endpoint("POST", "/positions/" + position + "/staff", Map.of("userId", member.id())),
                new Endpoint("DELETE", "/positions/" + position + "/staff/" + member.id(), null),
                new Endpoint("GET", "/projects", null),
                new Endpoint("POST", "/projects", Map.of("name", "x")),
                new Endpoint("GET", "/projects/" + project, null),
                new Endpoint("PATCH", "/projects/" + project, Map.of("name", "x")),
                new Endpoint("GET", "/projects/" + project + "/members", null),
                new Endpoint("GET", "/projects/" + project + "/members/" + owner.id(), null),
                new Endpoint("POST", "/projects/" + project + "/members", Map.of("principalType", "user",
                        "principalId", member.id(), "role", "manager")),
                new Endpoint("PUT", "/projects/" + project + "/members", List.of()),
                new Endpoint("PATCH", "/projects/" + project + "/members/" + owner.id(), Map.of("role", "guest")),
                new Endpoint("DELETE", "/projects/" + project + "/members/" + owner.id(), null),
                new Endpoint("GET", "/projects/" + project + "/member-candidates", null),
                new Endpoint("POST", "/projects/" + project + "/teams/" + team + "/members",
                        Map.of("addAsEditor", true)),
                new Endpoint("GET", "/projects/" + project + "/lists", null),
                new Endpoint("POST", "/projects/" + project + "/lists", Map.of("name", "x")),
                new Endpoint("GET", "/projects/" + project + "/lists/" + list, null),
                new Endpoint("PATCH", "/projects/" + project + "/lists/" + list, Map.of("name", "x")),
                new Endpoint("DELETE", "/projects/" + project + "/lists/" + list, null),
                new Endpoint("GET", "/tasks", null),
                new Endpoint("POST", "/tasks", anyTask),
                new Endpoint("GET", "/tasks/" + task, null),
                new Endpoint("PATCH", "/tasks/" + task, Map.of("title", "x")),
                new Endpoint("DELETE", "/tasks/" + task, null),
                new Endpoint("POST", "/staff/tasks", Map.of("assigneeId", member.id(), "title", "x")),
                new Endpoint("GET", "/master-tasks", null),
                new Endpoint("POST", "/master-tasks", Map.of("name", "x", "positionIds", List.of(position))),
                new Endpoint("GET", "/master-tasks/" + masterTask, null),
                new Endpoint("PATCH", "/master-tasks/" + masterTask, Map.of("name", "x")),
                new Endpoint("DELETE", "/master-tasks/" + masterTask, null),
                new Endpoint("POST", "/authz/check", Map.of("action", "project.read",
                        "resource", Map.of("type", "project", "id", project))),
                new Endpoint("GET", "/audit-events", null),
                new Endpoint("GET", "/me/permissions", null),
                new Endpoint("GET", "/me/projects", null),
                new Endpoint("DELETE", "/teams/" + team, null),
                new Endpoint("DELETE", "/positions/" + position, null),
                new Endpoint("DELETE", "/projects/" + project, null));

        Api.Person stranger = api().signUp("Stranger");
        Api.Person rival = api().signUp("Rival");
        String rivalWorkspace = api().createWorkspace(rival, "Rival");
        Api.Client rivalClient = api().createApiClient(rivalWorkspace, rival.token(), "Rival bot", "owner", "global");
        clock.advance(Duration.ofHours(1));
        Api.Person deactivated = api().addMember(ws, owner, "Dee Formermember", "member");
        Api.expect(api().patch(base + "/users/" + deactivated.id(), owner.token(), Map.of("active", false)), 200);
        Map<String, String> outsiders = Map.of("person of another workspace", rival.token(),
                "person in no workspace", stranger.token(), "API client of another workspace", rivalClient.secret(),
                "deactivated member", deactivated.token());
        Map<String, String> deadKeys = Map.of("revoked key", revoked.secret(), "expired key", expiring);

        int walked = 0;
        for (Endpoint endpoint : endpoints) {
            for (var outsider : outsiders.entrySet()) {
                Api.Response response = call(endpoint, base, outsider.getValue());
                assertThat(response.status()).as(outsider.getKey() + " " + endpoint).isEqualTo(404);
                assertNothingLeaks(response, endpoint);
                walked++;
            }
            for (var dead : deadKeys.entrySet()) {
                Api.Response response = call(endpoint, base, dead.getValue());
                assertThat(response.status()).as(dead.getKey() + " " + endpoint).isEqualTo(401);
                assertNothingLeaks(response, endpoint);
                walked++;
            }
            if (endpoint.body() != null) {
                for (var outsider : outsiders.entrySet()) {
                    for (String body : BODIES_A_MEMBER_WOULD_BE_REFUSED) {
                        Api.Response response = api().request(endpoint.method(), base + endpoint.path())
                                .token(outsider.getValue()).raw(body, "application/json").send();
                        assertThat(response.status()).as(outsider.getKey() + " " + endpoint + " with " + body)
                                .isEqualTo(404);
                        assertNothingLeaks(response, endpoint);
                    }
                }
            }
        }
        clock.reset();

        assertThat(walked).isEqualTo(endpoints.size() * 6);
        assertThat(api().get(base + "/projects/" + project, owner.token()).get("name")).isEqualTo("Secret Payroll");
        assertThat(api().get(base + "/tasks/" + task, owner.token()).get("title")).isEqualTo("Secret task");
        assertThat(api().get(base + "/users/" + member.id(), owner.token()).get("active")).isEqualTo("true");
        assertThat(api().get(base + "/teams/" + team, owner.token()).get("name")).isEqualTo("Secret team");
        assertThat(api().get(base + "/master-tasks", owner.token()).ids()).containsExactly(masterTask);
        assertThat(api().get(base + "/audit-events?limit=200", owner.token()).json().path("items")
                .findValuesAsString("actorId")).containsOnly(owner.id());
    }

    /**
     * Unparseable, mistyped and invalid bodies: a member would get 400 or 422, which would tell an
     * outsider that the workspace exists. The workspace is checked first.
     */
    private static final List<String> BODIES_A_MEMBER_WOULD_BE_REFUSED = List.of(
            "{\"name\": ", "[]", "{\"name\": 5, \"title\": 5}", "{\"name\": \"\", \"title\": \"\"}");

    private Api.Response call(Endpoint endpoint, String base, String token) {
        Api.Request request = api().request(endpoint.method(), base + endpoint.path()).token(token);
        if (endpoint.body() != null) {
            request.json(endpoint.body());
        }
        return request.send();
    }

    private static void assertNothingLeaks(Api.Response response, Endpoint endpoint) {
        assertThat(response.header("content-type")).as(endpoint.toString()).startsWith("application/problem+json");
        assertThat(response.text()).as(endpoint.toString())
                .doesNotContain("Secret")
                .doesNotContain("Olga")
                .doesNotContain("Mia")
                .doesNotContain("@example.com");
    }
}
