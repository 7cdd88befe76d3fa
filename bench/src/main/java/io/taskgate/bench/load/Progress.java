package io.taskgate.bench.load;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on the console: bar, percentage, count, rate and time left. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final long start = System.nanoTime();
    private long lastPrint;
    private int lastPermille = -1;

    Progress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
    }

    /** Redraws the bar when a tenth of a percent has passed, at most ten times a second. */
    void update(long done) {
        int permille = (int) (done * 1000 / total);
        long now = System.nanoTime();
        if (permille == lastPermille || (now - lastPrint < 100_000_000L && done < total)) {
            return;
        }
        lastPermille = permille;
        lastPrint = now;
        draw(done, now);
    }

    void finish(long done) {
        draw(done, System.nanoTime());
        out.println();
    }

    private void draw(long done, long now) {
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double rate = done / seconds;
        int filled = (int) (WIDTH * done / total);
        String bar = "#".repeat(Math.min(WIDTH, filled)) + "-".repeat(Math.max(0, WIDTH - filled));
        String eta = rate > 0 && done < total ? String.format(Locale.ROOT, "%.0fs left", (total - done) / rate)
                : String.format(Locale.ROOT, "%.1fs", seconds);
        out.printf(Locale.ROOT, "\r  %-16s [%s] %3d%%  %,d/%,d  %,.0f rows/s  %s   ", label, bar,
                (int) (100 * done / total), done, total, rate, eta);
        out.flush();
    }
}
