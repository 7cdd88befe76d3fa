package io.taskgate.console;

import static io.taskgate.testing.ConsoleHttp.csrf;
import static io.taskgate.testing.ConsoleHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;

/**
 * A refusal about positions names them — and the master tasks it concerns — by name, where the
 * API names them by id: Mia manages the baristas only, and Olga's master task is for the cooks.
 */
class PositionRefusalNamesTest extends ConsoleSessions {

    private Api.Person olga;
    private String ws;
    private String barista;
    private String cook;
    private String flour;

    @BeforeEach
    void cafeWhereMiaManagesTheBaristas() {
        olga = api().signUp("Olga");
        ws = api().createWorkspace(olga, "Cafe");
        barista = api().createPosition(ws, olga.token(), "Barista");
        cook = api().createPosition(ws, olga.token(), "Cook");
        flour = Api.expect(api().post(base() + "/master-tasks", olga.token(),
                Map.of("name", "Order flour", "positionIds", List.of(cook))), 201).get("id");
    }

    @Test
    void aMasterTaskForAPositionNotManagedIsRefusedNamingThePositionInTheSentenceAndTheRemedies() {
        Api.Person mia = api().addMember(ws, olga, "Mia", "member");
        Api.expect(api().post(base() + "/positions/" + barista + "/managers", olga.token(),
                Map.of("userId", mia.id())), 201);
        String session = loggedIn(mia);
        String csrf = csrf(send("GET", "/workspaces", session, null));
        Api.Response api = api().post(base() + "/master-tasks", mia.token(), Map.of("name", "Clean the kitchen",
                "positionIds", List.of(barista, cook)));

        HttpResponse<String> created = send("POST", "/w/" + ws + "/master-tasks", session, form("_csrf", csrf,
                "name", "Clean the kitchen", "positionIds", barista, "positionIds", cook));
        HttpResponse<String> deleted = send("POST", "/w/" + ws + "/master-tasks/" + flour + "/delete", session,
                form("_csrf", csrf, "version", "1"));

        assertThat(api.status()).isEqualTo(403);
        assertThat(api.text()).as("the API names the position by id, for clients").contains(cook);
        assertThat(created.statusCode()).isEqualTo(403);
        String alert = shown(created.body());
        assertThat(alert).contains("neither manages nor holds shift.edit on position “Cook”")
                .contains("manager of position “Cook”").doesNotContain(cook);
        assertThat(deleted.statusCode()).isEqualTo(403);
        assertThat(shown(deleted.body())).contains("Deleting a master task").contains("position “Cook”")
                .doesNotContain(cook);
        assertThat(api().get(base() + "/master-tasks/" + flour, olga.token()).json().path("deletedAt").isNull())
                .isTrue();
    }

    @Test
    void aPositionStillUsedIsRefusedNamingItsMasterTasks() {
        String session = loggedIn(olga);

        HttpResponse<String> refused = send("POST", "/w/" + ws + "/positions/" + cook + "/delete", session,
                form("_csrf", csrf(send("GET", "/workspaces", session, null)), "version", "1"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(shown(refused.body())).contains("Master tasks are for this position (“Order flour”)")
                .doesNotContain(flour);
        assertThat(api().get(base() + "/positions/" + cook, olga.token()).status()).isEqualTo(200);
    }

    @Test
    void theAccessExplorerSaysPositionsByName() {
        Api.Person mia = api().addMember(ws, olga, "Mia", "member");
        String session = loggedIn(olga);

        String page = send("GET", "/w/" + ws + "/access?principal=" + encode("user:" + mia.id())
                + "&action=master_task.create&resource=" + encode("position:" + cook), session, null).body();

        assertThat(shown(page)).contains("Denied").contains("position “Cook”").contains("a manager of position “Cook”")
                .doesNotContain(cook);
    }

    /** What a person reads on the page: its text without the tags (nor the ids forms carry in them). */
    private static String shown(String page) {
        return page.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]*>", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String base() {
        return "/api/v1/workspaces/" + ws;
    }
}
