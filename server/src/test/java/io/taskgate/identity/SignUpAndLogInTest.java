package io.taskgate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

class SignUpAndLogInTest extends HttpTest {

    private static String email() {
        return "ann-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void signUpAnswersTheAccountWithoutItsPassword() {
        String email = email();
        Api.Response response = api().post("/api/v1/auth/signup", null,
                Map.of("email", email, "name", "Ann", "password", "correct horse battery"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.get("id")).startsWith("usr_");
        assertThat(response.get("email")).isEqualTo(email);
        assertThat(response.get("name")).isEqualTo("Ann");
        assertThat(response.text()).doesNotContain("password").doesNotContain("correct horse");
    }

    @Test
    void signingUpTwiceWithTheSameEmailConflicts() {
        String email = email();
        Map<String, String> body = Map.of("email", email, "name", "Ann", "password", "correct horse battery");
        Api.expect(api().post("/api/v1/auth/signup", null, body), 201);

        Api.Response again = api().post("/api/v1/auth/signup", null,
                Map.of("email", email.toUpperCase(), "name", "Ann", "password", "another password"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("code")).isEqualTo("email_taken");
        assertThat(again.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void anEmailIsOneAddressWhateverItsUnicodeFormOrCase() {
        String local = "ren\u00e9-" + UUID.randomUUID();
        Api.expect(api().post("/api/v1/auth/signup", null, Map.of("email", local + "@example.com", "name", "Ren\u00e9",
                "password", "correct horse battery")), 201);

        // The same name written as e + combining accent, and in capitals: the same account.
        String decomposed = local.replace("\u00e9", "e\u0301").toUpperCase(java.util.Locale.ROOT) + "@example.com";
        Api.Response again = api().post("/api/v1/auth/signup", null, Map.of("email", decomposed, "name", "Other",
                "password", "another password"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(api().post("/api/v1/auth/login", null, Map.of("email", decomposed, "password",
                "correct horse battery")).status()).isEqualTo(200);
    }

    @Test
    void aPasswordIsEightCharactersNotEightUtf16UnitsNorEightSpaces() {
        for (String weak : new String[] {"\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", "        "}) {
            Api.Response refused = api().post("/api/v1/auth/signup", null, Map.of("email", email(), "name", "Ann",
                    "password", weak));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("password");
        }
    }

    @Test
    void aPasswordLongerThanTheStoredOneIsWrongEvenWhenItStartsWithIt() {
        String email = email();
        String longest = "a".repeat(72);
        Api.expect(api().post("/api/v1/auth/signup", null, Map.of("email", email, "name", "Ann",
                "password", longest)), 201);

        Api.Response longer = api().post("/api/v1/auth/login", null, Map.of("email", email,
                "password", longest + "EXTRA"));

        assertThat(longer.status()).as("bcrypt reads 72 bytes; the login reads them all").isEqualTo(401);
        assertThat(api().post("/api/v1/auth/login", null, Map.of("email", email, "password", longest)).status())
                .isEqualTo(200);
    }

    @Test
    void signUpRefusesInvalidValuesNamingEachField() {
        Api.Response response = api().post("/api/v1/auth/signup", null,
                Map.of("email", "not-an-email", "name", "", "password", "short"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.get("code")).isEqualTo("validation_failed");
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email", "name", "password");
    }

    @Test
    void logInAnswersASessionTokenWithItsExpiryAndTheUser() {
        Api.Person ann = api().signUp("Ann");
        Api.Response response = api().post("/api/v1/auth/login", null,
                Map.of("email", ann.email(), "password", "correct horse battery"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.get("accessToken")).startsWith("tgs_");
        assertThat(response.get("expiresAt")).endsWith("Z");
        assertThat(response.json().path("user").path("id").asString()).isEqualTo(ann.id());
        assertThat(response.json().path("user").path("email").asString()).isEqualTo(ann.email());
    }

    @Test
    void wrongPasswordAndUnknownEmailAnswerTheSame401() {
        Api.Person ann = api().signUp("Ann");
        Api.Response wrongPassword = api().post("/api/v1/auth/login", null,
                Map.of("email", ann.email(), "password", "wrong password"));
        Api.Response unknownEmail = api().post("/api/v1/auth/login", null,
                Map.of("email", email(), "password", "wrong password"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.get("code")).isEqualTo("invalid_credentials");
        assertThat(wrongPassword.get("detail")).isEqualTo(unknownEmail.get("detail"));
        assertThat(wrongPassword.get("code")).isEqualTo(unknownEmail.get("code"));
    }

    @Test
    void meAnswersTheUserBehindASession() {
        Api.Person ann = api().signUp("Ann");
        Api.Response me = api().get("/api/v1/me", ann.token());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.get("id")).isEqualTo(ann.id());
        assertThat(me.get("type")).isEqualTo("user");
        assertThat(me.get("name")).isEqualTo("Ann");
        assertThat(me.get("email")).isEqualTo(ann.email());
    }

    @Test
    void meAndMyPermissionsCarryAnETagThatChangesWithThem() {
        Api.Person ann = api().signUp("Ann");
        Api.Person olga = api().signUp("Olga");
        String ws = api().createWorkspace(olga, "Cafe");
        Api.expect(api().post("/api/v1/workspaces/" + ws + "/users", olga.token(),
                Map.of("email", ann.email(), "role", "member")), 201);
        String permissions = "/api/v1/workspaces/" + ws + "/me/permissions";

        Api.Response me = Api.expect(api().get("/api/v1/me", ann.token()), 200);
        Api.Response before = Api.expect(api().get(permissions, ann.token()), 200);
        assertThat(me.header("etag")).isNotBlank();
        assertThat(api().request("GET", "/api/v1/me").token(ann.token()).header("If-None-Match", me.header("etag"))
                .send().status()).isEqualTo(304);
        Api.expect(api().patch("/api/v1/workspaces/" + ws + "/users/" + ann.id(), olga.token(),
                Map.of("role", "admin")), 200);
        Api.Response after = Api.expect(api().request("GET", permissions).token(ann.token())
                .header("If-None-Match", before.header("etag")).send(), 200);
        assertThat(after.header("etag")).isNotEqualTo(before.header("etag"));
    }

    @Test
    void meWithoutCredentialsIs401ProblemJson() {
        Api.Response me = api().get("/api/v1/me", null);

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.header("content-type")).startsWith("application/problem+json");
        assertThat(me.get("code")).isEqualTo("unauthenticated");
        assertThat(me.json().path("status").asInt()).isEqualTo(401);
        assertThat(me.header("www-authenticate")).as("RFC 9110: a 401 carries a challenge")
                .isEqualTo("Bearer realm=\"taskgate\"");
    }

    @Test
    void anUnknownTokenIs401() {
        Api.Response me = api().get("/api/v1/me", "tgs_" + "x".repeat(43));

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.get("code")).isEqualTo("invalid_token");
        assertThat(me.header("www-authenticate")).as("RFC 6750: a token was sent and refused")
                .isEqualTo("Bearer realm=\"taskgate\", error=\"invalid_token\"");
    }

    @Test
    void anExpiredSessionIs401() {
        Api.Person ann = api().signUp("Ann");
        clock.advance(Duration.ofHours(12).plusSeconds(1));

        Api.Response me = api().get("/api/v1/me", ann.token());

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.get("code")).isEqualTo("token_expired");
    }

    @Test
    void loggingOutEndsTheSessionAtOnce() {
        Api.Person ann = api().signUp("Ann");
        Api.expect(api().post("/api/v1/auth/logout", ann.token(), Map.of()), 204);

        Api.Response me = api().get("/api/v1/me", ann.token());

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.get("code")).isEqualTo("token_revoked");
        assertThat(me.header("www-authenticate")).contains("error=\"invalid_token\"");
    }

    @Test
    void loggingOutWithAnApiKeyIsRefusedSinceTheKeyStaysValid() {
        Api.Person owner = api().signUp("Olga");
        String workspace = api().createWorkspace(owner, "Cafe");
        Api.Client bot = api().createApiClient(workspace, owner.token(), "Bot", "member", "read_write");

        Api.Response logout = api().post("/api/v1/auth/logout", bot.secret(), Map.of());

        assertThat(logout.status()).isEqualTo(409);
        assertThat(logout.get("code")).isEqualTo("not_a_session");
        assertThat(logout.get("detail")).as("says how it is ended instead")
                .contains("DELETE /api/v1/workspaces/" + workspace + "/api-clients/" + bot.id() + "/keys/" + bot.keyId());
        Api.expect(api().get("/api/v1/me", bot.secret()), 200);
    }

    @Test
    void aPersonInvitedToAWorkspaceSignsUpIntoTheSameAccount() {
        Api.Person owner = api().signUp("Olga");
        String workspace = api().createWorkspace(owner, "Cafe");
        String email = email();
        Api.Response invited = api().post("/api/v1/workspaces/" + workspace + "/users", owner.token(),
                Map.of("email", email, "role", "member"));
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.get("status")).isEqualTo("invited");

        Api.Response signedUp = api().post("/api/v1/auth/signup", null,
                Map.of("email", email, "name", "Ivan", "password", "correct horse battery"));
        assertThat(signedUp.status()).isEqualTo(201);
        assertThat(signedUp.get("id")).isEqualTo(invited.get("id"));

        String token = api().logIn(email, "correct horse battery");
        assertThat(api().get("/api/v1/workspaces/" + workspace, token).status()).isEqualTo(200);
        Api.Response member = api().get("/api/v1/workspaces/" + workspace + "/users/" + invited.get("id"),
                owner.token());
        assertThat(member.get("status")).isEqualTo("registered");
        assertThat(member.get("name")).isEqualTo("Ivan");
        assertThat(member.header("etag")).as("the invited member's ETag no longer matches").isNotEqualTo(
                invited.header("etag"));
    }

    @Test
    void anInvitedPersonCannotLogInBeforeSigningUp() {
        Api.Person owner = api().signUp("Olga");
        String workspace = api().createWorkspace(owner, "Cafe");
        String email = email();
        Api.expect(api().post("/api/v1/workspaces/" + workspace + "/users", owner.token(),
                Map.of("email", email, "role", "member")), 201);

        Api.Response login = api().post("/api/v1/auth/login", null, Map.of("email", email, "password", ""));

        assertThat(login.status()).isEqualTo(401);
        assertThat(login.get("code")).isEqualTo("invalid_credentials");
    }

    @Test
    void aSignUpRetriedWithItsIdempotencyKeyGetsTheFirstAnswerAndMakesNoSecondAccount() {
        String email = email();
        Map<String, Object> body = Map.of("email", email, "name", "Ivan", "password", "correct horse battery");
        String key = UUID.randomUUID().toString();

        Api.Response first = api().request("POST", "/api/v1/auth/signup").header("Idempotency-Key", key)
                .json(body).send();
        Api.Response retry = api().request("POST", "/api/v1/auth/signup").header("Idempotency-Key", key)
                .json(body).send();
        Api.Response otherPassword = api().request("POST", "/api/v1/auth/signup").header("Idempotency-Key", key)
                .json(Map.of("email", email, "name", "Ivan", "password", "another horse battery")).send();
        Api.Response withoutKey = api().post("/api/v1/auth/signup", null, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.get("id")).isEqualTo(first.get("id"));
        assertThat(otherPassword.status()).as("the same key with another body").isEqualTo(422);
        assertThat(withoutKey.status()).as("no key: a second sign-up of the address").isEqualTo(409);
        assertThat(api().logIn(email, "correct horse battery")).isNotBlank();
    }

    @Test
    void aLoginAnswerIsNeverStoredByACache() {
        Api.Person ann = api().signUp("Ann");

        Api.Response login = api().post("/api/v1/auth/login", null,
                Map.of("email", ann.email(), "password", "correct horse battery"));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("cache-control")).contains("no-store");
    }
}
