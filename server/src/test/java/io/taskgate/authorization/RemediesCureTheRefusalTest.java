package io.taskgate.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * A refusal that needs several things names them all, and its first remedy, applied literally by
 * the owner, lets the very same request through: asked one by one, the first remedy only led to
 * the next 403. Each story was found by a black-box client doing just that.
 */
class RemediesCureTheRefusalTest extends HttpTest {

    private Api.Person owner;
    private String ws;
    private int rolesMade;

    @BeforeEach
    void workspace() {
        owner = api().signUp("Olga");
        ws = api().createWorkspace(owner, "Cafe");
    }

    private String path(String rest) {
        return "/api/v1/workspaces/" + ws + rest;
    }

    @Test
    void aMembersManagerCannotGiveShiftEditOnAPositionTheyDoNotManageNorMakeMasterTasksThroughIt() {
        String hiring = api().createRole(ws, owner.token(), "Hiring", "members.manage");
        Api.Person hanna = api().addMember(ws, owner, "Hanna", "member");
        assign(hanna.id(), hiring);
        String barista = api().createPosition(ws, owner.token(), "Barista");
        Map<String, Object> shiftEdit = Map.of("positionPermissions",
                List.of(Map.of("positionId", barista, "permissions", List.of("shift.edit"))));

        Api.Response widened = api().patch(path("/roles/" + hiring), hanna.token(), shiftEdit);
        Api.Response created = api().post(path("/roles"), hanna.token(), Map.of("name", "Shifts",
                "permissions", List.of(), "positionPermissions", shiftEdit.get("positionPermissions")));

        assertThat(widened.status()).as(widened.text()).isEqualTo(403);
        assertThat(widened.json().path("lackingPositionIds").toString()).contains(barista);
        assertThat(created.status()).isEqualTo(403);
        assertThat(api().post(path("/master-tasks"), hanna.token(), Map.of("name", "Open",
                "positionIds", List.of(barista))).status()).as("her role did not change").isEqualTo(403);
        assertCuredByFirstRemedy(widened, () -> api().patch(path("/roles/" + hiring), hanna.token(), shiftEdit), 200);
    }

    @Test
    void aRoleChangeNamesEveryPermissionItLacksAtOnce() {
        String auditors = api().createRole(ws, owner.token(), "Auditors", "audit.read");
        Api.Person hanna = api().addMemberHolding(ws, owner, "Hanna", "members.manage");
        Map<String, Object> widen = Map.of("permissions", List.of("audit.read", "tasks.edit_all"));

        Api.Response refused = api().patch(path("/roles/" + auditors), hanna.token(), widen);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.get("requiredPermission")).isEqualTo("tasks.edit_all, audit.read");
        assertCuredByFirstRemedy(refused, () -> api().patch(path("/roles/" + auditors), hanna.token(), widen), 200);
    }

    @Test
    void mintingAKeyForAClientInTwoProjectsNamesBoth() {
        String menu = api().createProject(ws, owner.token(), "Menu", "public");
        String events = api().createProject(ws, owner.token(), "Events", "public");
        Api.Client bot = api().createApiClient(ws, owner.token(), "Bot", "member", "read_write");
        addMember(menu, "api_client", bot.id(), "editor");
        addMember(events, "api_client", bot.id(), "manager");
        Api.Person kim = api().addMemberHolding(ws, owner, "Kim", "api_clients.manage");
        Supplier<Api.Response> mint = () -> api().post(path("/api-clients/" + bot.id() + "/keys"), kim.token(),
                Map.of("name", "k"));

        Api.Response refused = mint.get();

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.get("requiredPermission")).contains("editor").contains("manager");
        assertCuredByFirstRemedy(refused, mint, 201);
    }

    @Test
    void joiningATeamInAVisibleAndAnInvisibleProjectNamesOnlyWhatCuresBoth() {
        String menu = api().createProject(ws, owner.token(), "Menu", "public");
        String payroll = api().createProject(ws, owner.token(), "Payroll", "private");
        String team = Api.expect(api().post(path("/teams"), owner.token(), Map.of("name", "Finance")), 201).get("id");
        addMember(menu, "team", team, "editor");
        addMember(payroll, "team", team, "guest");
        Api.Person tess = api().addMemberHolding(ws, owner, "Tess", "teams.manage");
        Supplier<Api.Response> join = () -> api().post(path("/teams/" + team + "/members"), tess.token(),
                Map.of("principalType", "user", "principalId", tess.id()));

        Api.Response refused = join.get();

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).doesNotContain(payroll).doesNotContain("Payroll");
        assertCuredByFirstRemedy(refused, join, 201);
    }

    @Test
    void makingAClientGlobalWithRolesNamesTheLevelAndTheRolesTogether() {
        String staffing = api().createRole(ws, owner.token(), "Staffing", "staff_tasks.manage", "audit.read");
        Api.Client bot = api().createApiClient(ws, owner.token(), "Bot", "member", "read_write");
        Api.Person kim = api().addMemberHolding(ws, owner, "Kim", "api_clients.manage");
        Map<String, Object> change = Map.of("customRoleIds", List.of(staffing), "accessLevel", "global");
        Supplier<Api.Response> widen = () -> api().patch(path("/api-clients/" + bot.id()), kim.token(), change);

        Api.Response refused = widen.get();

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("lackingPermissions").toString()).contains("tasks.edit_all")
                .contains("staff_tasks.manage").contains("audit.read");
        assertCuredByFirstRemedy(refused, widen, 200);
    }

    @Test
    void raisingAConfinedClientsRoleTakesManagingTheProjectsItWouldManage() {
        String menu = api().createProject(ws, owner.token(), "Menu", "public");
        Api.Client bot = api().createApiClient(ws, owner.token(), "Bot", "member", "read_write");
        addMember(menu, "api_client", bot.id(), "guest");
        Api.Person kim = api().addMemberHolding(ws, owner, "Kim", "api_clients.manage", "members.manage",
                "teams.manage", "positions.manage", "staff_tasks.manage", "audit.read");
        Supplier<Api.Response> crown = () -> api().patch(path("/api-clients/" + bot.id()), kim.token(),
                Map.of("role", "admin"));

        Api.Response refused = crown.get();

        assertThat(refused.status()).as("an admin client manages Menu, which Kim does not").isEqualTo(403);
        assertThat(refused.get("requiredPermission")).contains("manager");
        assertThat(api().get(path("/api-clients/" + bot.id()), owner.token()).get("role")).isEqualTo("member");
        assertCuredByFirstRemedy(refused, crown, 200);
    }

    @Test
    void raisingAReadClientsLevelTakesDoingWhatItsRolesWouldThenDo() {
        String menu = api().createProject(ws, owner.token(), "Menu", "public");
        Api.Client reader = api().createApiClient(ws, owner.token(), "Reader", "member", "read");
        addMember(menu, "api_client", reader.id(), "manager");
        Api.Person kim = api().addMemberHolding(ws, owner, "Kim", "api_clients.manage");
        Supplier<Api.Response> widen = () -> api().patch(path("/api-clients/" + reader.id()), kim.token(),
                Map.of("accessLevel", "read_write"));

        Api.Response refused = widen.get();

        assertThat(refused.status()).as("read_write would let it manage Menu").isEqualTo(403);
        assertThat(api().get(path("/api-clients/" + reader.id()), owner.token()).get("accessLevel"))
                .isEqualTo("read");
        assertCuredByFirstRemedy(refused, widen, 200);
    }

    @Test
    void aReadClientIsToldAtOnceHowFarItsLevelMustRise() {
        Api.Client reader = api().createApiClient(ws, owner.token(), "Reader", "admin", "read");
        Supplier<Api.Response> create = () -> api().post(path("/api-clients"), reader.secret(),
                Map.of("name", "Everywhere", "role", "member", "accessLevel", "global"));

        Api.Response refused = create.get();

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("remedies").get(0).path("accessLevel").asString()).isEqualTo("global");
        assertCuredByFirstRemedy(refused, create, 201);
    }

    @Test
    void aReadClientManagingMembersRolesAndTeamsIsToldEverythingAtOnce() {
        // One client each: the first cure makes a client global, which would let it do the others.
        Api.Client inviter = api().createApiClient(ws, owner.token(), "Inviter", "admin", "read");
        Api.Client roleMaker = api().createApiClient(ws, owner.token(), "Role maker", "admin", "read");
        Api.Client teamer = api().createApiClient(ws, owner.token(), "Teamer", "admin", "read");
        String menu = api().createProject(ws, owner.token(), "Menu", "public");
        String kitchen = Api.expect(api().post(path("/teams"), owner.token(), Map.of("name", "Kitchen")), 201)
                .get("id");
        addMember(menu, "team", kitchen, "editor");
        Api.Person mia = api().addMember(ws, owner, "Mia", "member");

        Supplier<Api.Response> invite = () -> api().post(path("/users"), inviter.secret(),
                Map.of("email", "ann-" + rolesMade + "@example.com", "role", "admin"));
        Supplier<Api.Response> role = () -> api().post(path("/roles"), roleMaker.secret(),
                Map.of("name", "Readers " + rolesMade, "permissions", List.of("projects.read_all")));
        Supplier<Api.Response> join = () -> api().post(path("/teams/" + kitchen + "/members"), teamer.secret(),
                Map.of("principalType", "user", "principalId", mia.id()));

        assertCuredByFirstRemedy(Api.expect(invite.get(), 403), invite, 201);
        assertCuredByFirstRemedy(Api.expect(role.get(), 403), role, 201);
        assertCuredByFirstRemedy(Api.expect(join.get(), 403), join, 201);
    }

    @Test
    void liftingAGuestsCapOrSwitchingSomeoneOnAgainTakesWhatTheirProjectRolesAllow() {
        String payroll = api().createProject(ws, owner.token(), "Payroll", "private");
        String finance = Api.expect(api().post(path("/teams"), owner.token(), Map.of("name", "Finance")), 201)
                .get("id");
        addMember(payroll, "team", finance, "manager");
        Api.Person gus = api().addMember(ws, owner, "Gus", "guest");
        Api.expect(api().post(path("/teams/" + finance + "/members"), owner.token(),
                Map.of("principalType", "user", "principalId", gus.id())), 201);
        Api.Person mia = api().addMember(ws, owner, "Mia", "member");
        addMember(payroll, "user", mia.id(), "manager");
        Api.expect(api().patch(path("/users/" + mia.id()), owner.token(), Map.of("active", false)), 200);
        Api.Person hanna = api().addMemberHolding(ws, owner, "Hanna", "members.manage");
        Supplier<Api.Response> uncap = () -> api().patch(path("/users/" + gus.id()), hanna.token(),
                Map.of("role", "member"));
        Supplier<Api.Response> reactivate = () -> api().patch(path("/users/" + mia.id()), hanna.token(),
                Map.of("active", true));

        Api.Response uncapped = uncap.get();
        Api.Response reactivated = reactivate.get();

        for (Api.Response refused : List.of(uncapped, reactivated)) {
            assertThat(refused.status()).as("Gus would manage Payroll as a member; Mia manages it").isEqualTo(403);
            assertThat(refused.text()).doesNotContain(payroll).doesNotContain("Payroll");
        }
        assertThat(api().get(path("/users/" + gus.id()), owner.token()).get("role")).isEqualTo("guest");
        assertCuredByFirstRemedy(uncapped, uncap, 200);
        assertThat(reactivate.get().status()).as("the remedy, granted to Hanna, lets her do both").isEqualTo(200);
    }

    /** Applies the refusal's first remedy as the owner would, then sends the request again. */
    /** Found by a client applying the combined remedy: it added Kim as creator, then again as editor (409). */
    @Test
    void theCombinedRemedyJoinsEachProjectOnceAtTheStrongestRoleAndCuresTheRefusal() {
        String pub = api().createProject(ws, owner.token(), "Pub", "public");
        Api.Client zap = api().createApiClient(ws, owner.token(), "Zap", "member", "read_write");
        addMember(pub, "api_client", zap.id(), "creator");
        Api.Person kim = api().addMemberHolding(ws, owner, "Kim", "api_clients.manage");
        Supplier<Api.Response> makeGlobal = () -> api().patch(path("/api-clients/" + zap.id()), kim.token(),
                Map.of("accessLevel", "global"));

        Api.Response refused = makeGlobal.get();

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        JsonNode combined = refused.json().path("remedies").valueStream()
                .filter(remedy -> remedy.path("kind").asString().equals("all_of")).findFirst()
                .orElseThrow(() -> new AssertionError("a combined remedy: " + refused.text()));
        List<String> joins = combined.path("steps").valueStream()
                .filter(step -> step.path("kind").asString().endsWith("project_member")
                        || step.path("kind").asString().equals("raise_project_role"))
                .map(step -> step.path("principalId").asString() + " " + step.path("projectId").asString()).toList();
        assertThat(joins).as(combined.toString()).doesNotHaveDuplicates();
        apply(combined);
        assertThat(makeGlobal.get().status()).isEqualTo(200);
    }

    private void assertCuredByFirstRemedy(Api.Response refused, Supplier<Api.Response> retry, int cured) {
        JsonNode remedies = refused.json().path("remedies");
        assertThat(remedies.isEmpty()).as("a remedy is offered: " + refused.text()).isFalse();
        apply(remedies.get(0));
        Api.Response again = retry.get();
        assertThat(again.status()).as("after " + remedies.get(0).path("description").asString() + ": " + again.text())
                .isEqualTo(cured);
    }

    private void apply(JsonNode remedy) {
        String kind = remedy.path("kind").asString();
        String type = remedy.path("principalType").asString();
        String id = remedy.path("principalId").asString();
        switch (kind) {
            case "all_of" -> remedy.path("steps").forEach(this::apply);
            case "grant_workspace_permission" -> giveRole(type, id, Map.of("permissions",
                    List.of(remedy.path("permission").asString())));
            case "grant_position_permission" -> giveRole(type, id, Map.of("permissions", List.of(),
                    "positionPermissions", remedy.path("positionIds").valueStream().map(position -> Map.of(
                            "positionId", position.asString(), "permissions", List.of("shift.edit"))).toList()));
            case "make_position_manager" -> remedy.path("positionIds").forEach(position -> Api.expect(api().post(
                    path("/positions/" + position.asString() + "/managers"), owner.token(), Map.of("userId", id)),
                    201));
            case "add_project_member" -> addMember(remedy.path("projectId").asString(), type, id,
                    remedy.path("role").asString());
            case "raise_project_role" -> Api.expect(api().patch(path("/projects/" + remedy.path("projectId")
                    .asString() + "/members/" + id), owner.token(), Map.of("role", remedy.path("role").asString())),
                    200);
            case "set_access_level" -> Api.expect(api().patch(path("/api-clients/" + id), owner.token(),
                    Map.of("accessLevel", remedy.path("accessLevel").asString())), 200);
            default -> throw new AssertionError("a remedy this test cannot apply: " + remedy);
        }
    }

    /** A new custom role granting {@code grants}, given to the principal beside those it has. */
    private void giveRole(String type, String id, Map<String, Object> grants) {
        Map<String, Object> role = new java.util.HashMap<>(grants);
        role.put("name", "Remedy " + ++rolesMade);
        String roleId = Api.expect(api().post(path("/roles"), owner.token(), role), 201).get("id");
        String principal = type.equals("user") ? "/users/" + id : "/api-clients/" + id;
        List<String> roles = new ArrayList<>(api().get(path(principal), owner.token()).json().path("customRoleIds")
                .valueStream().map(JsonNode::asString).toList());
        roles.add(roleId);
        Api.expect(api().patch(path(principal), owner.token(), Map.of("customRoleIds", roles)), 200);
    }

    private void assign(String userId, String roleId) {
        Api.expect(api().patch(path("/users/" + userId), owner.token(), Map.of("customRoleIds", List.of(roleId))),
                200);
    }

    private void addMember(String project, String type, String id, String role) {
        Api.expect(api().post(path("/projects/" + project + "/members"), owner.token(),
                Map.of("principalType", type, "principalId", id, "role", role)), 201);
    }
}
