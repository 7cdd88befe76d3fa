package io.taskgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/**
 * The collections a workspace holds few of (a project's lists, a client's keys, a position's
 * managers and staff, a project's member candidates) page with limit and cursor like every other.
 */
class SmallCollectionsPaginateTest extends HttpTest {

    @Test
    void everyCollectionPagesWithLimitAndCursorAndRefusesBadOnes() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        String base = "/api/v1/workspaces/" + ws;
        String project = Api.expect(api().post(base + "/projects", olga.token(), Map.of("name", "Menu")), 201)
                .get("id");
        String position = Api.expect(api().post(base + "/positions", olga.token(), Map.of("name", "Barista")), 201)
                .get("id");
        Api.Client client = api().createApiClient(ws, olga.token(), "Zapier", "member", "read_write");
        for (int i = 0; i < 3; i++) {
            Api.expect(api().post(base + "/projects/" + project + "/lists", olga.token(), Map.of("name", "L" + i)),
                    201);
            Api.expect(api().post(base + "/api-clients/" + client.id() + "/keys", olga.token(),
                    Map.of("name", "k" + i)), 201);
            Api.Person person = api().addMember(ws, olga, "P" + i, "member");
            Api.expect(api().post(base + "/positions/" + position + "/managers", olga.token(),
                    Map.of("userId", person.id())), 201);
            Api.expect(api().post(base + "/positions/" + position + "/staff", olga.token(),
                    Map.of("userId", person.id())), 201);
        }

        for (String collection : List.of("/projects/" + project + "/lists", "/api-clients/" + client.id() + "/keys",
                "/positions/" + position + "/managers", "/positions/" + position + "/staff",
                "/projects/" + project + "/member-candidates")) {
            String path = base + collection;
            int total = api().get(path, olga.token()).json().path("items").size();
            assertThat(total).as(path).isGreaterThanOrEqualTo(3);

            List<String> walked = new ArrayList<>();
            String cursor = null;
            do {
                Api.Response page = Api.expect(api().get(path + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                        olga.token()), 200);
                assertThat(page.json().path("items").size()).as(path).isLessThanOrEqualTo(2);
                page.json().path("items").forEach(item -> walked.add(item.toString()));
                cursor = page.json().path("nextCursor").isNull() ? null : page.get("nextCursor");
            } while (cursor != null);
            assertThat(walked).as(path + ": every item once").hasSize(total).doesNotHaveDuplicates();

            assertThat(api().get(path + "?limit=201", olga.token()).status()).as(path).isEqualTo(422);
            assertThat(api().get(path + "?limit=0", olga.token()).status()).as(path).isEqualTo(422);
            for (String notDecimal : new String[] {"0x10", "%234", "1e2", "٣"}) {
                Api.Response refused = api().get(path + "?limit=" + notDecimal, olga.token());
                assertThat(refused.status()).as(path + " limit=" + notDecimal).isEqualTo(422);
                assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("limit");
            }
            assertThat(api().get(path + "?cursor=garbage", olga.token()).status()).as(path).isEqualTo(422);
        }
    }

    @Test
    void aCursorServesOnlyTheCollectionThatIssuedIt() {
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        String base = "/api/v1/workspaces/" + ws;
        String project = api().createProject(ws, olga.token(), "Menu", "public");
        api().createProject(ws, olga.token(), "Bar", "public");
        for (int i = 0; i < 2; i++) {
            Api.expect(api().post(base + "/tasks", olga.token(), Map.of("type", "private", "title", "T" + i)), 201);
        }
        String taskCursor = Api.expect(api().get(base + "/tasks?limit=1", olga.token()), 200).get("nextCursor");
        String projectCursor = Api.expect(api().get(base + "/projects?limit=1", olga.token()), 200).get("nextCursor");

        assertThat(api().get(base + "/tasks?limit=1&cursor=" + taskCursor, olga.token()).status()).isEqualTo(200);
        Api.Response refused = api().get(base + "/tasks?cursor=" + projectCursor, olga.token());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("cursor");
        for (String collection : List.of("/projects", "/me/projects", "/teams", "/api-clients", "/users", "/roles",
                "/positions", "/master-tasks", "/audit-events", "/projects/" + project + "/members")) {
            Api.Response foreign = api().get(base + collection + "?cursor=" + taskCursor, olga.token());
            assertThat(foreign.status()).as(collection + " with a cursor of /tasks").isEqualTo(422);
            assertThat(foreign.json().path("errors").findValuesAsString("field")).as(collection)
                    .containsExactly("cursor");
        }
        assertThat(api().get("/api/v1/workspaces?cursor=" + taskCursor, olga.token()).status()).isEqualTo(422);
        for (int i = 0; i < 2; i++) {
            Api.expect(api().post(base + "/projects/" + project + "/lists", olga.token(), Map.of("name", "L" + i)), 201);
        }
        String listCursor = Api.expect(api().get(base + "/projects/" + project + "/lists?limit=1", olga.token()), 200)
                .get("nextCursor");
        assertThat(api().get(base + "/projects/" + project + "/member-candidates?cursor=" + listCursor, olga.token())
                .status()).as("sorted by a key, a list's place is no candidate's").isEqualTo(422);

        // The same kind of collection elsewhere: projects and mine, another project's lists, another workspace's.
        String other = api().createProject(ws, olga.token(), "Bar again", "public");
        assertThat(api().get(base + "/me/projects?cursor=" + projectCursor, olga.token()).status()).isEqualTo(422);
        assertThat(api().get(base + "/projects/" + other + "/lists?cursor=" + listCursor, olga.token()).status())
                .isEqualTo(422);
        String elsewhere = api().createWorkspace(olga, "Elsewhere");
        assertThat(api().get("/api/v1/workspaces/" + elsewhere + "/projects?cursor=" + projectCursor, olga.token())
                .status()).isEqualTo(422);
    }
}
