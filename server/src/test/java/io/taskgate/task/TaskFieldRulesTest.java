package io.taskgate.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/** Every field rule of PRODUCT.md at and past its bound; a refused request changes nothing. */
class TaskFieldRulesTest extends HttpTest {

    private Api.Person olga;
    private String ws;
    private String project;

    @BeforeEach
    void workspace() {
        olga = api().signUp("Olga");
        ws = api().createWorkspace(olga, "Cafe");
        project = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects", olga.token(),
                Map.of("name", "Menu", "visibility", "private")), 201).get("id");
    }

    private Api.Response create(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("type", "project", "projectId", project, "title", "Soup"));
        body.putAll(fields);
        return api().post("/api/v1/workspaces/" + ws + "/tasks", olga.token(), body);
    }

    private void assertRefused(Api.Response response, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.get("code")).isEqualTo("validation_failed");
        assertThat(response.json().path("errors").findValuesAsString("field")).contains(field);
        assertThat(taskCount()).as("a refused request creates nothing").isZero();
    }

    private int taskCount() {
        return api().get("/api/v1/workspaces/" + ws + "/tasks", olga.token()).json().path("items").size();
    }

    @Test
    void defaultsAreFilledIn() {
        Api.Response created = create(Map.of());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("id")).startsWith("task_");
        assertThat(created.get("status")).isEqualTo("pending");
        assertThat(created.get("priority")).isEqualTo("medium");
        assertThat(created.get("description")).isEmpty();
        assertThat(created.json().path("blockers")).isEmpty();
        assertThat(created.json().path("dueAt").isNull()).isTrue();
        assertThat(created.get("createdBy")).isEqualTo(olga.id());
        assertThat(created.header("etag")).isEqualTo("\"1\"");
        assertThat(created.header("location")).endsWith("/tasks/" + created.get("id"));
    }

    @Test
    void aTitleOf500CharactersIsAcceptedAnd501Refused() {
        assertThat(create(Map.of("title", "t".repeat(500))).status()).isEqualTo(201);
        api().delete("/api/v1/workspaces/" + ws + "/tasks/" + api().get("/api/v1/workspaces/" + ws + "/tasks",
                olga.token()).json().path("items").get(0).path("id").asString(), olga.token());
        assertRefused(create(Map.of("title", "t".repeat(501))), "title");
        assertRefused(create(Map.of("title", "")), "title");
        assertRefused(create(Map.of("title", "   ")), "title");
    }

    @Test
    void aTitleIsCountedInCharactersNotUtf16Units() {
        assertThat(create(Map.of("title", "🍲".repeat(500))).status()).isEqualTo(201);
    }

    @Test
    void aMissingTitleIs422() {
        Api.Response response = api().post("/api/v1/workspaces/" + ws + "/tasks", olga.token(),
                Map.of("type", "project", "projectId", project));
        assertRefused(response, "title");
    }

    @Test
    void aMissingRequiredFieldIsNamedBesideEveryOtherInvalidOne() {
        String tasks = "/api/v1/workspaces/" + ws + "/tasks";
        Api.Response project = api().post(tasks, olga.token(), Map.of("type", "project", "status", "done"));
        Api.Response staff = api().post("/api/v1/workspaces/" + ws + "/staff/tasks", olga.token(),
                Map.of("status", "done", "type", "private"));

        assertThat(project.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("status", "title", "projectId");
        assertThat(staff.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("type", "status", "title", "assigneeId");
        assertThat(taskCount()).isZero();
    }

    @Test
    void aDescriptionOf2000IsAcceptedAnd2001Refused() {
        assertRefused(create(Map.of("description", "d".repeat(2001))), "description");
        assertThat(create(Map.of("description", "d".repeat(2000))).status()).isEqualTo(201);
    }

    @Test
    void twentyBlockersOf200AreAcceptedOneMoreOfEitherRefused() {
        List<String> twentyOne = new ArrayList<>(Collections.nCopies(21, "waiting"));
        assertRefused(create(Map.of("blockers", twentyOne)), "blockers");
        assertRefused(create(Map.of("blockers", List.of("b".repeat(201)))), "blockers[0]");
        Api.Response ok = create(Map.of("blockers", new ArrayList<>(Collections.nCopies(20, "b".repeat(200)))));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().path("blockers")).hasSize(20);
    }

    @Test
    void statusAndPriorityMustBeInTheirVocabularies() {
        assertRefused(create(Map.of("status", "done")), "status");
        assertRefused(create(Map.of("priority", "urgent")), "priority");
        Api.Response ok = create(Map.of("status", "in-progress", "priority", "high"));
        assertThat(ok.get("status")).isEqualTo("in-progress");
        assertThat(ok.get("priority")).isEqualTo("high");
    }

    @Test
    void dueAtMustBeIso8601() {
        assertRefused(create(Map.of("dueAt", "next friday")), "dueAt");
        assertRefused(create(Map.of("dueAt", "2026-13-45T00:00:00Z")), "dueAt");
        Api.Response ok = create(Map.of("dueAt", "2026-12-01T17:00:00+01:00"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.get("dueAt")).isEqualTo("2026-12-01T16:00:00Z");
    }

    @Test
    void twentyBlockersOfTwoHundredCharactersFitWhateverTheCharacters() {
        java.util.List<String> controls = java.util.Collections.nCopies(20, "\u0001".repeat(200));
        java.util.List<String> quotes = java.util.Collections.nCopies(20, "\"".repeat(200));

        Api.Response escaped = create(Map.of("blockers", controls));
        Api.Response quoted = create(Map.of("blockers", quotes));

        assertThat(escaped.status()).as("six characters each once escaped in JSON").isEqualTo(201);
        assertThat(read(escaped.get("id")).json().path("blockers").get(19).asString()).isEqualTo(controls.get(19));
        assertThat(quoted.status()).isEqualTo(201);
    }

    @Test
    void anOrderPastItsBoundIsRefusedSoAppendingCanNeverOverflow() {
        String list = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects/" + project + "/lists",
                olga.token(), Map.of("name", "Today")), 201).get("id");

        Api.Response extreme = create(Map.of("lists", java.util.List.of(Map.of("id", list,
                "order", Long.MAX_VALUE))));
        assertRefused(extreme, "lists[0].order");
        Api.Response bound = create(Map.of("lists", java.util.List.of(Map.of("id", list,
                "order", 1_000_000_000_000_000L))));
        Api.Response appended = create(Map.of("lists", java.util.List.of(Map.of("id", list))));

        assertThat(bound.status()).isEqualTo(201);
        assertThat(appended.status()).isEqualTo(201);
        assertThat(appended.json().path("lists").get(0).path("order").asLong()).isEqualTo(1_000_000_000_000_001L);
        Api.Response list2 = api().post("/api/v1/workspaces/" + ws + "/projects/" + project + "/lists", olga.token(),
                Map.of("name", "Later", "order", Long.MIN_VALUE));
        assertThat(list2.status()).isEqualTo(422);
        assertThat(list2.json().path("errors").findValuesAsString("field")).containsExactly("order");
    }

    @Test
    void dueAtIsKeptToTheMicrosecondAndAnsweredAsKept() {
        Api.Response nanos = create(Map.of("dueAt", "2026-12-31T10:00:00.123456789Z"));
        Api.Response almostNext = create(Map.of("dueAt", "2026-12-31T10:00:00.9999999Z"));

        assertThat(nanos.get("dueAt")).isEqualTo("2026-12-31T10:00:00.123456Z");
        assertThat(read(nanos.get("id")).get("dueAt")).isEqualTo(nanos.get("dueAt"));
        assertThat(almostNext.get("dueAt")).as("cut, never rounded into the next second")
                .isEqualTo("2026-12-31T10:00:00.999999Z");
        assertThat(read(almostNext.get("id")).get("dueAt")).isEqualTo(almostNext.get("dueAt"));
        String etag = nanos.header("etag");
        Api.Response again = api().request("PATCH", "/api/v1/workspaces/" + ws + "/tasks/" + nanos.get("id"))
                .token(olga.token()).header("If-Match", etag).json(Map.of("dueAt", "2026-12-31T10:00:00.123456789Z"))
                .send();
        assertThat(again.header("etag")).as("the same instant again changes nothing").isEqualTo(etag);
    }

    @Test
    void dueAtYearsOutsideFourDigitsAreRefused() {
        assertRefused(create(Map.of("dueAt", "+12026-01-01T00:00:00Z")), "dueAt");
        assertRefused(create(Map.of("dueAt", "0000-01-01T00:00:00Z")), "dueAt");
        assertThat(create(Map.of("dueAt", "9999-12-31T23:59:59Z")).status()).isEqualTo(201);
        assertThat(create(Map.of("dueAt", "0001-01-01")).status()).isEqualTo(201);
    }

    private Api.Response read(String taskId) {
        return Api.expect(api().get("/api/v1/workspaces/" + ws + "/tasks/" + taskId, olga.token()), 200);
    }

    @Test
    void wrongJsonTypesAre400AndMalformedJsonToo() {
        Api.Response number = api().request("POST", "/api/v1/workspaces/" + ws + "/tasks").token(olga.token())
                .raw("{\"type\":\"project\",\"projectId\":\"" + project + "\",\"title\":42}", "application/json")
                .send();
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.get("code")).isEqualTo("wrong_json_type");
        assertThat(number.get("detail")).contains("title");

        Api.Response blockers = create(Map.of("blockers", "not an array"));
        assertThat(blockers.status()).isEqualTo(400);
        Api.Response malformed = api().request("POST", "/api/v1/workspaces/" + ws + "/tasks").token(olga.token())
                .raw("{\"title\":", "application/json").send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.get("code")).isEqualTo("malformed_json");
        assertThat(taskCount()).isZero();
    }

    @Test
    void aBodyThatIsNotWellFormedUtf8Is400WhateverJsonItWouldDecodeTo() {
        String prefix = "{\"type\":\"project\",\"projectId\":\"" + project + "\",\"title\":\"";
        for (byte[] flaw : java.util.List.of(new byte[] {(byte) 0xc0, (byte) 0xaf},
                new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf}, new byte[] {(byte) 0xff},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80})) {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(flaw);
            body.writeBytes("\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

            Api.Response refused = api().request("POST", "/api/v1/workspaces/" + ws + "/tasks").token(olga.token())
                    .bytes(body.toByteArray(), "application/json").send();

            assertThat(refused.status()).as(java.util.HexFormat.of().formatHex(flaw)).isEqualTo(400);
            assertThat(refused.get("code")).isEqualTo("malformed_json");
        }
        assertThat(taskCount()).as("C0 AF is not a slash").isZero();
    }

    @Test
    void unknownReferencedIdsAre404NamingTheField() {
        Api.Response project404 = api().post("/api/v1/workspaces/" + ws + "/tasks", olga.token(),
                Map.of("type", "project", "projectId", "prj_nope", "title", "x"));
        assertThat(project404.status()).isEqualTo(404);
        assertThat(project404.get("field")).isEqualTo("projectId");

        Api.Response assignee404 = create(Map.of("assigneeId", "usr_nobody"));
        assertThat(assignee404.status()).isEqualTo(404);
        assertThat(assignee404.get("field")).isEqualTo("assigneeId");

        Api.Response list404 = create(Map.of("lists", List.of(Map.of("id", "list_nope", "order", 1))));
        assertThat(list404.status()).isEqualTo(404);
        assertThat(list404.get("field")).isEqualTo("lists[0].id");
        assertThat(taskCount()).isZero();
    }

    @Test
    void aDeactivatedAssigneeOrProjectMemberIsNamedAsSuchNotAsMissing() {
        Api.Person dan = api().addMember(ws, olga, "Dan", "member");
        Api.expect(api().patch("/api/v1/workspaces/" + ws + "/users/" + dan.id(), olga.token(),
                Map.of("active", false)), 200);

        Api.Response assignee = create(Map.of("assigneeId", dan.id()));
        Api.Response member = api().post("/api/v1/workspaces/" + ws + "/projects/" + project + "/members",
                olga.token(), Map.of("principalType", "user", "principalId", dan.id(), "role", "editor"));

        assertRefused(assignee, "assigneeId");
        assertThat(assignee.text()).contains("deactivated");
        assertThat(member.status()).isEqualTo(422);
        assertThat(member.json().path("errors").get(0).path("field").asString()).isEqualTo("principalId");
        assertThat(member.text()).contains("deactivated");
    }

    @Test
    void aRefusedPatchChangesNothing() {
        Api.Response created = create(Map.of("title", "Soup"));
        String path = "/api/v1/workspaces/" + ws + "/tasks/" + created.get("id");

        assertThat(api().patch(path, olga.token(), Map.of("title", "Stew", "status", "done")).status())
                .isEqualTo(422);

        Api.Response after = api().get(path, olga.token());
        assertThat(after.get("title")).isEqualTo("Soup");
        assertThat(after.get("version")).isEqualTo("1");
    }

    @Test
    void aPatchCanClearTheDueDateAndLeavesAbsentFieldsAlone() {
        Api.Response created = create(Map.of("dueAt", "2026-12-01T17:00:00Z", "description", "hot"));
        String path = "/api/v1/workspaces/" + ws + "/tasks/" + created.get("id");
        Map<String, Object> clear = new HashMap<>();
        clear.put("dueAt", null);

        Api.Response patched = api().patch(path, olga.token(), clear);

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("dueAt").isNull()).isTrue();
        assertThat(patched.get("description")).isEqualTo("hot");
        assertThat(patched.header("etag")).isEqualTo("\"2\"");
    }

    @Test
    void textHoldingAnUnpairedSurrogateIsRefusedNamingTheFieldWhileAPairedOneIsKept() {
        String tasks = "/api/v1/workspaces/" + ws + "/tasks";
        Api.Response lone = api().request("POST", tasks).token(olga.token())
                .raw("{\"title\": \"a\\ud800b\"}", "application/json").send();
        Api.Response loneBlocker = api().request("POST", tasks).token(olga.token())
                .raw("{\"title\": \"Soup\", \"blockers\": [\"ok\", \"\\udc00\"]}", "application/json").send();
        Api.Response paired = api().request("POST", tasks).token(olga.token())
                .raw("{\"title\": \"soup \\ud83c\\udf72\"}", "application/json").send();

        assertThat(lone.status()).isEqualTo(422);
        assertThat(lone.json().path("errors").get(0).path("field").asString()).isEqualTo("title");
        assertThat(lone.json().path("errors").get(0).path("message").asString()).contains("unpaired surrogate");
        assertThat(loneBlocker.status()).isEqualTo(422);
        assertThat(loneBlocker.json().path("errors").get(0).path("field").asString()).isEqualTo("blockers[1]");
        assertThat(paired.status()).isEqualTo(201);
        assertThat(paired.get("title")).isEqualTo("soup \uD83C\uDF72");
        assertThat(api().get(tasks, olga.token()).ids()).as("only the valid one was created").hasSize(1);
    }

    @Test
    void textHoldingTheNulCharacterIsRefusedNamingTheFieldOnEveryDatabase() {
        Api.Response title = create(Map.of("title", "soup\u0000stew"));
        assertThat(title.status()).isEqualTo(422);
        assertThat(title.json().path("errors").get(0).path("field").asString()).isEqualTo("title");
        assertThat(title.json().path("errors").get(0).path("message").asString()).contains("NUL");

        Api.Response blocker = create(Map.of("title", "Soup", "blockers", List.of("stock", "no\u0000onions")));
        assertThat(blocker.status()).isEqualTo(422);
        assertThat(blocker.json().path("errors").get(0).path("field").asString()).isEqualTo("blockers[1]");

        // A body read into a record (a project) is held to the same rule.
        Api.Response project = api().post("/api/v1/workspaces/" + ws + "/projects", olga.token(),
                Map.of("name", "Menu\u0000", "visibility", "public"));
        assertThat(project.status()).isEqualTo(422);
        assertThat(project.json().path("errors").get(0).path("field").asString()).isEqualTo("name");

        Api.Response member = api().request("PUT", "/api/v1/workspaces/" + ws + "/projects/" + this.project
                + "/members").token(olga.token())
                .json(Map.of("principalType", "user", "principalId", "usr\u0000", "role", "editor")).send();
        assertThat(member.status()).isEqualTo(422);
        assertThat(member.json().path("errors").get(0).path("field").asString()).isEqualTo("principalId");

        // A query parameter too: PostgreSQL would refuse it mid-statement, H2 would look it up.
        Api.Response filter = api().get("/api/v1/workspaces/" + ws + "/tasks?assigneeId=%00", olga.token());
        assertThat(filter.status()).isEqualTo(422);
        assertThat(filter.json().path("errors").get(0).path("field").asString()).isEqualTo("assigneeId");

        assertThat(api().get("/api/v1/workspaces/" + ws + "/tasks", olga.token()).ids()).as("nothing created")
                .isEmpty();
    }

    @Test
    void aListOfAnotherProjectIsNamedAsSuchWhenVisibleAndNotFoundWhenNot() {
        String otherProject = api().createProject(ws, olga.token(), "Stock", "private");
        String otherList = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects/" + otherProject + "/lists",
                olga.token(), Map.of("name", "Shelf")), 201).get("id");
        Api.Person bob = api().addMember(ws, olga, "Bob", "member");
        Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects/" + project + "/members", olga.token(),
                Map.of("principalType", "user", "principalId", bob.id(), "role", "editor")), 201);

        Api.Response byOlga = create(Map.of("lists", List.of(Map.of("id", otherList))));
        Api.Response byBob = api().post("/api/v1/workspaces/" + ws + "/tasks", bob.token(), Map.of("type", "project",
                "projectId", project, "title", "Soup", "lists", List.of(Map.of("id", otherList))));
        Map<String, Object> listsNull = new HashMap<>();
        listsNull.put("lists", null);
        Api.Response nullLists = create(listsNull);

        assertThat(byOlga.status()).isEqualTo(422);
        assertThat(byOlga.json().path("errors").get(0).path("field").asString()).isEqualTo("lists[0].id");
        assertThat(byOlga.json().path("errors").get(0).path("message").asString()).contains(otherProject);
        assertThat(byBob.status()).as("Bob cannot see Stock: its list does not exist for him").isEqualTo(404);
        assertThat(byBob.get("field")).isEqualTo("lists[0].id");
        assertThat(byBob.text()).doesNotContain(otherProject);
        assertRefused(nullLists, "lists");

        String soup = Api.expect(create(Map.of()), 201).get("id");
        Api.Response moved = api().patch("/api/v1/workspaces/" + ws + "/tasks/" + soup, olga.token(),
                Map.of("lists", List.of(Map.of("id", otherList), Map.of("id", otherList + "x"))));
        assertThat(moved.status()).as("the unknown list is a 404 before the other project's is judged")
                .isEqualTo(404);
        Api.Response movedToOther = api().patch("/api/v1/workspaces/" + ws + "/tasks/" + soup, olga.token(),
                Map.of("lists", List.of(Map.of("id", otherList))));
        assertThat(movedToOther.status()).isEqualTo(422);
        assertThat(movedToOther.json().path("errors").get(0).path("field").asString()).isEqualTo("lists[0].id");
    }

    @Test
    void aTaskSitsInSeveralListsEachWithItsOrder() {
        String lists = "/api/v1/workspaces/" + ws + "/projects/" + project + "/lists";
        String today = Api.expect(api().post(lists, olga.token(), Map.of("name", "Today")), 201).get("id");
        String week = Api.expect(api().post(lists, olga.token(), Map.of("name", "This week")), 201).get("id");

        Api.Response created = create(Map.of("lists", List.of(Map.of("id", today, "order", 3),
                Map.of("id", week, "order", 7))));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("lists").findValuesAsString("id")).containsExactlyInAnyOrder(today, week);
        Api.Response inToday = api().get("/api/v1/workspaces/" + ws + "/tasks?listId=" + today, olga.token());
        assertThat(inToday.ids()).containsExactly(created.get("id"));
        assertThat(api().get(lists, olga.token()).json().path("items").findValuesAsString("name"))
                .containsExactly("Today", "This week");
    }
}
