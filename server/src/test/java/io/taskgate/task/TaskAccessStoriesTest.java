package io.taskgate.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/** Who may read, create, change and delete which task, end to end. */
class TaskAccessStoriesTest extends HttpTest {

    private Api.Person owner;
    private String ws;

    @BeforeEach
    void workspace() {
        owner = api().signUp("Olga");
        ws = api().createWorkspace(owner, "Cafe");
    }

    private String tasks() {
        return "/api/v1/workspaces/" + ws + "/tasks";
    }

    private String project(Api.Person manager, String visibility) {
        return Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects", manager.token(),
                Map.of("name", "Payroll", "visibility", visibility)), 201).get("id");
    }

    private void member(Api.Person manager, String project, String type, String id, String role) {
        Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects/" + project + "/members", manager.token(),
                Map.of("principalType", type, "principalId", id, "role", role)), 201);
    }

    private Api.Response createTask(String token, String project, String title) {
        return api().post(tasks(), token, Map.of("type", "project", "projectId", project, "title", title));
    }

    @Test
    void theCheckAnswersAboutAListThroughItsProjectAndAboutCreatingAPrivateTask() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Client reader = api().createApiClient(ws, owner.token(), "Reporter", "member", "read");
        String payroll = project(owner, "private");
        member(owner, payroll, "user", bob.id(), "collaborator");
        String november = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects/" + payroll + "/lists",
                owner.token(), Map.of("name", "November")), 201).get("id");
        String check = "/api/v1/workspaces/" + ws + "/authz/check";

        Api.Response listByBob = Api.expect(api().post(check, bob.token(), Map.of("action", "list.update",
                "resource", Map.of("type", "list", "id", november))), 200);
        Api.Response privateByReader = Api.expect(api().post(check, reader.secret(), Map.of("action", "task.create",
                "resource", Map.of("type", "workspace"))), 200);
        Api.Response privateByBob = Api.expect(api().post(check, bob.token(), Map.of("action", "task.create",
                "resource", Map.of("type", "workspace"))), 200);
        Api.Response unknownList = api().post(check, bob.token(), Map.of("action", "list.update",
                "resource", Map.of("type", "list", "id", "list_nope")));
        Api.Response hiddenList = api().post(check, reader.secret(), Map.of("action", "list.update",
                "resource", Map.of("type", "list", "id", november)));

        assertThat(listByBob.get("allowed")).isEqualTo("false");
        assertThat(listByBob.get("requiredPermission")).isEqualTo("project role editor");
        assertThat(listByBob.json().path("remedies").findValuesAsString("kind")).contains("raise_project_role");
        assertThat(privateByReader.get("allowed")).isEqualTo("false");
        assertThat(privateByReader.json().path("explanation").path("denialReason").asString())
                .isEqualTo("read_only_access");
        assertThat(privateByReader.json().path("explanation").path("summary").asString())
                .contains("task.create of a private task").doesNotContain("task_");
        assertThat(privateByBob.get("allowed")).isEqualTo("true");
        for (Api.Response missing : List.of(unknownList, hiddenList)) {
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.get("field")).isEqualTo("resource.id");
        }
        assertThat(hiddenList.text()).doesNotContain("Payroll");
    }

    @Test
    void aTaskIsGivenOnlyToSomeoneWhoCanReadItAndTheRefusalSaysHowToLetThem() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person gina = api().addMember(ws, owner, "Gina", "guest");
        String payroll = project(owner, "private");
        String menu = project(owner, "public");

        Api.Response outsider = api().post(tasks(), owner.token(), Map.of("type", "project", "projectId", payroll,
                "title", "Run payroll", "assigneeId", bob.id()));
        Api.Response guestOnPublic = api().post(tasks(), owner.token(), Map.of("type", "project", "projectId", menu,
                "title", "Print menus", "assigneeId", gina.id()));
        Api.Response someoneElsesPrivate = api().post(tasks(), owner.token(), Map.of("type", "private",
                "title", "Note", "assigneeId", bob.id()));

        for (Api.Response refused : List.of(outsider, guestOnPublic, someoneElsesPrivate)) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(422);
            assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("assigneeId");
        }
        assertThat(outsider.json().path("remedies").findValuesAsString("kind")).contains("add_project_member");
        assertThat(api().get(tasks(), owner.token()).ids()).as("nothing created").isEmpty();

        member(owner, payroll, "user", bob.id(), "collaborator");
        String runPayroll = Api.expect(api().post(tasks(), owner.token(), Map.of("type", "project",
                "projectId", payroll, "title", "Run payroll", "assigneeId", bob.id())), 201).get("id");
        Api.expect(api().patch(tasks() + "/" + runPayroll, bob.token(), Map.of("status", "in-progress")), 200);
        Api.Response reassigned = api().patch(tasks() + "/" + runPayroll, owner.token(), Map.of("assigneeId", gina.id()));
        assertThat(reassigned.status()).isEqualTo(422);
        assertThat(Api.expect(api().get(tasks() + "/" + runPayroll, owner.token()), 200).get("assigneeId"))
                .isEqualTo(bob.id());
    }

    @Test
    void theAdminApiClientIsDeniedInAPrivateProjectWithRemediesThenCreatesOnceAMember() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String payroll = project(bob, "private");
        Api.Client zapier = api().createApiClient(ws, owner.token(), "Zapier", "admin", "read_write");

        Api.Response before = createTask(zapier.secret(), payroll, "Run payroll");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.get("field")).isEqualTo("projectId");
        assertThat(before.text()).doesNotContain("Payroll");
        assertThat(before.get("hint")).contains("read_write").contains("member").contains("global");
        assertThat(createTask(zapier.secret(), "prj_does_not_exist", "x").get("hint")).isEqualTo(before.get("hint"));
        Api.Response inPath = api().get("/api/v1/workspaces/" + ws + "/projects/" + payroll + "/lists",
                zapier.secret());
        Api.Response inPathMissing = api().get("/api/v1/workspaces/" + ws + "/projects/prj_does_not_exist/lists",
                zapier.secret());
        assertThat(inPath.status()).isEqualTo(404);
        assertThat(inPath.get("hint")).as("a project out of reach and one that does not exist answer alike")
                .isEqualTo(inPathMissing.get("hint")).isEqualTo(before.get("hint"));
        Api.Response explained = api().post("/api/v1/workspaces/" + ws + "/authz/check", owner.token(), Map.of(
                "principal", Map.of("type", "api_client", "id", zapier.id()), "action", "task.create",
                "resource", Map.of("type", "project", "id", payroll)));
        assertThat(explained.json().path("remedies").findValuesAsString("kind"))
                .contains("add_project_member", "set_access_level");

        member(bob, payroll, "api_client", zapier.id(), "creator");
        Api.Response created = createTask(zapier.secret(), payroll, "Run payroll");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("createdBy")).isEqualTo(zapier.id());
    }

    @Test
    void aNonMemberReadWriteClientIsToldHowToGetIn() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String menu = project(bob, "public");
        Api.Client zapier = api().createApiClient(ws, owner.token(), "Zapier", "member", "read_write");
        member(bob, menu, "api_client", zapier.id(), "guest");

        Api.Response denied = createTask(zapier.secret(), menu, "Soup");

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.get("requiredPermission")).isEqualTo("project role creator");
        assertThat(denied.json().path("remedies").findValuesAsString("kind")).contains("raise_project_role");
    }

    @Test
    void aReadKeyIsRefusedTaskWritesEvenAsEditor() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String menu = project(bob, "private");
        Api.Client reader = api().createApiClient(ws, owner.token(), "Reporter", "member", "read");
        member(bob, menu, "api_client", reader.id(), "editor");
        String soup = Api.expect(createTask(bob.token(), menu, "Soup"), 201).get("id");

        assertThat(api().get(tasks() + "/" + soup, reader.secret()).status()).isEqualTo(200);
        Api.Response create = createTask(reader.secret(), menu, "Stew");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().path("remedies").findValuesAsString("accessLevel")).isNotEmpty();
        assertThat(api().patch(tasks() + "/" + soup, reader.secret(), Map.of("status", "completed")).status())
                .isEqualTo(403);
        assertThat(api().delete(tasks() + "/" + soup, reader.secret()).status()).isEqualTo(403);
        assertThat(api().post(tasks(), reader.secret(), Map.of("title", "mine")).status()).isEqualTo(403);
    }


    @Test
    void aTeamsRoleInAPrivateProjectLetsItsPeopleCreateTasksAndTheStrongestRoleWins() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person cleo = api().addMember(ws, owner, "Cleo", "member");
        Api.Person dan = api().addMember(ws, owner, "Dan", "member");
        String payroll = project(bob, "private");
        String kitchen = Api.expect(api().post("/api/v1/workspaces/" + ws + "/teams", owner.token(),
                Map.of("name", "Kitchen")), 201).get("id");
        for (Api.Person person : List.of(cleo, dan)) {
            Api.expect(api().post("/api/v1/workspaces/" + ws + "/teams/" + kitchen + "/members", owner.token(),
                    Map.of("principalType", "user", "principalId", person.id())), 201);
        }
        member(bob, payroll, "team", kitchen, "guest");
        member(bob, payroll, "user", dan.id(), "creator");
        Api.Person eve = api().addMember(ws, owner, "Eve", "member");

        assertThat(createTask(eve.token(), payroll, "Pay").status()).isEqualTo(404);
        Api.Response teamGuest = createTask(cleo.token(), payroll, "Pay");
        assertThat(teamGuest.status()).isEqualTo(403);
        assertThat(teamGuest.get("requiredPermission")).isEqualTo("project role creator");
        assertThat(createTask(dan.token(), payroll, "Pay").status()).isEqualTo(201);

        Api.expect(api().patch("/api/v1/workspaces/" + ws + "/projects/" + payroll + "/members/" + kitchen,
                bob.token(), Map.of("role", "editor")), 200);
        assertThat(createTask(cleo.token(), payroll, "Pay").status()).isEqualTo(201);
        assertThat(createTask(dan.token(), payroll, "Pay").status()).isEqualTo(201);
    }
    @Test
    void aGuestCappedBelowATeamsRoleIsToldToBecomeAMember() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person gus = api().addMember(ws, owner, "Gus", "guest");
        String payroll = project(bob, "private");
        String kitchen = Api.expect(api().post("/api/v1/workspaces/" + ws + "/teams", owner.token(),
                Map.of("name", "Kitchen")), 201).get("id");
        Api.expect(api().post("/api/v1/workspaces/" + ws + "/teams/" + kitchen + "/members", owner.token(),
                Map.of("principalType", "user", "principalId", gus.id())), 201);
        member(bob, payroll, "team", kitchen, "editor");

        Api.Response capped = createTask(gus.token(), payroll, "Pay");
        assertThat(capped.status()).isEqualTo(403);
        assertThat(capped.json().path("remedies").findValuesAsString("kind")).contains("set_workspace_role");
        assertThat(capped.json().path("remedies").findValuesAsString("role")).contains("member");

        Api.expect(api().patch("/api/v1/workspaces/" + ws + "/users/" + gus.id(), owner.token(),
                Map.of("role", "member")), 200);
        assertThat(createTask(gus.token(), payroll, "Pay").status()).isEqualTo(201);
    }

    @Test
    void aCollaboratorUpdatesOnlyStatusAndBlockersOfTasksAssignedToThem() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person cleo = api().addMember(ws, owner, "Cleo", "member");
        String menu = project(bob, "private");
        member(bob, menu, "user", cleo.id(), "collaborator");
        String mine = Api.expect(api().post(tasks(), bob.token(), Map.of("type", "project", "projectId", menu,
                "title", "Soup", "assigneeId", cleo.id())), 201).get("id");
        String theirs = Api.expect(createTask(bob.token(), menu, "Stew"), 201).get("id");

        Api.Response status = api().patch(tasks() + "/" + mine, cleo.token(),
                Map.of("status", "blocked", "blockers", List.of("no onions")));
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.get("status")).isEqualTo("blocked");
        Api.Response renamed = api().patch(tasks() + "/" + mine, cleo.token(),
                Map.of("title", "Renamed", "status", "completed", "priority", "high"));
        assertThat(renamed.status()).isEqualTo(403);
        assertThat(renamed.json().path("limitedTo").toString()).as("what she may change instead")
                .isEqualTo("[\"status\",\"blockers\"]");
        assertThat(renamed.json().path("refusedFields").toString()).isEqualTo("[\"priority\",\"title\"]");
        assertThat(api().patch(tasks() + "/" + theirs, cleo.token(), Map.of("title", "x")).json()
                .path("limitedTo").isMissingNode()).as("not hers: no narrower right to name").isTrue();
        Api.Response sentBackAsRead = api().patch(tasks() + "/" + mine, cleo.token(), Map.of("type", "project",
                "projectId", menu, "title", "Soup", "description", "", "priority", "medium", "assigneeId", cleo.id(),
                "lists", List.of(), "status", "in-progress"));
        assertThat(sentBackAsRead.status()).as("unchanged fields sent back are no change").isEqualTo(200);
        assertThat(sentBackAsRead.get("status")).isEqualTo("in-progress");
        assertThat(api().patch(tasks() + "/" + theirs, cleo.token(), Map.of("status", "completed")).status())
                .isEqualTo(403);
        assertThat(createTask(cleo.token(), menu, "New").status()).isEqualTo(403);

        Api.Response mayUpdateMine = checkUpdate(cleo, mine);
        assertThat(mayUpdateMine.json().path("allowed").asBoolean()).isTrue();
        assertThat(mayUpdateMine.json().path("limitedTo").toString()).isEqualTo("[\"status\",\"blockers\"]");
        Api.Response mayUpdateTheirs = checkUpdate(cleo, theirs);
        assertThat(mayUpdateTheirs.json().path("allowed").asBoolean()).isFalse();
        assertThat(mayUpdateTheirs.json().path("limitedTo").isNull()).isTrue();
        assertThat(checkUpdate(bob, theirs).json().path("limitedTo").isNull()).isTrue();
    }

    @Test
    void aCollaboratorSendingBackTheListsDoesNotMoveTheTask() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person cleo = api().addMember(ws, owner, "Cleo", "member");
        String menu = project(bob, "private");
        member(bob, menu, "user", cleo.id(), "collaborator");
        String today = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects/" + menu + "/lists",
                bob.token(), Map.of("name", "Today")), 201).get("id");
        String soup = Api.expect(api().post(tasks(), bob.token(), Map.of("type", "project", "projectId", menu,
                "title", "Soup", "assigneeId", cleo.id(), "lists", List.of(Map.of("id", today, "order", 1)))), 201)
                .get("id");
        Api.expect(api().post(tasks(), bob.token(), Map.of("type", "project", "projectId", menu, "title", "Stew",
                "lists", List.of(Map.of("id", today, "order", 2)))), 201);

        Api.Response patched = api().patch(tasks() + "/" + soup, cleo.token(),
                Map.of("status", "blocked", "lists", List.of(Map.of("id", today))));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("lists").get(0).path("order").asLong()).isEqualTo(1);
        assertThat(api().patch(tasks() + "/" + soup, cleo.token(),
                Map.of("lists", List.of(Map.of("id", today, "order", 9)))).status()).isEqualTo(403);
    }

    /** What {@code authz/check} says of {@code task.update} by this person, asked by that person. */
    private Api.Response checkUpdate(Api.Person who, String taskId) {
        return Api.expect(api().post("/api/v1/workspaces/" + ws + "/authz/check", who.token(), Map.of(
                "action", "task.update", "resource", Map.of("type", "task", "id", taskId))), 200);
    }

    @Test
    void aCreatorEditsAndDeletesOnlyTheirOwnTasksAnEditorAny() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person cora = api().addMember(ws, owner, "Cora", "member");
        Api.Person ed = api().addMember(ws, owner, "Ed", "member");
        String menu = project(bob, "private");
        member(bob, menu, "user", cora.id(), "creator");
        member(bob, menu, "user", ed.id(), "editor");
        String coras = Api.expect(createTask(cora.token(), menu, "Cora's"), 201).get("id");
        String bobs = Api.expect(createTask(bob.token(), menu, "Bob's"), 201).get("id");

        assertThat(api().patch(tasks() + "/" + coras, cora.token(), Map.of("title", "Mine")).status()).isEqualTo(200);
        assertThat(api().patch(tasks() + "/" + bobs, cora.token(), Map.of("title", "Mine")).status()).isEqualTo(403);
        assertThat(api().delete(tasks() + "/" + bobs, cora.token()).status()).isEqualTo(403);
        assertThat(api().patch(tasks() + "/" + bobs, ed.token(), Map.of("title", "Edited")).status()).isEqualTo(200);
        assertThat(api().delete(tasks() + "/" + coras, ed.token()).status()).isEqualTo(204);
        assertThat(api().get(tasks() + "/" + coras, bob.token()).status()).isEqualTo(404);
    }

    @Test
    void aPrivateTaskIsVisibleToItsCreatorOnly() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String note = Api.expect(api().post(tasks(), bob.token(), Map.of("title", "Call mum")), 201).get("id");

        assertThat(api().get(tasks() + "/" + note, bob.token()).get("type")).isEqualTo("private");
        Api.Response byOwner = api().get(tasks() + "/" + note, owner.token());
        assertThat(byOwner.status()).isEqualTo(404);
        assertThat(byOwner.text()).doesNotContain("Call mum");
        assertThat(api().get(tasks(), owner.token()).ids()).doesNotContain(note);
        assertThat(api().get(tasks(), bob.token()).ids()).containsExactly(note);
    }

    @Test
    void staffTasksAreForHoldersOfStaffTasksManageAndTheirAssignee() {
        Api.Person manager = api().addMember(ws, owner, "Mia", "admin");
        Api.Person barista = api().addMember(ws, owner, "Ben", "member");
        Api.Person other = api().addMember(ws, owner, "Oli", "member");
        String staff = "/api/v1/workspaces/" + ws + "/staff/tasks";

        Api.Response created = api().post(staff, manager.token(),
                Map.of("assigneeId", barista.id(), "title", "Clean the machine"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("type")).isEqualTo("staff");
        String id = created.get("id");

        assertThat(api().post(staff, other.token(), Map.of("assigneeId", barista.id(), "title", "x")).get(
                "requiredPermission")).isEqualTo("staff_tasks.manage");
        Api.Response noAssignee = api().post(staff, manager.token(), Map.of("title", "x"));
        assertThat(noAssignee.status()).isEqualTo(422);
        assertThat(noAssignee.json().path("errors").findValuesAsString("field")).contains("assigneeId");
        Api.Response unknown = api().post(staff, manager.token(), Map.of("assigneeId", "usr_ghost", "title", "x"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.get("field")).isEqualTo("assigneeId");

        assertThat(api().get(tasks() + "/" + id, barista.token()).status()).isEqualTo(200);
        assertThat(api().patch(tasks() + "/" + id, barista.token(), Map.of("status", "completed")).status())
                .isEqualTo(200);
        assertThat(api().patch(tasks() + "/" + id, barista.token(), Map.of("title", "Nap")).status())
                .isEqualTo(403);
        assertThat(checkUpdate(barista, id).json().path("limitedTo").toString())
                .isEqualTo("[\"status\",\"blockers\"]");
        assertThat(checkUpdate(manager, id).json().path("limitedTo").isNull()).isTrue();
        assertThat(api().get(tasks() + "/" + id, other.token()).status()).isEqualTo(404);
        assertThat(api().get(tasks(), other.token()).ids()).doesNotContain(id);
        assertThat(api().get(tasks() + "?type=staff", barista.token()).ids()).containsExactly(id);
        assertThat(api().get(tasks() + "?type=staff", manager.token()).ids()).containsExactly(id);
    }

    @Test
    void aDeactivatedAssigneeCannotBeGivenAStaffTask() {
        Api.Person manager = api().addMember(ws, owner, "Mia", "admin");
        Api.Person gone = api().addMember(ws, owner, "Gone", "member");
        api().patch("/api/v1/workspaces/" + ws + "/users/" + gone.id(), owner.token(), Map.of("active", false));

        Api.Response response = api().post("/api/v1/workspaces/" + ws + "/staff/tasks", manager.token(),
                Map.of("assigneeId", gone.id(), "title", "x"));

        assertThat(response.status()).as("known, so not a 404: named as what it is").isEqualTo(422);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("assigneeId");
        assertThat(response.text()).contains("deactivated");
        assertThat(api().post("/api/v1/workspaces/" + ws + "/staff/tasks", manager.token(),
                Map.of("assigneeId", "usr_nobody", "title", "x")).status()).as("unknown").isEqualTo(404);
    }

    @Test
    void listingFiltersByStatusPriorityAssigneeAndDatesAndPaginates() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String menu = project(bob, "public");
        for (int i = 0; i < 5; i++) {
            Api.expect(api().post(tasks(), bob.token(), Map.of("type", "project", "projectId", menu,
                    "title", "T" + i, "status", i % 2 == 0 ? "pending" : "completed",
                    "dueAt", "2026-12-0" + (i + 1) + "T12:00:00Z", "assigneeId", i < 2 ? bob.id() : owner.id(),
                    "priority", i == 4 ? "high" : "medium")),
                    201);
        }

        assertThat(api().get(tasks() + "?status=completed", bob.token()).ids()).hasSize(2);
        assertThat(api().get(tasks() + "?priority=high", bob.token()).ids()).hasSize(1);
        assertThat(api().get(tasks() + "?priority=medium&status=pending", bob.token()).ids()).hasSize(2);
        assertThat(api().get(tasks() + "?priority=urgent", bob.token()).status()).isEqualTo(422);
        Api.Response twice = api().get(tasks() + "?projectId=" + menu + "&projectId=" + menu, bob.token());
        assertThat(twice.status()).as("not a filter matching nothing").isEqualTo(422);
        assertThat(twice.json().path("errors").findValuesAsString("field")).containsExactly("projectId");
        assertThat(api().get(tasks() + "?assigneeId=" + bob.id(), bob.token()).ids()).hasSize(2);
        assertThat(api().get(tasks() + "?dueBefore=2026-12-03T00:00:00Z", bob.token()).ids()).hasSize(2);
        assertThat(api().get(tasks() + "?dueBefore=2026-12-03", bob.token()).ids())
                .as("a date alone is its midnight UTC, as in dueAt").hasSize(2);
        assertThat(api().get(tasks() + "?dueBefore=3.12.2026", bob.token()).status()).isEqualTo(422);
        assertThat(api().get(tasks() + "?dueAfter=2026-12-03T00:00:00Z&projectId=" + menu, bob.token()).ids())
                .hasSize(3);
        assertThat(api().get(tasks() + "?status=done", bob.token()).status()).isEqualTo(422);
        Api.Response allWrong = api().get(tasks() + "?status=done&priority=urgent&type=x&dueBefore=x&listId=",
                bob.token());
        assertThat(allWrong.json().path("errors").findValuesAsString("field")).as("one 422 names every one")
                .containsExactly("listId", "status", "priority", "type", "dueBefore");
        Api.Response empty = api().get(tasks() + "?projectId=&assigneeId=", bob.token());
        assertThat(empty.status()).as("an empty filter is a client's bug, not 'every task'").isEqualTo(422);
        assertThat(empty.json().path("errors").findValuesAsString("field")).containsExactly("assigneeId", "projectId");
        Api.Response first = api().get(tasks() + "?limit=3", bob.token());
        Api.Response second = api().get(tasks() + "?limit=3&cursor=" + first.get("nextCursor"), bob.token());
        assertThat(first.ids()).hasSize(3);
        assertThat(second.ids()).hasSize(2).doesNotContainAnyElementsOf(first.ids());
        assertThat(second.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void updatedSinceListsOnlyTasksChangedFromThatInstant() {
        String note = Api.expect(api().post(tasks(), owner.token(), Map.of("title", "Old")), 201).get("id");
        String other = Api.expect(api().post(tasks(), owner.token(), Map.of("title", "Changed")), 201).get("id");
        clock.advance(java.time.Duration.ofHours(1));
        Api.Response changed = Api.expect(api().patch(tasks() + "/" + other, owner.token(),
                Map.of("status", "completed")), 200);

        Api.Response since = api().get(tasks() + "?updatedSince=" + changed.get("updatedAt"), owner.token());

        assertThat(since.ids()).containsExactly(other).doesNotContain(note);
        assertThat(api().get(tasks() + "?updatedSince=yesterday", owner.token()).status()).isEqualTo(422);
    }

    @Test
    void deletingAListChangesTheETagAndUpdatedAtOfTheTasksItHeld() {
        String menu = project(owner, "public");
        String lists = "/api/v1/workspaces/" + ws + "/projects/" + menu + "/lists";
        String today = Api.expect(api().post(lists, owner.token(), Map.of("name", "Today")), 201).get("id");
        String soup = Api.expect(api().post(tasks(), owner.token(), Map.of("type", "project", "projectId", menu,
                "title", "Soup", "lists", List.of(Map.of("id", today, "order", 1)))), 201).get("id");
        String stew = Api.expect(api().post(tasks(), owner.token(), Map.of("type", "project", "projectId", menu,
                "title", "Stew")), 201).get("id");
        Api.Response before = Api.expect(api().get(tasks() + "/" + soup, owner.token()), 200);
        clock.advance(java.time.Duration.ofMinutes(5));

        assertThat(api().delete(lists + "/" + today, owner.token()).status()).isEqualTo(204);

        Api.Response after = Api.expect(api().get(tasks() + "/" + soup, owner.token()), 200);
        assertThat(after.json().path("lists")).isEmpty();
        assertThat(after.header("etag")).isNotEqualTo(before.header("etag"));
        assertThat(after.get("updatedAt")).isNotEqualTo(before.get("updatedAt"));
        assertThat(api().request("GET", tasks() + "/" + soup).token(owner.token())
                .header("If-None-Match", before.header("etag")).send().status())
                .as("a copy that still shows the list is not current").isEqualTo(200);
        assertThat(api().request("PATCH", tasks() + "/" + soup).token(owner.token())
                .header("If-Match", before.header("etag")).json(Map.of("title", "Stale")).send().status())
                .isEqualTo(412);
        assertThat(api().get(tasks() + "?updatedSince=" + after.get("updatedAt"), owner.token()).ids())
                .contains(soup).doesNotContain(stew);
        assertThat(Api.expect(api().get(tasks() + "/" + stew, owner.token()), 200).header("etag"))
                .as("a task that was in no deleted list keeps its version").isEqualTo("\"1\"");
    }

    @Test
    void aBadBodyAboutSomethingTheCallerCannotSeeIs404NotAJudgementOfTheBody() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String secret = project(owner, "private");
        String secretLists = "/api/v1/workspaces/" + ws + "/projects/" + secret + "/lists";
        String list = Api.expect(api().post(secretLists, owner.token(), Map.of("name", "Today")), 201).get("id");
        String secretTask = Api.expect(createTask(owner.token(), secret, "Payroll"), 201).get("id");
        String invalidTitle = "{\"title\": \"\"}";

        assertThat(send("POST", secretLists, bob, "{\"name\": \"\"}").status()).isEqualTo(404);
        assertThat(send("PATCH", secretLists + "/" + list, bob, "{\"name\": 5}").status()).isEqualTo(404);
        assertThat(send("PATCH", tasks() + "/" + secretTask, bob, invalidTitle).status()).isEqualTo(404);
        assertThat(send("PATCH", tasks() + "/task_nope", owner, invalidTitle).status()).isEqualTo(404);
        assertThat(send("PATCH", tasks() + "/task_nope", owner, "{\"title\": 5}").status()).isEqualTo(404);
        assertThat(send("PATCH", "/api/v1/workspaces/" + ws + "/master-tasks/mt_nope", owner,
                "{\"color\": \"teal\"}").status()).isEqualTo(404);

        assertThat(send("POST", secretLists, owner, "{\"name\": \"\"}").status())
                .as("who can see the project is told what is wrong with the body").isEqualTo(422);
        assertThat(send("PATCH", tasks() + "/" + secretTask, owner, invalidTitle).status()).isEqualTo(422);
        assertThat(send("PATCH", tasks() + "/" + secretTask, owner, "{\"title\": 5}").status()).isEqualTo(400);
        assertThat(api().get(tasks() + "/" + secretTask, owner.token()).get("title")).isEqualTo("Payroll");
    }

    private Api.Response send(String method, String path, Api.Person who, String json) {
        return api().request(method, path).token(who.token()).raw(json, "application/json").send();
    }
}
