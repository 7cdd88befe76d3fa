package io.taskgate.apiclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

class ApiClientKeysTest extends HttpTest {

    private Api.Person owner;
    private String workspace;

    @BeforeEach
    void workspace() {
        owner = api().signUp("Olga");
        workspace = api().createWorkspace(owner, "Cafe");
    }

    private String clients() {
        return "/api/v1/workspaces/" + workspace + "/api-clients";
    }

    @Test
    void anApiClientHasARoleAndAnAccessLevel() {
        Api.Response created = api().post(clients(), owner.token(),
                Map.of("name", "Zapier", "role", "admin", "accessLevel", "read_write"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("id")).startsWith("cli_");
        assertThat(created.get("name")).isEqualTo("Zapier");
        assertThat(created.get("role")).isEqualTo("admin");
        assertThat(created.get("accessLevel")).isEqualTo("read_write");
        assertThat(created.get("workspaceId")).isEqualTo(workspace);
        assertThat(api().get(clients(), owner.token()).json().path("items").findValuesAsString("id"))
                .containsExactly(created.get("id"));
    }

    @Test
    void anUnknownAccessLevelIs422AndCreatesNothing() {
        Api.Response created = api().post(clients(), owner.token(),
                Map.of("name", "Zapier", "role", "admin", "accessLevel", "superuser"));

        assertThat(created.status()).isEqualTo(422);
        assertThat(created.json().path("errors").get(0).path("field").asString()).isEqualTo("accessLevel");
        assertThat(api().get(clients(), owner.token()).json().path("items")).isEmpty();
    }

    @Test
    void aKeySecretIsShownOnceInARecognisableFormat() {
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "member", "global");

        assertThat(zapier.secret()).startsWith("tgk_" + zapier.keyId() + "_");
        Api.Response keys = api().get(clients() + "/" + zapier.id() + "/keys", owner.token());
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.json().path("items").findValuesAsString("id")).containsExactly(zapier.keyId());
        assertThat(keys.text()).doesNotContain(zapier.secret()).doesNotContain("\"secret\"");
        assertThat(keys.json().path("items").get(0).path("prefix").asString()).isEqualTo("tgk_" + zapier.keyId());
    }

    @Test
    void theLocationOfANewKeyAnswersTheKeyWithoutItsSecret() {
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "member", "read");
        Api.Response created = Api.expect(api().post(clients() + "/" + zapier.id() + "/keys", owner.token(),
                Map.of("name", "backup")), 201);

        Api.Response key = api().get(java.net.URI.create(created.header("location")).getPath(), owner.token());

        assertThat(key.status()).isEqualTo(200);
        assertThat(key.get("id")).isEqualTo(created.get("id"));
        assertThat(key.get("name")).isEqualTo("backup");
        assertThat(key.text()).doesNotContain(created.get("secret")).doesNotContain("\"secret\"");
        assertThat(api().get(clients() + "/" + zapier.id() + "/keys/key_nope", owner.token()).status())
                .isEqualTo(404);
    }

    @Test
    void aKeyAuthenticatesItsClientOnMe() {
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "admin", "read_write");

        Api.Response me = api().get("/api/v1/me", zapier.secret());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.get("id")).isEqualTo(zapier.id());
        assertThat(me.get("type")).isEqualTo("api_client");
        assertThat(me.get("name")).isEqualTo("Zapier");
        assertThat(me.get("workspaceId")).isEqualTo(workspace);
        assertThat(me.get("role")).isEqualTo("admin");
        assertThat(me.get("accessLevel")).isEqualTo("read_write");
        assertThat(me.get("keyId")).isEqualTo(zapier.keyId());
    }

    @Test
    void aKeyWorksAsTheAccessTokenQueryParameter() {
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "member", "global");

        Api.Response me = api().request("GET", "/api/v1/me?access_token=" + zapier.secret()).send();

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.get("id")).isEqualTo(zapier.id());
    }

    @Test
    void aTokenInBothTheHeaderAndTheQueryIsRefusedRatherThanOneWinning() {
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "member", "global");

        Api.Response both = api().request("GET", "/api/v1/me?access_token=" + zapier.secret())
                .token(owner.token()).send();

        assertThat(both.status()).isEqualTo(400);
        assertThat(both.get("code")).isEqualTo("invalid_request");
        assertThat(both.text()).doesNotContain(zapier.secret()).doesNotContain(owner.token());
    }

    @Test
    void aRevokedKeyIsRefusedOnItsVeryNextUse() {
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "member", "global");
        assertThat(api().get("/api/v1/me", zapier.secret()).status()).isEqualTo(200);

        Api.Response revoked = api().delete(clients() + "/" + zapier.id() + "/keys/" + zapier.keyId(), owner.token());

        assertThat(revoked.status()).isEqualTo(204);
        Api.Response me = api().get("/api/v1/me", zapier.secret());
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.get("code")).isEqualTo("token_revoked");
        assertThat(api().get(clients() + "/" + zapier.id() + "/keys", owner.token()).json().path("items").get(0)
                .path("status").asString()).isEqualTo("revoked");
    }

    @Test
    void anExpiredKeyIsRefused() {
        Api.Response client = api().post(clients(), owner.token(),
                Map.of("name", "Cron", "role", "member", "accessLevel", "read"));
        String expiresAt = Instant.now().plus(Duration.ofHours(1)).toString();
        Api.Response key = api().post(clients() + "/" + client.get("id") + "/keys", owner.token(),
                Map.of("name", "nightly", "expiresAt", expiresAt));
        assertThat(key.status()).isEqualTo(201);
        assertThat(key.get("expiresAt")).isNotEmpty();
        assertThat(api().get("/api/v1/me", key.get("secret")).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(2));

        Api.Response me = api().get("/api/v1/me", key.get("secret"));
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.get("code")).isEqualTo("token_expired");
    }

    @Test
    void anExpiryInThePastOrMalformedIs422() {
        Api.Client cron = api().createApiClient(workspace, owner.token(), "Cron", "member", "read");
        String keys = clients() + "/" + cron.id() + "/keys";

        assertThat(api().post(keys, owner.token(), Map.of("expiresAt", "2001-01-01T00:00:00Z")).status())
                .isEqualTo(422);
        Api.Response malformed = api().post(keys, owner.token(), Map.of("expiresAt", "tomorrow"));
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.json().path("errors").get(0).path("field").asString()).isEqualTo("expiresAt");
    }

    @Test
    void lastUsedAtIsRecorded() {
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "member", "global");
        api().get("/api/v1/me", zapier.secret());

        Api.Response keys = api().get(clients() + "/" + zapier.id() + "/keys", owner.token());

        assertThat(keys.json().path("items").get(0).path("lastUsedAt").asString()).endsWith("Z");
    }

    @Test
    void aDisabledClientsKeysStopWorking() {
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "member", "global");

        api().patch(clients() + "/" + zapier.id(), owner.token(), Map.of("active", false));

        assertThat(api().get("/api/v1/me", zapier.secret()).status()).isEqualTo(401);
    }

    @Test
    void aDisabledClientGetsNoNewKeyUntilItIsEnabled() {
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "member", "global");
        Api.expect(api().patch(clients() + "/" + zapier.id(), owner.token(), Map.of("active", false)), 200);

        Api.Response refused = api().post(clients() + "/" + zapier.id() + "/keys", owner.token(),
                Map.of("name", "spare"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("client_disabled");
        assertThat(api().get(clients() + "/" + zapier.id() + "/keys", owner.token()).json().path("items"))
                .as("nothing created").hasSize(1);
        Api.expect(api().patch(clients() + "/" + zapier.id(), owner.token(), Map.of("active", true)), 200);
        Api.expect(api().post(clients() + "/" + zapier.id() + "/keys", owner.token(), Map.of("name", "spare")), 201);
    }

    @Test
    void aMemberWithoutApiClientsManageIsRefusedWithTheMissingPermission() {
        Api.Person bob = api().addMember(workspace, owner, "Bob", "member");

        Api.Response response = api().post(clients(), bob.token(),
                Map.of("name", "Sneaky", "role", "admin", "accessLevel", "global"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.get("requiredPermission")).isEqualTo("api_clients.manage");
    }

    @Test
    void anApiClientCannotReachAnotherWorkspace() {
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "owner", "global");
        Api.Person eve = api().signUp("Eve");
        String other = api().createWorkspace(eve, "Other");

        Api.Response response = api().get("/api/v1/workspaces/" + other + "/users", zapier.secret());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text()).doesNotContain(eve.email());
    }

    @Test
    void anAdminCannotMintAnOwnerClient() {
        Api.Person admin = api().addMember(workspace, owner, "Adam", "admin");

        Api.Response response = api().post(clients(), admin.token(),
                Map.of("name", "Root", "role", "owner", "accessLevel", "global"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.get("requiredPermission")).isEqualTo("workspace.manage");
    }

    @Test
    void managingApiClientsDoesNotLetAMemberActAsAClientStrongerThanThemselves() {
        Api.Person bob = api().addMemberHolding(workspace, owner, "Bob", "api_clients.manage");
        Api.Client adminBot = api().createApiClient(workspace, owner.token(), "Admin bot", "admin", "read_write");
        Api.Client everywhere = api().createApiClient(workspace, owner.token(), "Everywhere", "member", "global");
        Api.Client helper = api().createApiClient(workspace, owner.token(), "Helper", "member", "read_write");

        Api.Response adminKey = api().post(clients() + "/" + adminBot.id() + "/keys", bob.token(), Map.of());
        Api.Response globalKey = api().post(clients() + "/" + everywhere.id() + "/keys", bob.token(), Map.of());
        Api.Response globalClient = api().post(clients(), bob.token(),
                Map.of("name", "Mine", "role", "member", "accessLevel", "global"));
        Api.Response widened = api().patch(clients() + "/" + helper.id(), bob.token(), Map.of("accessLevel", "global"));

        assertThat(adminKey.status()).as("a key acts as its admin client").isEqualTo(403);
        assertThat(adminKey.get("requiredPermission")).isNotEqualTo("api_clients.manage");
        assertThat(globalKey.status()).as("global makes a client an editor of every project").isEqualTo(403);
        assertThat(globalKey.get("requiredPermission")).isEqualTo("tasks.edit_all");
        assertThat(globalClient.get("detail")).as("says what the permission is asked for")
                .startsWith("Access level global makes a client an editor of every project");
        assertThat(globalClient.status()).isEqualTo(403);
        assertThat(widened.status()).isEqualTo(403);
        assertThat(api().get(clients() + "/" + helper.id(), owner.token()).get("accessLevel")).isEqualTo("read_write");
        assertThat(api().post(clients() + "/" + helper.id() + "/keys", bob.token(), Map.of()).status())
                .as("a client no stronger than Bob gets keys from him").isEqualTo(201);
        assertThat(api().get(clients() + "/" + adminBot.id() + "/keys", owner.token()).json().path("items").size())
                .as("the refused mints left no key").isEqualTo(1);
        assertThat(api().delete(clients() + "/" + adminBot.id() + "/keys/" + adminBot.keyId(), bob.token())
                .status()).as("cutting a stronger client off is refused like switching it off").isEqualTo(403);
        assertThat(api().patch(clients() + "/" + adminBot.id(), bob.token(), Map.of("active", false)).status())
                .isEqualTo(403);
    }

    @Test
    void whoManagesApiClientsCannotReachThroughOneWhatTheyCannotReachThemselves() {
        Api.Person bob = api().addMemberHolding(workspace, owner, "Bob", "api_clients.manage");
        String payroll = Api.expect(api().post("/api/v1/workspaces/" + workspace + "/projects", owner.token(),
                Map.of("name", "Payroll", "visibility", "private")), 201).get("id");
        Api.Client deployer = api().createApiClient(workspace, owner.token(), "Deployer", "member", "read_write");
        Api.expect(api().post("/api/v1/workspaces/" + workspace + "/projects/" + payroll + "/members",
                owner.token(), Map.of("principalType", "api_client", "principalId", deployer.id(), "role", "editor")),
                201);
        String barista = Api.expect(api().post("/api/v1/workspaces/" + workspace + "/positions", owner.token(),
                Map.of("name", "Barista")), 201).get("id");
        String baristaLead = Api.expect(api().post("/api/v1/workspaces/" + workspace + "/roles", owner.token(),
                Map.of("name", "Barista lead", "permissions", List.of(), "positionPermissions",
                        List.of(Map.of("positionId", barista, "permissions", List.of("shift.edit"))))), 201).get("id");
        Api.Client mine = api().createApiClient(workspace, owner.token(), "Mine", "member", "read_write");

        Api.Response payrollKey = api().post(clients() + "/" + deployer.id() + "/keys", bob.token(), Map.of());
        Api.Response disabled = api().patch(clients() + "/" + deployer.id(), bob.token(), Map.of("active", false));
        Api.Response leadRole = api().patch(clients() + "/" + mine.id(), bob.token(),
                Map.of("customRoleIds", List.of(baristaLead)));

        assertThat(payrollKey.status()).as("Deployer edits the private Payroll, which Bob cannot see").isEqualTo(403);
        assertThat(payrollKey.text()).as("a private project is never named").doesNotContain("Payroll")
                .doesNotContain(payroll);
        assertThat(disabled.status()).isEqualTo(403);
        assertThat(leadRole.status()).as("shift.edit on Barista, which Bob may not use").isEqualTo(403);
        assertThat(api().get(clients() + "/" + mine.id(), owner.token()).json().path("customRoleIds")).isEmpty();
        assertThat(api().post(clients() + "/" + mine.id() + "/keys", bob.token(), Map.of()).status())
                .as("a client that can do nothing Bob cannot").isEqualTo(201);
    }

    @Test
    void aClientConfinedToItsProjectsCannotWidenItsReachThroughItselfAnotherClientOrAPerson() {
        String payroll = api().createProject(workspace, owner.token(), "Payroll", "private");
        Api.Client ops = api().createApiClient(workspace, owner.token(), "Ops", "admin", "read_write");
        Api.Client everywhere = api().createApiClient(workspace, owner.token(), "Everywhere", "member", "global");

        Api.Response borrowedKey = api().post(clients() + "/" + everywhere.id() + "/keys", ops.secret(), Map.of());
        Api.Response widenedItself = api().patch(clients() + "/" + ops.id(), ops.secret(),
                Map.of("accessLevel", "global"));
        Api.Response globalClient = api().post(clients(), ops.secret(),
                Map.of("name", "Mine", "role", "admin", "accessLevel", "global"));
        Api.Response adminPerson = api().post("/api/v1/workspaces/" + workspace + "/users", ops.secret(),
                Map.of("email", "accomplice@example.com", "role", "admin"));

        assertThat(borrowedKey.status()).as("a global client reaches Payroll, which Ops does not").isEqualTo(403);
        assertThat(borrowedKey.get("requiredPermission")).isEqualTo("access level global");
        assertThat(borrowedKey.json().path("remedies").get(0).path("kind").asString()).isEqualTo("set_access_level");
        assertThat(borrowedKey.json().path("remedies").get(0).path("principalId").asString()).isEqualTo(ops.id());
        assertThat(widenedItself.status()).isEqualTo(403);
        assertThat(globalClient.status()).isEqualTo(403);
        assertThat(adminPerson.status()).as("an admin reads and manages every project").isEqualTo(403);
        assertThat(adminPerson.json().path("lackingPermissions").valueStream().map(node -> node.asString()))
                .containsExactly("projects.read_all", "projects.manage_all", "tasks.edit_all");
        assertThat(adminPerson.json().path("remedies").get(0).path("kind").asString())
                .as("one change lets it: the reach of a global client").isEqualTo("set_access_level");

        assertThat(api().get(clients() + "/" + everywhere.id() + "/keys", owner.token()).json().path("items").size())
                .isEqualTo(1);
        assertThat(api().get(clients() + "/" + ops.id(), owner.token()).get("accessLevel")).isEqualTo("read_write");
        assertThat(api().get(clients(), owner.token()).json().path("items").size()).isEqualTo(2);
        assertThat(api().get("/api/v1/workspaces/" + workspace + "/users", owner.token()).text())
                .doesNotContain("accomplice@example.com");
        assertThat(api().get("/api/v1/workspaces/" + workspace + "/projects/" + payroll, ops.secret()).status())
                .isEqualTo(404);
        Api.Response peer = api().post(clients(), ops.secret(),
                Map.of("name", "Peer", "role", "admin", "accessLevel", "read_write"));
        assertThat(peer.status()).as("a client confined as Ops is, no stronger than it").isEqualTo(201);
        assertThat(api().post(clients() + "/" + peer.get("id") + "/keys", ops.secret(), Map.of()).status())
                .isEqualTo(201);
    }

    @Test
    void aRefusalLackingSeveralThingsStillSaysWhyGlobalAsksForTasksEditAll() {
        Api.Person kim = api().addMemberHolding(workspace, owner, "Kim", "api_clients.manage");

        Api.Response refused = api().post(clients(), kim.token(),
                Map.of("name", "Everywhere", "role", "admin", "accessLevel", "global"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("lackingPermissions").toString()).contains("tasks.edit_all")
                .contains("audit.read");
        assertThat(refused.get("detail")).contains("Access level global makes a client an editor of every project");
    }

    @Test
    void grantingARoleNamesEveryPermissionLackingAndOneRemedyForAllOfThem() {
        Api.Person rita = api().addMemberHolding(workspace, owner, "Rita", "members.manage");
        Api.Person bob = api().addMember(workspace, owner, "Bob", "member");

        Api.Response promoted = api().patch("/api/v1/workspaces/" + workspace + "/users/" + bob.id(), rita.token(),
                Map.of("role", "admin"));

        assertThat(promoted.status()).isEqualTo(403);
        List<String> lacking = promoted.json().path("lackingPermissions").valueStream()
                .map(node -> node.asString()).toList();
        assertThat(lacking).as("an admin holds all but workspace.manage; Rita, members.manage and projects.create")
                .containsExactly("api_clients.manage", "teams.manage", "positions.manage", "projects.read_all",
                        "projects.manage_all", "tasks.edit_all", "staff_tasks.manage", "audit.read");
        assertThat(promoted.get("requiredPermission")).isEqualTo(String.join(", ", lacking));
        var remedy = promoted.json().path("remedies").get(0);
        assertThat(remedy.path("kind").asString()).isEqualTo("all_of");
        assertThat(remedy.path("steps").findValuesAsString("permission")).containsExactlyElementsOf(lacking);

        List<String> remedied = new java.util.ArrayList<>(lacking);
        remedied.add("members.manage"); // her custom roles are replaced as a whole: keep what she had
        String everything = api().createRole(workspace, owner.token(), "Rita's remedy", remedied.toArray(String[]::new));
        Api.expect(api().patch("/api/v1/workspaces/" + workspace + "/users/" + rita.id(), owner.token(),
                Map.of("customRoleIds", List.of(everything))), 200);
        assertThat(api().patch("/api/v1/workspaces/" + workspace + "/users/" + bob.id(), rita.token(),
                Map.of("role", "admin")).status()).as("following the remedy is enough").isEqualTo(200);
    }

    @Test
    void askingWhatAnotherPrincipalMayDoTakesWhatReadingThemTakes() {
        Api.Person rita = api().addMemberHolding(workspace, owner, "Rita", "members.manage");
        Api.Person carl = api().addMemberHolding(workspace, owner, "Carl", "api_clients.manage");
        Api.Person bob = api().addMember(workspace, owner, "Bob", "member");
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "member", "global");
        java.util.function.BiFunction<String, Map<String, String>, Api.Response> ask = (token, principal) ->
                api().post("/api/v1/workspaces/" + workspace + "/authz/check", token, Map.of("principal", principal,
                        "action", "projects.create", "resource", Map.of("type", "workspace")));
        Map<String, String> aboutBob = Map.of("type", "user", "id", bob.id());
        Map<String, String> aboutZapier = Map.of("type", "api_client", "id", zapier.id());

        Api.expect(ask.apply(rita.token(), aboutBob), 200);
        Api.Response ritaAboutZapier = ask.apply(rita.token(), aboutZapier);
        assertThat(ritaAboutZapier.status()).as("she may not read the client either").isEqualTo(403);
        assertThat(ritaAboutZapier.get("requiredPermission")).isEqualTo("api_clients.manage");
        assertThat(ritaAboutZapier.text()).doesNotContain("global");
        assertThat(api().get(clients() + "/" + zapier.id(), rita.token()).status()).isEqualTo(403);

        Api.expect(ask.apply(carl.token(), aboutZapier), 200);
        Api.Response carlAboutBob = ask.apply(carl.token(), aboutBob);
        assertThat(carlAboutBob.status()).isEqualTo(403);
        assertThat(carlAboutBob.get("requiredPermission")).isEqualTo("members.manage");
    }

    /** Found by an auditor: asked without a key, the check said yes for a client whose every key was revoked. */
    @Test
    void aCheckAboutAClientWithoutAWorkingKeySaysItCanSendNoRequest() {
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "member", "global");
        Map<String, Object> question = Map.of("principal", Map.of("type", "api_client", "id", zapier.id()),
                "action", "projects.create", "resource", Map.of("type", "workspace"));
        String check = "/api/v1/workspaces/" + workspace + "/authz/check";

        Api.Response working = Api.expect(api().post(check, owner.token(), question), 200);
        assertThat(working.json().path("warnings")).as("its key works").isEmpty();

        Api.expect(api().delete(clients() + "/" + zapier.id() + "/keys/" + zapier.keyId(), owner.token()), 204);
        Api.Response keyless = Api.expect(api().post(check, owner.token(), question), 200);

        assertThat(keyless.json().path("allowed").asBoolean()).as("the rules still allow it").isTrue();
        assertThat(keyless.json().path("warnings").get(0).asString()).contains("no working key")
                .contains("/api-clients/" + zapier.id() + "/keys");
        assertThat(api().get("/api/v1/me", zapier.secret()).status()).as("and indeed it can send nothing").isEqualTo(401);
    }

    @Test
    void aReadClientUsesItsRolesPermissionsToReadButNeverToChange() {
        Api.Client auditor = api().createApiClient(workspace, owner.token(), "Auditor", "admin", "read");
        Api.Client other = api().createApiClient(workspace, owner.token(), "Zapier", "member", "read_write");

        assertThat(Api.expect(api().get(clients(), auditor.secret()), 200).json().path("items")
                .findValuesAsString("id")).contains(auditor.id(), other.id());
        Api.expect(api().get(clients() + "/" + other.id(), auditor.secret()), 200);
        Api.expect(api().get(clients() + "/" + other.id() + "/keys", auditor.secret()), 200);
        Api.Response asked = api().post("/api/v1/workspaces/" + workspace + "/authz/check", auditor.secret(),
                Map.of("principal", Map.of("type", "api_client", "id", other.id()), "action", "members.manage",
                        "resource", Map.of("type", "workspace")));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.json().path("allowed").asBoolean()).isFalse();

        Api.Response create = api().post(clients(), auditor.secret(),
                Map.of("name", "Sneaky", "role", "member", "accessLevel", "read"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.get("detail")).contains("read");
        Api.Response revoke = api().delete(clients() + "/" + other.id() + "/keys/" + other.keyId(), auditor.secret());
        assertThat(revoke.status()).isEqualTo(403);
        Api.expect(api().get("/api/v1/me", other.secret()), 200); // the key still works: nothing was revoked
    }

    @Test
    void aReadClientWithoutThePermissionIsToldWhichOneItLacks() {
        Api.Client reader = api().createApiClient(workspace, owner.token(), "Reader", "member", "read");

        Api.Response response = api().get(clients(), reader.secret());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.get("requiredPermission")).isEqualTo("api_clients.manage");
    }

    @Test
    void anApiClientCannotCreateWorkspacesAndTheRefusalSaysWhy() {
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "owner", "global");

        Api.Response response = api().post("/api/v1/workspaces", zapier.secret(), Map.of("name", "Elsewhere"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.get("code")).isEqualTo("users_only");
        assertThat(response.get("requiredPermission")).isEqualTo("user session");
        assertThat(response.json().path("remedies").findValuesAsString("kind")).containsExactly("sign_in_as_user");
        assertThat(response.json().path("remedies").get(0).path("principalId").asString()).isEqualTo(zapier.id());
        assertThat(response.get("detail")).contains("person");
    }
}
