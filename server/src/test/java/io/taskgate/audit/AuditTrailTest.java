package io.taskgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;
import tools.jackson.databind.JsonNode;

class AuditTrailTest extends HttpTest {

    @Test
    void everyChangeIsAnAuditEventNamingActorKeyAndIntegration() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Client zapier = api().createApiClient(cafe, olga.token(), "Zapier", "admin", "global");
        Api.Person bob = api().signUp("Bob");

        Api.Response added = api().request("POST", "/api/v1/workspaces/" + cafe + "/users").token(zapier.secret())
                .header("X-Integration-Name", "zapier-hr-sync").json(Map.of("email", bob.email(), "role", "member"))
                .send();
        assertThat(added.status()).isEqualTo(201);

        Api.Response events = api().get("/api/v1/workspaces/" + cafe + "/audit-events", olga.token());
        assertThat(events.status()).isEqualTo(200);
        JsonNode newest = events.json().path("items").get(0);
        assertThat(newest.path("action").asString()).isEqualTo("member.added");
        assertThat(newest.path("actorType").asString()).isEqualTo("api_client");
        assertThat(newest.path("actorId").asString()).isEqualTo(zapier.id());
        assertThat(newest.path("apiKeyId").asString()).isEqualTo(zapier.keyId());
        assertThat(newest.path("integrationName").asString()).isEqualTo("zapier-hr-sync");
        assertThat(newest.path("targetId").asString()).isEqualTo(bob.id());
        assertThat(newest.path("occurredAt").asString()).endsWith("Z");
        assertThat(events.json().path("items").findValuesAsString("action"))
                .containsExactly("member.added", "api_key.created", "api_client.created", "workspace.created");
    }

    /** Header bytes arrive read as ISO-8859-1: a name sent in UTF-8 is recorded as it was written. */
    @Test
    void anIntegrationNameInUtf8IsRecordedAsWrittenAndOneWithABidiControlIsRefused() throws Exception {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        String tasks = "/api/v1/workspaces/" + cafe + "/tasks";

        assertThat(postWithIntegrationName(tasks, olga.token(), "Zapier Köln ☕")).isEqualTo(201);
        assertThat(postWithIntegrationName(tasks, olga.token(), "Zap\u202Eier")).isEqualTo(422);
        assertThat(postWithIntegrationName(tasks, "tgs_unknown", "Zap\u202Eier")).as("credentials are judged first")
                .isEqualTo(401);

        String cutAtAnEmoji = "x".repeat(199) + "\uD83D\uDE00" + "tail";
        assertThat(postWithIntegrationName(tasks, olga.token(), cutAtAnEmoji)).as("cut before the emoji, not through it")
                .isEqualTo(201);
        assertThat(postWithIntegrationName(tasks, olga.token(), "\u3000")).as("blank once read as UTF-8").isEqualTo(201);

        Api.Response events = api().get("/api/v1/workspaces/" + cafe + "/audit-events?action=task.created",
                olga.token());
        List<String> recorded = new java.util.ArrayList<>();
        events.json().path("items").forEach(event -> recorded.add(event.path("integrationName").isNull() ? null
                : event.path("integrationName").asString()));
        assertThat(recorded).containsExactly(null, "x".repeat(199), "Zapier Köln ☕");
    }

    /** The status of a POST whose X-Integration-Name is sent as UTF-8 bytes, which Java's HTTP client cannot send. */
    private int postWithIntegrationName(String path, String token, String integrationName) throws Exception {
        byte[] body = "{\"type\":\"private\",\"title\":\"Sync\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var socket = new java.net.Socket("localhost", port)) {
            var out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\nX-Integration-Name: ").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(integrationName.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write("\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void auditEventsFilterByIntegrationAndPaginate() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        for (int i = 0; i < 3; i++) {
            api().request("POST", "/api/v1/workspaces/" + cafe + "/api-clients").token(olga.token())
                    .header("X-Integration-Name", "terraform")
                    .json(Map.of("name", "bot" + i, "role", "member", "accessLevel", "read")).send();
        }
        String path = "/api/v1/workspaces/" + cafe + "/audit-events?integrationName=terraform&limit=2";

        Api.Response first = api().get(path, olga.token());
        Api.Response second = api().get(path + "&cursor=" + first.get("nextCursor"), olga.token());

        assertThat(first.json().path("items")).hasSize(2);
        assertThat(second.json().path("items")).hasSize(1);
        assertThat(second.json().path("nextCursor").isNull()).isTrue();
        Api.Response empty = api().get("/api/v1/workspaces/" + cafe + "/audit-events?actorId=&action=",
                olga.token());
        assertThat(empty.status()).as("an empty filter is a client's bug, not 'nothing'").isEqualTo(422);
        assertThat(empty.json().path("errors").findValuesAsString("field")).containsExactly("actorId", "action");
    }

    @Test
    void readingTheAuditLogNeedsAuditRead() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Person bob = api().addMember(cafe, olga, "Bob", "member");

        Api.Response response = api().get("/api/v1/workspaces/" + cafe + "/audit-events", bob.token());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.get("requiredPermission")).isEqualTo("audit.read");
    }

    @Test
    void aRefusedRequestWritesNoEvent() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        api().post("/api/v1/workspaces/" + cafe + "/api-clients", olga.token(),
                Map.of("name", "bad", "role", "member", "accessLevel", "nope"));

        Api.Response events = api().get("/api/v1/workspaces/" + cafe + "/audit-events", olga.token());

        assertThat(events.json().path("items").findValuesAsString("action")).containsExactly("workspace.created");
    }

    @Test
    void holdingAuditReadDoesNotRevealPrivateProjectsOrWhatIsInThem() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        String secret = api().createProject(cafe, olga.token(), "Acquisition", "private");
        String open = api().createProject(cafe, olga.token(), "Menu", "public");
        for (String project : new String[] {secret, open}) {
            String list = Api.expect(api().post("/api/v1/workspaces/" + cafe + "/projects/" + project + "/lists",
                    olga.token(), Map.of("name", "Todo")), 201).get("id");
            Api.expect(api().post("/api/v1/workspaces/" + cafe + "/tasks", olga.token(), Map.of("type", "project",
                    "projectId", project, "title", "Call", "lists", java.util.List.of(Map.of("id", list)))), 201);
        }
        Api.Person auditor = api().addMemberHolding(cafe, olga, "Audra", "audit.read");
        Api.Client siem = api().createApiClient(cafe, olga.token(), "SIEM", "admin", "read");
        // Both are members of a third project: being a member somewhere must not open the others.
        String kitchen = api().createProject(cafe, olga.token(), "Kitchen", "private");
        for (Object[] member : new Object[][] {{"user", auditor.id()}, {"api_client", siem.id()}}) {
            Api.expect(api().post("/api/v1/workspaces/" + cafe + "/projects/" + kitchen + "/members", olga.token(),
                    Map.of("principalType", member[0], "principalId", member[1], "role", "guest")), 201);
        }

        JsonNode seenByAuditor = api().get("/api/v1/workspaces/" + cafe + "/audit-events?limit=100",
                auditor.token()).json().path("items");
        JsonNode seenBySiem = api().get("/api/v1/workspaces/" + cafe + "/audit-events?limit=100",
                siem.secret()).json().path("items");
        JsonNode seenByOwner = api().get("/api/v1/workspaces/" + cafe + "/audit-events?limit=100",
                olga.token()).json().path("items");

        // The owner reads every project: project, list and task of both are there.
        assertThat(projectsOf(seenByOwner)).contains(secret, open, kitchen).filteredOn(secret::equals).hasSize(3);
        // A member holding audit.read reads the public project and their own, not the private one.
        assertThat(projectsOf(seenByAuditor)).containsOnly(open, kitchen).filteredOn(open::equals).hasSize(3);
        assertThat(seenByAuditor.toString()).doesNotContain(secret);
        // A read client reaches only projects it is a member of.
        assertThat(projectsOf(seenBySiem)).containsOnly(kitchen);
        assertThat(seenBySiem.toString()).doesNotContain(secret).doesNotContain(open);
        assertThat(seenBySiem.findValuesAsString("action")).contains("workspace.created", "api_client.created");

        // Made a member, the client reads the private project's trail, and can ask for it alone.
        Api.expect(api().post("/api/v1/workspaces/" + cafe + "/projects/" + secret + "/members", olga.token(),
                Map.of("principalType", "api_client", "principalId", siem.id(), "role", "guest")), 201);
        Api.Response ofSecret = api().get("/api/v1/workspaces/" + cafe + "/audit-events?projectId=" + secret,
                siem.secret());
        assertThat(ofSecret.json().path("items").findValuesAsString("action"))
                .containsExactly("project.member_added", "task.created", "list.created", "project.created");
    }

    @Test
    void aPrivateTasksEventsAreItsCreatorsAlone() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Person bob = api().addMember(cafe, olga, "Bob", "admin");
        String tasks = "/api/v1/workspaces/" + cafe + "/tasks";
        String diary = Api.expect(api().post(tasks, bob.token(), Map.of("type", "private", "title", "Diary")), 201)
                .get("id");
        Api.expect(api().patch(tasks + "/" + diary, bob.token(), Map.of("status", "completed")), 200);

        String trail = "/api/v1/workspaces/" + cafe + "/audit-events?limit=100";
        assertThat(api().get(trail, olga.token()).text()).as("the owner reads the trail, not Bob's private task")
                .doesNotContain(diary);
        assertThat(api().get(trail, bob.token()).json().path("items").findValuesAsString("targetId"))
                .filteredOn(diary::equals).hasSize(2);
    }

    /** The projects the events are about, one per event that is about one. */
    private static java.util.List<String> projectsOf(JsonNode events) {
        return events.findValuesAsString("projectId").stream().filter(id -> !id.isEmpty()).toList();
    }
}
