package io.taskgate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/**
 * PRODUCT.md: "every single resource answer carries an ETag; PATCH and DELETE honour If-Match
 * (412 on a stale version)". One row per kind of resource changed through PATCH; tasks, lists,
 * master tasks and projects say the same in their own tests. Every creation also answers the
 * {@code Location} the new resource is read at.
 */
class EveryResourceHonoursIfMatchTest extends HttpTest {

    private Api.Person owner;
    private String base;

    @BeforeEach
    void workspace() {
        owner = api().signUp("Olga");
        base = "/api/v1/workspaces/" + api().createWorkspace(owner, "Cafe");
    }

    /** Makes one resource as the workspace's owner: answers the creation answer and the resource's path. */
    @FunctionalInterface
    interface Creation {
        Created create(Api api, String base, Api.Person owner);
    }

    record Created(Api.Response answer, String path) {
    }

    /**
     * A kind of resource: how to make one, and a field a PATCH sets — to {@code changed} by a
     * writer who read the current version, to {@code lost} by one who did not.
     */
    record Kind(String name, Creation creation, String field, String changed, String lost, boolean deletable) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("workspace member", EveryResourceHonoursIfMatchTest::member, "role", "admin", "guest", false),
                new Kind("custom role", (api, base, owner) -> created(api.post(base + "/roles", owner.token(),
                        Map.of("name", "Auditor", "permissions", new String[] {"audit.read"})), base + "/roles"),
                        "name", "Reviewer", "Lost", true),
                new Kind("API client", (api, base, owner) -> created(api.post(base + "/api-clients", owner.token(),
                        Map.of("name", "Bot", "role", "member", "accessLevel", "read")), base + "/api-clients"),
                        "name", "Robot", "Lost", false),
                new Kind("team", (api, base, owner) -> created(api.post(base + "/teams", owner.token(),
                        Map.of("name", "Kitchen")), base + "/teams"), "name", "Bar", "Lost", true),
                new Kind("position", (api, base, owner) -> created(api.post(base + "/positions", owner.token(),
                        Map.of("name", "Barista")), base + "/positions"), "name", "Head barista", "Lost", true),
                new Kind("project member", EveryResourceHonoursIfMatchTest::projectMember, "role", "editor",
                        "guest", true));
    }

    static Stream<Kind> deletableKinds() {
        return kinds().filter(Kind::deletable);
    }

    private static Created created(Api.Response answer, String collection) {
        Api.expect(answer, 201);
        return new Created(answer, collection + "/" + answer.get("id"));
    }

    private static Created member(Api api, String base, Api.Person owner) {
        Api.Person pat = api.signUp("Pat");
        return created(api.post(base + "/users", owner.token(), Map.of("email", pat.email(), "role", "member")),
                base + "/users");
    }

    private static Created projectMember(Api api, String base, Api.Person owner) {
        String project = Api.expect(api.post(base + "/projects", owner.token(),
                Map.of("name", "Menu", "visibility", "private")), 201).get("id");
        Api.Person pat = api.signUp("Pat");
        Api.expect(api.post(base + "/users", owner.token(), Map.of("email", pat.email(), "role", "member")), 201);
        return created(api.post(base + "/projects/" + project + "/members", owner.token(),
                Map.of("principalType", "user", "principalId", pat.id(), "role", "creator")),
                base + "/projects/" + project + "/members");
    }

    private Created create(Kind kind) {
        return kind.creation().create(api(), base, owner);
    }

    private Api.Response patch(String path, String ifMatch, Kind kind, String value) {
        return api().request("PATCH", path).token(owner.token()).header("If-Match", ifMatch)
                .json(Map.of(kind.field(), value)).send();
    }

    private Api.Response delete(String path, String ifMatch) {
        return api().request("DELETE", path).token(owner.token()).header("If-Match", ifMatch).send();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theCreationAnswerSaysWhereTheNewResourceIsRead(Kind kind) {
        Created created = create(kind);

        assertThat(created.answer().header("location")).isEqualTo(created.path());
        Api.expect(api().get(created.path(), owner.token()), 200);
    }

    @org.junit.jupiter.api.Test
    void aWorkspaceAListAndAKeyAreCreatedWithTheirLocationToo() {
        Api.Response workspace = Api.expect(api().post("/api/v1/workspaces", owner.token(), Map.of("name", "Bar")),
                201);
        assertThat(workspace.header("location")).isEqualTo("/api/v1/workspaces/" + workspace.get("id"));
        Api.expect(api().get(workspace.header("location"), owner.token()), 200);

        String project = Api.expect(api().post(base + "/projects", owner.token(),
                Map.of("name", "Menu", "visibility", "private")), 201).get("id");
        Api.Response list = Api.expect(api().post(base + "/projects/" + project + "/lists", owner.token(),
                Map.of("name", "Today")), 201);
        assertThat(list.header("location")).isEqualTo(base + "/projects/" + project + "/lists/" + list.get("id"));

        String client = Api.expect(api().post(base + "/api-clients", owner.token(),
                Map.of("name", "Bot", "role", "member", "accessLevel", "read")), 201).get("id");
        Api.Response key = Api.expect(api().post(base + "/api-clients/" + client + "/keys", owner.token(),
                Map.of("name", "production")), 201);
        assertThat(key.header("location")).isEqualTo(base + "/api-clients/" + client + "/keys/" + key.get("id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theCreationAnswerAndEveryReadCarryTheVersionAsETag(Kind kind) {
        Created created = create(kind);

        assertThat(created.answer().header("etag")).isEqualTo("\"1\"");
        assertThat(created.answer().json().path("version").asLong()).isEqualTo(1);
        Api.Response read = Api.expect(api().get(created.path(), owner.token()), 200);
        assertThat(read.header("etag")).isEqualTo("\"1\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aChangeNamingTheCurrentETagSucceedsAndAnswersTheNextOne(Kind kind) {
        Created created = create(kind);

        Api.Response changed = patch(created.path(), created.answer().header("etag"), kind, kind.changed());

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.header("etag")).isEqualTo("\"2\"");
        assertThat(changed.get(kind.field())).isEqualTo(kind.changed());
        assertThat(api().get(created.path(), owner.token()).header("etag")).isEqualTo("\"2\"");
    }

    /**
     * A client that writes back what it read (a form saved untouched, a sync that re-sends) must
     * not turn another writer's If-Match stale, nor fill the audit log with changes that are none.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aPatchThatChangesNothingWritesNothingAndKeepsTheVersion(Kind kind) {
        Created created = create(kind);
        String etag = created.answer().header("etag");
        int events = auditEvents();

        Api.Response same = patch(created.path(), etag, kind, created.answer().get(kind.field()));
        Api.Response empty = api().request("PATCH", created.path()).token(owner.token()).header("If-Match", etag)
                .json(Map.of()).send();

        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.header("etag")).isEqualTo(etag);
        // Where the field is required ({"name"} of a team), an empty PATCH is a 422; elsewhere a no-op.
        assertThat(empty.status()).as(empty.toString()).isIn(200, 422);
        if (empty.status() == 200) {
            assertThat(empty.header("etag")).isEqualTo(etag);
        }
        assertThat(api().get(created.path(), owner.token()).header("etag")).isEqualTo(etag);
        assertThat(auditEvents()).as("no event for a change that is none").isEqualTo(events);
        assertThat(patch(created.path(), etag, kind, kind.changed()).status())
                .as("whoever read before the idle write still writes").isEqualTo(200);
    }

    @org.junit.jupiter.api.Test
    void aProjectPatchThatChangesNothingKeepsItsVersionToo() {
        Api.Response project = Api.expect(api().post(base + "/projects", owner.token(),
                Map.of("name", "Menu", "visibility", "private", "description", "Dishes")), 201);
        String path = base + "/projects/" + project.get("id");
        int events = auditEvents();

        Api.Response same = api().patch(path, owner.token(),
                Map.of("name", "Menu", "visibility", "private", "description", "Dishes"));
        Api.Response empty = api().patch(path, owner.token(), Map.of());

        assertThat(same.header("etag")).isEqualTo(project.header("etag"));
        assertThat(empty.header("etag")).isEqualTo(project.header("etag"));
        assertThat(same.json().path("version").asLong()).isEqualTo(1);
        assertThat(auditEvents()).isEqualTo(events);
    }

    private int auditEvents() {
        return Api.expect(api().get(base + "/audit-events?limit=200", owner.token()), 200).json().path("items").size();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aChangeNamingAStaleETagIs412AndChangesNothing(Kind kind) {
        Created created = create(kind);
        Api.expect(api().patch(created.path(), owner.token(), Map.of(kind.field(), kind.changed())), 200);

        Api.Response stale = patch(created.path(), created.answer().header("etag"), kind, kind.lost());

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.get("code")).isEqualTo("precondition_failed");
        Api.Response read = api().get(created.path(), owner.token());
        assertThat(read.get(kind.field())).isEqualTo(kind.changed());
        assertThat(read.header("etag")).isEqualTo("\"2\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anETagThisServerNeverIssuedMatchesNothing(Kind kind) {
        Created created = create(kind);

        Api.Response foreign = patch(created.path(), "\"not-a-version\"", kind, kind.lost());

        assertThat(foreign.status()).isEqualTo(412);
        assertThat(api().get(created.path(), owner.token()).header("etag")).isEqualTo("\"1\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anEmptyIfMatchListsNoVersionSoItMatchesNone(Kind kind) {
        Created created = create(kind);

        Api.Response blind = patch(created.path(), "", kind, kind.changed());

        assertThat(blind.status()).as("a client that had no ETag to send must not write blindly").isEqualTo(412);
        assertThat(api().get(created.path(), owner.token()).header("etag")).isEqualTo("\"1\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void ifMatchStarChangesWhateverTheVersion(Kind kind) {
        Created created = create(kind);
        Api.expect(api().patch(created.path(), owner.token(), Map.of(kind.field(), kind.lost())), 200);

        Api.Response changed = patch(created.path(), "*", kind, kind.changed());

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("etag")).isEqualTo("\"3\"");
        assertThat(api().get(created.path(), owner.token()).get(kind.field())).isEqualTo(kind.changed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deletableKinds")
    void aDeleteNamingAStaleETagIs412AndDeletesNothing(Kind kind) {
        Created created = create(kind);
        Api.expect(api().patch(created.path(), owner.token(), Map.of(kind.field(), kind.changed())), 200);

        Api.Response stale = delete(created.path(), created.answer().header("etag"));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.get("code")).isEqualTo("precondition_failed");
        assertThat(api().get(created.path(), owner.token()).get(kind.field())).isEqualTo(kind.changed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deletableKinds")
    void aDeleteNamingTheCurrentETagDeletes(Kind kind) {
        Created created = create(kind);
        Api.Response changed = Api.expect(api().patch(created.path(), owner.token(),
                Map.of(kind.field(), kind.changed())), 200);

        assertThat(delete(created.path(), changed.header("etag")).status()).isEqualTo(204);
        assertThat(api().get(created.path(), owner.token()).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deletableKinds")
    void aDeleteWithIfMatchStarDeletesWhateverTheVersion(Kind kind) {
        Created created = create(kind);
        Api.expect(api().patch(created.path(), owner.token(), Map.of(kind.field(), kind.changed())), 200);

        assertThat(delete(created.path(), "*").status()).isEqualTo(204);
        assertThat(api().get(created.path(), owner.token()).status()).isEqualTo(404);
    }

    @org.junit.jupiter.api.Test
    void putOfOneProjectMemberHonoursIfMatchToo() {
        Created created = projectMember(api(), base, owner);
        String members = created.path().substring(0, created.path().lastIndexOf('/'));
        String principalId = created.answer().get("principalId");
        String current = created.answer().header("etag");
        Api.Response changed = Api.expect(api().patch(created.path(), owner.token(), Map.of("role", "editor")), 200);

        Api.Response stale = api().request("PUT", members).token(owner.token()).header("If-Match", current)
                .json(Map.of("principalType", "user", "principalId", principalId, "role", "manager")).send();
        Api.Response staleButSameRole = api().request("PUT", members).token(owner.token())
                .header("If-Match", current)
                .json(Map.of("principalType", "user", "principalId", principalId, "role", "editor")).send();
        Api.Response fresh = api().request("PUT", members).token(owner.token())
                .header("If-Match", changed.header("etag"))
                .json(Map.of("principalType", "user", "principalId", principalId, "role", "manager")).send();

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.get("code")).isEqualTo("precondition_failed");
        assertThat(staleButSameRole.status()).isEqualTo(412);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.get("role")).isEqualTo("manager");

        Api.Person newcomer = api().signUp("Newcomer");
        Api.expect(api().post(base + "/users", owner.token(), Map.of("email", newcomer.email(), "role", "member")),
                201);
        Api.Response notThere = api().request("PUT", members).token(owner.token()).header("If-Match", "\"1\"")
                .json(Map.of("principalType", "user", "principalId", newcomer.id(), "role", "editor")).send();
        assertThat(notThere.status()).as("If-Match names a version of a membership that does not exist")
                .isEqualTo(412);
        assertThat(api().get(members + "/" + newcomer.id(), owner.token()).status()).isEqualTo(404);
        Api.Response unknown = api().request("PUT", members).token(owner.token()).header("If-Match", "\"1\"")
                .json(Map.of("principalType", "user", "principalId", "usr_nope", "role", "editor")).send();
        assertThat(unknown.status()).as("an unknown principal is a 404 before any precondition").isEqualTo(404);

        Api.Response wholeList = api().request("PUT", members).token(owner.token())
                .header("If-Match", changed.header("etag"))
                .json(java.util.List.of(Map.of("principalType", "user", "principalId", owner.id(), "role", "manager")))
                .send();
        assertThat(wholeList.status()).as("a whole membership has no version to match").isEqualTo(412);
        assertThat(api().get(members + "/" + principalId, owner.token()).status())
                .as("the refused replacement removed nobody").isEqualTo(200);
    }
}
