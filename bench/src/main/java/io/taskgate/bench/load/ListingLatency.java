package io.taskgate.bench.load;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.taskgate.access.AccessPolicy;
import io.taskgate.access.Action;
import io.taskgate.access.PrincipalFacts;
import io.taskgate.access.TaskResource;

/**
 * Part (b): "list my visible tasks", a first page and a deep page, p50/p95 through the API against
 * the best hand-written SQL over JDBC and against the naive listing, each principal in turn, one
 * request at a time. Every answer is checked against the others: the same ids in the same order.
 */
final class ListingLatency {

    static final int PAGE = 50;

    /** Figures of one (workspace, principal, page), medians over rounds. */
    record Row(String workspace, String principal, String page, double floorP50, double floorP95, double apiP50,
            double apiP95, String handForm,
            double handP50, double handP95, double naiveP50, double naiveP95, int naiveRuns, long naiveChecked,
            boolean agree) {
    }

    private final Connection db;
    private final Http http;
    private final PrintStream out;
    private final int samples;
    private final int rounds;
    private final double naiveBudgetSeconds;
    private final int warmupRequests;

    ListingLatency(Connection db, Http http, PrintStream out, int samples, int rounds, double naiveBudgetSeconds,
            int warmupRequests) {
        this.db = db;
        this.http = http;
        this.out = out;
        this.samples = samples;
        this.rounds = rounds;
        this.naiveBudgetSeconds = naiveBudgetSeconds;
        this.warmupRequests = warmupRequests;
    }

    /**
     * Every (principal, page) of every workspace; the workspaces' measurements of one kind of
     * principal and page follow each other, so that their ratio is taken under the same load.
     */
    List<Row> run(Map<String, List<Principals.Actor>> actorsByWorkspace) throws SQLException {
        Map<String, String> middles = new java.util.HashMap<>();
        for (String label : actorsByWorkspace.keySet()) {
            middles.put(label, middleTaskId(BenchIds.workspaceId(label)));
        }
        warmUp(actorsByWorkspace, middles);
        List<Row> rows = new ArrayList<>();
        var naive = new NaiveListing(db);
        var facts = new Facts(db);
        int kinds = actorsByWorkspace.values().iterator().next().size();
        for (int kind = 0; kind < kinds; kind++) {
            for (String page : List.of("first", "deep")) {
                for (Map.Entry<String, List<Principals.Actor>> workspace : actorsByWorkspace.entrySet()) {
                    String label = workspace.getKey();
                    String ws = BenchIds.workspaceId(label);
                    Principals.Actor actor = workspace.getValue().get(kind);
                    HandListing.Scope scope = scope(facts.principal(ws, actor.type(), actor.id()));
                    String after = page.equals("first") ? "" : middles.get(label);
                    rows.add(measure(label, ws, actor, scope, page, after, naive));
                }
            }
        }
        return rows;
    }

    /**
     * The server's JIT compiles the request path only after thousands of requests: without this,
     * the rows measured first pay for it. Every principal's first and deep page and its floor, in
     * turn, until {@code warmupRequests} requests have been made.
     */
    private void warmUp(Map<String, List<Principals.Actor>> actorsByWorkspace, Map<String, String> middles) {
        List<String[]> requests = new ArrayList<>();
        actorsByWorkspace.forEach((label, actors) -> {
            String base = "/api/v1/workspaces/" + BenchIds.workspaceId(label);
            for (Principals.Actor actor : actors) {
                requests.add(new String[] {base + "/tasks?limit=" + PAGE, actor.token()});
                requests.add(new String[] {base + "/tasks?limit=" + PAGE + "&cursor="
                        + Http.cursorAfter(middles.get(label)), actor.token()});
                requests.add(new String[] {base + "/me/permissions", actor.token()});
            }
        });
        long started = System.nanoTime();
        for (int i = 0; i < warmupRequests; i++) {
            String[] request = requests.get(i % requests.size());
            api(request[0], request[1]);
        }
        out.printf(Locale.ROOT, "  server warm-up: %,d listing requests in %.1f s | load %s%n", warmupRequests,
                (System.nanoTime() - started) / 1e9, Stats.load());
    }

    private Row measure(String label, String ws, Principals.Actor actor, HandListing.Scope scope, String page,
            String after, NaiveListing naive) throws SQLException {
        String path = "/api/v1/workspaces/" + ws + "/tasks?limit=" + PAGE
                + (after.isEmpty() ? "" : "&cursor=" + Http.cursorAfter(after));
        // What every authenticated request in the workspace costs: authentication, the principal's facts, HTTP.
        String floorPath = "/api/v1/workspaces/" + ws + "/me/permissions";
        Map<HandListing.Form, PreparedStatement> statements = new EnumMap<>(HandListing.Form.class);
        for (HandListing.Form form : HandListing.Form.values()) {
            statements.put(form, HandListing.sql(form, ws, actor.type(), actor.id(), scope, after, PAGE + 1)
                    .prepare(db));
        }
        // Warm up both sides, and pick the faster hand-written form for this principal and page.
        List<String> apiIds = null;
        for (int i = 0; i < Math.max(20, samples / 5); i++) {
            apiIds = api(path, actor.token()).taskIds();
            api(floorPath, actor.token());
        }
        HandListing.Form best = null;
        double bestMillis = Double.MAX_VALUE;
        List<String> handIds = null;
        for (HandListing.Form form : HandListing.Form.values()) {
            long[] warm = new long[Math.max(10, samples / 10)];
            for (int i = 0; i < warm.length; i++) {
                long start = System.nanoTime();
                List<String> ids = HandListing.run(statements.get(form));
                warm[i] = System.nanoTime() - start;
                if (handIds == null) {
                    handIds = ids;
                } else if (!handIds.equals(ids)) {
                    out.println("  ! the two hand-written forms disagree for " + actor.label() + ", " + page);
                }
            }
            double p50 = Stats.percentileMillis(warm, 50);
            if (p50 < bestMillis) {
                bestMillis = p50;
                best = form;
            }
        }
        List<Double> floorP50 = new ArrayList<>();
        List<Double> floorP95 = new ArrayList<>();
        List<Double> apiP50 = new ArrayList<>();
        List<Double> apiP95 = new ArrayList<>();
        List<Double> handP50 = new ArrayList<>();
        List<Double> handP95 = new ArrayList<>();
        List<Double> naiveAll = new ArrayList<>();
        long naiveChecked = 0;
        List<String> naiveIds = null;
        for (int round = 0; round < rounds; round++) {
            long[] floorSamples = new long[samples];
            long[] apiSamples = new long[samples];
            long[] handSamples = new long[samples];
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                api(path, actor.token());
                apiSamples[i] = System.nanoTime() - start;
                start = System.nanoTime();
                api(floorPath, actor.token());
                floorSamples[i] = System.nanoTime() - start;
                start = System.nanoTime();
                HandListing.run(statements.get(best));
                handSamples[i] = System.nanoTime() - start;
            }
            floorP50.add(Stats.percentileMillis(floorSamples, 50));
            floorP95.add(Stats.percentileMillis(floorSamples, 95));
            apiP50.add(Stats.percentileMillis(apiSamples, 50));
            apiP95.add(Stats.percentileMillis(apiSamples, 95));
            handP50.add(Stats.percentileMillis(handSamples, 50));
            handP95.add(Stats.percentileMillis(handSamples, 95));
            // The naive way is slow: as many runs as the budget allows, at least one in all (none at 0).
            while (naiveBudgetSeconds > 0 && (naiveAll.isEmpty() || naiveSpent(naiveAll) < naiveBudgetSeconds)) {
                long start = System.nanoTime();
                NaiveListing.Result result = naive.page(ws, actor.type(), actor.id(), after, PAGE + 1);
                naiveAll.add((System.nanoTime() - start) / 1e6);
                naiveChecked = result.checked();
                naiveIds = result.ids();
                if (naiveSpent(naiveAll) >= naiveBudgetSeconds || naiveAll.size() >= (round + 1) * 10) {
                    break;
                }
            }
        }
        for (PreparedStatement statement : statements.values()) {
            statement.close();
        }
        List<String> shownHand = handIds.subList(0, Math.min(PAGE, handIds.size()));
        List<String> shownNaive = naiveIds == null ? shownHand : naiveIds.subList(0, Math.min(PAGE, naiveIds.size()));
        boolean agree = apiIds.equals(shownHand) && shownHand.equals(shownNaive);
        if (!agree) {
            out.printf("  ! answers differ for %s, %s page: api %d ids, hand %d, naive %d%n", actor.label(), page,
                    apiIds.size(), shownHand.size(), shownNaive.size());
        }
        long[] naiveNanos = naiveAll.stream().mapToLong(ms -> (long) (ms * 1e6)).toArray();
        Row row = new Row(label, actor.label(), page, Stats.median(floorP50), Stats.median(floorP95),
                Stats.median(apiP50), Stats.median(apiP95),
                best.name().toLowerCase(Locale.ROOT).replace('_', ' '), Stats.median(handP50), Stats.median(handP95),
                Stats.percentileMillis(naiveNanos, 50), Stats.percentileMillis(naiveNanos, 95), naiveAll.size(),
                naiveChecked, agree);
        out.printf(Locale.ROOT, "  %-6s %-22s %-5s  floor p50 %s p95 %s | api p50 %s p95 %s | hand (%s) p50 %s p95 %s | naive p50 %s p95 %s"
                + " (n=%d, %,d tasks checked) | %d visible on page | load %s%n", label, actor.label(), page,
                Stats.ms(row.floorP50()), Stats.ms(row.floorP95()), Stats.ms(row.apiP50()), Stats.ms(row.apiP95()),
                row.handForm(), Stats.ms(row.handP50()),
                Stats.ms(row.handP95()), Stats.ms(row.naiveP50()), Stats.ms(row.naiveP95()), row.naiveRuns(),
                naiveChecked, apiIds.size(), Stats.load());
        return row;
    }

    private static double naiveSpent(List<Double> millis) {
        return millis.stream().mapToDouble(Double::doubleValue).sum() / 1000;
    }

    /** A GET that must answer 200; timed as a client sees it, body read as a string but not parsed. */
    private Http.Response api(String path, String token) {
        Http.Response response = http.get(path, token);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.status() + " " + response.abbreviated());
        }
        return response;
    }

    /** The task in the middle of the workspace's id order: the deep page starts after it. */
    private String middleTaskId(String ws) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(
                "select id from task where workspace_id = ? order by id offset"
                        + " (select count(*) / 2 from task where workspace_id = ?) limit 1")) {
            statement.setString(1, ws);
            statement.setString(2, ws);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** What the principal may read, asked of the decision core on representative tasks, as the server does. */
    static HandListing.Scope scope(PrincipalFacts principal) {
        String nobody = "\u0000nobody";
        return new HandListing.Scope(AccessPolicy.projectReadScope(principal),
                readable(principal, TaskResource.ofPrivate(nobody, principal.id())),
                readable(principal, TaskResource.ofStaff(nobody, nobody, nobody)),
                readable(principal, TaskResource.ofStaff(nobody, nobody, principal.id())));
    }

    private static boolean readable(PrincipalFacts principal, TaskResource task) {
        return AccessPolicy.decide(principal, Action.TASK_READ, task).allowed();
    }
}
