package io.taskgate.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/**
 * On PostgreSQL a server keeps the credentials it has checked, and forgets one as soon as the
 * database announces a change to it, whoever made the change: here, someone at a SQL prompt,
 * which is what a second server instance looks like to this one. Changes made through this
 * server are refused by its very next request (RevocationTakesEffectAtOnceTest); changes made
 * elsewhere, within a moment. While the server cannot hear the database, it keeps nothing.
 *
 * <p>This class turns off the suite's check of every kept credential against the database: the
 * moment between a change made behind the server's back and its notice is what it measures.
 */
@EnabledIfSystemProperty(named = "taskgate.test.database", matches = "postgres.*")
@TestPropertySource(properties = "taskgate.credential-cache.verify=false")
class CredentialChangesAreHeardTest extends HttpTest {

    private static final Duration A_MOMENT = Duration.ofSeconds(3);
    private static final Pattern LOOKUPS = Pattern.compile(
            "taskgate_credentials_lookups_total\\{result=\"(\\w+)\"} ([0-9.E]+)");

    @Autowired
    JdbcClient jdbc;

    @Test
    void aKeyUsedAgainIsCheckedFromMemoryNotReadAgain() {
        Cafe cafe = cafe();
        assertThat(api().get(cafe.permissions(), cafe.bot().secret()).status()).isEqualTo(200);
        double hitsBefore = lookups("hit");

        for (int i = 0; i < 5; i++) {
            Api.expect(api().get(cafe.permissions(), cafe.bot().secret()), 200);
        }

        assertThat(lookups("hit") - hitsBefore).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aKeyRevokedInTheDatabaseIsRefusedWithinAMoment() {
        Cafe cafe = cafe();
        servedFromMemory(cafe.permissions(), cafe.bot().secret());

        jdbc.sql("update api_key set revoked_at = now() where id = :id").param("id", cafe.bot().keyId()).update();

        assertThat(refusedWithinAMoment(cafe.permissions(), cafe.bot().secret()).get("code")).isEqualTo("token_revoked");
    }

    @Test
    void aClientDisabledInTheDatabaseIsRefusedWithinAMoment() {
        Cafe cafe = cafe();
        servedFromMemory(cafe.permissions(), cafe.bot().secret());

        changeAccessAsAnotherInstanceWould(cafe, "update api_client set active = false where id = :id");

        assertThat(refusedWithinAMoment(cafe.permissions(), cafe.bot().secret()).get("code"))
                .isEqualTo("client_disabled");
    }

    @Test
    void aSessionEndedInTheDatabaseIsRefusedWithinAMoment() {
        Cafe cafe = cafe();
        servedFromMemory(cafe.permissions(), cafe.owner().token());

        jdbc.sql("update user_session set revoked_at = now() where user_id = :user and revoked_at is null")
                .param("user", cafe.owner().id()).update();

        assertThat(refusedWithinAMoment(cafe.permissions(), cafe.owner().token()).get("code"))
                .isEqualTo("token_revoked");
    }

    @Test
    void aPersonRenamedInTheDatabaseIsNamedSoWithinAMoment() {
        Cafe cafe = cafe();
        servedFromMemory("/api/v1/me", cafe.owner().token());

        jdbc.sql("update user_account set name = 'Olga Petrova' where id = :id").param("id", cafe.owner().id()).update();

        assertThat(meWithinAMoment(cafe.owner().token(), "name", "Olga Petrova")).isEqualTo("Olga Petrova");
    }

    @Test
    void aChangeOfAccessMadeElsewhereIsSeenWithinAMoment() {
        Cafe cafe = cafe();
        servedFromMemory(cafe.permissions(), cafe.bot().secret());

        changeAccessAsAnotherInstanceWould(cafe, "update api_client set role = 'guest' where id = :id");

        assertThat(meWithinAMoment(cafe.bot().secret(), "role", "guest")).isEqualTo("guest");
    }

    @Test
    void whileTheServerCannotHearTheDatabaseItKeepsNothingAndCatchesUpWhenItHearsAgain() throws Exception {
        Cafe cafe = cafe();
        servedFromMemory(cafe.permissions(), cafe.bot().secret());

        // The listening connection dies: the server notices and reads every credential until it listens again.
        double bypassedBefore = lookups("bypassed");
        jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = :name"
                + " and datname = current_database()").param("name", "taskgate-credential-notices")
                .query(Boolean.class).list();
        long deadline = System.nanoTime() + A_MOMENT.toNanos();
        while (lookups("bypassed") == bypassedBefore && System.nanoTime() < deadline) {
            Api.expect(api().get(cafe.permissions(), cafe.bot().secret()), 200);
        }
        assertThat(lookups("bypassed")).as("credentials read, not kept, while not listening").isGreaterThan(bypassedBefore);

        // A revocation made meanwhile, with no one to hear its notice, is still refused.
        jdbc.sql("update api_key set revoked_at = now() where id = :id").param("id", cafe.bot().keyId()).update();
        assertThat(refusedWithinAMoment(cafe.permissions(), cafe.bot().secret()).get("code")).isEqualTo("token_revoked");

        // It listens again and keeps credentials again.
        Api.Client second = api().createApiClient(cafe.ws(), cafe.owner().token(), "Second bot", "member", "read_write");
        servedFromMemory(cafe.permissions(), second.secret());
        jdbc.sql("update api_key set revoked_at = now() where id = :id").param("id", second.keyId()).update();
        assertThat(refusedWithinAMoment(cafe.permissions(), second.secret()).get("code")).isEqualTo("token_revoked");
    }

    private record Cafe(Api.Person owner, String ws, Api.Client bot, String permissions) {
    }

    private Cafe cafe() {
        Api.Person owner = api().signUp("Olga");
        String ws = api().createWorkspace(owner, "Cafe");
        Api.Client bot = api().createApiClient(ws, owner.token(), "Bot", "member", "read_write");
        return new Cafe(owner, ws, bot, "/api/v1/workspaces/" + ws + "/me/permissions");
    }

    /**
     * What another instance does when it changes the bot's access: the row, and the workspace's
     * access version with it ({@code AccessFactChanges}).
     */
    private void changeAccessAsAnotherInstanceWould(Cafe cafe, String changeOfTheBot) {
        jdbc.sql(changeOfTheBot).param("id", cafe.bot().id()).update();
        jdbc.sql("update workspace set access_version = access_version + 1 where workspace_id = :ws")
                .param("ws", cafe.ws()).update();
    }

    /** Asks {@code /me} until {@code field} reads {@code expected}, for at most a moment; the last value read. */
    private String meWithinAMoment(String token, String field, String expected) {
        long deadline = System.nanoTime() + A_MOMENT.toNanos();
        String value;
        do {
            value = Api.expect(api().get("/api/v1/me", token), 200).get(field);
        } while (!expected.equals(value) && System.nanoTime() < deadline);
        return value;
    }

    /** Asks until a request with the credential is answered from memory (the server listens), for at most a moment. */
    private void servedFromMemory(String path, String token) {
        long deadline = System.nanoTime() + A_MOMENT.toNanos();
        double hitsBefore = lookups("hit");
        do {
            Api.expect(api().get(path, token), 200);
        } while (lookups("hit") == hitsBefore && System.nanoTime() < deadline);
        assertThat(lookups("hit")).as("the credential was kept").isGreaterThan(hitsBefore);
    }

    /** Asks until the answer is a 401, for at most a moment; the 401 it got. */
    private Api.Response refusedWithinAMoment(String path, String token) {
        long deadline = System.nanoTime() + A_MOMENT.toNanos();
        Api.Response response;
        do {
            response = api().get(path, token);
        } while (response.status() == 200 && System.nanoTime() < deadline);
        assertThat(response.status()).as("refused within %s: %s", A_MOMENT, response).isEqualTo(401);
        return response;
    }

    private double lookups(String result) {
        Matcher lines = LOOKUPS.matcher(Api.expect(api().get("/actuator/prometheus", null), 200).text());
        while (lines.find()) {
            if (lines.group(1).equals(result)) {
                return Double.parseDouble(lines.group(2));
            }
        }
        throw new AssertionError("no credential lookups counted as " + result);
    }
}
