package io.taskgate.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.taskgate.testing.Api;
import io.taskgate.testing.HttpTest;

/** Idempotency-Key makes retries safe; If-Match keeps racing writers from losing each other's updates. */
class SafeRetriesAndRacesTest extends HttpTest {

    private Api.Person olga;
    private String ws;
    private String project;

    @BeforeEach
    void workspace() {
        olga = api().signUp("Olga");
        ws = api().createWorkspace(olga, "Cafe");
        project = Api.expect(api().post("/api/v1/workspaces/" + ws + "/projects", olga.token(),
                Map.of("name", "Menu", "visibility", "private")), 201).get("id");
    }

    private String tasks() {
        return "/api/v1/workspaces/" + ws + "/tasks";
    }

    private Api.Response postWithKey(String token, String key, Map<String, Object> body) {
        return api().request("POST", tasks()).token(token).header("Idempotency-Key", key).json(body).send();
    }

    private <T> List<T> race(int parallel, Callable<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return request.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();
        return results;
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheFirstAnswerWithoutASecondTask() {
        Map<String, Object> body = Map.of("type", "project", "projectId", project, "title", "Soup");

        Api.Response first = postWithKey(olga.token(), "retry-1", body);
        Api.Response retry = postWithKey(olga.token(), "retry-1", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.get("id")).isEqualTo(first.get("id"));
        assertThat(retry.header("idempotent-replayed")).isEqualTo("true");
        assertThat(retry.header("etag")).isEqualTo(first.header("etag"));
        assertThat(retry.header("location")).isEqualTo(first.header("location"));
        assertThat(api().get(tasks(), olga.token()).ids()).containsExactly(first.get("id"));
    }

    @Test
    void aRetryWithTheSameValuesInAnotherOrderAndSpacingIsTheSameRequest() {
        String first = "{\"type\":\"project\",\"projectId\":\"" + project + "\",\"title\":\"Soup\","
                + "\"blockers\":[\"b\",\"a\"],\"lists\":[]}";
        String reordered = "{ \"lists\": [ ],\n  \"title\": \"Soup\", \"blockers\": [\"b\", \"a\"],"
                + " \"projectId\": \"" + project + "\", \"type\": \"project\" }";
        String otherOrderOfBlockers = first.replace("[\"b\",\"a\"]", "[\"a\",\"b\"]");

        Api.Response created = rawWithKey("same-values", first);
        Api.Response retry = rawWithKey("same-values", reordered);
        Api.Response different = rawWithKey("same-values", otherOrderOfBlockers);

        assertThat(created.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.get("id")).isEqualTo(created.get("id"));
        assertThat(retry.header("idempotent-replayed")).isEqualTo("true");
        assertThat(different.status()).as("an array's order is part of its value").isEqualTo(422);
        assertThat(rawWithKey("same-values", first.replace("{", "{\"title\":\"Stew\",")).status())
                .as("a member named twice is not the same request as naming it once").isEqualTo(422);
        assertThat(api().get(tasks(), olga.token()).ids()).containsExactly(created.get("id"));
    }

    private Api.Response rawWithKey(String key, String json) {
        return api().request("POST", tasks()).token(olga.token()).header("Idempotency-Key", key)
                .raw(json, "application/json").send();
    }

    @Test
    void aKeyIsRememberedForAtLeast24Hours() {
        Api.Client bot = api().createApiClient(ws, olga.token(), "Bot", "member", "read_write");
        Map<String, Object> body = Map.of("title", "Nightly import");
        Api.Response first = postWithKey(bot.secret(), "nightly", body);

        clock.advance(java.time.Duration.ofHours(23).plusMinutes(59));
        Api.Response nextDay = postWithKey(bot.secret(), "nightly", body);
        clock.advance(java.time.Duration.ofHours(1));
        Api.Response muchLater = postWithKey(bot.secret(), "nightly", body);

        assertThat(nextDay.get("id")).isEqualTo(first.get("id"));
        assertThat(nextDay.header("idempotent-replayed")).isEqualTo("true");
        assertThat(muchLater.status()).isEqualTo(201);
        assertThat(muchLater.get("id")).isNotEqualTo(first.get("id"));
        assertThat(muchLater.header("idempotent-replayed")).isNull();
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        Api.expect(postWithKey(olga.token(), "k-2", Map.of("title", "Soup")), 201);

        Api.Response other = postWithKey(olga.token(), "k-2", Map.of("title", "Stew"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.get("code")).isEqualTo("idempotency_key_reused");
        assertThat(api().get(tasks(), olga.token()).ids()).hasSize(1);
    }

    @Test
    void keysBelongToOnePrincipal() {
        Api.Person bob = api().addMember(ws, olga, "Bob", "member");

        Api.Response olgas = postWithKey(olga.token(), "shared", Map.of("title", "Soup"));
        Api.Response bobs = postWithKey(bob.token(), "shared", Map.of("title", "Soup"));

        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.get("id")).isNotEqualTo(olgas.get("id"));
        assertThat(bobs.header("idempotent-replayed")).isNull();
    }

    @Test
    void aFailedRequestIsNotRememberedSoItsRetryRunsAgain() {
        Api.Response invalid = postWithKey(olga.token(), "k-3", Map.of("title", ""));
        assertThat(invalid.status()).isEqualTo(422);

        Api.Response again = postWithKey(olga.token(), "k-3", Map.of("title", ""));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.header("idempotent-replayed")).isNull();
        assertThat(postWithKey(olga.token(), "k-3", Map.of("title", "Fixed")).status()).isEqualTo(201);
    }

    @Test
    void fiftyParallelPostsWithOneKeyCreateOneTask() throws Exception {
        Map<String, Object> body = Map.of("type", "project", "projectId", project, "title", "Once");

        List<Api.Response> responses = race(50, () -> postWithKey(olga.token(), "burst", body));

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).isEqualTo(201));
        assertThat(responses.stream().map(response -> response.get("id")).distinct()).hasSize(1);
        assertThat(api().get(tasks(), olga.token()).ids()).hasSize(1);
    }

    @Test
    void fiftyParallelPatchesWithTheSameIfMatchLetExactlyOneWin() throws Exception {
        Api.Response created = Api.expect(api().post(tasks(), olga.token(),
                Map.of("type", "project", "projectId", project, "title", "Soup")), 201);
        String path = tasks() + "/" + created.get("id");
        String etag = created.header("etag");
        int[] counter = {0};

        List<Api.Response> responses = race(50, () -> {
            String title;
            synchronized (counter) {
                title = "Title " + counter[0]++;
            }
            return api().request("PATCH", path).token(olga.token()).header("If-Match", etag)
                    .json(Map.of("title", title)).send();
        });

        List<Api.Response> winners = responses.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(412);
                    assertThat(r.get("code")).isEqualTo("precondition_failed");
                });
        Api.Response finalState = api().get(path, olga.token());
        assertThat(finalState.get("title")).isEqualTo(winners.getFirst().get("title"));
        assertThat(finalState.header("etag")).isEqualTo("\"2\"");
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersionAndRecordsNoEvent() {
        Api.Response created = Api.expect(api().post(tasks(), olga.token(), Map.of("title", "Soup",
                "status", "blocked", "blockers", List.of("no stock"))), 201);
        String path = tasks() + "/" + created.get("id");

        Api.Response empty = Api.expect(api().patch(path, olga.token(), Map.of()), 200);
        Api.Response same = Api.expect(api().request("PATCH", path).token(olga.token())
                .header("If-Match", created.header("etag")).json(Map.of("title", " Soup ", "status", "blocked",
                        "blockers", List.of("no stock"), "priority", "medium")).send(), 200);

        assertThat(empty.header("etag")).isEqualTo(created.header("etag"));
        assertThat(same.header("etag")).isEqualTo(created.header("etag"));
        assertThat(same.get("updatedAt")).isEqualTo(created.get("updatedAt"));
        assertThat(Api.expect(api().get("/api/v1/workspaces/" + ws + "/audit-events?action=task.updated",
                olga.token()), 200).json().path("items")).isEmpty();
        assertThat(Api.expect(api().get("/api/v1/workspaces/" + ws + "/audit-events?action=task.created",
                olga.token()), 200).json().path("items")).as("the filter finds what there is").hasSize(1);
        Api.Response changed = Api.expect(api().patch(path, olga.token(), Map.of("blockers", List.of())), 200);
        assertThat(changed.header("etag")).isEqualTo("\"2\"");
    }

    @Test
    void aListOrMasterTaskPatchThatChangesNothingKeepsTheVersionToo() {
        String lists = "/api/v1/workspaces/" + ws + "/projects/" + project + "/lists";
        Api.Response list = Api.expect(api().post(lists, olga.token(), Map.of("name", "Today", "order", 3)), 201);
        String barista = api().createPosition(ws, olga.token(), "Barista");
        String masterTasks = "/api/v1/workspaces/" + ws + "/master-tasks";
        Api.Response descale = Api.expect(api().post(masterTasks, olga.token(), Map.of("name", "Descale",
                "positionIds", List.of(barista))), 201);

        Api.Response sameList = Api.expect(api().patch(lists + "/" + list.get("id"), olga.token(),
                Map.of("name", "Today", "order", 3)), 200);
        Api.Response emptyList = Api.expect(api().patch(lists + "/" + list.get("id"), olga.token(), Map.of()), 200);
        Api.Response sameMasterTask = Api.expect(api().patch(masterTasks + "/" + descale.get("id"), olga.token(),
                Map.of("name", "Descale", "positionIds", List.of(barista), "favorite", false)), 200);
        Api.Response movedList = api().patch(lists + "/" + list.get("id"), olga.token(),
                Map.of("projectId", "prj_elsewhere"));

        assertThat(sameList.header("etag")).isEqualTo(list.header("etag"));
        assertThat(emptyList.header("etag")).isEqualTo(list.header("etag"));
        assertThat(sameMasterTask.header("etag")).isEqualTo(descale.header("etag"));
        assertThat(movedList.status()).as("a list stays in its project: said, not ignored").isEqualTo(422);
        assertThat(movedList.json().path("errors").get(0).path("field").asString()).isEqualTo("projectId");
        assertThat(Api.expect(api().get("/api/v1/workspaces/" + ws + "/audit-events", olga.token()), 200).json()
                .path("items").findValuesAsString("action")).doesNotContain("list.updated", "master_task.updated");
    }

    @Test
    void ifMatchMayListSeveralETagsAndPassesWhenOneIsCurrent() {
        Api.Response created = Api.expect(api().post(tasks(), olga.token(), Map.of("title", "Soup")), 201);
        String path = tasks() + "/" + created.get("id");

        Api.Response noneCurrent = api().request("PATCH", path).token(olga.token()).header("If-Match", "\"7\", \"8\"")
                .json(Map.of("title", "Stew")).send();
        Api.Response oneCurrent = api().request("PATCH", path).token(olga.token())
                .header("If-Match", "\"7\", " + created.header("etag")).json(Map.of("title", "Stew")).send();

        assertThat(noneCurrent.status()).isEqualTo(412);
        assertThat(oneCurrent.status()).as("RFC 9110: true when any listed tag matches").isEqualTo(200);
        assertThat(oneCurrent.get("title")).isEqualTo("Stew");
    }

    @Test
    void aWeakETagInIfMatchNeverMatchesSinceIfMatchComparesStrongly() {
        Api.Response created = Api.expect(api().post(tasks(), olga.token(), Map.of("title", "Soup")), 201);
        String path = tasks() + "/" + created.get("id");

        Api.Response weakened = api().request("PATCH", path).token(olga.token())
                .header("If-Match", "W/" + created.header("etag")).json(Map.of("title", "Stew")).send();

        assertThat(weakened.status()).as("RFC 9110, 13.1.1").isEqualTo(412);
        assertThat(Api.expect(api().get(path, olga.token()), 200).get("title")).isEqualTo("Soup");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Api.Response created = Api.expect(api().post(tasks(), olga.token(), Map.of("title", "Soup")), 201);
        String path = tasks() + "/" + created.get("id");
        Api.expect(api().patch(path, olga.token(), Map.of("title", "Stew")), 200);

        Api.Response stale = api().request("PATCH", path).token(olga.token()).header("If-Match", created.header("etag"))
                .json(Map.of("title", "Lost update")).send();
        Api.Response staleDelete = api().request("DELETE", path).token(olga.token())
                .header("If-Match", created.header("etag")).send();

        assertThat(stale.status()).isEqualTo(412);
        assertThat(staleDelete.status()).isEqualTo(412);
        assertThat(api().get(path, olga.token()).get("title")).isEqualTo("Stew");
    }
}
