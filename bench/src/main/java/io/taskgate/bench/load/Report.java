package io.taskgate.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's figures as Markdown tables, with the ratios the goals are stated in. */
final class Report {

    private Report() {
    }

    static List<String> listing(List<ListingLatency.Row> rows) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("| workspace | principal | page | API floor p50 / p95 | API p50 | API p95 | hand SQL p50 | hand SQL p95"
                + " | hand form | naive p50 | naive p95 (runs) | API p95 / hand p95 | naive p50 / API p50 | same answer |");
        lines.add("|---|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|");
        for (ListingLatency.Row row : rows) {
            lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s / %s | %s | %s | %s | %s | %s | %s | %s (%d) | %s | %s | %s |",
                    row.workspace(), row.principal(), row.page(), Stats.ms(row.floorP50()), Stats.ms(row.floorP95()),
                    Stats.ms(row.apiP50()), Stats.ms(row.apiP95()),
                    Stats.ms(row.handP50()), Stats.ms(row.handP95()), row.handForm(), Stats.ms(row.naiveP50()),
                    Stats.ms(row.naiveP95()), row.naiveRuns(), Stats.ratio(row.apiP95() / row.handP95()),
                    Stats.ratio(row.naiveP50() / row.apiP50()), row.agree() ? "yes" : "NO"));
        }
        List<String> growth = new ArrayList<>();
        for (ListingLatency.Row big : rows) {
            for (ListingLatency.Row small : rows) {
                if (big.workspace().equals(rows.getFirst().workspace()) && !small.workspace().equals(big.workspace())
                        && big.principal().equals(small.principal()) && big.page().equals(small.page())) {
                    growth.add(String.format(Locale.ROOT, "| %s | %s | %s → %s | %s | %s → %s | %s |",
                            big.principal(), big.page(), Stats.ms(small.apiP95()), Stats.ms(big.apiP95()),
                            Stats.ratio(big.apiP95() / small.apiP95()), Stats.ms(small.handP95()),
                            Stats.ms(big.handP95()), Stats.ratio(big.handP95() / small.handP95())));
                }
            }
        }
        if (!growth.isEmpty()) {
            lines.add("");
            lines.add("| principal | page | API p95 small → big | API growth | hand p95 small → big | hand growth |");
            lines.add("|---|---|---:|---:|---:|---:|");
            lines.addAll(growth);
        }
        return lines;
    }

    static List<String> teamAdd(TeamAdd.Result result) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Team add (%d added, %d skipped per project), %d fresh projects:",
                result.added(), result.skipped(), result.firstCall().length));
        lines.add("");
        lines.add("| call | median | p95 | min | max |");
        lines.add("|---|---:|---:|---:|---:|");
        lines.add(line("first (adds the team's people)", result.firstCall()));
        lines.add(line("repeated (adds nobody)", result.repeatCall()));
        return lines;
    }

    private static String line(String label, long[] nanos) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (long n : nanos) {
            min = Math.min(min, n);
            max = Math.max(max, n);
        }
        return String.format(Locale.ROOT, "| %s | %s ms | %s ms | %s ms | %s ms |", label,
                Stats.ms(Stats.percentileMillis(nanos, 50)), Stats.ms(Stats.percentileMillis(nanos, 95)),
                Stats.ms(min / 1e6), Stats.ms(max / 1e6));
    }

    static List<String> create(CreateThroughput.Result result, int writers) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Create-task throughput, %d concurrent writers, %d API errors:", writers,
                result.apiErrors()));
        lines.add("");
        lines.add("| round | API tasks/s | raw two inserts tasks/s | raw one statement tasks/s | API / two inserts"
                + " | API / one statement |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        List<Double> api = result.paths().get(CreateThroughput.Path.API).perSecond();
        List<Double> raw = result.paths().get(CreateThroughput.Path.RAW).perSecond();
        List<Double> one = result.paths().get(CreateThroughput.Path.RAW_ONE_STATEMENT).perSecond();
        List<Double> toRaw = result.ratios(CreateThroughput.Path.RAW);
        List<Double> toOne = result.ratios(CreateThroughput.Path.RAW_ONE_STATEMENT);
        for (int i = 0; i < api.size(); i++) {
            lines.add(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %,.0f | %.0f %% | %.0f %% |", i + 1, api.get(i),
                    raw.get(i), one.get(i), 100 * toRaw.get(i), 100 * toOne.get(i)));
        }
        lines.add(String.format(Locale.ROOT, "| median | %,.0f | %,.0f | %,.0f | %.0f %% | %.0f %% |",
                Stats.median(api), Stats.median(raw), Stats.median(one), 100 * Stats.median(toRaw),
                100 * Stats.median(toOne)));
        if (!result.paths().get(CreateThroughput.Path.API).cpuPerTask().isEmpty()) {
            lines.add("");
            lines.add("CPU per created task, ms (median of rounds):");
            lines.add("");
            lines.add("| path | server JVM | PostgreSQL | generator | total |");
            lines.add("|---|---:|---:|---:|---:|");
            for (CreateThroughput.Path path : CreateThroughput.Path.values()) {
                lines.add(cpuRow(path, result.paths().get(path).cpuPerTask()));
            }
        }
        return lines;
    }

    private static String cpuRow(CreateThroughput.Path path, List<CpuMeter.Reading> rounds) {
        double server = Stats.median(rounds.stream().map(CpuMeter.Reading::serverMillis).toList());
        double postgres = Stats.median(rounds.stream().map(CpuMeter.Reading::postgresMillis).toList());
        double generator = Stats.median(rounds.stream().map(CpuMeter.Reading::generatorMillis).toList());
        boolean raw = path != CreateThroughput.Path.API;
        return String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f |", path.label,
                raw ? "–" : String.format(Locale.ROOT, "%.3f", server), postgres, generator,
                (raw ? 0 : server) + postgres + generator);
    }
}
