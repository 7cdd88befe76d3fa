package io.taskgate.bench.load;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * audit event) in the same run, two ways: two inserts and a commit per task, the baseline of the
 * goal since the first measurement, and the single statement the server itself sends. Each round
 * runs the three in turn, starting with a different one, so all see the same machine.
 */
final class CreateThroughput {

    /** One writer: who, its token, and the projects it may create tasks in. */
    record Writer(Principals.Actor actor, String keyId, List<String> projects) {
    }

    /**
     * The ways of creating: through the API; raw JDBC as the server once wrote them (the task, its
     * event, commit); raw JDBC as the server writes them now (one statement, no transaction).
     */
    enum Path {
        API("API"), RAW("raw JDBC, two inserts"), RAW_ONE_STATEMENT("raw JDBC, one statement");

        final String label;

        Path(String label) {
            this.label = label;
        }
    }

    /** One path's rounds: tasks per second and (when the processes were found) CPU ms per task. */
    record Rounds(List<Double> perSecond, List<CpuMeter.Reading> cpuPerTask) {
    }

    record Result(Map<Path, Rounds> paths, long apiErrors) {

        List<Double> ratios(Path raw) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < paths.get(Path.API).perSecond().size(); i++) {
                ratios.add(paths.get(Path.API).perSecond().get(i) / paths.get(raw).perSecond().get(i));
            }
            return ratios;
        }
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
        CpuMeter cpu = CpuMeter.find(http.port());
        if (!cpu.complete()) {
            out.println("  (the server or PostgreSQL process was not found: no CPU figures)");
        }
        Map<Path, Rounds> paths = new EnumMap<>(Path.class);
        for (Path path : Path.values()) {
            paths.put(path, new Rounds(new ArrayList<>(), new ArrayList<>()));
        }
        long errors = 0;
        List<Path> order = new ArrayList<>(List.of(Path.values()));
        for (int round = 0; round < rounds; round++) {
            String loadBefore = Stats.load();
            // Each round starts with the next path, so that none always inherits another's
            // aftermath (autovacuum, a checkpoint) or always meets the machine fresher.
            Collections.rotate(order, round == 0 ? 0 : -1);
            Map<Path, Double> rates = new EnumMap<>(Path.class);
            for (Path path : order) {
                CpuMeter.Reading before = cpu.read();
                long created;
                if (path == Path.API) {
                    long[] result = apiPhase(ws, writers, seconds);
                    created = result[0];
                    errors += result[1];
                } else {
                    created = rawPhase(ws, writers, seconds, path == Path.RAW_ONE_STATEMENT);
                }
                CpuMeter.Reading perTask = cpu.read().minus(before).per(created);
                rates.put(path, created / (double) seconds);
                paths.get(path).perSecond().add(created / (double) seconds);
                if (cpu.complete()) {
                    paths.get(path).cpuPerTask().add(perTask);
                }
                out.printf(Locale.ROOT, "    %-24s %,6.0f tasks/s | CPU ms per task: server %.3f + postgres %.3f"
                        + " + generator %.3f%n", path.label, created / (double) seconds, perTask.serverMillis(),
                        perTask.postgresMillis(), perTask.generatorMillis());
            }
            out.printf(Locale.ROOT, "  round %d: api / raw two inserts %.0f %%, api / raw one statement %.0f %%"
                    + " | load %s -> %s%n", round + 1, 100 * rates.get(Path.API) / rates.get(Path.RAW),
                    100 * rates.get(Path.API) / rates.get(Path.RAW_ONE_STATEMENT), loadBefore, Stats.load());
        }
        return new Result(paths, errors);
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

    /** The same rows, written by JDBC connections: two inserts and a commit, or one statement. */
    private long rawPhase(String ws, List<Writer> writers, int seconds, boolean oneStatement) throws Exception {
        AtomicLong created = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            Writer writer = writers.get(w);
            int seed = w;
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection db = options.connect()) {
                    insertUntil(db, ws, writer, seed, deadline, created, oneStatement);
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

    private static final String TASK = """
            insert into task (workspace_id, id, type, project_id, title, description, status, priority, due_at,
                              blockers, assignee_id, created_by, created_at, updated_by, updated_at, version)
            values (?, ?, 'project', ?, ?, 'Created by the load benchmark.', 'pending', 'high', null, '[]', null,
                    ?, ?, ?, ?, 1)
            """;
    private static final String EVENT_COLUMNS = """
            insert into audit_event (workspace_id, id, occurred_at, actor_type, actor_id, api_key_id,
                                     integration_name, action, target_type, target_id, details)
            """;
    private static final String EVENT = EVENT_COLUMNS
            + "values (?, ?, ?, ?, ?, ?, null, 'task.created', 'task', ?, 'type=project')";
    /** The statement the server sends for a create since it writes the task and its event as one. */
    private static final String TASK_AND_EVENT = "with change as (" + TASK + " returning 1) " + EVENT_COLUMNS + """
            select cast(? as varchar), cast(? as varchar), cast(? as timestamp with time zone), cast(? as varchar),
                   cast(? as varchar), cast(? as varchar), null, 'task.created', 'task', cast(? as varchar),
                   'type=project'
              from change limit 1
            """;

    /** Two inserts and a commit per task, or (with {@code oneStatement}) the server's single statement. */
    private static void insertUntil(Connection db, String ws, Writer writer, int seed, long deadline,
            AtomicLong created, boolean oneStatement) throws SQLException {
        db.setAutoCommit(oneStatement);
        Random random = new Random(seed);
        BenchIds ids = new BenchIds(System.nanoTime() + seed);
        String actor = writer.actor().id();
        try (PreparedStatement task = db.prepareStatement(oneStatement ? TASK_AND_EVENT : TASK);
                PreparedStatement separateEvent = oneStatement ? null : db.prepareStatement(EVENT)) {
            PreparedStatement event = oneStatement ? task : separateEvent;
            int eventFrom = oneStatement ? 9 : 1;
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
                if (!oneStatement) {
                    task.executeUpdate();
                }
                event.setString(eventFrom, ws);
                event.setString(eventFrom + 1, ids.next("evt", now.toEpochMilli()));
                event.setTimestamp(eventFrom + 2, at);
                event.setString(eventFrom + 3, writer.actor().type());
                event.setString(eventFrom + 4, actor);
                event.setString(eventFrom + 5, writer.keyId());
                event.setString(eventFrom + 6, id);
                event.executeUpdate();
                if (!oneStatement) {
                    db.commit();
                }
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
