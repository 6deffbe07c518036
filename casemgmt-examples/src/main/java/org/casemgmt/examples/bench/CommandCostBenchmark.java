package org.casemgmt.examples.bench;

import java.util.concurrent.TimeUnit;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.casefile.Issued;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where the reference lifecycle's time goes: the cost of each of its commands on its own, in nanoseconds, with
 * the hand-written baseline's mean cost per command in the same run. It splits
 * {@link ReferenceLifecycleBenchmark} (the workload of {@code shared/BENCHMARKS.md} §1, the same commands and
 * fixed data) into its steps.
 *
 * <p>Because a case file is immutable, one step can be repeated on the same value: {@link #command} handles the
 * command of {@link Step#step}, issued by the same case worker at the same instant as every other, on the case
 * file the steps before it produced (every one accepted, or the setup fails), and never changes it.
 * {@link #baselinePerCommand} runs a whole mutable baseline case and reports the time per command (its 24
 * commands), since a mutable case cannot take the same command twice. Summed over the steps, {@code command}
 * gives about what {@code ReferenceLifecycleBenchmark.casemgmt} costs per case, less the opening (which the JIT
 * removes here) and with warmer caches.
 *
 * <pre>
 * mvn -q -pl casemgmt-examples -am package -DskipTests exec:exec -Pjmh -Dexec.executable=java \
 *     -Djmh.args="CommandCostBenchmark -prof gc"
 * </pre>
 *
 * <p>{@code -p step=PLAN_INTERVENTION#5,CLOSE_CASE#1} picks steps; {@code gc.alloc.rate.norm} is the bytes one
 * command allocates.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class CommandCostBenchmark {

  /** Who issues every command, and when: the same envelope as in {@link ReferenceLifecycleBenchmark}. */
  static final Issued ANNA = ReferenceLifecycleBenchmark.ANNA;

  /** One step of the lifecycle and the case file it applies to. */
  @State(Scope.Thread)
  public static class Step {

    /** The steps of the lifecycle after opening, as {@code KIND#n}: the n-th command of that kind. */
    @Param({
        "START_ASSESSMENT#1", "RECORD_NEED#1", "RECORD_NEED#2", "RECORD_NEED#3", "COMPLETE_ASSESSMENT#1",
        "START_PLANNING#1", "ADD_GOAL#1", "PLAN_INTERVENTION#1", "PLAN_INTERVENTION#2", "PLAN_INTERVENTION#3",
        "PLAN_INTERVENTION#4", "PLAN_INTERVENTION#5", "RECORD_AGREEMENT#1", "APPROVE_PLAN#1",
        "START_IMPLEMENTATION#1", "START_INTERVENTION#1", "START_INTERVENTION#2", "START_INTERVENTION#3",
        "START_INTERVENTION#4", "START_INTERVENTION#5", "RECORD_REVIEW#1", "RECORD_REVIEW#2", "START_EVALUATION#1",
        "RECORD_OUTCOME#1", "CLOSE_CASE#1"})
    public String step;

    CaseFile before;
    Command command;

    /** Drives one case through the steps before {@link #step}; each must be accepted. */
    @Setup
    public void prepare() {
      Command[] commands = ReferenceLifecycleBenchmark.commands();
      int index = indexOf(commands, step);
      CaseFile file = accepted(CaseFile.open(ANNA, ReferenceLifecycleBenchmark.openings(1)[0]).getOrNull(),
          "OPEN_CASE");
      for (int k = 0; k < index; k++) {
        file = accepted(file.handle(ANNA, commands[k]).getOrNull(), commands[k].kind().name());
      }
      before = file;
      command = commands[index];
    }
  }

  /** The baseline's fixed data, as in {@link ReferenceLifecycleBenchmark}. */
  @State(Scope.Thread)
  public static class Baseline {
    final ReferenceLifecycleBenchmark lifecycle = new ReferenceLifecycleBenchmark();

    /** Allocates the fixed data once per trial. */
    @Setup
    public void prepare() {
      lifecycle.prepare();
    }
  }

  /**
   * The position of a step {@code KIND#n} among the commands.
   *
   * @param commands the lifecycle's commands after opening
   * @param step     the kind and which occurrence of it, from 1
   * @return its index in {@code commands}
   * @throws IllegalArgumentException if the lifecycle has no such step
   */
  static int indexOf(Command[] commands, String step) {
    String[] parts = step.split("#", 2);
    if (parts.length != 2) {
      throw new IllegalArgumentException("a step is KIND#n, got " + step);
    }
    CommandKind kind = CommandKind.valueOf(parts[0]);
    int wanted = Integer.parseInt(parts[1]);
    int seen = 0;
    for (int k = 0; k < commands.length; k++) {
      if (commands[k].kind() == kind && ++seen == wanted) {
        return k;
      }
    }
    throw new IllegalArgumentException("the lifecycle has no step " + step);
  }

  private static CaseFile accepted(CaseFile file, String kind) {
    if (file == null) {
      throw new IllegalStateException(kind + " was refused while preparing the step");
    }
    return file;
  }

  /**
   * The step's command handled on the case file before it.
   *
   * @param s the step
   * @return the case file after it
   * @throws IllegalStateException if the command is refused
   */
  @Benchmark
  public CaseFile command(Step s) {
    CaseFile after = s.before.handle(ANNA, s.command).getOrNull();
    if (after == null) {
      throw new IllegalStateException(s.command.kind() + " was refused");
    }
    return after;
  }

  /**
   * One whole baseline case; JMH divides its time by its 24 commands.
   *
   * @param b the baseline's fixed data
   * @return the closed baseline case
   */
  @Benchmark
  @OperationsPerInvocation(24)
  public MutableCase baselinePerCommand(Baseline b) {
    return b.lifecycle.baseline();
  }
}
