package io.taskgate.bench;

import io.taskgate.access.Action;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.casbin.jcasbin.main.Enforcer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One authorization check: Taskgate's {@code decide} (facts looked up as the server loads them)
 * against jCasbin's {@code enforce}, at Casbin's "RBAC small" and "RBAC medium" sizes, for an
 * allowed and a denied request. Each parameter combination runs in its own fork, so the call site
 * stays monomorphic for both engines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecisionBenchmark {

  @Param({"taskgate", "jcasbin"})
  public String engine;

  /** small: 1,000 principals / 100 teams or roles; medium: 10,000 / 1,000. */
  @Param({"small", "medium"})
  public String size;

  @Param({"allowed", "denied"})
  public String outcome;

  private Supplier<Object> check;

  @Setup(Level.Trial)
  public void setUp() {
    boolean small = size.equals("small");
    boolean allowed = outcome.equals("allowed");
    check = switch (engine) {
      case "taskgate" -> taskgate(small, allowed);
      case "jcasbin" -> jcasbin(small, allowed);
      default -> throw new IllegalArgumentException(engine);
    };
    Object first = check.get();
    boolean answer = first instanceof Boolean b ? b : ((io.taskgate.access.Decision) first).allowed();
    if (answer != allowed) {
      throw new IllegalStateException(engine + " " + size + " answered " + answer + ", expected " + allowed);
    }
  }

  private static Supplier<Object> taskgate(boolean small, boolean allowed) {
    TaskgateWorkspace workspace = small
        ? TaskgateWorkspace.generate(1_000, 100, 1_000)
        : TaskgateWorkspace.generate(10_000, 1_000, 10_000);
    String principal = allowed ? TaskgateWorkspace.ALLOWED_PRINCIPAL : TaskgateWorkspace.DENIED_PRINCIPAL;
    String project = allowed ? TaskgateWorkspace.ALLOWED_PROJECT : TaskgateWorkspace.DENIED_PROJECT;
    return () -> workspace.decide(principal, Action.TASK_CREATE, project);
  }

  private static Supplier<Object> jcasbin(boolean small, boolean allowed) {
    Enforcer enforcer = small ? CasbinRbac.build(1_000, 100, 10) : CasbinRbac.build(10_000, 1_000, 100);
    // user501 is in group50, which reads data5 (small); user5001 in group500 reads data50 (medium).
    String user = small ? "user501" : "user5001";
    String data = allowed ? (small ? "data5" : "data50") : (small ? "data9" : "data99");
    return () -> enforcer.enforce(user, data, "read");
  }

  @Benchmark
  public Object decide() {
    return check.get();
  }
}
