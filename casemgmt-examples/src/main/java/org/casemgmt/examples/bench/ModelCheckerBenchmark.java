package org.casemgmt.examples.bench;

import java.util.concurrent.TimeUnit;
import org.casemgmt.testkit.CaseInvariants;
import org.casemgmt.testkit.ModelChecker;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The model checker on one thread and on every core, in the same run: generated commands checked per second, each
 * handled by a real case file and followed by all of {@link CaseInvariants} (replaying the whole history among
 * them), as {@code ModelChecker.forCaseFiles().check()} does in a test.
 * <ul>
 *   <li>{@link #oneThread}: one operation is one passing run of {@value #SEQUENCES} sequences of
 *       {@value ModelChecker#DEFAULT_MAX_COMMANDS} commands on the calling thread ({@code threads(1)}), the
 *       baseline;</li>
 *   <li>{@link #allCores}: the same runs on one thread per available processor (the checker's default).</li>
 * </ul>
 * Each operation takes the next master seed of 1, 2, 3, … (each side its own series, the same on both), so the
 * sequences differ from one operation to the next and both sides check the same ones. The runs count their
 * commands ({@link ModelChecker.Result#commandsChecked()}, the same on any number of threads), reported through
 * JMH's {@link AuxCounters} as {@code commands}, commands checked per second of the benchmark method. Quote the
 * ratio all cores / one thread of {@code commands}, not the absolute figures: the machines are shared and noisy.
 * The ratio is bound by the cores the machine gives the fork and by the tail of a run (its last sequences run
 * on fewer threads than the others), which {@value #SEQUENCES} sequences per operation keep small.
 *
 * <p>Ten warm-up iterations of 3 s: an operation checks 6,000 commands through most of casemgmt's rules and
 * every invariant, and on two shared cores the JIT needs 20–30 s to compile them — longer on all cores, where the
 * checker's threads compete with the compiler's. Fewer warm-ups measure the compiler, not the checker.
 *
 * <p><b>Running</b> (from the repository root; JMH forks need a real class path, so {@code exec:exec}):
 * <pre>
 * mvn -q -pl casemgmt-examples -am package -DskipTests exec:exec -Pjmh -Dexec.executable=java \
 *     -Djmh.args="ModelCheckerBenchmark -f 2 -prof gc"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class ModelCheckerBenchmark {

  /** Sequences per operation: enough that starting the threads and the uneven end of a run weigh little. */
  public static final int SEQUENCES = 100;

  private final ModelChecker checker = ModelChecker.forCaseFiles().sequences(SEQUENCES);
  private final int cores = Math.min(ModelChecker.MAX_THREADS, Runtime.getRuntime().availableProcessors());
  private long nextOneThread = 1;
  private long nextAllCores = 1;

  /**
   * The commands checked by the runs of one benchmark method, reported by JMH as a rate in the benchmark's unit
   * (commands per second): an {@link AuxCounters.Type#OPERATIONS} counter is divided by the iteration's time.
   * Reset by JMH at each iteration.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Commands {
    /** Commands checked by the runs of this iteration. */
    public long commands;
  }

  /**
   * One run on the calling thread.
   *
   * @param commands where the run's checked commands are counted
   * @return the run's result
   */
  @Benchmark
  public ModelChecker.Result oneThread(Commands commands) {
    return counted(checker.seed(nextOneThread++).threads(1).run(), commands);
  }

  /**
   * One run on one thread per available processor.
   *
   * @param commands where the run's checked commands are counted
   * @return the run's result
   */
  @Benchmark
  public ModelChecker.Result allCores(Commands commands) {
    return counted(checker.seed(nextAllCores++).threads(cores).run(), commands);
  }

  private static ModelChecker.Result counted(ModelChecker.Result result, Commands commands) {
    if (!result.passed()) {
      throw new IllegalStateException("the real rules broke an invariant: " + result.summary());
    }
    commands.commands += result.commandsChecked();
    return result;
  }
}
