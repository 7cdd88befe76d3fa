package io.taskgate.mastertask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/** Master tasks: templates for positions, created only for positions one may edit, soft-deleted. */
class MasterTaskStoriesTest extends HttpTest {

    private Api.Person owner;
    private Api.Person manager;
    private String ws;
    private String barista;
    private String cook;

    @BeforeEach
    void workspace() {
        owner = api().signUp("Olga");
        ws = api().createWorkspace(owner, "Cafe");
        manager = api().addMember(ws, owner, "Mia", "member");
        barista = position("Barista");
        cook = position("Cook");
        Api.expect(api().post(base() + "/positions/" + barista + "/managers", owner.token(),
                Map.of("userId", manager.id())), 201);
    }

    private String base() {
        return "/api/v1/workspaces/" + ws;
    }

    private String position(String name) {
        return Api.expect(api().post(base() + "/positions", owner.token(), Map.of("name", name)), 201).get("id");
    }

    private Api.Response create(String token, Map<String, Object> body) {
        return api().post(base() + "/master-tasks", token, body);
    }

    @Test
    void aPositionManagerCreatesAMasterTaskWithDefaults() {
        Api.Response created = create(manager.token(), Map.of("name", "Descale", "positionIds", List.of(barista)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("id")).startsWith("mt_");
        assertThat(created.json().path("positionIds").toString()).isEqualTo("[\"" + barista + "\"]");
        assertThat(created.get("description")).isEmpty();
        assertThat(created.get("color")).isEqualTo("#B0BFC5");
        assertThat(created.get("favorite")).isEqualTo("false");
        assertThat(created.get("createdBy")).isEqualTo(manager.id());
        assertThat(created.get("updatedBy")).isEqualTo(manager.id());
        assertThat(created.get("createdAt")).endsWith("Z");
        assertThat(created.json().path("deletedAt").isNull()).isTrue();
        assertThat(created.header("etag")).isEqualTo("\"1\"");
    }

    @Test
    void oneUnmanagedPositionIsRefusedNamingIt() {
        Api.Response refused = create(manager.token(), Map.of("name", "Clean", "positionIds", List.of(barista, cook)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("lackingPositionIds").toString()).isEqualTo("[\"" + cook + "\"]");
        assertThat(refused.get("detail")).contains(cook);
        assertThat(refused.json().path("remedies").findValuesAsString("positionId")).contains(cook);
        assertThat(api().get(base() + "/master-tasks", owner.token()).ids()).isEmpty();
    }

    @Test
    void shiftEditOnAPositionThroughACustomRoleIsEnough() {
        String shiftLead = Api.expect(api().post(base() + "/roles", owner.token(), Map.of("name", "Shift lead",
                "permissions", List.of(), "positionPermissions",
                List.of(Map.of("positionId", cook, "permissions", List.of("shift.edit"))))), 201).get("id");
        Api.expect(api().patch(base() + "/users/" + manager.id(), owner.token(),
                Map.of("customRoleIds", List.of(shiftLead))), 200);

        Api.Response created = create(manager.token(), Map.of("name", "Prep", "positionIds", List.of(barista, cook)));

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void authzCheckExplainsTheSameRefusalAndAnswers404ForAPositionThatDoesNotExist() {
        Api.Response lacking = api().post(base() + "/authz/check", manager.token(), Map.of("action",
                "master_task.create", "resource", Map.of("type", "positions", "ids", List.of(barista, cook))));
        assertThat(lacking.status()).isEqualTo(200);
        assertThat(lacking.get("allowed")).isEqualTo("false");
        assertThat(lacking.json().path("explanation").path("lackingPositionIds").toString())
                .isEqualTo("[\"" + cook + "\"]");

        Api.Response unknownAmongSeveral = api().post(base() + "/authz/check", owner.token(), Map.of("action",
                "master_task.create", "resource", Map.of("type", "positions", "ids", List.of(barista, "pos_nope"))));
        Api.Response unknownAlone = api().post(base() + "/authz/check", owner.token(), Map.of("action",
                "master_task.create", "resource", Map.of("type", "position", "id", "pos_nope")));

        assertThat(unknownAmongSeveral.status()).isEqualTo(404);
        assertThat(unknownAmongSeveral.get("code")).isEqualTo("reference_not_found");
        assertThat(unknownAmongSeveral.get("field")).isEqualTo("resource.ids");
        assertThat(unknownAmongSeveral.json().path("unknownPositionIds").toString()).isEqualTo("[\"pos_nope\"]");
        assertThat(unknownAlone.status()).as("the owner may do anything, but not to a position that is not there")
                .isEqualTo(404);
        assertThat(unknownAlone.get("field")).isEqualTo("resource.id");
    }

    @Test
    void positionsManageCoversEveryPosition() {
        Api.Person admin = api().addMember(ws, owner, "Adam", "admin");

        assertThat(create(admin.token(), Map.of("name", "All", "positionIds", List.of(barista, cook))).status())
                .isEqualTo(201);
    }

    @Test
    void badValuesAre422AndUnknownPositions404() {
        Api.Response empty = create(owner.token(), Map.of("name", "x", "positionIds", List.of()));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().path("errors").findValuesAsString("field")).contains("positionIds");
        Api.Response missing = create(owner.token(), Map.of("name", "x"));
        assertThat(missing.status()).isEqualTo(422);
        Api.Response color = create(owner.token(), Map.of("name", "x", "positionIds", List.of(barista),
                "color", "teal"));
        assertThat(color.status()).isEqualTo(422);
        assertThat(color.json().path("errors").findValuesAsString("field")).containsExactly("color");
        Api.Response unknown = create(owner.token(), Map.of("name", "x", "positionIds", List.of("pos_nope")));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.get("field")).isEqualTo("positionIds");
        Api.Response wrongType = create(owner.token(), Map.of("name", "x", "positionIds", List.of(barista),
                "favorite", "yes"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(api().get(base() + "/master-tasks", owner.token()).ids()).isEmpty();
    }

    @Test
    void aPositionThatLiveMasterTasksAreForCannotBeDeleted() {
        String id = create(manager.token(), Map.of("name", "Descale", "positionIds", List.of(barista))).get("id");

        Api.Response refused = api().delete(base() + "/positions/" + barista, owner.token());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("code")).isEqualTo("position_in_use");
        assertThat(refused.json().path("masterTaskIds").get(0).asString()).isEqualTo(id);
        assertThat(api().get(base() + "/positions/" + barista, owner.token()).status()).isEqualTo(200);

        Api.expect(api().delete(base() + "/master-tasks/" + id, manager.token()), 204);
        assertThat(api().delete(base() + "/positions/" + barista, owner.token()).status()).isEqualTo(204);
    }

    @Test
    void aSoftDeletedMasterTaskLeavesListingsButKeepsWhoDeletedIt() {
        String id = create(manager.token(), Map.of("name", "Descale", "positionIds", List.of(barista),
                "color", "#abc", "favorite", true)).get("id");
        assertThat(api().get(base() + "/master-tasks", owner.token()).ids()).containsExactly(id);

        assertThat(api().delete(base() + "/master-tasks/" + id, manager.token()).status()).isEqualTo(204);

        assertThat(api().get(base() + "/master-tasks", owner.token()).ids()).isEmpty();
        Api.Response deleted = api().get(base() + "/master-tasks/" + id, owner.token());
        assertThat(deleted.get("deletedBy")).isEqualTo(manager.id());
        assertThat(deleted.get("deletedAt")).endsWith("Z");
        assertThat(api().patch(base() + "/master-tasks/" + id, manager.token(), Map.of("name", "x")).status())
                .isEqualTo(404);
        assertThat(api().delete(base() + "/master-tasks/" + id, manager.token()).status()).isEqualTo(404);
    }

    @Test
    void changingAMasterTaskTakesTheRightOnItsPositions() {
        String id = create(manager.token(), Map.of("name", "Descale", "positionIds", List.of(barista))).get("id");
        Api.Person other = api().addMember(ws, owner, "Oli", "member");

        Api.Response byOther = api().patch(base() + "/master-tasks/" + id, other.token(), Map.of("name", "x"));
        assertThat(byOther.status()).isEqualTo(403);
        assertThat(byOther.get("detail")).as("says what was asked, and what it takes")
                .startsWith("Changing a master task takes the right to make master tasks for its positions: ");
        assertThat(byOther.json().path("lackingPositionIds").toString()).contains(barista);
        assertThat(api().delete(base() + "/master-tasks/" + id, other.token()).get("detail"))
                .startsWith("Deleting a master task takes");
        Api.Response toCook = api().patch(base() + "/master-tasks/" + id, manager.token(),
                Map.of("positionIds", List.of(cook)));
        assertThat(toCook.status()).isEqualTo(403);
        Api.Response renamed = api().patch(base() + "/master-tasks/" + id, manager.token(),
                Map.of("name", "Descale weekly", "favorite", true));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.get("name")).isEqualTo("Descale weekly");
        assertThat(renamed.get("favorite")).isEqualTo("true");
        assertThat(renamed.header("etag")).isEqualTo("\"2\"");
        assertThat(api().get(base() + "/master-tasks?positionId=" + barista, other.token()).ids()).containsExactly(id);
    }
}
