package io.taskgate.bench.load;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load benchmark: talks HTTP to a running server and JDBC to the same PostgreSQL, on
 * workspaces made by {@link GenerateWorkspace}. Usage (see docs/benchmarks.md):
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.taskgate.bench.load.LoadBenchmark \
 *     [--base-url http://127.0.0.1:8080] [--db jdbc:postgresql://127.0.0.1:5432/taskgate_bench] \
 *     [--workspaces big,small] [--parts list,team,create] [--samples 200] [--rounds 3] [--list-warmup 3000] \
 *     [--naive-budget 60] [--team-projects 9] [--writers 8] [--create-seconds 15] [--create-rounds 3]
 * </pre>
 *
 * Parts: {@code list} (b) on every workspace named; {@code team} (c) and {@code create} (a) on
 * the first. The summary at the end is Markdown, as pasted into docs/benchmarks.md.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        PrintStream out = System.out;
        Http http = new Http(options.get("base-url", "http://127.0.0.1:8080"));
        List<String> workspaces = Arrays.asList(options.get("workspaces", "big,small").split(","));
        List<String> parts = Arrays.asList(options.get("parts", "list,team,create").split(","));
        List<String> summary = new ArrayList<>();
        out.printf("Taskgate load benchmark: %d cores, JDK %s, load %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Stats.load());
        try (Connection db = options.connect()) {
            try (Statement statement = db.createStatement();
                    var rs = statement.executeQuery("select version()")) {
                rs.next();
                out.println(rs.getString(1));
            }
            if (parts.contains("list")) {
                var listing = new ListingLatency(db, http, out, options.integer("samples", 200),
                        options.integer("rounds", 3), options.integer("naive-budget", 60),
                        options.integer("list-warmup", 3000));
                Map<String, List<Principals.Actor>> actors = new LinkedHashMap<>();
                for (String label : workspaces) {
                    var principals = new Principals(db, http, BenchIds.workspaceId(label));
                    actors.put(label, List.of(principals.typicalMember(), principals.guestInFewProjects(),
                            principals.readWriteClient(), principals.globalClient()));
                    out.println("(b) list my visible tasks, workspace " + label + ": " + actors.get(label).stream()
                            .map(a -> a.label() + " " + a.id() + " (" + a.directProjects() + " direct projects)")
                            .toList());
                }
                List<ListingLatency.Row> rows = listing.run(actors);
                summary.addAll(Report.listing(rows));
            }
            String main = BenchIds.workspaceId(workspaces.getFirst());
            var principals = new Principals(db, http, main);
            if (parts.contains("team")) {
                out.println("(c) team add, workspace " + workspaces.getFirst() + " | load " + Stats.load());
                String team = TeamAdd.bigTeam(db, main);
                TeamAdd.Result result = new TeamAdd(http, out).run(main, principals.owner(), team,
                        options.integer("team-projects", 9));
                summary.addAll(Report.teamAdd(result));
            }
            if (parts.contains("create")) {
                out.println("(a) create-task throughput, workspace " + workspaces.getFirst() + " | load "
                        + Stats.load());
                int count = options.integer("writers", 8);
                List<Principals.Actor> actors = new ArrayList<>(principals.creators(Math.max(1, count - 2)));
                actors.add(principals.clientCreator("read_write"));
                actors.add(principals.clientCreator("global"));
                var writers = CreateThroughput.writers(db, main, actors.subList(0, Math.min(actors.size(),
                        Math.max(count, 1))));
                try {
                    CreateThroughput.Result result = new CreateThroughput(options, http, out).run(db, main, writers);
                    summary.addAll(Report.create(result, writers.size()));
                } finally {
                    long removed = CreateThroughput.cleanUp(db, main);
                    out.printf(Locale.ROOT, "  removed the %,d tasks the benchmark created%n", removed);
                    try (Statement statement = db.createStatement()) {
                        statement.execute("vacuum analyze task");
                        statement.execute("vacuum analyze audit_event");
                    }
                }
            }
        }
        out.println();
        out.println("Load average at the end: " + Stats.load());
        summary.forEach(out::println);
    }
}
