package org.casemgmt.simulation;

import io.vavr.collection.Vector;
import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

  private Simulation() {}

  /**
   * Runs a scenario once, reporting nothing but the result.
   *
   * <pre>{@code SimulationResult r = Simulation.run(scenario); }</pre>
   *
   * @param scenario the scenario
   * @return what happened
   */
  public static SimulationResult run(Scenario scenario) {
    return run(scenario, SimulationListener.NONE);
  }

  /**
   * Runs a scenario once, streaming events, closed cases and the daily series to a listener.
   *
   * <pre>{@code SimulationResult r = Simulation.run(scenario, SimulationListener.csvEventLog(writer)); }</pre>
   *
   * @param scenario the scenario
   * @param listener what to tell as it happens
   * @return what happened
   */
  public static SimulationResult run(Scenario scenario, SimulationListener listener) {
    if (scenario == null || listener == null) {
      throw new IllegalArgumentException("scenario or listener is null");
    }
    return new Run(scenario, new SplittableRandom(scenario.seed()), listener).execute();
  }

  /**
   * Runs {@code n} independent replications in parallel on all processors and summarises them with 95 %
   * confidence intervals. Replication {@code i} draws from the {@code i}-th stream split off a generator
   * seeded with the scenario's seed, so the summary does not depend on the number of threads.
   *
   * <pre>{@code ReplicationSummary s = Simulation.replications(scenario, 10); }</pre>
   *
   * @param scenario the scenario
   * @param n        the number of replications, at least 1
   * @return the runs and their summary
   */
  public static ReplicationSummary replications(Scenario scenario, int n) {
    if (scenario == null) {
      throw new IllegalArgumentException("scenario is null");
    }
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    SplittableRandom root = new SplittableRandom(scenario.seed());
    ArrayList<SplittableRandom> streams = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      streams.add(root.split());
    }
    int threads = Math.min(n, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      ArrayList<Future<SimulationResult>> futures = new ArrayList<>(n);
      for (SplittableRandom stream : streams) {
        futures.add(pool.submit(() -> new Run(scenario, stream, SimulationListener.NONE).execute()));
      }
      ArrayList<SimulationResult> results = new ArrayList<>(n);
      for (Future<SimulationResult> f : futures) {
        results.add(f.get());
      }
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
      pool.shutdownNow();
    }
  }
}
