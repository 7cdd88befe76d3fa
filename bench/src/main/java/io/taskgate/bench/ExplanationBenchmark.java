package io.taskgate.bench;

import io.taskgate.access.Action;
import io.taskgate.access.Decision;
import io.taskgate.access.Explanation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a 403 costs in full: the denied decision plus its summary sentence and its remedies (found
 * by simulation), which {@link DecisionBenchmark} leaves unmaterialised as a plain check does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExplanationBenchmark {

  @Param({"small", "medium"})
  public String size;

  private TaskgateWorkspace workspace;

  @Setup(Level.Trial)
  public void setUp() {
    workspace = size.equals("small")
        ? TaskgateWorkspace.generate(1_000, 100, 1_000)
        : TaskgateWorkspace.generate(10_000, 1_000, 10_000);
  }

  @Benchmark
  public void deniedWithSummaryAndRemedies(Blackhole blackhole) {
    Decision decision = workspace.decide(TaskgateWorkspace.DENIED_PRINCIPAL, Action.TASK_CREATE,
        TaskgateWorkspace.DENIED_PROJECT);
    Explanation explanation = decision.explanation();
    blackhole.consume(explanation.summary());
    blackhole.consume(explanation.remedies());
  }
}
