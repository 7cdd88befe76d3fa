package io.taskgate.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;
import tools.jackson.databind.JsonNode;

class CustomRolesTest extends HttpTest {

    @Autowired
    private JdbcClient jdbc;

    private Api.Person owner;
    private String workspace;

    @BeforeEach
    void workspace() {
        owner = api().signUp("Olga");
        workspace = api().createWorkspace(owner, "Cafe");
    }

    private String roles() {
        return "/api/v1/workspaces/" + workspace + "/roles";
    }

    private String createRole(String token, String name, List<String> permissions) {
        return Api.expect(api().post(roles(), token, Map.of("name", name, "permissions", permissions)), 201).get("id");
    }

    private String createPosition(String name) {
        return Api.expect(api().post("/api/v1/workspaces/" + workspace + "/positions", owner.token(),
                Map.of("name", name)), 201).get("id");
    }

    private void assign(Api.Person person, String... roleIds) {
        Api.expect(api().patch("/api/v1/workspaces/" + workspace + "/users/" + person.id(), owner.token(),
                Map.of("customRoleIds", List.of(roleIds))), 200);
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void theBuiltInRolesAreListedFirstWithTheirPermissions() {
        String auditors = createRole(owner.token(), "Auditors", List.of("audit.read"));
        Api.Person bob = api().addMember(workspace, owner, "Bob", "member");

        Api.Response listed = api().get(roles(), bob.token());

        assertThat(listed.status()).isEqualTo(200);
        JsonNode items = listed.json().path("items");
        assertThat(items.findValuesAsString("id")).containsExactly("owner", "admin", "member", "guest", auditors);
        assertThat(items.get(0).path("builtIn").asBoolean()).isTrue();
        assertThat(strings(items.get(0).path("permissions"))).hasSize(11).contains("workspace.manage");
        assertThat(strings(items.get(1).path("permissions"))).hasSize(10).doesNotContain("workspace.manage");
        assertThat(strings(items.get(2).path("permissions"))).containsExactly("projects.create");
        assertThat(items.get(3).path("permissions")).isEmpty();
        assertThat(items.get(4).path("builtIn").asBoolean()).isFalse();
        assertThat(items.get(4).path("name").asString()).isEqualTo("Auditors");
        assertThat(items.get(4).path("createdAt").asString()).endsWith("Z");
    }

    @Test
    void aCustomRoleHoldsPermissionsAndPermissionsOnPositions() {
        String barista = createPosition("Barista");

        Api.Response created = api().post(roles(), owner.token(), Map.of("name", "Shift lead",
                "permissions", List.of("staff_tasks.manage", "audit.read"),
                "positionPermissions", List.of(Map.of("positionId", barista, "permissions", List.of("shift.edit")))));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("id")).startsWith("role_");
        assertThat(created.get("builtIn")).isEqualTo("false");
        assertThat(strings(created.json().path("permissions"))).containsExactly("staff_tasks.manage", "audit.read");
        JsonNode position = created.json().path("positionPermissions").get(0);
        assertThat(position.path("positionId").asString()).isEqualTo(barista);
        assertThat(strings(position.path("permissions"))).containsExactly("shift.edit");
        assertThat(api().get(roles() + "/" + created.get("id"), owner.token()).text()).isEqualTo(created.text());
    }

    @Test
    void anUnknownPermissionIs422NamingPermissionsAndCreatesNothing() {
        Api.Response response = api().post(roles(), owner.token(),
                Map.of("name", "Odd", "permissions", List.of("audit.read", "tasks.delete_everything")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("permissions[1]");
        assertThat(response.text()).contains("tasks.delete_everything");
        assertThat(api().get(roles(), owner.token()).json().path("items")).hasSize(4);
    }

    @Test
    void anUnknownPositionPermissionOrAMissingNameIs422() {
        String barista = createPosition("Barista");

        Api.Response badKey = api().post(roles(), owner.token(), Map.of("name", "Odd", "positionPermissions",
                List.of(Map.of("positionId", barista, "permissions", List.of("shift.delete")))));
        Api.Response noName = api().post(roles(), owner.token(), Map.of("permissions", List.of()));

        assertThat(badKey.status()).isEqualTo(422);
        assertThat(badKey.json().path("errors").get(0).path("field").asString())
                .isEqualTo("positionPermissions[0].permissions");
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
    }

    @Test
    void anUnknownPositionIs404NamingPositionPermissions() {
        Api.Response response = api().post(roles(), owner.token(), Map.of("name", "Shift lead", "positionPermissions",
                List.of(Map.of("positionId", "pos_nonexistent", "permissions", List.of("shift.edit")))));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.get("code")).isEqualTo("reference_not_found");
        assertThat(response.get("field")).isEqualTo("positionPermissions");
    }

    @Test
    void aSecondRoleWithTheSameNameConflicts() {
        createRole(owner.token(), "Auditors", List.of("audit.read"));
        String other = createRole(owner.token(), "Hiring", List.of());

        Api.Response created = api().post(roles(), owner.token(), Map.of("name", "Auditors"));
        Api.Response renamed = api().patch(roles() + "/" + other, owner.token(), Map.of("name", "Auditors"));

        assertThat(created.status()).isEqualTo(409);
        assertThat(created.get("code")).isEqualTo("role_name_taken");
        assertThat(renamed.status()).isEqualTo(409);
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersionAndRecordsNoEvent() {
        String hiring = createRole(owner.token(), "Hiring", List.of("audit.read", "teams.manage"));
        String etag = api().get(roles() + "/" + hiring, owner.token()).header("etag");

        Api.Response same = Api.expect(api().patch(roles() + "/" + hiring, owner.token(),
                Map.of("name", "Hiring", "permissions", List.of("teams.manage", "audit.read"))), 200);

        assertThat(same.header("etag")).isEqualTo(etag);
        assertThat(api().get("/api/v1/workspaces/" + workspace + "/audit-events?action=role.updated", owner.token())
                .json().path("items")).isEmpty();
    }

    @Test
    void aCustomRoleCannotTakeABuiltInRolesName() {
        for (String name : List.of("owner", "Admin", " GUEST ")) {
            Api.Response created = api().post(roles(), owner.token(), Map.of("name", name));
            assertThat(created.status()).as(name).isEqualTo(409);
            assertThat(created.get("code")).isEqualTo("role_name_taken");
        }
        assertThat(api().get(roles(), owner.token()).json().path("items")).hasSize(4);
    }

    @Test
    void aRoleNamedLikeABuiltInOneBeforeTheyWereReservedKeepsItsNameThroughOtherChanges() {
        String admins = createRole(owner.token(), "Hiring", List.of("audit.read"));
        // Named before built-in names were reserved: only the database still allows it.
        jdbc.sql("update custom_role set name = 'Admin' where id = :id").param("id", admins).update();

        Api.Response changed = api().patch(roles() + "/" + admins, owner.token(),
                Map.of("name", "Admin", "permissions", List.of("audit.read", "teams.manage")));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.get("name")).isEqualTo("Admin");
    }

    @Test
    void anyMemberReadsRolesButChangingThemNeedsMembersManage() {
        String auditors = createRole(owner.token(), "Auditors", List.of("audit.read"));
        Api.Person bob = api().addMember(workspace, owner, "Bob", "member");

        assertThat(api().get(roles() + "/" + auditors, bob.token()).status()).isEqualTo(200);
        assertThat(api().get(roles() + "/member", bob.token()).get("builtIn")).isEqualTo("true");
        for (Api.Response refused : new Api.Response[] {
                api().post(roles(), bob.token(), Map.of("name", "Mine")),
                api().patch(roles() + "/" + auditors, bob.token(), Map.of("name", "Mine")),
                api().delete(roles() + "/" + auditors, bob.token())}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.get("requiredPermission")).isEqualTo("members.manage");
        }
    }

    @Test
    void nobodyGrantsThroughARolePermissionsTheyDoNotHoldThemselves() {
        String hiring = createRole(owner.token(), "Hiring", List.of("members.manage"));
        Api.Person hr = api().addMember(workspace, owner, "Hanna", "member");
        assign(hr, hiring);

        Api.Response escalated = api().post(roles(), hr.token(),
                Map.of("name", "Sneaky", "permissions", List.of("members.manage", "audit.read", "teams.manage")));
        Api.Response widened = api().patch(roles() + "/" + hiring, hr.token(),
                Map.of("permissions", List.of("members.manage", "api_clients.manage")));
        Api.Response modest = api().post(roles(), hr.token(), Map.of("name", "Creators",
                "permissions", List.of("projects.create")));

        assertThat(escalated.status()).isEqualTo(403);
        assertThat(escalated.get("requiredPermission")).as("every permission she lacks").isEqualTo("teams.manage, audit.read");
        assertThat(widened.status()).isEqualTo(403);
        assertThat(widened.get("requiredPermission")).isEqualTo("api_clients.manage");
        assertThat(modest.status()).isEqualTo(201);
        assertThat(api().get(roles(), owner.token()).json().path("items").findValuesAsString("name"))
                .doesNotContain("Sneaky");
    }

    @Test
    void anAdminCannotChangeOrDeleteARoleGrantingWorkspaceManage() {
        String coOwners = createRole(owner.token(), "Co-owners", List.of("workspace.manage"));
        Api.Person admin = api().addMember(workspace, owner, "Adam", "admin");

        Api.Response renamed = api().patch(roles() + "/" + coOwners, admin.token(), Map.of("name", "Nobody"));
        Api.Response deleted = api().delete(roles() + "/" + coOwners, admin.token());

        assertThat(renamed.status()).isEqualTo(403);
        assertThat(renamed.get("requiredPermission")).isEqualTo("workspace.manage");
        assertThat(deleted.status()).isEqualTo(403);
        assertThat(api().get(roles() + "/" + coOwners, owner.token()).get("name")).isEqualTo("Co-owners");
    }

    @Test
    void aPatchReplacesOnlyTheFieldsItNames() {
        String barista = createPosition("Barista");
        Api.Response created = api().post(roles(), owner.token(), Map.of("name", "Shift lead",
                "permissions", List.of("audit.read"),
                "positionPermissions", List.of(Map.of("positionId", barista, "permissions", List.of("shift.edit")))));

        Api.Response renamed = api().patch(roles() + "/" + created.get("id"), owner.token(),
                Map.of("name", "Floor lead"));
        Api.Response regranted = api().patch(roles() + "/" + created.get("id"), owner.token(),
                Map.of("permissions", List.of("teams.manage"), "positionPermissions", List.of()));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.get("name")).isEqualTo("Floor lead");
        assertThat(strings(renamed.json().path("permissions"))).containsExactly("audit.read");
        assertThat(renamed.json().path("positionPermissions")).hasSize(1);
        assertThat(regranted.get("name")).isEqualTo("Floor lead");
        assertThat(strings(regranted.json().path("permissions"))).containsExactly("teams.manage");
        assertThat(regranted.json().path("positionPermissions")).isEmpty();
        assertThat(api().patch(roles() + "/" + created.get("id"), owner.token(), Map.of("name", " ")).status())
                .isEqualTo(422);
    }

    @Test
    void builtInRolesCannotBeChanged() {
        Api.Response changed = api().patch(roles() + "/member", owner.token(), Map.of("name", "Staff"));
        Api.Response deleted = api().delete(roles() + "/guest", owner.token());

        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.get("code")).isEqualTo("built_in_role");
        assertThat(deleted.status()).isEqualTo(409);
    }

    @Test
    void aCustomRoleWithAuditReadLetsAMemberReadTheAuditLog() {
        String auditors = createRole(owner.token(), "Auditors", List.of("audit.read"));
        Api.Person bob = api().addMember(workspace, owner, "Bob", "member");
        String events = "/api/v1/workspaces/" + workspace + "/audit-events";
        assertThat(api().get(events, bob.token()).status()).isEqualTo(403);

        assign(bob, auditors);

        assertThat(api().get(events, bob.token()).status()).isEqualTo(200);
    }

    @Test
    void aCustomRoleGivesAnApiClientItsPermissions() {
        String auditors = createRole(owner.token(), "Auditors", List.of("audit.read"));
        Api.Client bot = api().createApiClient(workspace, owner.token(), "Reporter", "guest", "read");
        String events = "/api/v1/workspaces/" + workspace + "/audit-events";
        assertThat(api().get(events, bot.secret()).status()).isEqualTo(403);

        api().patch("/api/v1/workspaces/" + workspace + "/api-clients/" + bot.id(), owner.token(),
                Map.of("customRoleIds", List.of(auditors)));

        assertThat(api().get(events, bot.secret()).status()).isEqualTo(200);
    }

    @Test
    void myPermissionsShowWhatMyRolesGrantOnTheWorkspaceAndOnPositions() {
        String barista = createPosition("Barista");
        String lead = Api.expect(api().post(roles(), owner.token(), Map.of("name", "Shift lead",
                "permissions", List.of("teams.manage"),
                "positionPermissions", List.of(Map.of("positionId", barista, "permissions", List.of("shift.edit"))))),
                201).get("id");
        Api.Person bob = api().addMember(workspace, owner, "Bob", "member");
        assign(bob, lead);

        Api.Response mine = api().get("/api/v1/workspaces/" + workspace + "/me/permissions", bob.token());

        assertThat(strings(mine.json().path("permissions"))).containsExactlyInAnyOrder("teams.manage",
                "projects.create");
        JsonNode position = mine.json().path("positionPermissions").get(0);
        assertThat(position.path("positionId").asString()).isEqualTo(barista);
        assertThat(strings(position.path("permissions"))).containsExactly("shift.edit");
    }

    @Test
    void deletingARoleTakesItsPermissionsFromEveryoneWhoHeldIt() {
        String auditors = createRole(owner.token(), "Auditors", List.of("audit.read"));
        Api.Person bob = api().addMember(workspace, owner, "Bob", "member");
        assign(bob, auditors);

        Api.Response deleted = api().delete(roles() + "/" + auditors, owner.token());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api().get(roles() + "/" + auditors, owner.token()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/workspaces/" + workspace + "/users/" + bob.id(), owner.token())
                .json().path("customRoleIds")).isEmpty();
        assertThat(api().get("/api/v1/workspaces/" + workspace + "/audit-events", bob.token()).status())
                .isEqualTo(403);
    }

    @Test
    void deletingAPositionTakesItOutOfTheRolesThatGrantedPermissionsOnIt() {
        String barista = createPosition("Barista");
        String lead = Api.expect(api().post(roles(), owner.token(), Map.of("name", "Shift lead",
                "positionPermissions", List.of(Map.of("positionId", barista, "permissions", List.of("shift.edit"))))),
                201).get("id");

        api().delete("/api/v1/workspaces/" + workspace + "/positions/" + barista, owner.token());

        assertThat(api().get(roles() + "/" + lead, owner.token()).json().path("positionPermissions")).isEmpty();
    }

    @Test
    void everyChangeIsAnAuditEvent() {
        String auditors = createRole(owner.token(), "Auditors", List.of("audit.read"));
        api().patch(roles() + "/" + auditors, owner.token(), Map.of("name", "Readers"));
        api().delete(roles() + "/" + auditors, owner.token());

        Api.Response events = api().get("/api/v1/workspaces/" + workspace + "/audit-events?limit=3", owner.token());

        assertThat(events.json().path("items").findValuesAsString("action"))
                .containsExactly("role.deleted", "role.updated", "role.created");
        assertThat(events.json().path("items").findValuesAsString("targetId")).containsOnly(auditors);
    }

    @Test
    void rolesArePaginatedBuiltInFirst() {
        String first = createRole(owner.token(), "A", List.of());
        String second = createRole(owner.token(), "B", List.of());

        Api.Response page1 = api().get(roles() + "?limit=3", owner.token());
        Api.Response page2 = api().get(roles() + "?limit=3&cursor=" + page1.get("nextCursor"), owner.token());

        assertThat(page1.json().path("items").findValuesAsString("id")).containsExactly("owner", "admin", "member");
        assertThat(page2.json().path("items").findValuesAsString("id")).containsExactly("guest", first, second);
        assertThat(page2.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void anotherWorkspaceSeesNoneOfItsRoles() {
        String secret = createRole(owner.token(), "Secret auditors", List.of("audit.read"));
        Api.Person mallory = api().signUp("Mallory");
        String other = api().createWorkspace(mallory, "Other");

        for (Api.Response response : new Api.Response[] {
                api().get(roles(), mallory.token()),
                api().get(roles() + "/" + secret, mallory.token()),
                api().post(roles(), mallory.token(), Map.of("name", "Mine")),
                api().patch(roles() + "/" + secret, mallory.token(), Map.of("name", "Mine")),
                api().delete(roles() + "/" + secret, mallory.token())}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.text()).doesNotContain("Secret auditors");
        }
        Api.Client theirBot = api().createApiClient(other, mallory.token(), "Their bot", "owner", "global");
        assertThat(api().get(roles(), theirBot.secret()).status()).isEqualTo(404);
        assertThat(api().get(roles(), theirBot.secret()).text()).doesNotContain("Secret auditors");
        String otherRoles = "/api/v1/workspaces/" + other + "/roles/" + secret;
        assertThat(api().get(otherRoles, mallory.token()).status()).isEqualTo(404);
        assertThat(api().patch(otherRoles, mallory.token(), Map.of("name", "Mine")).status()).isEqualTo(404);
        assertThat(api().delete(otherRoles, mallory.token()).status()).isEqualTo(404);
        assertThat(api().get(roles() + "/" + secret, owner.token()).get("name")).isEqualTo("Secret auditors");
    }

    @Test
    void aPositionOfAnotherWorkspaceIsAnUnknownPosition() {
        Api.Person mallory = api().signUp("Mallory");
        String other = api().createWorkspace(mallory, "Other");
        String theirs = Api.expect(api().post("/api/v1/workspaces/" + other + "/positions", mallory.token(),
                Map.of("name", "Cook")), 201).get("id");

        Api.Response response = api().post(roles(), owner.token(), Map.of("name", "Lead", "positionPermissions",
                List.of(Map.of("positionId", theirs, "permissions", List.of("shift.edit")))));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.get("field")).isEqualTo("positionPermissions");
    }

    @Test
    void aBuiltInRoleAnswersAnETagButStaysUnchangeable() {
        Api.Response admin = api().get(roles() + "/admin", owner.token());

        Api.Response change = api().request("PATCH", roles() + "/admin").token(owner.token())
                .header("If-Match", admin.header("etag")).json(Map.of("name", "Boss")).send();

        assertThat(admin.header("etag")).isEqualTo("\"1\"");
        assertThat(change.status()).isEqualTo(409);
        assertThat(change.get("code")).isEqualTo("built_in_role");
    }

    @Test
    void deletingAPositionARoleGrantsOnGivesTheRoleANewVersion() {
        String barista = createPosition("Barista");
        Api.Response created = Api.expect(api().post(roles(), owner.token(), Map.of("name", "Shift lead",
                "positionPermissions", List.of(Map.of("positionId", barista, "permissions", List.of("shift.edit"))))),
                201);
        String role = roles() + "/" + created.get("id");

        Api.expect(api().delete("/api/v1/workspaces/" + workspace + "/positions/" + barista, owner.token()), 204);
        Api.Response read = api().get(role, owner.token());
        Api.Response staleRename = api().request("PATCH", role).token(owner.token())
                .header("If-Match", created.header("etag")).json(Map.of("name", "Lead")).send();

        assertThat(read.json().path("positionPermissions")).isEmpty();
        assertThat(read.header("etag")).isEqualTo("\"2\"");
        assertThat(staleRename.status()).isEqualTo(412);
    }
}
