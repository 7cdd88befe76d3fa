package io.taskgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/**
 * Names, titles and blockers are shown inside sentences (remedies, explanations, the console's
 * confirmations): one right-to-left override (U+202E) in a name would reverse the words after it.
 * They refuse the explicit bidirectional controls with a 422 naming the field, and change nothing;
 * descriptions and passwords keep them, as does right-to-left text itself.
 */
class BidiControlsTest extends HttpTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static final String OVERRIDE = "\u202E";

    @Test
    void aNameTitleOrBlockerWithABidiControlIsRefusedNamingItsField() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        String base = "/api/v1/workspaces/" + ws;

        assertRefused(api().post(base + "/projects", olga.token(), Map.of("name", "Menu" + OVERRIDE + "lanif")), "name");
        assertRefused(api().post(base + "/teams", olga.token(), Map.of("name", "Kitchen\u2067")), "name");
        assertRefused(api().post(base + "/roles", olga.token(), Map.of("name", "\u202AAuditors",
                "permissions", List.of())), "name");
        assertRefused(api().post(base + "/tasks", olga.token(), Map.of("type", "private",
                "title", "Pay " + OVERRIDE + "001$")), "title");
        assertRefused(api().post(base + "/tasks", olga.token(), Map.of("type", "private", "title", "Pay",
                "blockers", List.of("the bank", "the \u2066boss"))), "blockers[1]");
        assertRefused(api().post("/api/v1/workspaces", olga.token(), Map.of("name", OVERRIDE + "Cafe")), "name");
        assertRefused(api().post("/api/v1/auth/signup", null, Map.of("email", "eve@example.com",
                "name", "Eve" + OVERRIDE, "password", "correct horse battery")), "name");

        assertThat(api().get(base + "/projects", olga.token()).json().path("items").size()).isZero();
        assertThat(api().get(base + "/tasks", olga.token()).json().path("items").size()).isZero();
        assertThat(api().get(base + "/teams", olga.token()).json().path("items").size()).isZero();
        String project = api().createProject(ws, olga.token(), "Menu", "public");
        assertRefused(api().patch(base + "/projects/" + project, olga.token(), Map.of("name", "Menu" + OVERRIDE)),
                "name");
        assertRefused(api().post(base + "/projects/" + project + "/lists", olga.token(),
                Map.of("name", "To" + OVERRIDE + "day")), "name");
        assertThat(Api.expect(api().get(base + "/projects/" + project, olga.token()), 200).get("name"))
                .isEqualTo("Menu");
    }

    @Test
    void rightToLeftTextItsMarksDescriptionsAndPasswordsAreKept() {
        String password = "correct horse " + OVERRIDE + "battery";
        Api.Response signedUp = Api.expect(api().post("/api/v1/auth/signup", null, Map.of(
                "email", "dana-" + System.nanoTime() + "@example.com", "name", "דנה \u200FCohen", "password", password)),
                201);
        String token = api().logIn(signedUp.get("email"), password);
        String ws = api().createWorkspace(new Api.Person(signedUp.get("id"), signedUp.get("email"), "Dana", token),
                "مقهى");

        Api.Response task = Api.expect(api().post("/api/v1/workspaces/" + ws + "/tasks", token, Map.of(
                "type", "private", "title", "שלם את הספק", "description", "Quote: " + OVERRIDE + "reversed")), 201);

        assertThat(task.get("description")).isEqualTo("Quote: " + OVERRIDE + "reversed");
        assertThat(signedUp.get("name")).isEqualTo("דנה \u200FCohen");
    }

    @Test
    void aBidiControlIsNamedWithEveryOtherInvalidField() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");

        Api.Response refused = api().post("/api/v1/workspaces/" + ws + "/tasks", olga.token(), Map.of(
                "type", "private", "title", "", "blockers", List.of("x\u2066"), "status", "done"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .contains("title", "blockers[0]", "status");
        Api.Response once = api().post("/api/v1/workspaces/" + ws + "/tasks", olga.token(), Map.of(
                "type", "private", "title", "x", "assigneeId", "usr\u202E"));
        assertThat(once.json().path("errors").findValuesAsString("field")).as("read twice, named once")
                .containsExactly("assigneeId");
        String project = api().createProject(ws, olga.token(), "Menu", "public");
        Api.Response nested = api().post("/api/v1/workspaces/" + ws + "/tasks", olga.token(), Map.of(
                "type", "project", "projectId", project, "title", "",
                "lists", List.of(Map.of("id", "list_\u202Ex", "order", 1))));
        assertThat(nested.status()).isEqualTo(422);
        assertThat(nested.json().path("errors").findValuesAsString("field")).as("a list's id too, with the others")
                .contains("title", "lists[0].id");
    }

    /** Refused on the way in, but a task saved before the refusal existed is still read (not a 500). */
    @Test
    void aBlockerStoredBeforeTheRefusalIsStillRead() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        String task = Api.expect(api().post("/api/v1/workspaces/" + ws + "/tasks", olga.token(), Map.of(
                "type", "private", "title", "Pay", "blockers", List.of("the bank"))), 201).get("id");
        jdbc.sql("update task set blockers = :blockers where id = :id")
                .param("blockers", "[\"the " + OVERRIDE + "boss\"]").param("id", task).update();

        assertThat(Api.expect(api().get("/api/v1/workspaces/" + ws + "/tasks/" + task, olga.token()), 200)
                .json().path("blockers").get(0).asString()).isEqualTo("the " + OVERRIDE + "boss");
        Api.expect(api().get("/api/v1/workspaces/" + ws + "/tasks", olga.token()), 200);
        Api.expect(api().patch("/api/v1/workspaces/" + ws + "/tasks/" + task, olga.token(),
                Map.of("status", "completed")), 200);
    }

    private static void assertRefused(Api.Response response, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly(field);
        assertThat(response.text()).contains("bidirectional");
    }
}
