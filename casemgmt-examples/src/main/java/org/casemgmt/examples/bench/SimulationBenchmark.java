package org.casemgmt.examples.bench;

import io.vavr.collection.Seq;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.simulation.DailyStatus;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.Simulation;
import org.casemgmt.simulation.SimulationListener;
import org.casemgmt.simulation.SimulationResult;

/**
 * Measures the simulation reference model of BENCHMARKS.md §3 (10 arrivals a day for 3,650 days, 40 case
 * managers held only during the Exp(3) assessment, planning Exp(2), implementation Exp(90) with reviews every
 * 30 days, evaluation Exp(2), 20 % re-plan) and prints the statistics the reference lists, with model events
 * per second of wall time. Each simulated step is a real command to a real case file, so this is the cost of
 * the rules plus the event loop; a hand-written loop without rules runs 4–9 M model events/s on these
 * machines, SimPy ≈ 0.49 M.
 *
 * <pre>{@code
 * java -cp <classpath> org.casemgmt.examples.bench.SimulationBenchmark            # 3 seeds, after 2 warm-ups
 * java -Xmx2g -cp <classpath> org.casemgmt.examples.bench.SimulationBenchmark long 1000000 /tmp/log.csv
 * }</pre>
 *
 * <p>The second form simulates about {@code n} cases at the reference rate (horizon n / 10 days) with the
 * event log streamed to a CSV file, and reports the peak heap, to show that memory stays flat in the number of
 * cases. It is a plain main, not JMH: one run takes seconds, and the figure of interest is a rate over a
 * long run, not a microbenchmark.
 */
public final class SimulationBenchmark {

  private SimulationBenchmark() {}

  /**
   * Runs the measurement.
   *
   * @param args nothing for the reference model; {@code long <cases> <csv path>} for the long run
   * @throws IOException if the event log cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length >= 1 && args[0].equals("long")) {
      longRun(Long.parseLong(args[1]), Path.of(args[2]));
      return;
    }
    for (int warmUp = 0; warmUp < 2; warmUp++) {
      Simulation.run(Scenario.reference(1000 + warmUp));
    }
    System.out.println("seed,arrivals,completed,mean_time_in_system,utilisation,loop_backs,reviews,model_events,"
        + "wall_s,model_events_per_s,commands_per_s,rejections");
    for (long seed = 1; seed <= 3; seed++) {
      long start = System.nanoTime();
      SimulationResult r = Simulation.run(Scenario.reference(seed));
      double wall = (System.nanoTime() - start) / 1e9;
      System.out.printf("%d,%d,%d,%.1f,%.3f,%d,%d,%d,%.2f,%.0f,%.0f,%d%n", seed, r.arrived(), r.closed(),
          r.meanTimeInSystem(), r.managerUtilisation(), r.totalLoopBacks(), r.reviews(), r.modelEvents(), wall,
          r.modelEvents() / wall, r.commandsAccepted() / wall, r.totalRejections());
    }
    System.out.println("expected (BENCHMARKS.md): ~36,400 arrivals, ~35,200 completed, ~117 days, ~0.75, "
        + "~8,800 loop-backs, ~111,000 reviews, ~353,000 model events");
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
      r = Simulation.run(scenario, SimulationListener.all(SimulationListener.csvEventLog(out), sampler));
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
