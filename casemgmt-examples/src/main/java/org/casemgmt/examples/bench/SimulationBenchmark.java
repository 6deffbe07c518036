package org.casemgmt.examples.bench;

import io.vavr.collection.Seq;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.simulation.DailyStatus;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.Simulation;
import org.casemgmt.simulation.SimulationListener;
import org.casemgmt.simulation.SimulationResult;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload 3 of BENCHMARKS.md, the simulation reference model (§3: 10 arrivals a day for 3,650 days, 40 case
 * managers held only during the Exp(3) assessment, planning Exp(2), implementation Exp(90) with reviews every
 * 30 days, evaluation Exp(2), 20 % re-plan), as a JMH benchmark with its baseline in the same run:
 * <ul>
 *   <li>{@link #casemgmt}: one operation is one whole reference run of {@link Simulation#run(Scenario)}, where
 *       every simulated step is a real command decided by a real case file and applied by its evolution, with
 *       the do-nothing listener;</li>
 *   <li>{@link #baseline}: one operation is one whole run of {@link NoRulesSimulation}, the same model as a
 *       hand-written event loop without rules or case state.</li>
 * </ul>
 * Each operation takes the next seed of 1, 2, 3, 1, 2, … (each side its own cycle), so the figures average
 * over three trajectories and no run can be reused. Model events (arrival, assessment start and end, planning
 * end, review, implementation end, evaluation end; about 353,000 a run) are counted by the runs themselves
 * and reported through JMH's {@link AuxCounters}: {@code modelEvents} is the number of model events per
 * second of the benchmark method, next to the runs per second. Quote the ratio casemgmt / baseline of the
 * model events per second rather than absolute figures: the machines are shared and noisy.
 *
 * <p><b>Running</b> (from the repository root; JMH forks need a real class path, so {@code exec:exec}):
 * <pre>
 * mvn -q -pl casemgmt-examples -am package -DskipTests exec:exec -Pjmh -Dexec.executable=java \
 *     -Djmh.args="SimulationBenchmark -f 1 -wi 5 -i 5 -prof gc"
 * </pre>
 * One casemgmt run takes 0.5–1 s once compiled, and the first take several seconds on two shared cores while
 * the JIT compiles the rules: hence five warm-up iterations of 3 s. {@code gc.alloc.rate.norm} is the bytes
 * allocated per run. The forks run with the heap BENCHMARKS.md's figures were measured with ({@code -Xms2g -Xmx2g},
 * G1), for both sides.
 *
 * <p><b>Plain main</b>, for a quick look or a profiler (the class path is the examples' one):
 * <pre>{@code
 * java -cp <classpath> org.casemgmt.examples.bench.SimulationBenchmark            # 3 seeds, after 2 warm-ups
 * java -Xmx2g -cp <classpath> org.casemgmt.examples.bench.SimulationBenchmark long 1000000 /tmp/log.csv
 * java -Xms2g -Xmx2g -cp <classpath> org.casemgmt.examples.bench.SimulationBenchmark load
 * }</pre>
 * The first form prints the statistics the reference lists for seeds 1–3, for casemgmt and the baseline, with
 * model events per second of wall time. The second simulates about {@code n} cases at the reference rate
 * (horizon n / 10 days) with the event log streamed to a file — CSV, or XES or OCEL 2.0 JSON when the path ends
 * in {@code .xes} or {@code .jsonocel} — and reports the peak heap, to show that memory stays flat in the number
 * of cases. The third compares the speed at 10 and at 2 arrivals a day with as
 * many model events (see {@link #atArrivalRate}): how much the number of open cases matters.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class SimulationBenchmark {

  /** How many seeds the operations cycle through. */
  static final int SEEDS = 3;

  private final Scenario[] scenarios = new Scenario[SEEDS];
  private int nextCasemgmt;
  private int nextBaseline;

  /**
   * The model events of the runs of one benchmark method, reported by JMH as a rate in the benchmark's unit
   * (model events per second): an {@link AuxCounters.Type#OPERATIONS} counter is divided by the iteration's time.
   * Reset by JMH at each iteration.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    /** Model events counted by the runs of this iteration. */
    public long modelEvents;
  }

  /** Builds the scenarios of the seeds once per trial. */
  @Setup
  public void prepare() {
    for (int i = 0; i < SEEDS; i++) {
      scenarios[i] = Scenario.reference(i + 1);
    }
  }

  /**
   * One reference run on the real rules.
   *
   * @param events where the run's model events are counted
   * @return the run's result
   */
  @Benchmark
  public SimulationResult casemgmt(Events events) {
    SimulationResult r = Simulation.run(scenarios[nextCasemgmt++ % SEEDS]);
    events.modelEvents += r.modelEvents();
    return r;
  }

  /**
   * One reference run of the hand-written loop without rules.
   *
   * @param events where the run's model events are counted
   * @return the run's result
   */
  @Benchmark
  public NoRulesSimulation.Result baseline(Events events) {
    NoRulesSimulation.Result r = NoRulesSimulation.reference(nextBaseline++ % SEEDS + 1);
    events.modelEvents += r.modelEvents();
    return r;
  }

  /**
   * Runs the plain measurement (no JMH).
   *
   * @param args nothing for the reference model; {@code long <cases> <log path>} for the long run (the format by
   *             the path's extension: {@code .csv}, {@code .xes} or {@code .jsonocel})
   * @throws IOException if the event log cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length >= 1 && args[0].equals("load")) {
      compareOpenCases();
      return;
    }
    if (args.length >= 1 && args[0].equals("long")) {
      if (args.length < 3) {
        throw new IllegalArgumentException("usage: long <cases> <log path: .csv, .xes or .jsonocel>");
      }
      longRun(Long.parseLong(args[1]), Path.of(args[2]));
      return;
    }
    for (int warmUp = 0; warmUp < 2; warmUp++) {
      Simulation.run(Scenario.reference(1000 + warmUp));
      for (int i = 0; i < 20; i++) {
        NoRulesSimulation.reference(1000 + i);
      }
    }
    System.out.println("engine,seed,arrivals,completed,mean_time_in_system,utilisation,loop_backs,reviews,"
        + "model_events,wall_s,model_events_per_s,commands_per_s,rejections");
    for (long seed = 1; seed <= SEEDS; seed++) {
      long start = System.nanoTime();
      SimulationResult r = Simulation.run(Scenario.reference(seed));
      double wall = (System.nanoTime() - start) / 1e9;
      System.out.printf("casemgmt,%d,%d,%d,%.1f,%.3f,%d,%d,%d,%.3f,%.0f,%.0f,%d%n", seed, r.arrived(), r.closed(),
          r.meanTimeInSystem(), r.managerUtilisation(), r.totalLoopBacks(), r.reviews(), r.modelEvents(), wall,
          r.modelEvents() / wall, r.commandsAccepted() / wall, r.totalRejections());
    }
    for (long seed = 1; seed <= SEEDS; seed++) {
      long start = System.nanoTime();
      NoRulesSimulation.Result r = NoRulesSimulation.reference(seed);
      double wall = (System.nanoTime() - start) / 1e9;
      System.out.printf("baseline,%d,%d,%d,%.1f,%.3f,%d,%d,%d,%.3f,%.0f,,%n", seed, r.arrivals(), r.completed(),
          r.meanTimeInSystem(), r.utilisation(), r.loopBacks(), r.reviews(), r.modelEvents(), wall,
          r.modelEvents() / wall);
    }
    System.out.println("expected (BENCHMARKS.md): ~36,400 arrivals, ~35,200 completed, ~117 days, ~0.75, "
        + "~8,800 loop-backs, ~111,000 reviews, ~353,000 model events");
  }

  /**
   * The reference model at another arrival rate, with the managers scaled with it (4 per daily arrival, as 40 for
   * 10) and the horizon stretched so that a run has about as many model events (≈ 353,000): by Little's law it
   * keeps about {@code arrivalsPerDay × 117} cases open instead of ≈ 1,200. Not a workload of BENCHMARKS.md: it
   * shows how much the number of open cases (whose state must stay in the caches) matters to the speed.
   *
   * @param arrivalsPerDay the arrival rate, cases per day
   * @param seed           the seed of the run's random streams
   * @return the variant of the reference scenario
   */
  static Scenario atArrivalRate(double arrivalsPerDay, long seed) {
    return Scenario.reference(seed).toBuilder()
        .arrivalsPerDay(arrivalsPerDay)
        .managers((int) Math.round(4 * arrivalsPerDay), 1)
        .horizonDays(3650 * 10 / arrivalsPerDay)
        .build();
  }

  /** Model events per second at 10 (the reference) and 2 arrivals a day, alternating runs, medians of ten. */
  private static void compareOpenCases() {
    double[] rates = {10, 2};
    double[][] perSecond = new double[rates.length][10];
    for (int round = -3; round < 10; round++) { // three rounds of warm-up
      for (int r = 0; r < rates.length; r++) {
        long start = System.nanoTime();
        SimulationResult result = Simulation.run(atArrivalRate(rates[r], 100 + Math.max(round, 0)));
        double wall = (System.nanoTime() - start) / 1e9;
        if (round >= 0) {
          perSecond[r][round] = result.modelEvents() / wall;
        }
      }
    }
    for (int r = 0; r < rates.length; r++) {
      Arrays.sort(perSecond[r]);
      System.out.printf("%.0f arrivals a day (about %.0f cases open): median %.0f model events/s%n", rates[r],
          rates[r] * 117, (perSecond[r][4] + perSecond[r][5]) / 2);
    }
  }

  private static void longRun(long cases, Path csv) throws IOException {
    Scenario scenario = Scenario.reference(7).toBuilder().horizonDays(cases / 10.0).build();
    long[] liveAfterGc = new long[1];
    SimulationListener sampler = new SimulationListener() {
      @Override
      public void onDay(DailyStatus status) {
        if (status.day() % 10_000 == 5_000) {
          System.gc();
          long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
          liveAfterGc[0] = Math.max(liveAfterGc[0], used);
          System.out.printf("day %d: open %d, heap after GC %.1f MB%n", status.day(), status.openCases(), used / 1e6);
        }
      }

      @Override
      public void onEnd(Seq<CaseFile> openCases) {
        System.out.printf("open at end: %d%n", openCases.size());
      }
    };
    long start = System.nanoTime();
    SimulationResult r;
    try (BufferedWriter out = Files.newBufferedWriter(csv)) {
      String name = csv.getFileName().toString();
      SimulationListener log = name.endsWith(".jsonocel") ? SimulationListener.ocelEventLog(out)
          : name.endsWith(".xes") ? SimulationListener.xesEventLog(out) : SimulationListener.csvEventLog(out);
      r = Simulation.run(scenario, SimulationListener.all(log, sampler));
    }
    double wall = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("cases %d, closed %d, model events %d, commands %d, wall %.1f s, %.0f model events/s%n",
        r.arrived(), r.closed(), r.modelEvents(), r.commandsAccepted(), wall, r.modelEvents() / wall);
    System.out.printf("event log %.1f MB; peak heap (pools, incl. garbage) %.1f MB; max live heap after GC %.1f MB%n",
        Files.size(csv) / 1e6, peak / 1e6, liveAfterGc[0] / 1e6);
  }
}
