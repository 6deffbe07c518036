package org.casemgmt.simulation;

import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import org.casemgmt.internal.Check;

/**
 * Plays a {@link Scenario} forward in simulated time, each case a real {@link org.casemgmt.casefile.CaseFile}
 * driven by real commands, and reports what happened.
 *
 * <pre>{@code
 * SimulationResult one = Simulation.run(Scenario.reference(42));
 * ReplicationSummary ten = Simulation.replications(Scenario.reference(42), 10);
 * ten.metric("mean_time_in_system");   // mean ± 95 % confidence half-width
 * }</pre>
 *
 * <p><b>Rules.</b> Every step — opening, handing over to the case manager, starting the assessment, recording
 * needs, planning goals and interventions, the client's agreement, approval, delivering interventions,
 * reviews, evaluation, re-planning, closure — is a command the case file decides. Nothing bypasses the rules:
 * a refused command is counted by {@link org.casemgmt.casefile.Rejection#rule()} in
 * {@link SimulationResult#rejections()}; an intervention the rules refuse is simply not planned, and a case
 * whose required step is refused is closed as {@link org.casemgmt.casefile.ClosureReason#TRANSFERRED}.
 *
 * <p><b>Time.</b> The unit is the day. Simulated time {@code t} becomes the instant 2026-01-01T00:00Z plus
 * {@code t} days (to the millisecond) on every command, and the calendar day of that instant wherever a
 * command needs a day, so histories are deterministic.
 *
 * <p><b>Reproducibility.</b> A run is single-threaded and draws every random number from one stream seeded by
 * {@link Scenario#seed()}; simultaneous occurrences are processed in the order they were scheduled. The same
 * scenario therefore always gives an equal result and byte-identical event logs.
 *
 * <p><b>Memory.</b> A closed case is forgotten as soon as it closes (after {@link SimulationListener#onCaseClosed});
 * event logs and the daily series go to a {@link SimulationListener} as they happen. Memory depends on the
 * number of open cases, not on the number simulated.
 */
public final class Simulation {

  /** The most replications one call runs: far more than any confidence interval needs. */
  public static final int MAX_REPLICATIONS = 100_000;

  /** The most threads {@link #replications(Scenario, int, int)} starts: more than any machine has cores. */
  public static final int MAX_PARALLELISM = 1_024;

  private Simulation() {}

  /**
   * Runs a scenario once, reporting nothing but the result.
   *
   * <pre>{@code SimulationResult r = Simulation.run(scenario); }</pre>
   *
   * @param scenario what to simulate; its seed decides every random draw
   * @return what happened
   * @throws org.casemgmt.InvalidInputException if the scenario is missing
   */
  public static SimulationResult run(Scenario scenario) {
    return run(scenario, SimulationListener.NONE);
  }

  /**
   * Runs a scenario once, streaming events, closed cases and the daily series to a listener.
   *
   * <pre>{@code SimulationResult r = Simulation.run(scenario, SimulationListener.csvEventLog(writer)); }</pre>
   *
   * @param scenario what to simulate; its seed decides every random draw
   * @param listener what to tell as it happens
   * @return what happened
   * @throws org.casemgmt.InvalidInputException if an argument is missing
   */
  public static SimulationResult run(Scenario scenario, SimulationListener listener) {
    Check.orThrow(Check.present("scenario", scenario), Check.present("listener", listener));
    return new Run(scenario, new SplittableRandom(scenario.seed()), listener).execute();
  }

  /**
   * Runs {@code n} independent replications in parallel on all processors and summarises them with 95 %
   * confidence intervals. Replication {@code i} draws from the {@code i}-th stream split off a generator
   * seeded with the scenario's seed, so the summary does not depend on the number of threads.
   *
   * <pre>{@code ReplicationSummary s = Simulation.replications(scenario, 10); }</pre>
   *
   * @param scenario what to simulate; its seed decides every replication's random stream
   * @param n        the number of replications, at least 1
   * @return the runs and their summary
   * @throws org.casemgmt.InvalidInputException if the scenario is missing or {@code n} out of range
   */
  public static ReplicationSummary replications(Scenario scenario, int n) {
    return replications(scenario, n, Math.min(Runtime.getRuntime().availableProcessors(), MAX_PARALLELISM));
  }

  /**
   * Runs {@code n} independent replications on at most {@code parallelism} threads of their own, shut down when
   * the replications are done, and summarises them as {@link #replications(Scenario, int)} does: the summary is
   * the same whatever the parallelism.
   *
   * <pre>{@code ReplicationSummary s = Simulation.replications(scenario, 10, 2); // leaves the other cores free }</pre>
   *
   * @param scenario    what to simulate; its seed decides every replication's random stream
   * @param n           the number of replications, at least 1
   * @param parallelism the most replications run at once, at least 1
   * @return the runs and their summary
   * @throws org.casemgmt.InvalidInputException if the scenario is missing or a number out of range
   */
  public static ReplicationSummary replications(Scenario scenario, int n, int parallelism) {
    Check.orThrow(Check.present("scenario", scenario), Check.between("n", n, 1, MAX_REPLICATIONS),
        Check.between("parallelism", parallelism, 1, MAX_PARALLELISM));
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, parallelism));
    try {
      return replicate(scenario, n, pool);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs {@code n} independent replications on the caller's executor and summarises them as
   * {@link #replications(Scenario, int)} does. Each replication is one task; the executor decides where and how
   * many run at once, and the summary does not depend on it: the same scenario gives the same summary on a
   * thread pool, a virtual-thread executor or the calling thread. The executor is not shut down. This call waits
   * for the replications: called from a task of a bounded pool, give it another executor, or the replications
   * may wait for threads that are waiting for them.
   *
   * <pre>{@code
   * ReplicationSummary s = Simulation.replications(scenario, 10, applicationExecutor);
   * ReplicationSummary here = Simulation.replications(scenario, 10, Runnable::run); // on the calling thread
   * }</pre>
   *
   * @param scenario what to simulate; its seed decides every replication's random stream
   * @param n        the number of replications, at least 1
   * @param executor where to run the replications
   * @return the runs and their summary
   * @throws java.util.concurrent.RejectedExecutionException if the executor refuses a replication
   * @throws org.casemgmt.InvalidInputException if an argument is missing or {@code n} out of range
   */
  public static ReplicationSummary replications(Scenario scenario, int n, Executor executor) {
    Check.orThrow(Check.present("scenario", scenario), Check.between("n", n, 1, MAX_REPLICATIONS),
        Check.present("executor", executor));
    return replicate(scenario, n, executor);
  }

  /**
   * Runs the replications as tasks of the executor and waits for them. Every stream is split off the root before
   * any task starts, in replication order, and results are collected in that order, so neither the executor nor
   * the order the tasks finish in changes the summary. If one fails or the wait is interrupted, the tasks not yet
   * finished are cancelled.
   */
  private static ReplicationSummary replicate(Scenario scenario, int n, Executor executor) {
    SplittableRandom root = new SplittableRandom(scenario.seed());
    ArrayList<SplittableRandom> streams = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      streams.add(root.split());
    }
    ArrayList<FutureTask<SimulationResult>> tasks = new ArrayList<>(n);
    boolean done = false;
    try {
      for (SplittableRandom stream : streams) {
        FutureTask<SimulationResult> task =
            new FutureTask<>(() -> new Run(scenario, stream, SimulationListener.NONE).execute());
        tasks.add(task);
        executor.execute(task);
      }
      ArrayList<SimulationResult> results = new ArrayList<>(n);
      for (FutureTask<SimulationResult> task : tasks) {
        results.add(task.get());
      }
      done = true;
      return ReplicationSummary.of(Vector.ofAll(results));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for replications", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("a replication failed", cause);
    } finally {
      if (!done) {
        for (FutureTask<SimulationResult> task : tasks) {
          task.cancel(true);
        }
      }
    }
  }
}
