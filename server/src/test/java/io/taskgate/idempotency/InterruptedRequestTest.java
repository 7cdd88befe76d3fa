package io.taskgate.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/**
 * A request whose server was killed after its change but before its answer was kept leaves a
 * claim without an answer, given up after a minute. Found by an auditor killing the server under
 * load: the retry made the change a second time. The events of a claimed request's changes now
 * carry its claim, so the retry knows. Here the kill is staged: the answer is taken out of the
 * record, as if it had never been written, and the record made two minutes old.
 */
class InterruptedRequestTest extends HttpTest {

    @Autowired
    JdbcClient jdbc;

    private Api.Person olga;
    private String tasks;

    @BeforeEach
    void workspace() {
        olga = api().signUp("Olga");
        tasks = "/api/v1/workspaces/" + api().createWorkspace(olga, "Cafe") + "/tasks";
    }

    private Api.Response create(String key) {
        return api().request("POST", tasks).token(olga.token()).header("Idempotency-Key", key)
                .json(Map.of("type", "private", "title", "Call the supplier")).send();
    }

    private void answerNeverKept(String key) {
        assertThat(jdbc.sql("update idempotency_record set status = null, body = null, created_at = :long_ago"
                        + " where principal_id = :olga and idempotency_key = :key")
                .param("olga", olga.id())
                .param("long_ago", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2))
                .param("key", key).update()).isEqualTo(1);
    }

    @Test
    void aRetryAfterAChangeWhoseAnswerWasLostMakesNoSecondOneAndSaysWhatWasChanged() {
        String first = Api.expect(create("k-1"), 201).get("id");
        answerNeverKept("k-1");

        Api.Response retried = create("k-1");
        Api.Response again = create("k-1");

        assertThat(retried.status()).as(retried.text()).isEqualTo(409);
        assertThat(retried.get("code")).isEqualTo("idempotency_interrupted");
        assertThat(retried.get("targetId")).isEqualTo(first);
        assertThat(retried.get("detail")).contains(first);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("idempotent-replayed")).isEqualTo("true");
        assertThat(api().get(tasks, olga.token()).ids()).containsExactly(first);
        Api.Response otherBody = api().request("POST", tasks).token(olga.token()).header("Idempotency-Key", "k-1")
                .json(Map.of("type", "private", "title", "Something else")).send();
        assertThat(otherBody.status()).as("the key stays bound to its first body").isEqualTo(422);
    }

    @Test
    void aRetryAfterARequestThatChangedNothingRunsAgain() {
        String first = Api.expect(create("k-2"), 201).get("id");
        answerNeverKept("k-2");
        // As if the first request had been killed before its change was committed: no event carries it.
        jdbc.sql("delete from task where id = :id").param("id", first).update();
        jdbc.sql("update audit_event set idempotency_claim = null where target_id = :id").param("id", first).update();

        Api.Response retried = create("k-2");

        assertThat(retried.status()).as(retried.text()).isEqualTo(201);
        assertThat(api().get(tasks, olga.token()).ids()).containsExactly(retried.get("id"));
    }
}
