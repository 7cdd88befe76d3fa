package io.taskgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

class ProblemDetailsTest extends HttpTest {

    private Api.Person olga;

    @BeforeEach
    void signUp() {
        olga = api().signUp("Olga");
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.get("code")).isEqualTo(code);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.get("title")).isNotEmpty();
        assertThat(response.get("type")).as("every problem names its type, Spring's own included").isNotEmpty();
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at io.taskgate")
                .doesNotContain("tools.jackson").doesNotContain("java.lang");
    }

    @Test
    void malformedJsonIs400() {
        Api.Response response = api().request("POST", "/api/v1/workspaces").token(olga.token())
                .raw("{\"name\": ", "application/json").send();

        assertProblem(response, 400, "malformed_json");
    }

    @Test
    void aWrongJsonTypeIs400NamingTheField() {
        Api.Response response = api().request("POST", "/api/v1/workspaces").token(olga.token())
                .raw("{\"name\": 42}", "application/json").send();

        assertProblem(response, 400, "wrong_json_type");
        assertThat(response.get("detail")).contains("name");
    }

    @Test
    void aMissingRequiredFieldIs422() {
        Api.Response response = api().request("POST", "/api/v1/workspaces").token(olga.token())
                .raw("{}", "application/json").send();

        assertProblem(response, 422, "validation_failed");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(response.json().path("errors").get(0).path("message").asString()).isNotEmpty();
    }

    @Test
    void oneAnswerNamesEveryInvalidFieldAMissingOneAndOneOutOfItsVocabularyAlike() {
        String ws = api().createWorkspace(olga, "Cafe");

        Api.Response client = api().post("/api/v1/workspaces/" + ws + "/api-clients", olga.token(),
                java.util.Map.of("name", "Zap", "accessLevel", "admin"));
        Api.Response project = api().post("/api/v1/workspaces/" + ws + "/projects", olga.token(),
                java.util.Map.of("name", "", "visibility", "secret"));
        Api.Response member = api().patch("/api/v1/workspaces/" + ws + "/users/" + olga.id(), olga.token(),
                java.util.Map.of("role", "boss"));

        assertProblem(client, 422, "validation_failed");
        assertThat(client.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("role", "accessLevel");
        assertThat(client.json().path("errors").findValuesAsString("message"))
                .contains("must be one of read, read_write, global");
        assertProblem(project, 422, "validation_failed");
        assertThat(project.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "visibility");
        String bot = Api.expect(api().post("/api/v1/workspaces/" + ws + "/api-clients", olga.token(),
                java.util.Map.of("name", "Bot", "role", "member", "accessLevel", "read")), 201).get("id");
        Api.Response blanks = api().patch("/api/v1/workspaces/" + ws + "/api-clients/" + bot, olga.token(),
                java.util.Map.of("name", "", "role", "", "accessLevel", " "));
        assertProblem(blanks, 422, "validation_failed");
        assertThat(blanks.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "role", "accessLevel");
        assertProblem(member, 422, "validation_failed");
        assertThat(member.json().path("errors").findValuesAsString("field")).containsExactly("role");
        assertThat(api().get("/api/v1/workspaces/" + ws + "/api-clients", olga.token()).json().path("items")
                .findValuesAsString("name")).as("the refused client was not created").containsExactly("Bot");
    }

    @Test
    void anUnknownRouteIs404() {
        assertProblem(api().get("/api/v1/nothing-here", olga.token()), 404, "not_found");
    }

    @Test
    void aWrongMethodIs405() {
        assertProblem(api().delete("/api/v1/me", olga.token()), 405, "method_not_allowed");
    }

    @Test
    void aTraceTheServerRefusesBeforeTheApplicationIsAProblemToo() {
        Api.Response trace = api().request("TRACE", "/api/v1/me").token(olga.token()).send();

        assertProblem(trace, 405, "method_not_allowed");
        assertThat(trace.header("allow")).contains("GET").doesNotContain("TRACE");
    }

    @Test
    void aBrowsersCrossOriginPreflightIsRefusedPlainly() {
        Api.Response preflight = api().request("OPTIONS", "/api/v1/me").header("Origin", "https://x.example")
                .header("Access-Control-Request-Method", "POST").send();

        assertProblem(preflight, 403, "cross_origin_refused");
        assertThat(preflight.header("access-control-allow-origin")).isNull();
    }

    @Test
    void aMultipartBodyIsOneMoreTypeThatIsNotJson() {
        for (String type : new String[] {"multipart/form-data", "multipart/mixed; boundary=b"}) {
            Api.Response response = api().request("POST", "/api/v1/workspaces").token(olga.token())
                    .raw("--b\r\n\r\n--b--", type).send();

            assertProblem(response, 415, "unsupported_media_type");
        }
        assertThat(api().get("/api/v1/workspaces", olga.token()).json().path("items")).isEmpty();
    }

    @Test
    void aKeyGivenTwiceIs400() {
        Api.Response response = api().request("POST", "/api/v1/workspaces").token(olga.token())
                .raw("{\"name\":\"Cafe\",\"name\":\"Bar\"}", "application/json").send();
        assertProblem(response, 400, "malformed_json");
    }

    @Test
    void aBodyPastOneMegabyteIs413WhetherItsLengthIsDeclaredOrNotAndChangesNothing() {
        String large = "{\"name\": \"" + "a".repeat(1_100_000) + "\"}";
        Api.Response declared = api().request("POST", "/api/v1/workspaces").token(olga.token())
                .raw(large, "application/json").send();
        Api.Response streamed = api().request("POST", "/api/v1/workspaces").token(olga.token())
                .chunked(large, "application/json").send();
        Api.Response form = api().request("POST", "/api/v1/workspaces").token(olga.token())
                .raw("x=" + "a".repeat(3_000_000), "application/x-www-form-urlencoded").send();

        Api.Response streamedForRetries = api().request("POST", "/api/v1/workspaces").token(olga.token())
                .header("Idempotency-Key", "big-1").chunked(large, "application/json").send();

        assertProblem(declared, 413, "payload_too_large");
        assertProblem(streamed, 413, "payload_too_large");
        assertProblem(form, 413, "payload_too_large");
        assertProblem(streamedForRetries, 413, "payload_too_large");
        // Another spelling of the same path reaches the API too, so it is limited alike.
        String answer = rawExchange("POST /%61pi/v1/workspaces HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + olga.token() + "\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"payload_too_large\"");
        assertThat(api().get("/api/v1/workspaces", olga.token()).ids()).isEmpty();
        assertThat(Api.expect(api().request("POST", "/api/v1/workspaces").token(olga.token())
                .chunked("{\"name\": \"Cafe\"}", "application/json").send(), 201).get("name")).isEqualTo("Cafe");
    }

    @Test
    void yamlIsNeitherReadNorWrittenThoughALibraryForItIsPresent() {
        Api.Response body = api().request("POST", "/api/v1/workspaces").token(olga.token())
                .raw("name: Cafe\n", "application/yaml").send();
        Api.Response answer = api().request("GET", "/api/v1/me").token(olga.token())
                .header("Accept", "application/yaml").send();

        assertProblem(body, 415, "unsupported_media_type");
        assertProblem(answer, 406, "not_acceptable");
        assertThat(api().get("/api/v1/workspaces", olga.token()).ids()).isEmpty();
    }

    @Test
    void anAnswerTheClientWillNotAcceptIsRefusedBeforeAnythingChanges() {
        String cafe = api().createWorkspace(olga, "Cafe");
        String tasks = "/api/v1/workspaces/" + cafe + "/tasks";
        for (String accept : new String[] {"application/yaml", "text/csv", "application/json;q=0",
                "*/*, application/json;q=0, application/problem+json;q=0"}) {
            Api.Response created = api().request("POST", tasks).token(olga.token()).header("Accept", accept)
                    .json(java.util.Map.of("type", "private", "title", "Order oat milk")).send();

            assertThat(created.status()).as(accept).isEqualTo(406);
            assertThat(created.get("code")).isEqualTo("not_acceptable");
        }
        assertThat(api().get(tasks, olga.token()).ids()).as("no task was created").isEmpty();
        for (String accept : new String[] {"*/*", "application/*", "application/json", "application/*+json",
                "text/html, */*;q=0.1"}) {
            assertThat(api().request("GET", "/api/v1/me").token(olga.token()).header("Accept", accept).send()
                    .status()).as(accept).isEqualTo(200);
        }
    }

    @Test
    void aSuccessIsNeverLabelledAProblemWhateverTheAcceptHeaderPrefers() {
        Api.Response me = api().request("GET", "/api/v1/me").token(olga.token())
                .header("Accept", "application/problem+json, application/json;q=0.5").send();

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("content-type")).startsWith("application/json");
    }

    @Test
    void aUrlTheServletContainerRefusesIsStillAProblemNotAnHtmlPage() {
        for (String path : new String[] {"/api/v1/workspaces/%00", "/api/v1/workspaces/..%2f..%2fme"}) {
            assertProblem(api().request("GET", path).token(olga.token()).send(), 400, "malformed_request");
        }
        // java.net.URI refuses to send a malformed escape, so this one goes over a plain socket.
        String answer = rawExchange("GET /api/v1/workspaces?cursor=%ZZ HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + olga.token() + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"code\":\"malformed_query\"");
    }

    private String rawExchange(String request) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aJsonBodyIsReadAsJsonWhateverItIsLabelledLikeCurlDashDSendsIt() {
        String json = "{\"name\": \"Cafe\"}";
        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain; charset=utf-8"}) {
            Api.Response created = api().request("POST", "/api/v1/workspaces").token(olga.token())
                    .raw("\n  " + json, type).send();
            assertThat(created.status()).as(type).isEqualTo(201);
            assertThat(created.get("name")).isEqualTo("Cafe");
        }
        Api.Response unlabelled = api().request("POST", "/api/v1/workspaces").token(olga.token())
                .unlabelled(json).send();
        assertThat(unlabelled.status()).isEqualTo(201);
        Api.Response login = api().request("POST", "/api/v1/auth/login")
                .raw("{\"email\": \"" + olga.email() + "\", \"password\": \"correct horse battery\"}",
                        "application/x-www-form-urlencoded").send();
        assertThat(login.status()).isEqualTo(200);
        assertProblem(api().request("POST", "/api/v1/workspaces").token(olga.token())
                .raw("{\"name\": ", "application/x-www-form-urlencoded").send(), 400, "malformed_json");
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        Api.Response response = api().request("POST", "/api/v1/workspaces").token(olga.token())
                .raw("name=Cafe", "text/plain").send();

        assertProblem(response, 415, "unsupported_media_type");
        assertThat(response.get("detail")).contains("application/json");
    }

    @Test
    void everyAnswerCarriesARequestId() {
        assertThat(api().get("/api/v1/me", olga.token()).header("x-request-id")).isNotEmpty();
    }

    @Test
    void healthAndApiDocsAreServed() {
        assertThat(api().request("GET", "/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(api().request("GET", "/actuator/health/readiness").send().status()).isEqualTo(200);
        assertThat(api().request("GET", "/actuator/prometheus").send().text()).contains("jvm_memory");
        Api.Response docs = api().request("GET", "/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.text()).contains("/api/v1/workspaces/{workspaceId}/api-clients");
        assertThat(docs.text()).as("the caller comes from the Authorization header")
                .doesNotContain("\"name\":\"caller\"");
        assertThat(api().request("GET", "/swagger-ui/index.html").send().status()).isEqualTo(200);
    }

    /** A client generated from the document must get the statuses and shapes the API answers. */
    @Test
    void theApiDocumentSaysWhatTheApiAnswers() {
        var docs = Api.expect(api().request("GET", "/v3/api-docs").send(), 200).json();
        var paths = docs.path("paths");
        var addMember = paths.path("/api/v1/workspaces/{workspaceId}/projects/{projectId}/members").path("post");

        assertThat(addMember.path("requestBody").toString()).contains("AddProjectMember");
        assertThat(addMember.path("responses").path("201").toString()).contains("#/components/schemas/ProjectMember");
        assertThat(docs.path("components").path("schemas").path("ProjectMember").path("properties").has("roleOptions"))
                .as("the project member, not a workspace user of the same simple name").isTrue();
        assertThat(paths.path("/api/v1/workspaces/{workspaceId}/tasks").path("post").path("responses").has("201"))
                .isTrue();
        assertThat(paths.path("/api/v1/workspaces/{workspaceId}/tasks/{taskId}").path("delete").path("responses")
                .has("204")).isTrue();
        var patchTask = paths.path("/api/v1/workspaces/{workspaceId}/tasks/{taskId}").path("patch").path("responses");
        for (String status : java.util.List.of("401", "403", "404", "412", "422", "429")) {
            assertThat(patchTask.path(status).path("content").has("application/problem+json"))
                    .as("PATCH of a task documents " + status).isTrue();
        }
        var createTask = paths.path("/api/v1/workspaces/{workspaceId}/tasks").path("post").path("requestBody");
        assertThat(createTask.toString()).as("a task's fields, though the handler reads JSON itself")
                .contains("#/components/schemas/TaskInput");
        var taskInput = docs.path("components").path("schemas").path("TaskInput").path("properties");
        assertThat(taskInput.path("title").path("maxLength").asInt()).isEqualTo(500);
        assertThat(taskInput.path("blockers").path("maxItems").asInt()).isEqualTo(20);
        assertThat(docs.path("components").path("schemas").has("MasterTaskInput")).isTrue();
        assertThat(docs.path("components").path("schemas").has("ListInput")).isTrue();
        assertThat(paths.path("/api/v1/auth/login").path("post").path("responses").has("401"))
                .as("logging in asks no credentials").isFalse();
        assertThat(paths.has("/error")).as("the container's error path is no operation").isFalse();
        assertThat(docs.path("components").path("schemas").path("Me").path("properties").has("accessLevel"))
                .as("GET /me says its fields").isTrue();
        var putMembers = paths.path("/api/v1/workspaces/{workspaceId}/projects/{projectId}/members").path("put");
        assertThat(putMembers.path("responses").path("201").toString()).contains("#/components/schemas/ProjectMember");
        assertThat(putMembers.path("requestBody").toString()).contains("AddProjectMember")
                .contains("ProjectMembershipReplacement");
    }
}
