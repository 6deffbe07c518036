package org.casemgmt.simulation;

import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import java.time.Instant;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.service.DurationSummary;
import org.casemgmt.service.LoopBacks;
import org.casemgmt.service.ServiceProjection;

/**
 * What a {@link Run} counts that is not in its cases' events — arrivals (to number them), model events, commands
 * accepted, refusals by rule — and the {@link SimulationResult} it makes at the horizon of those counts and of the
 * run's {@link ServiceProjection}, which gives every figure the events define (times in the system and in each
 * phase, waits, utilisation, open cases, loop-backs, reviews, closures, cost), exactly as it does for a real
 * service's events.
 */
final class RunStatistics {

  private long arrived;
  private long modelEvents;
  private long commandsAccepted;
  private final java.util.TreeMap<String, Long> rejections = new java.util.TreeMap<>();

  /** A client arrived (a model event); {@return the arrival's number, from 1} */
  long arrival() {
    modelEvents++;
    arrived++;
    return arrived;
  }

  /** A step of a case's path happened (assessment started or ended, planning ended, a review…). */
  void modelEvent() {
    modelEvents++;
  }

  /** The command that opened the case file was accepted. */
  void opened() {
    commandsAccepted++;
  }

  /** A command was accepted. */
  void accepted() {
    commandsAccepted++;
  }

  /** Counts a refusal by its rule; the command had no effect. */
  void refused(Rejection rejection) {
    rejections.merge(rejection.rule(), 1L, Long::sum);
  }

  /**
   * {@return the result at the horizon}
   *
   * @param horizon    the horizon, in days
   * @param projection the run's projection, frozen
   * @param end        the horizon's instant
   */
  SimulationResult result(double horizon, ServiceProjection projection, Instant end) {
    DurationSummary inSystem = projection.timeInSystem();
    LoopBacks loops = projection.loopBacks();
    Map<LoopBack, Long> byKind = TreeMap.empty();
    long adjust = loops.reviews().get(ReviewDecision.ADJUST_PLAN).getOrElse(0L);
    long reassess = loops.reviews().get(ReviewDecision.REASSESS).getOrElse(0L);
    byKind = adjust > 0 ? byKind.put(LoopBack.ADJUST_PLAN, adjust) : byKind;
    byKind = reassess > 0 ? byKind.put(LoopBack.REASSESS, reassess) : byKind;
    byKind = loops.replans() > 0 ? byKind.put(LoopBack.REPLAN, loops.replans()) : byKind;
    // Monitoring reviews: those that keep the case in monitoring or send it back, not the one that ends it.
    long reviews = loops.totalReviews() - loops.reviews().get(ReviewDecision.PROCEED_TO_EVALUATION).getOrElse(0L);
    return new SimulationResult(
        horizon, projection.opened(), projection.closed(), projection.openCount(),
        inSystem.meanDays(), inSystem.p50Days(), inSystem.p90Days(), inSystem.p95Days(),
        projection.timeInPhase().mapValues(DurationSummary::meanDays),
        projection.waitForManager().meanDays(),
        projection.utilisation(end),
        projection.meanOpenCases(end),
        byKind,
        reviews,
        projection.closures(),
        projection.committedCost(),
        TreeMap.ofAll(rejections),
        modelEvents,
        commandsAccepted);
  }
}
