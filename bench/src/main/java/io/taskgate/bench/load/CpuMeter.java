package io.taskgate.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * CPU time spent by the three parties of a load phase — the server's JVM, PostgreSQL and this
 * generator — read from {@code /proc}. Throughput on a loaded 2-core machine moves with whatever
 * else runs; the CPU a task costs each party does not, so it explains a throughput ratio.
 * <p>
 * PostgreSQL runs a process per connection. A backend that exits is reaped by the postmaster,
 * whose "children" counters then hold its time: live backends plus the postmaster's own and
 * children's counters never go down.
 */
final class CpuMeter {

    /** USER_HZ, the unit of {@code /proc/<pid>/stat} times: 100 on every Linux we run on. */
    private static final double MILLIS_PER_TICK = 10.0;

    record Reading(double serverMillis, double postgresMillis, double generatorMillis) {

        Reading minus(Reading earlier) {
            return new Reading(serverMillis - earlier.serverMillis, postgresMillis - earlier.postgresMillis,
                    generatorMillis - earlier.generatorMillis);
        }

        Reading per(long tasks) {
            return new Reading(serverMillis / tasks, postgresMillis / tasks, generatorMillis / tasks);
        }
    }

    private final Optional<Long> serverPid;
    private final Optional<Long> postmasterPid;

    private CpuMeter(Optional<Long> serverPid, Optional<Long> postmasterPid) {
        this.serverPid = serverPid;
        this.postmasterPid = postmasterPid;
    }

    /**
     * Finds the server by its {@code --server.port} argument (the port the benchmark talks to, since other
     * servers may run on the same machine) and PostgreSQL by its postmaster; either may be absent.
     */
    static CpuMeter find(int serverPort) {
        // The java process itself, not a wrapper (timeout, a shell) that was given the same arguments.
        Optional<Long> server = ProcessHandle.allProcesses()
                .filter(process -> process.info().command().orElse("").endsWith("/java"))
                .filter(process -> List.of(process.info().arguments().orElse(new String[0]))
                        .contains("--server.port=" + serverPort))
                .map(ProcessHandle::pid)
                .findFirst();
        Optional<Long> postmaster = ProcessHandle.allProcesses()
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"))
                .filter(process -> process.parent().map(parent -> !parent.info().command().orElse("")
                        .endsWith("/postgres")).orElse(true))
                .map(ProcessHandle::pid)
                .findFirst();
        return new CpuMeter(server, postmaster);
    }

    boolean complete() {
        return serverPid.isPresent() && postmasterPid.isPresent();
    }

    Reading read() {
        double server = serverPid.map(pid -> ticks(pid, false)).orElse(Double.NaN) * MILLIS_PER_TICK;
        double postgres = postmasterPid.map(pid -> ticks(pid, true) + ProcessHandle.of(pid).stream()
                .flatMap(ProcessHandle::children)
                .mapToDouble(child -> ticks(child.pid(), false)).sum()).orElse(Double.NaN) * MILLIS_PER_TICK;
        double generator = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
        return new Reading(server, postgres, generator);
    }

    /** utime + stime (fields 14 and 15), and with {@code reaped} cutime + cstime (16 and 17). */
    private static double ticks(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) may hold spaces; the fields after it start past its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double ticks = Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]);
            return reaped ? ticks + Double.parseDouble(fields[13]) + Double.parseDouble(fields[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0; // a backend that exited between listing and reading: its time is in the postmaster's now
        }
    }
}
