package org.casemgmt.simulation;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import java.util.function.ToDoubleFunction;
import org.casemgmt.InputError;
import org.casemgmt.internal.Check;

/**
 * The results of independent replications of one scenario and, for the main metrics, their mean with a 95 %
 * confidence interval. One run says what happened once; replications say how sure we may be.
 *
 * <pre>{@code
 * ReplicationSummary s = Simulation.replications(scenario, 10);
 * Estimate wait = s.metric("mean_wait_for_manager");
 * String line = wait.mean() + " ± " + wait.halfWidth();
 * }</pre>
 *
 * @param runs    the result of each replication, in replication order
 * @param metrics the main metrics by name, in a fixed order (see {@link #METRICS})
 */
public record ReplicationSummary(Seq<SimulationResult> runs, Map<String, Estimate> metrics) {

  /** The names of the metrics summarised, in order. */
  public static final Seq<String> METRICS = io.vavr.collection.List.of(
      "arrived", "closed", "open_at_end", "mean_time_in_system", "p90_time_in_system", "mean_wait_for_manager",
      "manager_utilisation", "mean_cases_in_system", "loop_backs", "reviews", "total_cost", "rejections",
      "model_events");

  /**
   * Creates a summary, checking that both fields are present and hold no null.
   *
   * @param runs    the result of each replication, in replication order
   * @param metrics the main metrics by name, in a fixed order (see {@link #METRICS})
   */
  public ReplicationSummary {
    Check.orThrow(Check.elements("runs", runs, false), Check.entries("metrics", metrics));
  }

  /**
   * Summarises runs.
   *
   * @param runs at least one result, in replication order
   * @return the runs with an estimate of each of {@link #METRICS}
   * @throws org.casemgmt.InvalidInputException if the runs are missing, empty or hold null
   */
  public static ReplicationSummary of(Seq<SimulationResult> runs) {
    Check.orThrow(Check.elements("runs", runs, true));
    Map<String, Estimate> metrics = LinkedHashMap.empty();
    for (String name : METRICS) {
      ToDoubleFunction<SimulationResult> metric = extractor(name);
      double[] values = runs.map(metric::applyAsDouble).toJavaStream().mapToDouble(Double::doubleValue).toArray();
      metrics = metrics.put(name, Estimate.of(values));
    }
    return new ReplicationSummary(runs, metrics);
  }

  /**
   * One metric's estimate.
   *
   * @param name one of {@link #METRICS}
   * @return the estimate
   * @throws org.casemgmt.InvalidInputException if the name is missing or names no metric of this summary
   */
  public Estimate metric(String name) {
    Check.orThrow(Check.present("name", name));
    Estimate estimate = metrics.get(name).getOrNull();
    if (estimate == null) {
      Check.orThrow(new InputError("name", InputError.Problem.MALFORMED, "must be one of " + metrics.keySet()
          .mkString(", ")));
    }
    return estimate;
  }

  /**
   * The summary as CSV: {@code metric,mean,half_width,lower,upper,n}, one row per metric.
   *
   * <pre>{@code Files.writeString(Path.of("replications.csv"), summary.toCsv()); }</pre>
   *
   * @return the CSV text, with a header row and a final line break
   */
  public String toCsv() {
    StringBuilder csv = new StringBuilder("metric,mean,half_width,lower,upper,n\n");
    metrics.forEach((name, e) -> csv.append(name).append(',').append(e.mean()).append(',').append(e.halfWidth())
        .append(',').append(e.lower()).append(',').append(e.upper()).append(',').append(e.n()).append('\n'));
    return csv.toString();
  }

  private static ToDoubleFunction<SimulationResult> extractor(String name) {
    return switch (name) {
      case "arrived" -> SimulationResult::arrived;
      case "closed" -> SimulationResult::closed;
      case "open_at_end" -> SimulationResult::openAtEnd;
      case "mean_time_in_system" -> SimulationResult::meanTimeInSystem;
      case "p90_time_in_system" -> SimulationResult::p90TimeInSystem;
      case "mean_wait_for_manager" -> SimulationResult::meanWaitForManager;
      case "manager_utilisation" -> SimulationResult::managerUtilisation;
      case "mean_cases_in_system" -> SimulationResult::meanCasesInSystem;
      case "loop_backs" -> SimulationResult::totalLoopBacks;
      case "reviews" -> SimulationResult::reviews;
      case "total_cost" -> r -> r.totalCost().amount().doubleValue();
      case "rejections" -> SimulationResult::totalRejections;
      case "model_events" -> SimulationResult::modelEvents;
      // Unreachable: METRICS lists exactly these names; a new one without its case here is a bug of casemgmt.
      default -> throw new IllegalStateException("no extractor for metric " + name);
    };
  }
}
