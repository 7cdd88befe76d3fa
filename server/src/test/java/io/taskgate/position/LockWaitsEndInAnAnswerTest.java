package io.taskgate.position;

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
import io.taskgate.testing.TestDatabase;

/**
 * A request that waits for a row another transaction holds ends in an answer, never a 500: H2
 * gives up after its lock timeout, which is the 409 to retry that a deadlock gets; PostgreSQL
 * waits, then goes on. An auditor found the 500 making a person manager and staff of a position
 * at once.
 */
class LockWaitsEndInAnAnswerTest extends HttpTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aWriteThatWaitsTooLongForALockIsA409ToRetryAndChangesNothing() throws Exception {
        Api.Person owner = api().signUp("Olga");
        String ws = api().createWorkspace(owner, "Cafe");
        Api.Person ben = api().addMember(ws, owner, "Ben", "member");
        String barista = api().createPosition(ws, owner.token(), "Barista");
        CompletableFuture<Api.Response> made;

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement holding = other.prepareStatement(
                    "insert into position_manager (workspace_id, position_id, user_id) values (?, ?, ?)")) {
                holding.setString(1, ws);
                holding.setString(2, barista);
                holding.setString(3, ben.id());
                holding.executeUpdate();
            }
            made = CompletableFuture.supplyAsync(() -> api().post("/api/v1/workspaces/" + ws + "/positions/" + barista
                    + "/managers", owner.token(), Map.of("userId", ben.id())));
            Thread.sleep(3_000);
            other.rollback();
        }

        Api.Response answer = made.get();
        if (TestDatabase.isPostgres()) {
            assertThat(answer.status()).as("PostgreSQL waits for the other transaction: " + answer).isEqualTo(201);
        } else {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
            assertThat(answer.get("code")).isEqualTo("concurrent_update");
            assertThat(Api.expect(api().get("/api/v1/workspaces/" + ws + "/positions/" + barista, owner.token()), 200)
                    .json().path("managerIds")).as("nothing was changed").isEmpty();
        }
    }
}
