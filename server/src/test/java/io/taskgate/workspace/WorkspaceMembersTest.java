package io.taskgate.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

class WorkspaceMembersTest extends HttpTest {

    @Test
    void whoeverCreatesAWorkspaceBecomesItsOwner() {
        Api.Person olga = api().signUp("Olga");
        Api.Response created = api().post("/api/v1/workspaces", olga.token(), Map.of("name", "Cafe"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("id")).startsWith("ws_");
        assertThat(created.get("name")).isEqualTo("Cafe");
        assertThat(created.get("role")).isEqualTo("owner");

        Api.Response users = api().get("/api/v1/workspaces/" + created.get("id") + "/users", olga.token());
        assertThat(users.json().path("items")).hasSize(1);
        assertThat(users.json().path("items").get(0).path("role").asString()).isEqualTo("owner");
        assertThat(users.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void myWorkspacesListsOnlyMine() {
        Api.Person olga = api().signUp("Olga");
        Api.Person bob = api().signUp("Bob");
        String cafe = api().createWorkspace(olga, "Cafe");
        api().createWorkspace(bob, "Bakery");

        Api.Response mine = api().get("/api/v1/workspaces", olga.token());

        assertThat(mine.json().path("items").findValuesAsString("id")).containsExactly(cafe);
    }

    @Test
    void anotherWorkspaceAnswers404WithNothingOfIt() {
        Api.Person olga = api().signUp("Olga");
        Api.Person mallory = api().signUp("Mallory");
        String cafe = api().createWorkspace(olga, "Secret Cafe");

        for (String path : new String[] {"", "/users", "/users/" + olga.id(), "/api-clients", "/audit-events",
                "/me/permissions"}) {
            Api.Response response = api().get("/api/v1/workspaces/" + cafe + path, mallory.token());
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.text()).as(path).doesNotContain("Secret Cafe").doesNotContain(olga.email());
        }
        Api.Response add = api().post("/api/v1/workspaces/" + cafe + "/users", mallory.token(),
                Map.of("email", "x@example.com", "role", "owner"));
        assertThat(add.status()).isEqualTo(404);
    }

    @Test
    void anAdminAddsPeopleWithARoleAndCustomRolesDefaultToNone() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Person bob = api().signUp("Bob");

        Api.Response added = api().post("/api/v1/workspaces/" + cafe + "/users", olga.token(),
                Map.of("email", bob.email(), "role", "admin"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.get("id")).isEqualTo(bob.id());
        assertThat(added.get("role")).isEqualTo("admin");
        assertThat(added.get("active")).isEqualTo("true");
        assertThat(added.json().path("customRoleIds")).isEmpty();
        assertThat(api().get("/api/v1/workspaces/" + cafe, bob.token()).get("role")).isEqualTo("admin");
    }

    @Test
    void addingSomeoneTwiceConflicts() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Person bob = api().addMember(cafe, olga, "Bob", "member");

        Api.Response again = api().post("/api/v1/workspaces/" + cafe + "/users", olga.token(),
                Map.of("email", bob.email(), "role", "member"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("code")).isEqualTo("already_member");
    }

    @Test
    void anUnknownRoleIs422NamingTheField() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");

        Api.Response response = api().post("/api/v1/workspaces/" + cafe + "/users", olga.token(),
                Map.of("email", "someone@example.com", "role", "superuser"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("role");
        assertThat(api().get("/api/v1/workspaces/" + cafe + "/users", olga.token()).json().path("items")).hasSize(1);
    }

    @Test
    void aMemberMayNotAddPeopleAndIsToldWhichPermissionIsMissing() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Person bob = api().addMember(cafe, olga, "Bob", "member");

        Api.Response response = api().post("/api/v1/workspaces/" + cafe + "/users", bob.token(),
                Map.of("email", "someone@example.com", "role", "member"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.get("code")).isEqualTo("forbidden");
        assertThat(response.get("requiredPermission")).isEqualTo("members.manage");
        assertThat(response.json().path("remedies").findValuesAsString("kind"))
                .contains("grant_workspace_permission");
    }

    @Test
    void anAdminCannotMakeAnOwner() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Person admin = api().addMember(cafe, olga, "Adam", "admin");
        Api.Person bob = api().addMember(cafe, olga, "Bob", "member");

        Api.Response response = api().patch("/api/v1/workspaces/" + cafe + "/users/" + bob.id(), admin.token(),
                Map.of("role", "owner"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.get("requiredPermission")).isEqualTo("workspace.manage");
    }

    @Test
    void theLastActiveOwnerCanBeNeitherDemotedNorDeactivated() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        String self = "/api/v1/workspaces/" + cafe + "/users/" + olga.id();

        Api.Response demote = api().patch(self, olga.token(), Map.of("role", "admin"));
        Api.Response deactivate = api().patch(self, olga.token(), Map.of("active", false));

        assertThat(demote.status()).isEqualTo(409);
        assertThat(demote.get("code")).isEqualTo("last_owner");
        assertThat(deactivate.status()).isEqualTo(409);
        assertThat(api().get(self, olga.token()).get("role")).isEqualTo("owner");
    }

    @Test
    void anOwnerInvitedButNotSignedUpDoesNotCountAsAnotherOwner() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        String self = "/api/v1/workspaces/" + cafe + "/users/" + olga.id();
        Api.Response invited = Api.expect(api().post("/api/v1/workspaces/" + cafe + "/users", olga.token(),
                Map.of("email", "not-yet@example.com", "role", "owner")), 201);

        Api.Response deactivate = api().patch(self, olga.token(), Map.of("active", false));
        Api.Response demote = api().patch(self, olga.token(), Map.of("role", "member"));
        Api.Response invitedSteppedDown = api().patch("/api/v1/workspaces/" + cafe + "/users/" + invited.get("id"),
                olga.token(), Map.of("role", "member"));

        assertThat(deactivate.status()).isEqualTo(409);
        assertThat(deactivate.get("code")).isEqualTo("last_owner");
        assertThat(demote.status()).isEqualTo(409);
        assertThat(api().get(self, olga.token()).get("active")).isEqualTo("true");
        assertThat(invitedSteppedDown.status()).as("the invitation is not the owner the workspace relies on")
                .isEqualTo(200);
    }

    @Test
    void twoOwnersSteppingDownAtTheSameTimeLeaveOneOwner() throws Exception {
        for (int round = 0; round < 5; round++) {
            Api.Person olga = api().signUp("Olga");
            String cafe = api().createWorkspace(olga, "Cafe");
            Api.Person bob = api().addMember(cafe, olga, "Bob", "member");
            Api.expect(api().patch("/api/v1/workspaces/" + cafe + "/users/" + bob.id(), olga.token(),
                    Map.of("role", "owner")), 200);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var start = new java.util.concurrent.CountDownLatch(1);
            var olgaSteps = pool.submit(() -> {
                start.await();
                return api().patch("/api/v1/workspaces/" + cafe + "/users/" + olga.id(), olga.token(),
                        Map.of("role", "admin")).status();
            });
            var bobSteps = pool.submit(() -> {
                start.await();
                return api().patch("/api/v1/workspaces/" + cafe + "/users/" + bob.id(), bob.token(),
                        Map.of("role", "admin")).status();
            });
            start.countDown();
            List<Integer> statuses = List.of(olgaSteps.get(), bobSteps.get());
            pool.shutdown();

            assertThat(statuses).as("one steps down, the other is the last owner").containsExactlyInAnyOrder(200, 409);
            long owners = api().get("/api/v1/workspaces/" + cafe + "/users", olga.token()).json().path("items")
                    .findValuesAsString("role").stream().filter("owner"::equals).count();
            assertThat(owners).isEqualTo(1);
        }
    }

    @Test
    void withASecondOwnerTheFirstMayStepDown() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Person pia = api().addMember(cafe, olga, "Pia", "owner");

        Api.Response demote = api().patch("/api/v1/workspaces/" + cafe + "/users/" + olga.id(), olga.token(),
                Map.of("role", "admin"));

        assertThat(demote.status()).isEqualTo(200);
        assertThat(demote.get("role")).isEqualTo("admin");
        Api.Response last = api().patch("/api/v1/workspaces/" + cafe + "/users/" + pia.id(), pia.token(),
                Map.of("active", false));
        assertThat(last.status()).isEqualTo(409);
    }

    @Test
    void aDeactivatedPersonLosesAccessAtOnceAndNothingIsDeleted() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Person bob = api().addMember(cafe, olga, "Bob", "member");
        assertThat(api().get("/api/v1/workspaces/" + cafe, bob.token()).status()).isEqualTo(200);

        Api.Response deactivated = api().patch("/api/v1/workspaces/" + cafe + "/users/" + bob.id(), olga.token(),
                Map.of("active", false));

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.get("active")).isEqualTo("false");
        assertThat(api().get("/api/v1/workspaces/" + cafe, bob.token()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/workspaces/" + cafe + "/users/" + bob.id(), olga.token()).get("active"))
                .isEqualTo("false");

        api().patch("/api/v1/workspaces/" + cafe + "/users/" + bob.id(), olga.token(), Map.of("active", true));
        assertThat(api().get("/api/v1/workspaces/" + cafe, bob.token()).status()).isEqualTo(200);
    }

    @Test
    void usersArePaginatedWithACursor() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        for (int i = 0; i < 4; i++) {
            api().addMember(cafe, olga, "Person " + i, "member");
        }

        Api.Response first = api().get("/api/v1/workspaces/" + cafe + "/users?limit=2", olga.token());
        Api.Response second = api().get("/api/v1/workspaces/" + cafe + "/users?limit=2&cursor="
                + first.get("nextCursor"), olga.token());
        Api.Response third = api().get("/api/v1/workspaces/" + cafe + "/users?limit=2&cursor="
                + second.get("nextCursor"), olga.token());

        assertThat(first.json().path("items")).hasSize(2);
        assertThat(second.json().path("items")).hasSize(2);
        assertThat(third.json().path("items")).hasSize(1);
        assertThat(third.json().path("nextCursor").isNull()).isTrue();
        assertThat(first.json().path("items").findValuesAsString("id"))
                .doesNotContainAnyElementsOf(second.json().path("items").findValuesAsString("id"));
        assertThat(api().get("/api/v1/workspaces/" + cafe + "/users?cursor=bogus", olga.token()).status())
                .isEqualTo(422);
        assertThat(api().get("/api/v1/workspaces/" + cafe + "/users?limit=0", olga.token()).status())
                .isEqualTo(422);
    }

    @Test
    void grantingARoleTakesHoldingEverythingItGrants() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Person bob = api().addMember(cafe, olga, "Bob", "member");
        Api.Person carl = api().addMember(cafe, olga, "Carl", "member");
        String hr = Api.expect(api().post("/api/v1/workspaces/" + cafe + "/roles", olga.token(),
                Map.of("name", "HR", "permissions", java.util.List.of("members.manage"))), 201).get("id");
        Api.expect(api().patch("/api/v1/workspaces/" + cafe + "/users/" + bob.id(), olga.token(),
                Map.of("customRoleIds", java.util.List.of(hr))), 200);

        Api.Response crown = api().patch("/api/v1/workspaces/" + cafe + "/users/" + carl.id(), bob.token(),
                Map.of("role", "admin"));
        Api.Response self = api().patch("/api/v1/workspaces/" + cafe + "/users/" + bob.id(), bob.token(),
                Map.of("role", "admin"));
        Api.Response demote = api().patch("/api/v1/workspaces/" + cafe + "/users/" + carl.id(), bob.token(),
                Map.of("role", "guest"));

        assertThat(crown.status()).isEqualTo(403);
        assertThat(crown.get("requiredPermission")).as("every permission of admin he lacks, in catalog order")
                .startsWith("api_clients.manage, teams.manage, ").endsWith(", audit.read");
        assertThat(self.status()).isEqualTo(403);
        assertThat(demote.status()).isEqualTo(200);
        assertThat(api().post("/api/v1/workspaces/" + cafe + "/api-clients", olga.token(),
                Map.of("name", "x", "role", "admin", "accessLevel", "read")).status()).isEqualTo(201);
    }

    @Test
    void anAdminCannotDeactivateAnOwner() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Person pia = api().addMember(cafe, olga, "Pia", "owner");
        Api.Person admin = api().addMember(cafe, olga, "Adam", "admin");
        Api.Person bob = api().addMember(cafe, olga, "Bob", "member");

        Api.Response coup = api().patch("/api/v1/workspaces/" + cafe + "/users/" + pia.id(), admin.token(),
                Map.of("active", false));
        Api.Response ordinary = api().patch("/api/v1/workspaces/" + cafe + "/users/" + bob.id(), admin.token(),
                Map.of("active", false));

        assertThat(coup.status()).isEqualTo(403);
        assertThat(coup.get("requiredPermission")).isEqualTo("workspace.manage");
        assertThat(ordinary.status()).isEqualTo(200);
        assertThat(api().get("/api/v1/workspaces/" + cafe, pia.token()).status()).isEqualTo(200);
    }

    @Test
    void switchingSomeoneOffTakesHoldingWhatTheirCustomRolesGrantToo() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Person dee = api().addMemberHolding(cafe, olga, "Dee", "members.manage");
        Api.Person nora = api().addMemberHolding(cafe, olga, "Nora", "teams.manage");
        Api.Person bob = api().addMember(cafe, olga, "Bob", "member");

        Api.Response stronger = api().patch("/api/v1/workspaces/" + cafe + "/users/" + nora.id(), dee.token(),
                Map.of("active", false));
        Api.Response plain = api().patch("/api/v1/workspaces/" + cafe + "/users/" + bob.id(), dee.token(),
                Map.of("active", false));

        assertThat(stronger.status()).as("Nora's custom role grants teams.manage, which Dee lacks").isEqualTo(403);
        assertThat(stronger.get("requiredPermission")).isEqualTo("teams.manage");
        assertThat(api().get("/api/v1/workspaces/" + cafe, nora.token()).status()).isEqualTo(200);
        assertThat(plain.status()).isEqualTo(200);
    }

    @Test
    void aNullAmongCustomRoleIdsIsAWrongJsonType() {
        Api.Person olga = api().signUp("Olga");
        String cafe = api().createWorkspace(olga, "Cafe");
        Api.Person bob = api().addMember(cafe, olga, "Bob", "member");
        Object nullInside = java.util.Arrays.asList((Object) null);

        Api.Response changed = api().patch("/api/v1/workspaces/" + cafe + "/users/" + bob.id(), olga.token(),
                Map.of("customRoleIds", nullInside));
        Api.Response invited = api().post("/api/v1/workspaces/" + cafe + "/users", olga.token(),
                Map.of("email", "ann@example.com", "customRoleIds", nullInside));
        Api.Response client = api().post("/api/v1/workspaces/" + cafe + "/api-clients", olga.token(),
                Map.of("name", "Bot", "role", "member", "accessLevel", "read", "customRoleIds", nullInside));

        for (Api.Response refused : List.of(changed, invited, client)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.get("code")).isEqualTo("wrong_json_type");
            assertThat(refused.get("detail")).contains("customRoleIds");
        }
    }

    @Test
    void aWorkspaceAnswersItsVersionAsETag() {
        Api.Person olga = api().signUp("Olga");
        Api.Response created = api().post("/api/v1/workspaces", olga.token(), Map.of("name", "Cafe"));
        Api.Response read = api().get("/api/v1/workspaces/" + created.get("id"), olga.token());

        assertThat(created.header("etag")).as("the version, then the caller's role").isEqualTo("\"1.owner\"");
        assertThat(read.header("etag")).isEqualTo("\"1.owner\"");
        assertThat(read.json().path("version").asLong()).isEqualTo(1);

        Api.Person ann = api().addMember(created.get("id"), olga, "Ann", "member");
        Api.Response asMember = api().get("/api/v1/workspaces/" + created.get("id"), ann.token());
        Api.expect(api().patch("/api/v1/workspaces/" + created.get("id") + "/users/" + ann.id(), olga.token(),
                Map.of("role", "admin")), 200);
        Api.Response asAdmin = api().request("GET", "/api/v1/workspaces/" + created.get("id")).token(ann.token())
                .header("If-None-Match", asMember.header("etag")).send();
        assertThat(asAdmin.status()).as("a copy made for her old role is not current").isEqualTo(200);
        assertThat(asAdmin.get("role")).isEqualTo("admin");
        assertThat(api().request("GET", "/api/v1/workspaces/" + created.get("id")).token(ann.token())
                .header("If-None-Match", asAdmin.header("etag")).send().status()).isEqualTo(304);
    }
}
