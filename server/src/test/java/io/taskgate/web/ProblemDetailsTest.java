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
    void aKeyGivenTwiceIs400() {
        Api.Response response = api().request("POST", "/api/v1/workspaces").token(olga.token())
                .raw("{\"name\":\"Cafe\",\"name\":\"Bar\"}", "application/json").send();
        assertProblem(response, 400, "malformed_json");
    }

    @Test
    void aLargeFormEncodedBodyIs415NotAFailure() {
        String large = "x=" + "a".repeat(3_000_000);
        Api.Response response = api().request("POST", "/api/v1/workspaces").token(olga.token())
                .raw(large, "application/x-www-form-urlencoded").send();
        assertProblem(response, 415, "unsupported_media_type");
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
}
