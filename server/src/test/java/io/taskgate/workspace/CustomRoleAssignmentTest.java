package io.taskgate.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/** Giving someone a custom role is granting its permissions: nobody may grant more than they hold. */
class CustomRoleAssignmentTest extends HttpTest {

    private Api.Person owner;
    private String workspace;

    @BeforeEach
    void workspace() {
        owner = api().signUp("Olga");
        workspace = api().createWorkspace(owner, "Cafe");
    }

    private String base() {
        return "/api/v1/workspaces/" + workspace;
    }

    private String createRole(String name, String... permissions) {
        return Api.expect(api().post(base() + "/roles", owner.token(),
                Map.of("name", name, "permissions", List.of(permissions))), 201).get("id");
    }

    @Test
    void anAdminCannotGiveThemselvesARoleGrantingWorkspaceManage() {
        String coOwners = createRole("Co-owners", "workspace.manage");
        Api.Person admin = api().addMember(workspace, owner, "Adam", "admin");

        Api.Response response = api().patch(base() + "/users/" + admin.id(), admin.token(),
                Map.of("customRoleIds", List.of(coOwners)));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.get("requiredPermission")).isEqualTo("workspace.manage");
        assertThat(api().get(base() + "/users/" + admin.id(), owner.token()).json().path("customRoleIds")).isEmpty();
    }

    @Test
    void anAdminCannotTakeFromSomeoneARoleGrantingWorkspaceManage() {
        String coOwners = createRole("Co-owners", "workspace.manage");
        Api.Person pia = api().addMember(workspace, owner, "Pia", "member");
        Api.expect(api().patch(base() + "/users/" + pia.id(), owner.token(),
                Map.of("customRoleIds", List.of(coOwners))), 200);
        Api.Person admin = api().addMember(workspace, owner, "Adam", "admin");

        Api.Response response = api().patch(base() + "/users/" + pia.id(), admin.token(),
                Map.of("customRoleIds", List.of()));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.get("requiredPermission")).isEqualTo("workspace.manage");
    }

    @Test
    void someoneWhoManagesApiClientsCannotGiveAClientARoleStrongerThanTheirOwn() {
        String integrators = createRole("Integrators", "api_clients.manage");
        String auditors = createRole("Auditors", "audit.read");
        Api.Person ivan = api().signUp("Ivan");
        Api.expect(api().post(base() + "/users", owner.token(),
                Map.of("email", ivan.email(), "role", "member", "customRoleIds", List.of(integrators))), 201);

        Api.Response response = api().post(base() + "/api-clients", ivan.token(), Map.of("name", "Spy",
                "role", "member", "accessLevel", "read", "customRoleIds", List.of(auditors)));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.get("requiredPermission")).isEqualTo("audit.read");
        assertThat(api().get(base() + "/api-clients", owner.token()).json().path("items")).isEmpty();
    }

    @Test
    void rolesWithinTheGrantorsOwnPermissionsAreAssignedAndKeptAsTheyAre() {
        String creators = createRole("Creators", "projects.create");
        String coOwners = createRole("Co-owners", "workspace.manage");
        Api.Person pia = api().addMember(workspace, owner, "Pia", "member");
        Api.expect(api().patch(base() + "/users/" + pia.id(), owner.token(),
                Map.of("customRoleIds", List.of(coOwners))), 200);
        Api.Person admin = api().addMember(workspace, owner, "Adam", "admin");

        Api.Response response = api().patch(base() + "/users/" + pia.id(), admin.token(),
                Map.of("customRoleIds", List.of(coOwners, creators)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("customRoleIds").valueStream().map(n -> n.asString()))
                .containsExactlyInAnyOrder(coOwners, creators);
    }

    @Test
    void deletingARoleGivesItsHoldersANewVersionSinceTheirRolesChanged() {
        String creators = createRole("Creators", "projects.create");
        Api.Person ann = api().addMember(workspace, owner, "Ann", "member");
        Api.Client bot = api().createApiClient(workspace, owner.token(), "Bot", "member", "read_write");
        Api.expect(api().patch(base() + "/users/" + ann.id(), owner.token(), Map.of("customRoleIds", List.of(creators))),
                200);
        Api.expect(api().patch(base() + "/api-clients/" + bot.id(), owner.token(),
                Map.of("customRoleIds", List.of(creators))), 200);
        String annEtag = api().get(base() + "/users/" + ann.id(), owner.token()).header("etag");
        String botEtag = api().get(base() + "/api-clients/" + bot.id(), owner.token()).header("etag");

        Api.expect(api().delete(base() + "/roles/" + creators, owner.token()), 204);

        Api.Response annNow = api().get(base() + "/users/" + ann.id(), owner.token());
        Api.Response botNow = api().get(base() + "/api-clients/" + bot.id(), owner.token());
        assertThat(annNow.json().path("customRoleIds")).isEmpty();
        assertThat(botNow.json().path("customRoleIds")).isEmpty();
        assertThat(annNow.header("etag")).isNotEqualTo(annEtag);
        assertThat(botNow.header("etag")).isNotEqualTo(botEtag);
    }
}
