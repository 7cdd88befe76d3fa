package io.taskgate.apiclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedTest extends HttpTest {

    @Test
    void neitherTheBearerHeaderNorTheAccessTokenParameterReachesTheLog(CapturedOutput output) {
        Api.Person owner = api().signUp("Olga");
        String workspace = api().createWorkspace(owner, "Cafe");
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "member", "global");
        String secretPart = secretPart(zapier);

        api().get("/api/v1/me", zapier.secret());
        api().request("GET", "/api/v1/me?access_token=" + zapier.secret()).send();
        api().request("GET", "/api/v1/workspaces/" + workspace + "/nowhere?access_token=" + zapier.secret()).send();
        api().request("POST", "/api/v1/workspaces?access_token=" + zapier.secret()).raw("{oops", "application/json")
                .send();
        api().get("/api/v1/me", owner.token());
        api().get("/api/v1/me", "tgs_not-a-real-token");

        assertThat(output.getAll()).contains("GET /api/v1/me 200");
        assertThat(output.getAll())
                .doesNotContain(zapier.secret())
                .doesNotContain(secretPart)
                .doesNotContain(owner.token())
                .doesNotContain("tgs_not-a-real-token")
                .doesNotContain("access_token");
    }

    @Test
    void theDatabaseHoldsNoSecretInPlainText(@org.springframework.beans.factory.annotation.Autowired
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        Api.Person owner = api().signUp("Olga");
        String workspace = api().createWorkspace(owner, "Cafe");
        Api.Client zapier = api().createApiClient(workspace, owner.token(), "Zapier", "member", "global");
        api().request("GET", "/api/v1/me").token(zapier.secret()).header("X-Integration-Name", "zap").send();
        api().post("/api/v1/workspaces", zapier.secret(), Map.of("name", "x"));

        String secretPart = secretPart(zapier);
        Api.Response idempotent = api().request("POST", "/api/v1/workspaces/" + workspace + "/api-clients/"
                + zapier.id() + "/keys").token(owner.token()).header("Idempotency-Key", "k-1")
                .json(Map.of("name", "second")).send();
        Api.expect(idempotent, 201);
        assertThat(idempotent.header("cache-control")).contains("no-store");
        Api.Response retried = api().request("POST", "/api/v1/workspaces/" + workspace + "/api-clients/"
                + zapier.id() + "/keys").token(owner.token()).header("Idempotency-Key", "k-1")
                .json(Map.of("name", "second")).send();
        assertThat(retried.status()).as("a secret is shown once, even to a retry").isEqualTo(409);
        assertThat(retried.get("code")).isEqualTo("secret_not_replayable");
        assertThat(retried.header("content-type")).startsWith("application/problem+json");
        assertThat(retried.get("instance")).isEqualTo("/api/v1/workspaces/" + workspace + "/api-clients/"
                + zapier.id() + "/keys");
        assertThat(retried.get("detail")).startsWith("The first request with this Idempotency-Key succeeded")
                .doesNotContain("  ");
        assertThat(retried.text()).doesNotContain(idempotent.get("secret"));
        assertThat(api().get("/api/v1/workspaces/" + workspace + "/api-clients/" + zapier.id() + "/keys",
                owner.token()).json().path("items").findValuesAsString("name")).containsOnlyOnce("second");
        String secondSecret = idempotent.get("secret").substring(idempotent.get("secret").length() - 43);
        for (String table : new String[] {"api_key", "user_session", "audit_event", "user_account",
                "idempotency_record"}) {
            String dump = String.join("\n", jdbc.sql("select * from " + table).query((rs, n) -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                return row.toString();
            }).list());
            assertThat(dump).as(table).doesNotContain(secretPart).doesNotContain(owner.token().substring(4))
                    .doesNotContain(secondSecret).doesNotContain("correct horse battery");
        }
    }

    /** The random part of a key, {@code tgk_<keyId>_<secret>}: the secret itself may hold '_' and '-'. */
    private static String secretPart(Api.Client client) {
        return client.secret().substring(("tgk_" + client.keyId() + "_").length());
    }
}
