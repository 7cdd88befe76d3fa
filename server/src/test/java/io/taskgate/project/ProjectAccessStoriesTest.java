package io.taskgate.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;
import tools.jackson.databind.JsonNode;

/** The access stories of PRODUCT.md, told through the HTTP API. */
class ProjectAccessStoriesTest extends HttpTest {

    private Api.Person owner;
    private String ws;

    @BeforeEach
    void workspace() {
        owner = api().signUp("Olga");
        ws = api().createWorkspace(owner, "Cafe");
    }

    private String base() {
        return "/api/v1/workspaces/" + ws;
    }

    private String createProject(String token, String name, String visibility) {
        Api.Response created = api().post(base() + "/projects", token, Map.of("name", name, "visibility", visibility));
        Api.expect(created, 201);
        return created.get("id");
    }

    private Api.Response addMember(String token, String project, String type, String id, String role) {
        return api().post(base() + "/projects/" + project + "/members", token,
                Map.of("principalType", type, "principalId", id, "role", role));
    }

    private Api.Response check(String token, String action, String project) {
        return api().post(base() + "/authz/check", token,
                Map.of("action", action, "resource", Map.of("type", "project", "id", project)));
    }

    @Test
    void whoeverCreatesAProjectBecomesItsManager() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");

        Api.Response created = api().post(base() + "/projects", bob.token(),
                Map.of("name", "Menu", "visibility", "private", "description", "Winter menu"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("id")).startsWith("prj_");
        assertThat(created.get("myRole")).isEqualTo("manager");
        assertThat(created.get("description")).isEqualTo("Winter menu");
        JsonNode members = api().get(base() + "/projects/" + created.get("id") + "/members", bob.token()).json();
        assertThat(members.path("items")).hasSize(1);
        JsonNode member = members.path("items").get(0);
        assertThat(member.path("principalId").asString()).isEqualTo(bob.id());
        assertThat(member.path("id").asString()).isEqualTo(bob.id());
        assertThat(member.path("principalType").asString()).isEqualTo("user");
        assertThat(member.path("name").asString()).isEqualTo("Bob");
        assertThat(member.path("role").asString()).isEqualTo("manager");
        assertThat(member.path("addedBy").asString()).isEqualTo(bob.id());
        assertThat(member.path("addedAt").asString()).endsWith("Z");
        assertThat(member.path("roleOptions").toString())
                .isEqualTo("[\"guest\",\"collaborator\",\"creator\",\"editor\",\"manager\"]");
    }

    @Test
    void aPrivateProjectIsInvisibleToNonMembers() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person ann = api().addMember(ws, owner, "Ann", "member");
        String secret = createProject(bob.token(), "Secret Payroll", "private");

        Api.Response get = api().get(base() + "/projects/" + secret, ann.token());

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.text()).doesNotContain("Secret Payroll");
        assertThat(api().get(base() + "/projects", ann.token()).text()).doesNotContain(secret);
        assertThat(api().get(base() + "/projects/" + secret + "/members", ann.token()).status()).isEqualTo(404);
        assertThat(check(ann.token(), "project.read", secret).status()).isEqualTo(404);
        assertThat(api().get(base() + "/projects", bob.token()).json().path("items").findValuesAsString("id"))
                .containsExactly(secret);
    }

    @Test
    void anOwnerReadsEveryPrivateProjectThroughProjectsReadAll() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String secret = createProject(bob.token(), "Secret", "private");

        Api.Response get = api().get(base() + "/projects/" + secret, owner.token());

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.get("myRole")).isEqualTo("manager");
    }

    @Test
    void aPublicProjectIsReadableByLicensedMembersButNotWritable() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person ann = api().addMember(ws, owner, "Ann", "member");
        String menu = createProject(bob.token(), "Menu", "public");

        Api.Response get = api().get(base() + "/projects/" + menu, ann.token());
        Api.Response patch = api().patch(base() + "/projects/" + menu, ann.token(), Map.of("name", "Mine"));

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.get("myRole")).isEqualTo("guest");
        assertThat(patch.status()).isEqualTo(403);
        assertThat(patch.get("requiredPermission")).isEqualTo("project role manager");
        assertThat(patch.json().path("remedies").findValuesAsString("kind"))
                .contains("add_project_member", "grant_workspace_permission");
        assertThat(api().get(base() + "/projects/" + menu, bob.token()).get("name")).isEqualTo("Menu");
    }

    @Test
    void aGuestUserDoesNotSeePublicProjectsAndIsCappedAtCollaborator() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person gus = api().addMember(ws, owner, "Gus", "guest");
        String menu = createProject(bob.token(), "Menu", "public");

        assertThat(api().get(base() + "/projects/" + menu, gus.token()).status()).isEqualTo(404);

        Api.Response asEditor = addMember(bob.token(), menu, "user", gus.id(), "editor");
        assertThat(asEditor.status()).isEqualTo(422);
        assertThat(asEditor.json().path("errors").get(0).path("field").asString()).isEqualTo("role");

        Api.Response asCollaborator = addMember(bob.token(), menu, "user", gus.id(), "collaborator");
        assertThat(asCollaborator.status()).isEqualTo(201);
        assertThat(asCollaborator.json().path("roleOptions").toString()).isEqualTo("[\"guest\",\"collaborator\"]");
        assertThat(api().get(base() + "/projects/" + menu, gus.token()).get("myRole")).isEqualTo("collaborator");
    }

    @Test
    void anAdminApiClientWithReadWriteIsDeniedInAPrivateProjectWithRemediesThenAllowedOnceAMember() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String payroll = createProject(bob.token(), "Payroll", "private");
        Api.Client zapier = api().createApiClient(ws, owner.token(), "Zapier", "admin", "read_write");

        assertThat(api().get(base() + "/projects/" + payroll, zapier.secret()).status()).isEqualTo(404);
        Api.Response denied = api().post(base() + "/authz/check", owner.token(), Map.of(
                "principal", Map.of("type", "api_client", "id", zapier.id()),
                "action", "task.create", "resource", Map.of("type", "project", "id", payroll)));
        assertThat(denied.status()).isEqualTo(200);
        assertThat(denied.get("allowed")).isEqualTo("false");
        assertThat(denied.json().path("explanation").path("summary").asString()).contains("Zapier");
        List<JsonNode> remedies = list(denied.json().path("remedies"));
        assertThat(remedies).anySatisfy(remedy -> {
            assertThat(remedy.path("kind").asString()).isEqualTo("add_project_member");
            assertThat(remedy.path("principalId").asString()).isEqualTo(zapier.id());
            assertThat(remedy.path("projectId").asString()).isEqualTo(payroll);
            assertThat(remedy.path("role").asString()).isEqualTo("creator");
            assertThat(remedy.path("description").asString()).contains("creator or higher");
        });
        assertThat(remedies).anySatisfy(remedy -> {
            assertThat(remedy.path("kind").asString()).isEqualTo("set_access_level");
            assertThat(remedy.path("accessLevel").asString()).isEqualTo("global");
        });

        Api.expect(addMember(bob.token(), payroll, "api_client", zapier.id(), "creator"), 201);

        Api.Response allowed = check(zapier.secret(), "task.create", payroll);
        assertThat(allowed.get("allowed")).isEqualTo("true");
        assertThat(allowed.json().path("explanation").path("grants").findValuesAsString("kind"))
                .contains("project_role");
        // Within its reach, the admin role's projects.manage_all applies: the strongest role wins.
        assertThat(api().get(base() + "/projects/" + payroll, zapier.secret()).get("myRole")).isEqualTo("manager");
    }

    @Test
    void aReadKeyIsRefusedWritesEvenAsManager() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person ann = api().addMember(ws, owner, "Ann", "member");
        String menu = createProject(bob.token(), "Menu", "private");
        Api.Client reader = api().createApiClient(ws, owner.token(), "Reporter", "admin", "read");
        Api.expect(addMember(bob.token(), menu, "api_client", reader.id(), "manager"), 201);

        assertThat(api().get(base() + "/projects/" + menu, reader.secret()).status()).isEqualTo(200);
        Api.Response write = addMember(reader.secret(), menu, "user", ann.id(), "guest");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().path("explanation").path("denialReason").asString()).isEqualTo("read_only_access");
        assertThat(write.json().path("remedies").findValuesAsString("kind")).contains("set_access_level");
        assertThat(check(reader.secret(), "task.create", menu).get("allowed")).isEqualTo("false");
        assertThat(api().post(base() + "/projects", reader.secret(), Map.of("name", "X")).status()).isEqualTo(403);
    }

    @Test
    void aReadKeyReadsTheMemberCandidatesOnlyWhereItsRoleWouldLetItAddMembers() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String menu = createProject(bob.token(), "Menu", "private");
        String stock = createProject(bob.token(), "Stock", "private");
        Api.Client reader = api().createApiClient(ws, owner.token(), "Reporter", "member", "read");
        Api.expect(addMember(bob.token(), menu, "api_client", reader.id(), "manager"), 201);
        Api.expect(addMember(bob.token(), stock, "api_client", reader.id(), "editor"), 201);

        Api.Response asManager = api().get(base() + "/projects/" + menu + "/member-candidates", reader.secret());
        Api.Response asEditor = api().get(base() + "/projects/" + stock + "/member-candidates", reader.secret());

        assertThat(asManager.status()).as("a read, which its manager role would allow").isEqualTo(200);
        assertThat(asManager.json().path("items").findValuesAsString("name")).contains("Olga");
        assertThat(asEditor.status()).isEqualTo(403);
        assertThat(asEditor.json().path("explanation").path("denialReason").asString())
                .as("its role, not its access level, is what lacks").isEqualTo("project_role_too_weak");
        assertThat(asEditor.json().path("remedies").findValuesAsString("kind")).contains("raise_project_role")
                .doesNotContain("set_access_level");
    }

    @Test
    void aGuestUserCreatesNoProjectSinceItCouldNotManageItAndIsToldToBecomeAMember() {
        Api.Person gus = api().addMember(ws, owner, "Gus", "guest");
        String founders = Api.expect(api().post(base() + "/roles", owner.token(),
                Map.of("name", "Founders", "permissions", List.of("projects.create"))), 201).get("id");
        Api.expect(api().patch(base() + "/users/" + gus.id(), owner.token(),
                Map.of("customRoleIds", List.of(founders))), 200);

        Api.Response refused = api().post(base() + "/projects", gus.token(), Map.of("name", "Gus's", "visibility",
                "private"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("explanation").path("denialReason").asString()).isEqualTo("guest_user");
        assertThat(refused.json().path("remedies").findValuesAsString("kind")).containsExactly("set_workspace_role");
        assertThat(api().get(base() + "/projects", owner.token()).ids()).isEmpty();
        Api.expect(api().patch(base() + "/users/" + gus.id(), owner.token(), Map.of("role", "member")), 200);
        assertThat(Api.expect(api().post(base() + "/projects", gus.token(), Map.of("name", "Gus's")), 201)
                .get("myRole")).isEqualTo("manager");
    }

    @Test
    void aReadWriteKeyThatCreatesAProjectBecomesItsManager() {
        Api.Client bot = api().createApiClient(ws, owner.token(), "Bot", "member", "read_write");

        Api.Response created = api().post(base() + "/projects", bot.secret(),
                Map.of("name", "Imports", "visibility", "private"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("myRole")).isEqualTo("manager");
        JsonNode member = api().get(base() + "/projects/" + created.get("id") + "/members", bot.secret()).json()
                .path("items").get(0);
        assertThat(member.path("principalType").asString()).isEqualTo("api_client");
        assertThat(member.path("role").asString()).isEqualTo("manager");
        assertThat(api().get(base() + "/me/projects", bot.secret()).json().path("items").findValuesAsString("id"))
                .containsExactly(created.get("id"));
    }

    @Test
    void aGlobalKeyReachesEveryProject() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String a = createProject(bob.token(), "A", "private");
        String b = createProject(bob.token(), "B", "public");
        Api.Client member = api().createApiClient(ws, owner.token(), "Sync", "member", "global");
        Api.Client admin = api().createApiClient(ws, owner.token(), "Admin sync", "admin", "global");

        assertThat(api().get(base() + "/projects", member.secret()).json().path("items").findValuesAsString("id"))
                .containsExactly(a, b);
        assertThat(api().get(base() + "/projects/" + a, member.secret()).get("myRole")).isEqualTo("editor");
        assertThat(api().get(base() + "/projects/" + a, admin.secret()).get("myRole")).isEqualTo("manager");
        assertThat(check(member.secret(), "task.create", a).get("allowed")).isEqualTo("true");
        assertThat(api().get(base() + "/me/projects", member.secret()).json().path("items")).isEmpty();
    }

    @Test
    void anEditorCannotAddMembersAManagerCan() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person ed = api().addMember(ws, owner, "Ed", "member");
        Api.Person ann = api().addMember(ws, owner, "Ann", "member");
        String menu = createProject(bob.token(), "Menu", "private");
        Api.expect(addMember(bob.token(), menu, "user", ed.id(), "editor"), 201);

        Api.Response byEditor = addMember(ed.token(), menu, "user", ann.id(), "guest");
        assertThat(byEditor.status()).isEqualTo(403);
        assertThat(byEditor.get("requiredPermission")).isEqualTo("project role manager");

        Api.Response byManager = addMember(bob.token(), menu, "user", ann.id(), "guest");
        assertThat(byManager.status()).isEqualTo(201);
        assertThat(addMember(bob.token(), menu, "user", ann.id(), "guest").status()).isEqualTo(409);
    }

    @Test
    void aMemberMadeGuestComesDownToCollaboratorUnlessTheyAreTheLastManager() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person eve = api().addMember(ws, owner, "Eve", "member");
        String menu = createProject(bob.token(), "Menu", "private");
        String payroll = createProject(eve.token(), "Payroll", "private");
        Api.expect(addMember(bob.token(), menu, "user", eve.id(), "editor"), 201);
        String eveAsMember = base() + "/users/" + eve.id();

        Api.Response refused = api().patch(eveAsMember, owner.token(), Map.of("role", "guest"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("last_manager");
        assertThat(refused.get("detail")).contains(payroll);
        assertThat(api().get(eveAsMember, owner.token()).get("role")).isEqualTo("member");
        assertThat(api().get(base() + "/projects/" + menu + "/members/" + eve.id(), bob.token()).get("role"))
                .isEqualTo("editor");

        Api.expect(addMember(eve.token(), payroll, "user", bob.id(), "manager"), 201);
        Api.expect(api().patch(eveAsMember, owner.token(), Map.of("role", "guest")), 200);

        for (String project : new String[] {menu, payroll}) {
            Api.Response held = api().get(base() + "/projects/" + project + "/members/" + eve.id(), bob.token());
            assertThat(held.get("role")).isEqualTo("collaborator");
            assertThat(held.json().path("roleOptions").toString()).isEqualTo("[\"guest\",\"collaborator\"]");
        }
        assertThat(api().get(base() + "/audit-events?action=project.member_updated", owner.token()).json()
                .path("items").findValuesAsString("details")).contains(
                        "user=" + eve.id() + ",role=collaborator,reason=became_guest");
    }

    @Test
    void theLastManagerCanBeNeitherRemovedNorDemoted() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String menu = createProject(bob.token(), "Menu", "private");
        String self = base() + "/projects/" + menu + "/members/" + bob.id();

        assertThat(api().delete(self, bob.token()).status()).isEqualTo(409);
        Api.Response demote = api().patch(self, bob.token(), Map.of("role", "editor"));
        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.get("code")).isEqualTo("last_manager");

        Api.Person ann = api().addMember(ws, owner, "Ann", "member");
        Api.expect(addMember(bob.token(), menu, "user", ann.id(), "manager"), 201);
        assertThat(api().patch(self, bob.token(), Map.of("role", "editor")).get("role")).isEqualTo("editor");
    }

    @Test
    void unknownOrForeignPrincipalsAnswer404NamingTheField() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String menu = createProject(bob.token(), "Menu", "private");
        Api.Person stranger = api().signUp("Stranger");

        Api.Response unknown = addMember(bob.token(), menu, "user", stranger.id(), "guest");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.get("field")).isEqualTo("principalId");
        Api.Response badType = addMember(bob.token(), menu, "robot", stranger.id(), "guest");
        assertThat(badType.status()).isEqualTo(422);
        assertThat(badType.json().path("errors").get(0).path("field").asString()).isEqualTo("principalType");
    }

    @Test
    void memberCandidatesOfferEveryNonMemberWithTheRolesItMayHold() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person gus = api().addMember(ws, owner, "Gus", "guest");
        Api.Client bot = api().createApiClient(ws, owner.token(), "Bot", "member", "read_write");
        String menu = createProject(bob.token(), "Menu", "private");

        JsonNode candidates = api().get(base() + "/projects/" + menu + "/member-candidates", bob.token()).json()
                .path("items");

        assertThat(candidates.findValuesAsString("principalId")).contains(owner.id(), gus.id(), bot.id())
                .doesNotContain(bob.id());
        for (JsonNode candidate : candidates) {
            String expected = candidate.path("principalId").asString().equals(gus.id())
                    ? "[\"guest\",\"collaborator\"]"
                    : "[\"guest\",\"collaborator\",\"creator\",\"editor\",\"manager\"]";
            assertThat(candidate.path("roleOptions").toString()).isEqualTo(expected);
        }
    }

    @Test
    void putReplacesTheWholeMembershipButNeverLeavesItWithoutAManager() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person ann = api().addMember(ws, owner, "Ann", "member");
        String menu = createProject(bob.token(), "Menu", "private");
        String members = base() + "/projects/" + menu + "/members";

        Api.Response noManager = api().request("PUT", members).token(bob.token()).json(List.of(
                Map.of("principalType", "user", "principalId", ann.id(), "role", "editor"))).send();
        assertThat(noManager.status()).isEqualTo(409);

        Api.Response replaced = api().request("PUT", members).token(bob.token()).json(Map.of("members", List.of(
                Map.of("principalType", "user", "principalId", ann.id(), "role", "manager"),
                Map.of("principalType", "user", "principalId", bob.id(), "role", "editor")))).send();
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("items")).hasSize(2);
        assertThat(api().get(base() + "/projects/" + menu, ann.token()).get("myRole")).isEqualTo("manager");
        assertThat(api().get(base() + "/projects/" + menu, bob.token()).get("myRole")).isEqualTo("editor");
    }

    @Test
    void aReplacementNamesEveryInvalidMemberAndAMembersThatIsNoArrayIsAWrongType() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String menu = createProject(bob.token(), "Menu", "private");
        String members = base() + "/projects/" + menu + "/members";

        Api.Response invalid = api().request("PUT", members).token(bob.token()).json(List.of(
                Map.of("principalType", "robot", "principalId", bob.id(), "role", "boss"),
                Map.of("principalType", "user", "principalId", bob.id(), "role", "boss"))).send();
        Api.Response notAnArray = api().request("PUT", members).token(bob.token()).json(Map.of("members", "x"))
                .send();

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("errors").findValuesAsString("field"))
                .containsExactly("members[0].principalType", "members[0].role", "members[1].role");
        assertThat(notAnArray.status()).isEqualTo(400);
        assertThat(notAnArray.get("code")).isEqualTo("wrong_json_type");
        assertThat(api().get(members, bob.token()).json().path("items")).as("nothing changed").hasSize(1);
    }

    @Test
    void putOfOneMemberAddsItOrSetsItsRoleIdempotently() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person ann = api().addMember(ws, owner, "Ann", "member");
        Api.Person gus = api().addMember(ws, owner, "Gus", "guest");
        String menu = createProject(bob.token(), "Menu", "private");
        String members = base() + "/projects/" + menu + "/members";
        Map<String, String> annAsEditor = Map.of("principalType", "user", "principalId", ann.id(), "role", "editor");

        Api.Response added = api().request("PUT", members).token(bob.token()).json(annAsEditor).send();
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.get("role")).isEqualTo("editor");
        Api.Response again = api().request("PUT", members).token(bob.token()).json(annAsEditor).send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("etag")).as("repeating it changes nothing").isEqualTo(added.header("etag"));
        Api.Response raised = api().request("PUT", members).token(bob.token()).json(Map.of(
                "principalType", "user", "principalId", ann.id(), "role", "manager")).send();
        assertThat(raised.status()).isEqualTo(200);
        assertThat(raised.get("role")).isEqualTo("manager");
        assertThat(api().get(members, bob.token()).json().path("items")).hasSize(2);

        Api.Response capped = api().request("PUT", members).token(bob.token()).json(Map.of(
                "principalType", "user", "principalId", gus.id(), "role", "editor")).send();
        assertThat(capped.status()).isEqualTo(422);
        Api.Response demoted = api().request("PUT", members).token(bob.token()).json(Map.of(
                "principalType", "user", "principalId", ann.id(), "role", "guest")).send();
        assertThat(demoted.status()).as("bob is still a manager, so ann may stop being one").isEqualTo(200);
    }

    @Test
    void checkingAnotherPrincipalNeedsMembersManage() {
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person ann = api().addMember(ws, owner, "Ann", "member");
        String menu = createProject(bob.token(), "Menu", "public");

        Api.Response self = check(ann.token(), "project.read", menu);
        assertThat(self.get("allowed")).isEqualTo("true");
        Api.Response other = api().post(base() + "/authz/check", ann.token(), Map.of(
                "principal", Map.of("type", "user", "id", bob.id()),
                "action", "project.update", "resource", Map.of("type", "project", "id", menu)));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.get("requiredPermission")).isEqualTo("members.manage");
        Api.Response unknownAction = api().post(base() + "/authz/check", ann.token(),
                Map.of("action", "project.fly", "resource", Map.of("type", "project", "id", menu)));
        assertThat(unknownAction.status()).isEqualTo(422);
        Api.Response mismatched = api().post(base() + "/authz/check", ann.token(),
                Map.of("action", "task.update", "resource", Map.of("type", "project", "id", menu)));
        assertThat(mismatched.status()).as("an action that does not apply to the resource").isEqualTo(422);
        assertThat(mismatched.json().path("errors").get(0).path("field").asString()).isEqualTo("action");
    }

    @Test
    void aCheckOfARevokedKeyExplainsTheKey() {
        Api.Client bot = api().createApiClient(ws, owner.token(), "Bot", "admin", "global");
        api().delete(base() + "/api-clients/" + bot.id() + "/keys/" + bot.keyId(), owner.token());

        Api.Response check = api().post(base() + "/authz/check", owner.token(), Map.of(
                "principal", Map.of("type", "api_client", "id", bot.id(), "keyId", bot.keyId()),
                "action", "audit.read", "resource", Map.of("type", "workspace")));

        assertThat(check.get("allowed")).isEqualTo("false");
        assertThat(check.json().path("remedies").findValuesAsString("kind")).contains("create_new_key");
    }

    @Test
    void aProjectOfAnotherWorkspaceIs404() {
        String menu = createProject(owner.token(), "Menu", "public");
        Api.Person eve = api().signUp("Eve");
        String other = api().createWorkspace(eve, "Other");

        assertThat(api().get("/api/v1/workspaces/" + other + "/projects/" + menu, eve.token()).status())
                .isEqualTo(404);
        assertThat(api().get(base() + "/projects/" + menu, eve.token()).status()).isEqualTo(404);
    }

    @Test
    void aProjectCarriesAnETagAndAStaleIfMatchIs412() {
        String menu = createProject(owner.token(), "Menu", "private");
        Api.Response read = api().get(base() + "/projects/" + menu, owner.token());
        assertThat(read.header("etag")).as("the version, then the caller's role").isEqualTo("\"1.manager\"");
        Api.expect(api().request("PATCH", base() + "/projects/" + menu).token(owner.token())
                .header("If-Match", read.header("etag")).json(Map.of("name", "Winter menu")).send(), 200);

        Api.Response stale = api().request("PATCH", base() + "/projects/" + menu).token(owner.token())
                .header("If-Match", read.header("etag")).json(Map.of("name", "Lost")).send();
        Api.Response staleDelete = api().request("DELETE", base() + "/projects/" + menu).token(owner.token())
                .header("If-Match", read.header("etag")).send();

        assertThat(stale.status()).isEqualTo(412);
        assertThat(staleDelete.status()).isEqualTo(412);
        assertThat(api().get(base() + "/projects/" + menu, owner.token()).get("name")).isEqualTo("Winter menu");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    @Test
    void aMemberIsReadOneByOneWithItsETagByWhoeverReadsTheProject() {
        String menu = createProject(owner.token(), "Menu", "private");
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Person ann = api().addMember(ws, owner, "Ann", "member");
        Api.expect(addMember(owner.token(), menu, "user", bob.id(), "guest"), 201);
        String bobPath = base() + "/projects/" + menu + "/members/" + bob.id();

        Api.Response read = api().get(bobPath, bob.token());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.get("role")).isEqualTo("guest");
        assertThat(read.header("etag")).isEqualTo("\"1\"");
        assertThat(api().get(bobPath, ann.token()).status()).isEqualTo(404);
        assertThat(api().get(base() + "/projects/" + menu + "/members/" + ann.id(), owner.token()).status())
                .isEqualTo(404);
    }

    @Test
    void replacingTheMembershipChangesOnlyWhatItChanges() {
        String menu = createProject(owner.token(), "Menu", "private");
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        Api.Response added = Api.expect(addMember(owner.token(), menu, "user", bob.id(), "creator"), 201);
        String bobPath = base() + "/projects/" + menu + "/members/" + bob.id();
        String ownerPath = base() + "/projects/" + menu + "/members/" + owner.id();
        Api.Response ownerBefore = Api.expect(api().get(ownerPath, owner.token()), 200);

        Api.expect(api().request("PUT", base() + "/projects/" + menu + "/members").token(owner.token()).json(List.of(
                Map.of("principalType", "user", "principalId", owner.id(), "role", "manager"),
                Map.of("principalType", "user", "principalId", bob.id(), "role", "guest"))).send(), 200);
        Api.Response stale = api().request("PATCH", bobPath).token(owner.token())
                .header("If-Match", added.header("etag")).json(Map.of("role", "editor")).send();

        assertThat(stale.status()).isEqualTo(412);
        Api.Response read = api().get(bobPath, owner.token());
        assertThat(read.get("role")).isEqualTo("guest");
        assertThat(read.header("etag")).isEqualTo("\"2\"");
        Api.Response ownerAfter = api().get(ownerPath, owner.token());
        assertThat(ownerAfter.header("etag")).as("kept with the same role: unchanged").isEqualTo(ownerBefore.header("etag"));
        assertThat(ownerAfter.get("addedAt")).isEqualTo(ownerBefore.get("addedAt"));
        assertThat(ownerAfter.get("addedBy")).isEqualTo(ownerBefore.get("addedBy"));

        Api.Person ann = api().addMember(ws, owner, "Ann", "member");
        Api.Response unknownSecond = api().request("PUT", base() + "/projects/" + menu + "/members")
                .token(owner.token()).json(List.of(
                        Map.of("principalType", "user", "principalId", "usr_nobody", "role", "manager"),
                        Map.of("principalType", "user", "principalId", ann.id(), "role", "guest"))).send();
        assertThat(unknownSecond.status()).isEqualTo(404);
        assertThat(unknownSecond.get("field")).isEqualTo("members[0].principalId");
    }

    @Test
    void aMemberAddedAgainDoesNotTakeBackTheETagsOfTheMembershipThatWasRemoved() {
        String menu = createProject(owner.token(), "Menu", "private");
        Api.Person bob = api().addMember(ws, owner, "Bob", "member");
        String bobPath = base() + "/projects/" + menu + "/members/" + bob.id();
        Api.expect(addMember(owner.token(), menu, "user", bob.id(), "guest"), 201);
        String firstEtag = api().get(bobPath, owner.token()).header("etag");
        Api.expect(api().delete(bobPath, owner.token()), 204);

        Api.Response again = Api.expect(addMember(owner.token(), menu, "user", bob.id(), "editor"), 201);

        assertThat(again.header("etag")).isNotEqualTo(firstEtag);
        Api.Response stale = api().request("PATCH", bobPath).token(owner.token()).header("If-Match", firstEtag)
                .json(Map.of("role", "guest")).send();
        assertThat(stale.status()).as("the ETag named the removed membership").isEqualTo(412);
        assertThat(api().get(bobPath, owner.token()).get("role")).isEqualTo("editor");
    }
}
