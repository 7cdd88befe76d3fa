package io.taskgate.position;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

class PositionsTest extends HttpTest {

    private Api.Person owner;
    private String workspace;

    @BeforeEach
    void workspace() {
        owner = api().signUp("Olga");
        workspace = api().createWorkspace(owner, "Cafe");
    }

    private String positions() {
        return "/api/v1/workspaces/" + workspace + "/positions";
    }

    private String createPosition(String name) {
        return Api.expect(api().post(positions(), owner.token(), Map.of("name", name)), 201).get("id");
    }

    @Test
    void aPositionIsCreatedWithNoManagersAndNoStaff() {
        Api.Response created = api().post(positions(), owner.token(), Map.of("name", "Barista"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("id")).startsWith("pos_");
        assertThat(created.get("name")).isEqualTo("Barista");
        assertThat(created.json().path("managerIds")).isEmpty();
        assertThat(created.json().path("staffIds")).isEmpty();
        assertThat(created.get("createdAt")).endsWith("Z");
        assertThat(api().get(positions() + "/" + created.get("id"), owner.token()).text()).isEqualTo(created.text());
    }

    @Test
    void aNameIsRequiredAndBounded() {
        Api.Response missing = api().post(positions(), owner.token(), Map.of());
        Api.Response tooLong = api().post(positions(), owner.token(), Map.of("name", "x".repeat(201)));

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(api().get(positions(), owner.token()).json().path("items")).isEmpty();
    }

    @Test
    void managersAndStaffAreWorkspaceMembersListedOnThePosition() {
        String barista = createPosition("Barista");
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        Api.Person sam = api().addMember(workspace, owner, "Sam", "member");

        Api.Response managed = api().post(positions() + "/" + barista + "/managers", owner.token(),
                Map.of("userId", mia.id()));
        Api.Response staffed = api().post(positions() + "/" + barista + "/staff", owner.token(),
                Map.of("userId", sam.id()));

        assertThat(managed.status()).isEqualTo(201);
        assertThat(managed.json().path("managerIds").valueStream().map(n -> n.asString())).containsExactly(mia.id());
        assertThat(staffed.status()).isEqualTo(201);
        Api.Response position = api().get(positions() + "/" + barista, sam.token());
        assertThat(position.json().path("managerIds").valueStream().map(n -> n.asString())).containsExactly(mia.id());
        assertThat(position.json().path("staffIds").valueStream().map(n -> n.asString())).containsExactly(sam.id());

        Api.Response managers = api().get(positions() + "/" + barista + "/managers", sam.token());
        assertThat(managers.status()).isEqualTo(200);
        assertThat(managers.json().path("items").findValuesAsString("userId")).containsExactly(mia.id());
        assertThat(managers.json().path("items").findValuesAsString("name")).containsExactly("Mia");
        assertThat(managers.json().has("nextCursor")).isTrue();
        assertThat(api().get(positions() + "/" + barista + "/staff", sam.token()).json().path("items")
                .findValuesAsString("userId")).containsExactly(sam.id());
        assertThat(api().get(positions() + "/pos_nowhere/staff", sam.token()).status()).isEqualTo(404);
    }

    @Test
    void addingTheSameManagerOrStaffTwiceConflicts() {
        String barista = createPosition("Barista");
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        api().post(positions() + "/" + barista + "/managers", owner.token(), Map.of("userId", mia.id()));
        api().post(positions() + "/" + barista + "/staff", owner.token(), Map.of("userId", mia.id()));

        Api.Response manager = api().post(positions() + "/" + barista + "/managers", owner.token(),
                Map.of("userId", mia.id()));
        Api.Response staff = api().post(positions() + "/" + barista + "/staff", owner.token(),
                Map.of("userId", mia.id()));

        assertThat(manager.status()).isEqualTo(409);
        assertThat(manager.get("code")).isEqualTo("already_manager");
        assertThat(staff.status()).isEqualTo(409);
        assertThat(staff.get("code")).isEqualTo("already_staff");
        assertThat(manager.get("detail")).isEqualTo("Mia (" + mia.id() + ") is already manager of position Barista");
    }

    @Test
    void someoneWhoIsNotAMemberOfTheWorkspaceIs404NamingUserId() {
        String barista = createPosition("Barista");
        Api.Person stranger = api().signUp("Stranger");

        Api.Response response = api().post(positions() + "/" + barista + "/managers", owner.token(),
                Map.of("userId", stranger.id()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.get("field")).isEqualTo("userId");
        assertThat(api().get(positions() + "/" + barista, owner.token()).json().path("managerIds")).isEmpty();
    }

    @Test
    void aDeactivatedPersonIsNeitherMadeManagerNorStaff() {
        String barista = createPosition("Barista");
        Api.Person gone = api().addMember(workspace, owner, "Gone", "member");
        Api.expect(api().patch("/api/v1/workspaces/" + workspace + "/users/" + gone.id(), owner.token(),
                Map.of("active", false)), 200);

        for (String assignment : java.util.List.of("managers", "staff")) {
            Api.Response response = api().post(positions() + "/" + barista + "/" + assignment, owner.token(),
                    Map.of("userId", gone.id()));
            assertThat(response.status()).as(assignment).isEqualTo(422);
            assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("userId");
            assertThat(response.text()).contains("deactivated");
        }
        Api.Response position = api().get(positions() + "/" + barista, owner.token());
        assertThat(position.json().path("managerIds")).isEmpty();
        assertThat(position.json().path("staffIds")).isEmpty();
    }

    @Test
    void managersAndStaffAreRemovedOneByOne() {
        String barista = createPosition("Barista");
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        api().post(positions() + "/" + barista + "/managers", owner.token(), Map.of("userId", mia.id()));
        api().post(positions() + "/" + barista + "/staff", owner.token(), Map.of("userId", mia.id()));

        Api.Response removed = api().delete(positions() + "/" + barista + "/managers/" + mia.id(), owner.token());

        assertThat(removed.status()).isEqualTo(204);
        Api.Response position = api().get(positions() + "/" + barista, owner.token());
        assertThat(position.json().path("managerIds")).isEmpty();
        assertThat(position.json().path("staffIds")).hasSize(1);
        assertThat(api().delete(positions() + "/" + barista + "/managers/" + mia.id(), owner.token()).status())
                .isEqualTo(404);
        assertThat(api().delete(positions() + "/" + barista + "/staff/" + mia.id(), owner.token()).status())
                .isEqualTo(204);
    }

    @Test
    void aPositionManagerSeesTheManagedPositionInTheirPermissions() {
        String barista = createPosition("Barista");
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        api().post(positions() + "/" + barista + "/managers", owner.token(), Map.of("userId", mia.id()));

        Api.Response permissions = api().get("/api/v1/workspaces/" + workspace + "/me/permissions", mia.token());

        assertThat(permissions.json().path("managedPositionIds").valueStream().map(n -> n.asString()))
                .containsExactly(barista);
    }

    @Test
    void aPositionIsRenamedAndDeleted() {
        String barista = createPosition("Barista");
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        api().post(positions() + "/" + barista + "/managers", owner.token(), Map.of("userId", mia.id()));

        Api.Response renamed = api().patch(positions() + "/" + barista, owner.token(), Map.of("name", "Head barista"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.get("name")).isEqualTo("Head barista");
        assertThat(renamed.json().path("managerIds")).hasSize(1);

        assertThat(api().delete(positions() + "/" + barista, owner.token()).status()).isEqualTo(204);
        assertThat(api().get(positions() + "/" + barista, owner.token()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/workspaces/" + workspace + "/me/permissions", mia.token())
                .json().path("managedPositionIds")).isEmpty();
    }

    @Test
    void anyMemberReadsPositionsButChangingThemNeedsPositionsManage() {
        String barista = createPosition("Barista");
        Api.Person bob = api().addMember(workspace, owner, "Bob", "member");

        assertThat(api().get(positions(), bob.token()).json().path("items").findValuesAsString("id"))
                .containsExactly(barista);
        for (Api.Response refused : new Api.Response[] {
                api().post(positions(), bob.token(), Map.of("name", "Cook")),
                api().patch(positions() + "/" + barista, bob.token(), Map.of("name", "Cook")),
                api().delete(positions() + "/" + barista, bob.token()),
                api().post(positions() + "/" + barista + "/staff", bob.token(), Map.of("userId", bob.id()))}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.get("requiredPermission")).isEqualTo("positions.manage");
        }
    }

    @Test
    void positionsArePaginatedWithACursor() {
        for (int i = 0; i < 3; i++) {
            createPosition("Position " + i);
        }

        Api.Response first = api().get(positions() + "?limit=2", owner.token());
        Api.Response second = api().get(positions() + "?limit=2&cursor=" + first.get("nextCursor"), owner.token());

        assertThat(first.json().path("items")).hasSize(2);
        assertThat(second.json().path("items")).hasSize(1);
        assertThat(second.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void everyChangeIsAnAuditEvent() {
        String barista = createPosition("Barista");
        Api.Person mia = api().addMember(workspace, owner, "Mia", "member");
        api().post(positions() + "/" + barista + "/managers", owner.token(), Map.of("userId", mia.id()));
        api().post(positions() + "/" + barista + "/staff", owner.token(), Map.of("userId", mia.id()));
        api().delete(positions() + "/" + barista + "/managers/" + mia.id(), owner.token());
        api().delete(positions() + "/" + barista + "/staff/" + mia.id(), owner.token());
        api().patch(positions() + "/" + barista, owner.token(), Map.of("name", "Cook"));
        api().delete(positions() + "/" + barista, owner.token());

        Api.Response events = api().get("/api/v1/workspaces/" + workspace + "/audit-events?limit=7", owner.token());

        assertThat(events.json().path("items").findValuesAsString("action")).containsExactly("position.deleted",
                "position.updated", "position.staff_removed", "position.manager_removed", "position.staff_added",
                "position.manager_added", "member.added");
        assertThat(events.json().path("items").get(0).path("targetId").asString()).isEqualTo(barista);
    }

    @Test
    void anotherWorkspaceSeesNoneOfItsPositions() {
        String barista = createPosition("Secret Barista");
        Api.Person mallory = api().signUp("Mallory");
        String other = api().createWorkspace(mallory, "Other");
        String path = positions() + "/" + barista;

        for (Api.Response response : new Api.Response[] {
                api().get(positions(), mallory.token()),
                api().get(path, mallory.token()),
                api().post(positions(), mallory.token(), Map.of("name", "Mine")),
                api().patch(path, mallory.token(), Map.of("name", "Mine")),
                api().post(path + "/managers", mallory.token(), Map.of("userId", mallory.id())),
                api().delete(path + "/managers/" + owner.id(), mallory.token()),
                api().delete(path, mallory.token())}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.text()).doesNotContain("Secret Barista");
        }
        Api.Client theirBot = api().createApiClient(other, mallory.token(), "Their bot", "owner", "global");
        assertThat(api().get(path, theirBot.secret()).status()).isEqualTo(404);
        assertThat(api().get(path, theirBot.secret()).text()).doesNotContain("Secret Barista");
        assertThat(api().get("/api/v1/workspaces/" + other + "/positions/" + barista, mallory.token()).status())
                .isEqualTo(404);
        assertThat(api().post("/api/v1/workspaces/" + other + "/positions/" + barista + "/staff", mallory.token(),
                Map.of("userId", mallory.id())).status()).isEqualTo(404);
        assertThat(api().get(path, owner.token()).get("name")).isEqualTo("Secret Barista");
    }

    @Test
    void aMemberOfAnotherWorkspaceCannotBeMadeManager() {
        String barista = createPosition("Barista");
        Api.Person mallory = api().signUp("Mallory");
        api().createWorkspace(mallory, "Other");

        Api.Response response = api().post(positions() + "/" + barista + "/managers", owner.token(),
                Map.of("userId", mallory.id()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.get("field")).isEqualTo("userId");
    }

    @Test
    void assigningOrUnassigningSomeoneAnswersThePositionWithANewVersion() {
        String barista = createPosition("Barista");
        Api.Person bob = api().addMember(workspace, owner, "Bob", "member");

        Api.Response managed = api().post(positions() + "/" + barista + "/managers", owner.token(),
                Map.of("userId", bob.id()));
        Api.Response staffed = api().post(positions() + "/" + barista + "/staff", owner.token(),
                Map.of("userId", bob.id()));
        Api.expect(api().delete(positions() + "/" + barista + "/managers/" + bob.id(), owner.token()), 204);
        Api.Response read = api().get(positions() + "/" + barista, owner.token());

        assertThat(managed.status()).isEqualTo(201);
        assertThat(managed.header("etag")).isEqualTo("\"2\"");
        assertThat(staffed.header("etag")).isEqualTo("\"3\"");
        assertThat(read.header("etag")).isEqualTo("\"4\"");
        assertThat(read.json().path("managerIds")).isEmpty();
    }
}
