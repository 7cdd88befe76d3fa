package io.taskgate.bench.load;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.ProjectResource;

/**
 * Part (a): authorised create-task throughput. Several concurrent clients, each a different
 * principal creating project tasks in projects the decision core lets it create in, through the
 * API; against the same number of JDBC connections inserting the same rows (the task and its
 * audit event, one transaction per task, as the server commits them) in the same run. Rounds
 * alternate between the two, so both see the same machine.
 */
final class CreateThroughput {

    /** One writer: who, its token, and the projects it may create tasks in. */
    record Writer(Principals.Actor actor, String keyId, List<String> projects) {
    }

    /** Per round; the CPU lists hold milliseconds per created task (empty when the processes were not found). */
    record Result(List<Double> apiPerSecond, List<Double> rawPerSecond, long apiErrors,
            List<CpuMeter.Reading> apiCpuPerTask, List<CpuMeter.Reading> rawCpuPerTask) {
    }

    static final String TITLE_PREFIX = "load-bench ";

    private final Options options;
    private final Http http;
    private final PrintStream out;

    CreateThroughput(Options options, Http http, PrintStream out) {
        this.options = options;
        this.http = http;
        this.out = out;
    }

    /** The writers' projects, each confirmed by {@code decide(task.create)}. */
    static List<Writer> writers(Connection db, String ws, List<Principals.Actor> actors) throws SQLException {
        Facts facts = new Facts(db);
        List<Writer> writers = new ArrayList<>();
        for (Principals.Actor actor : actors) {
            PrincipalFacts principal = facts.principal(ws, actor.type(), actor.id());
            List<String> candidates = new ArrayList<>();
            String sql = principal instanceof io.taskgate.access.ApiClientFacts client
                    && client.accessLevel() == io.taskgate.access.AccessLevel.GLOBAL
                    ? "select id from project where workspace_id = ? and ? is not null order by id limit 200"
                    : "select project_id from project_member where workspace_id = ? and principal_id = ?"
                            + " and role in ('creator', 'editor', 'manager')";
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                statement.setString(1, ws);
                statement.setString(2, actor.id());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getString(1));
                    }
                }
            }
            List<String> allowed = new ArrayList<>();
            for (String project : candidates) {
                if (AccessPolicy.decide(principal, Action.TASK_CREATE,
                        new ProjectResource(facts.project(ws, principal, project))).allowed()) {
                    allowed.add(project);
                }
            }
            if (allowed.isEmpty()) {
                throw new IllegalStateException(actor.label() + " may create tasks nowhere");
            }
            String keyId = actor.type().equals("api_client") ? actor.token().substring(4, 4 + 30) : null;
            writers.add(new Writer(actor, keyId, allowed));
        }
        return writers;
    }

    Result run(Connection db, String ws, List<Writer> writers) throws Exception {
        int seconds = options.integer("create-seconds", 15);
        int rounds = options.integer("create-rounds", 3);
        out.printf(Locale.ROOT, "  %d writers: %s%n", writers.size(), writers.stream()
                .map(w -> w.actor().label() + " (" + w.projects().size() + " projects)").toList());
        apiPhase(ws, writers, options.integer("create-warmup", 15)); // warm-up, not counted
        CpuMeter cpu = CpuMeter.find();
        if (!cpu.complete()) {
            out.println("  (the server or PostgreSQL process was not found: no CPU figures)");
        }
        List<Double> api = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<CpuMeter.Reading> apiCpu = new ArrayList<>();
        List<CpuMeter.Reading> rawCpu = new ArrayList<>();
        long errors = 0;
        for (int round = 0; round < rounds; round++) {
            String loadBefore = Stats.load();
            CpuMeter.Reading start = cpu.read();
            long[] apiResult = apiPhase(ws, writers, seconds);
            CpuMeter.Reading middle = cpu.read();
            long rawCreated = rawPhase(ws, writers, seconds);
            CpuMeter.Reading end = cpu.read();
            double apiRate = apiResult[0] / (double) seconds;
            double rawRate = rawCreated / (double) seconds;
            errors += apiResult[1];
            api.add(apiRate);
            raw.add(rawRate);
            CpuMeter.Reading apiPerTask = middle.minus(start).per(apiResult[0]);
            CpuMeter.Reading rawPerTask = end.minus(middle).per(rawCreated);
            if (cpu.complete()) {
                apiCpu.add(apiPerTask);
                rawCpu.add(rawPerTask);
            }
            out.printf(Locale.ROOT, "  round %d: api %,.0f tasks/s (%d errors), raw JDBC %,.0f tasks/s, api/raw %.0f %%"
                    + " | load %s -> %s%n", round + 1, apiRate, apiResult[1], rawRate, 100 * apiRate / rawRate,
                    loadBefore, Stats.load());
            out.printf(Locale.ROOT, "    CPU ms per task: api = server %.3f + postgres %.3f + generator %.3f;"
                    + " raw = postgres %.3f + generator %.3f%n", apiPerTask.serverMillis(),
                    apiPerTask.postgresMillis(), apiPerTask.generatorMillis(), rawPerTask.postgresMillis(),
                    rawPerTask.generatorMillis());
        }
        return new Result(api, raw, errors, apiCpu, rawCpu);
    }

    /** Runs every writer in its own thread for {@code seconds}; returns {created, errors}. */
    private long[] apiPhase(String ws, List<Writer> writers, int seconds) throws InterruptedException {
        AtomicLong created = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            Writer writer = writers.get(w);
            Random random = new Random(w);
            threads.add(Thread.ofPlatform().start(() -> {
                String path = "/api/v1/workspaces/" + ws + "/tasks";
                int n = 0;
                while (System.nanoTime() < deadline) {
                    String project = writer.projects().get(random.nextInt(writer.projects().size()));
                    Http.Response response = http.post(path, writer.actor().token(), body(project, n++));
                    if (response.status() == 201) {
                        created.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, response.status() + " " + response.abbreviated());
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (firstError.get() != null) {
            out.println("  ! first API error: " + firstError.get());
        }
        return new long[] {created.get(), errors.get()};
    }

    private static String body(String projectId, int n) {
        return "{\"type\":\"project\",\"projectId\":\"" + projectId + "\",\"title\":" + Http.json(TITLE_PREFIX + n)
                + ",\"description\":\"Created by the load benchmark.\",\"priority\":\"high\"}";
    }

    /** The same rows, written by JDBC connections, one transaction per task. */
    private long rawPhase(String ws, List<Writer> writers, int seconds) throws Exception {
        AtomicLong created = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            Writer writer = writers.get(w);
            int seed = w;
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection db = options.connect()) {
                    insertUntil(db, ws, writer, seed, deadline, created);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return created.get();
    }

    private static void insertUntil(Connection db, String ws, Writer writer, int seed, long deadline,
            AtomicLong created) throws SQLException {
        db.setAutoCommit(false);
        Random random = new Random(seed);
        BenchIds ids = new BenchIds(System.nanoTime() + seed);
        String actor = writer.actor().id();
        try (PreparedStatement task = db.prepareStatement("""
                insert into task (workspace_id, id, type, project_id, title, description, status, priority, due_at,
                                  blockers, assignee_id, created_by, created_at, updated_by, updated_at, version)
                values (?, ?, 'project', ?, ?, 'Created by the load benchmark.', 'pending', 'high', null, '[]', null,
                        ?, ?, ?, ?, 1)
                """);
                PreparedStatement audit = db.prepareStatement("""
                        insert into audit_event (workspace_id, id, occurred_at, actor_type, actor_id, api_key_id,
                                                 integration_name, action, target_type, target_id, details)
                        values (?, ?, ?, ?, ?, ?, null, 'task.created', 'task', ?, 'type=project')
                        """)) {
            int n = 0;
            while (System.nanoTime() < deadline) {
                Instant now = Instant.now();
                String id = ids.next("task", now.toEpochMilli());
                Timestamp at = Timestamp.from(now);
                task.setString(1, ws);
                task.setString(2, id);
                task.setString(3, writer.projects().get(random.nextInt(writer.projects().size())));
                task.setString(4, TITLE_PREFIX + n++);
                task.setString(5, actor);
                task.setTimestamp(6, at);
                task.setString(7, actor);
                task.setTimestamp(8, at);
                task.executeUpdate();
                audit.setString(1, ws);
                audit.setString(2, ids.next("evt", now.toEpochMilli()));
                audit.setTimestamp(3, at);
                audit.setString(4, writer.actor().type());
                audit.setString(5, actor);
                audit.setString(6, writer.keyId());
                audit.setString(7, id);
                audit.executeUpdate();
                db.commit();
                created.incrementAndGet();
            }
        }
    }

    /** Removes what the benchmark created, so the workspace keeps its generated shape. */
    static long cleanUp(Connection db, String ws) throws SQLException {
        try (PreparedStatement tasks = db.prepareStatement(
                "delete from task where workspace_id = ? and title like '" + TITLE_PREFIX + "%'");
                PreparedStatement events = db.prepareStatement(
                        "delete from audit_event where workspace_id = ? and action = 'task.created'")) {
            tasks.setString(1, ws);
            long deleted = tasks.executeUpdate();
            events.setString(1, ws);
            events.executeUpdate();
            return deleted;
        }
    }
}
