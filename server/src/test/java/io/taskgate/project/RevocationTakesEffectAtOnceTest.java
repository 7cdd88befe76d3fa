package io.taskgate.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/**
 * While clients hammer a private project, access is taken away three ways — a membership
 * removed, a person deactivated, a key revoked. No request that starts after the change has
 * committed (its response received) may be allowed: zero stale allows, whatever we cache.
 */
class RevocationTakesEffectAtOnceTest extends HttpTest {

    private record Attempt(long startedAt, int status) {
    }

    @Test
    void noRequestStartedAfterARevocationCommitsIsAllowed() throws Exception {
        Api.Person owner = api().signUp("Olga");
        String ws = api().createWorkspace(owner, "Cafe");
        Api.Person removed = api().addMember(ws, owner, "Rita", "member");
        Api.Person deactivated = api().addMember(ws, owner, "Dan", "member");
        Api.Client revoked = api().createApiClient(ws, owner.token(), "Bot", "member", "read_write");
        String project = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects", owner.token(),
                Map.of("name", "Payroll", "visibility", "private")), 201).get("id");
        String members = "/api/v1/workspaces/" + ws + "/projects/" + project + "/members";
        for (var member : List.of(Map.of("principalType", "user", "principalId", removed.id(), "role", "editor"),
                Map.of("principalType", "user", "principalId", deactivated.id(), "role", "editor"),
                Map.of("principalType", "api_client", "principalId", revoked.id(), "role", "editor"))) {
            Api.expect(api().post(members, owner.token(), member), 201);
        }
        String path = "/api/v1/workspaces/" + ws + "/projects/" + project;

        hammerWhile(removed.token(), path,
                () -> Api.expect(api().delete(members + "/" + removed.id(), owner.token()), 204));
        hammerWhile(deactivated.token(), path, () -> Api.expect(api().patch("/api/v1/workspaces/" + ws + "/users/"
                + deactivated.id(), owner.token(), Map.of("active", false)), 200));
        hammerWhile(revoked.secret(), path, () -> Api.expect(api().delete("/api/v1/workspaces/" + ws
                + "/api-clients/" + revoked.id() + "/keys/" + revoked.keyId(), owner.token()), 204));
    }

    private void hammerWhile(String token, String path, Supplier<Api.Response> revocation) throws Exception {
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> {
                Api client = api();
                while (running.get()) {
                    long startedAt = System.nanoTime();
                    attempts.add(new Attempt(startedAt, client.get(path, token).status()));
                }
            });
        }
        Thread.sleep(300);
        revocation.get();
        long committedAt = System.nanoTime();
        Thread.sleep(500);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        long allowedBefore = attempts.stream().filter(a -> a.startedAt() < committedAt && a.status() == 200).count();
        long after = attempts.stream().filter(a -> a.startedAt() > committedAt).count();
        long staleAllows = attempts.stream().filter(a -> a.startedAt() > committedAt && a.status() == 200).count();
        System.out.printf("revocation %s: %d allowed before, %d started after, %d stale allows%n", path,
                allowedBefore, after, staleAllows);
        assertThat(allowedBefore).as("requests allowed before the change").isPositive();
        assertThat(after).as("requests started after the change").isPositive();
        assertThat(staleAllows).as("requests allowed after the change committed").isZero();
        assertThat(attempts).filteredOn(a -> a.startedAt() > committedAt)
                // A revoked key hammering on spends its address's failed-authentication budget: 429 is a refusal too.
                .allSatisfy(a -> assertThat(a.status()).isIn(401, 404, 429));
        assertThat(attempts).filteredOn(a -> a.startedAt() > committedAt)
                .as("the revocation itself was met, not only the rate limit").anyMatch(a -> a.status() != 429);
    }
}
