package io.taskgate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/** A person changes their password, or ends every session, and whoever else held one is out at once. */
class PasswordAndSessionsTest extends HttpTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    DataSource dataSource;

    private Api.Response changePassword(String token, String current, String next) {
        return api().post("/api/v1/auth/password", token, Map.of("currentPassword", current, "newPassword", next));
    }

    private Api.Response logIn(String email, String password) {
        return api().post("/api/v1/auth/login", null, Map.of("email", email, "password", password));
    }

    @Test
    void aNewPasswordEndsEveryOtherSessionAndKeepsTheOneThatChangedIt() {
        Api.Person ann = api().signUp("Ann");
        String laptop = api().logIn(ann.email(), PASSWORD);

        Api.expect(changePassword(ann.token(), PASSWORD, "a new and longer one"), 204);

        assertThat(api().get("/api/v1/me", ann.token()).status()).as("the session that changed it").isEqualTo(200);
        Api.Response other = api().get("/api/v1/me", laptop);
        assertThat(other.status()).isEqualTo(401);
        assertThat(other.get("code")).isEqualTo("token_revoked");
        assertThat(logIn(ann.email(), PASSWORD).status()).isEqualTo(401);
        assertThat(logIn(ann.email(), "a new and longer one").status()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIsA422OnThatFieldAndChangesNothing() {
        Api.Person ann = api().signUp("Ann");
        String laptop = api().logIn(ann.email(), PASSWORD);

        Api.Response refused = changePassword(ann.token(), "not it at all", "a new and longer one");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("currentPassword");
        assertThat(api().get("/api/v1/me", laptop).status()).isEqualTo(200);
        assertThat(logIn(ann.email(), PASSWORD).status()).isEqualTo(200);
        assertThat(logIn(ann.email(), "a new and longer one").status()).isEqualTo(401);
    }

    @Test
    void aNewPasswordFollowsTheSignUpRules() {
        Api.Person ann = api().signUp("Ann");

        assertThat(fieldOf(changePassword(ann.token(), PASSWORD, "short"))).isEqualTo("newPassword");
        assertThat(fieldOf(changePassword(ann.token(), PASSWORD, "        "))).isEqualTo("newPassword");
        assertThat(fieldOf(changePassword(ann.token(), PASSWORD, "\uD83D\uDE00".repeat(4))))
                .as("four emoji are eight UTF-16 units but four characters").isEqualTo("newPassword");
        assertThat(fieldOf(changePassword(ann.token(), PASSWORD, "x".repeat(73))))
                .as("BCrypt would read only 72 bytes of it").isEqualTo("newPassword");
        Api.Response missing = api().post("/api/v1/auth/password", ann.token(), Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("currentPassword", "newPassword");
        assertThat(logIn(ann.email(), PASSWORD).status()).as("the password did not change").isEqualTo(200);
    }

    @Test
    void guessingTheCurrentPasswordWithAStolenSessionSpendsTheLoginBudget() {
        Api.Person ann = api().signUp("Ann");

        for (int i = 0; i < 10; i++) {
            assertThat(changePassword(ann.token(), "guess " + i, "a new and longer one").status()).isEqualTo(422);
        }

        Api.Response throttled = changePassword(ann.token(), PASSWORD, "a new and longer one");
        assertThat(throttled.status()).as("the right password too: a 429 must not tell a guess was right")
                .isEqualTo(429);
        assertThat(logIn(ann.email(), PASSWORD).status()).as("logins share the budget").isEqualTo(429);
    }

    /**
     * Found by a reviewer: a login compares the password for a while (BCrypt), and a change made
     * meanwhile could not end the session it was about to open. The login now waits for the change
     * to finish and then finds its password no longer stored.
     */
    @Test
    void aLoginOverlappingAPasswordChangeOpensNoSessionWithTheOldPassword() throws Exception {
        Api.Person ann = api().signUp("Ann");
        CompletableFuture<Api.Response> login;

        try (Connection changing = dataSource.getConnection()) {
            changing.setAutoCommit(false);
            try (PreparedStatement change = changing.prepareStatement(
                    "update user_account set password_hash = ? where id = ?")) {
                change.setString(1, "{bcrypt}$2a$04$changedchangedchangedchOWmzk3Ruv1RA1pdZhbxXOutpVk4rVW");
                change.setString(2, ann.id());
                change.executeUpdate();
            }
            login = CompletableFuture.supplyAsync(() -> logIn(ann.email(), PASSWORD));
            Thread.sleep(300);
            changing.commit();
        }

        Api.Response answer = login.get();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.get("code")).isEqualTo("invalid_credentials");
    }

    @Test
    void aRetriedPasswordChangeIsReplayedAndItsBodyIsKeptOnlyAsASlowHash() throws Exception {
        Api.Person ann = api().signUp("Ann");
        String key = "change-" + System.nanoTime();
        java.util.function.Supplier<Api.Response> change = () -> api().request("POST", "/api/v1/auth/password")
                .token(ann.token()).header("Idempotency-Key", key)
                .json(Map.of("currentPassword", PASSWORD, "newPassword", "a new and longer one")).send();

        Api.expect(change.get(), 204);
        Api.Response retried = change.get();

        assertThat(retried.status()).isEqualTo(204);
        assertThat(retried.header("idempotent-replayed")).isEqualTo("true");
        try (Connection db = dataSource.getConnection(); PreparedStatement kept = db.prepareStatement(
                "select request_hash from idempotency_record where idempotency_key = ?")) {
            kept.setString(1, key);
            try (var row = kept.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).as("both passwords are in the body: no fast hash of it is kept")
                        .doesNotMatch("[0-9a-f]{64}").startsWith("{bcrypt}");
            }
        }
    }

    @Test
    void endingEverySessionEndsThisOneToo() {
        Api.Person ann = api().signUp("Ann");
        String laptop = api().logIn(ann.email(), PASSWORD);
        Api.Person bob = api().signUp("Bob");

        Api.expect(api().delete("/api/v1/auth/sessions", ann.token()), 204);

        assertThat(api().get("/api/v1/me", ann.token()).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/me", laptop).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/me", bob.token()).status()).as("nobody else's").isEqualTo(200);
        assertThat(logIn(ann.email(), PASSWORD).status()).as("the password still works").isEqualTo(200);
    }

    @Test
    void anApiClientHasNoPasswordNorSessionsToEnd() {
        Api.Person owner = api().signUp("Olga");
        String workspace = api().createWorkspace(owner, "Cafe");
        Api.Client bot = api().createApiClient(workspace, owner.token(), "Bot", "admin", "global");

        for (Api.Response refused : new Api.Response[] {
                changePassword(bot.secret(), "anything at all", "a new and longer one"),
                api().post("/api/v1/auth/password", bot.secret(), Map.of()),
                api().delete("/api/v1/auth/sessions", bot.secret()) }) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.get("code")).isEqualTo("not_a_session");
            assertThat(refused.get("detail")).contains("/api-clients/" + bot.id() + "/keys/" + bot.keyId());
        }
        Api.expect(api().get("/api/v1/me", bot.secret()), 200);
    }

    @Test
    void withoutCredentialsBothAre401() {
        assertThat(changePassword(null, PASSWORD, "a new and longer one").status()).isEqualTo(401);
        assertThat(api().delete("/api/v1/auth/sessions", null).status()).isEqualTo(401);
    }

    private static String fieldOf(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        return response.json().path("errors").get(0).path("field").asString();
    }
}
