package org.casemgmt.simulation;

import io.vavr.collection.Map;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Phase;
import org.casemgmt.internal.Check;
import org.casemgmt.plan.Money;

/**
 * What one simulation run found: the figures a service uses to discuss its case flow, computed from the run's
 * events by the same {@link org.casemgmt.service.ServiceProjection} a real service uses on its own events (one
 * definition of time in phase, waits, utilisation and cost for both). All times are in days.
 * Equal scenarios and seeds give equal results ({@code equals}), so a result can be compared and archived.
 *
 * <pre>{@code
 * SimulationResult r = Simulation.run(Scenario.reference(42));
 * r.closed();               // cases that reached closure within the horizon
 * r.meanWaitForManager();   // days from arrival to the start of the assessment
 * Files.writeString(Path.of("summary.csv"), r.toCsv());
 * }</pre>
 *
 * @param horizonDays            how long the run lasted
 * @param arrived                cases that arrived (and were opened)
 * @param closed                 cases closed within the horizon
 * @param openAtEnd              cases still open at the horizon
 * @param meanTimeInSystem       mean days from arrival to closure, over closed cases (0 if none)
 * @param p50TimeInSystem        median days from arrival to closure (quarter-day resolution)
 * @param p90TimeInSystem        90th percentile of days from arrival to closure (quarter-day resolution)
 * @param p95TimeInSystem        95th percentile of days from arrival to closure (quarter-day resolution)
 * @param meanTimePerPhase       mean days of one stay in each phase, over stays that ended within the horizon
 * @param meanWaitForManager     mean days from arrival to the start of the first assessment, over cases assessed
 * @param managerUtilisation     the share of caseload places occupied (open cases held by the pool's case
 *                               managers), averaged over the horizon
 * @param meanCasesInSystem      the time-average number of open cases (L of Little's law)
 * @param loopBacks              cases sent back in the methodology, by kind
 * @param reviews                monitoring reviews recorded that kept the case in monitoring or sent it back
 *                               (not the review that moves it on to the evaluation)
 * @param closureReasons         closed cases by reason
 * @param totalCost              the cost of every intervention the plans accepted and did not cancel
 * @param rejections             commands the rules refused, by rule name ({@link org.casemgmt.casefile.Rejection#rule()})
 * @param modelEvents            model events: arrivals, assessment starts and ends, planning ends, reviews,
 *                               implementation ends and evaluation ends
 * @param commandsAccepted       commands the case files accepted (each recorded one event)
 */
public record SimulationResult(
    double horizonDays,
    long arrived,
    long closed,
    long openAtEnd,
    double meanTimeInSystem,
    double p50TimeInSystem,
    double p90TimeInSystem,
    double p95TimeInSystem,
    Map<Phase, Double> meanTimePerPhase,
    double meanWaitForManager,
    double managerUtilisation,
    double meanCasesInSystem,
    Map<LoopBack, Long> loopBacks,
    long reviews,
    Map<ClosureReason, Long> closureReasons,
    Money totalCost,
    Map<String, Long> rejections,
    long modelEvents,
    long commandsAccepted) {

  // The maps and the cost must be present; the figures are whatever the run measured.
  public SimulationResult {
    Check.orThrow(Check.present("meanTimePerPhase", meanTimePerPhase), Check.present("loopBacks", loopBacks),
        Check.present("closureReasons", closureReasons), Check.present("totalCost", totalCost),
        Check.present("rejections", rejections));
  }

  /** {@return the arrival rate actually observed, cases per day ({@code arrived / horizonDays}): the λ of Little's law} */
  public double arrivalRate() {
    return arrived / horizonDays;
  }

  /** {@return all loop-backs together} */
  public long totalLoopBacks() {
    return loopBacks.values().foldLeft(0L, Long::sum);
  }

  /** {@return all refused commands together} */
  public long totalRejections() {
    return rejections.values().foldLeft(0L, Long::sum);
  }

  /**
   * The summary as CSV, one {@code metric,value} row per figure (maps flattened as {@code metric.key}), in a
   * fixed order so that equal results give byte-identical files.
   *
   * <pre>{@code Files.writeString(Path.of("summary.csv"), result.toCsv()); }</pre>
   *
   * @return the CSV text, with a {@code metric,value} header row and a final line break
   */
  public String toCsv() {
    StringBuilder csv = new StringBuilder("metric,value\n");
    row(csv, "horizon_days", horizonDays);
    row(csv, "arrived", arrived);
    row(csv, "closed", closed);
    row(csv, "open_at_end", openAtEnd);
    row(csv, "mean_time_in_system", meanTimeInSystem);
    row(csv, "p50_time_in_system", p50TimeInSystem);
    row(csv, "p90_time_in_system", p90TimeInSystem);
    row(csv, "p95_time_in_system", p95TimeInSystem);
    meanTimePerPhase.forEach((phase, days) -> row(csv, "mean_time_in_phase." + phase, days));
    row(csv, "mean_wait_for_manager", meanWaitForManager);
    row(csv, "manager_utilisation", managerUtilisation);
    row(csv, "mean_cases_in_system", meanCasesInSystem);
    loopBacks.forEach((kind, n) -> row(csv, "loop_backs." + kind, n));
    row(csv, "reviews", reviews);
    closureReasons.forEach((reason, n) -> row(csv, "closures." + reason, n));
    row(csv, "total_cost", totalCost);
    rejections.forEach((rule, n) -> row(csv, "rejections." + rule, n));
    row(csv, "model_events", modelEvents);
    row(csv, "commands_accepted", commandsAccepted);
    return csv.toString();
  }

  private static void row(StringBuilder csv, String metric, Object value) {
    csv.append(metric).append(',').append(value).append('\n');
  }
}
