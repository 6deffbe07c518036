package org.casemgmt.simulation;

import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import java.math.BigDecimal;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.plan.Money;

/**
 * What a {@link Run} measures while it runs, and the {@link SimulationResult} it makes of it at the horizon:
 * counters, sums for means, a histogram for percentiles, and the time integrals of busy places and open cases.
 * Everything is a primitive or an array of them, kept up to date as things happen, so memory does not grow with
 * the number of cases and nothing is allocated per command (refusals, counted by rule, are the exception).
 */
final class RunStatistics {

  private static final Phase[] PHASES = Phase.values();
  private static final LoopBack[] LOOP_BACKS = LoopBack.values();
  private static final ClosureReason[] CLOSURE_REASONS = ClosureReason.values();

  private long arrived;
  private long closedCount;
  private long modelEvents;
  private long reviews;
  private long commandsAccepted;
  private long assessedCases;
  private double waitSum;
  private double timeInSystemSum;
  private final Histogram timesInSystem = new Histogram(0.25);
  private final double[] phaseStaySum = new double[PHASES.length];
  private final long[] phaseStayCount = new long[PHASES.length];
  private final long[] loopBacks = new long[LOOP_BACKS.length];
  private final long[] closures = new long[CLOSURE_REASONS.length];
  private final java.util.TreeMap<String, Long> rejections = new java.util.TreeMap<>();
  private long costCents;
  private double busyArea;
  private double busySince;
  private double openArea;
  private double openSince;

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

  /** A monitoring review was recorded. */
  void review() {
    reviews++;
  }

  /** A case looped back. */
  void loopBack(LoopBack loop) {
    loopBacks[loop.ordinal()]++;
  }

  /**
   * An intervention of this cost (in cents, at most Money.MAX_AMOUNT's) was planned. The sum saturates instead of
   * wrapping round: a total beyond what a long holds is then refused as an amount above the maximum, never
   * reported as a small or negative one.
   */
  void planned(long cents) {
    long sum = costCents + cents;
    costCents = sum < costCents ? Long.MAX_VALUE : sum;
  }

  /** A case's assessment starts; the first one ends its wait for a case manager. */
  void assessmentStarted(SimulatedCase c, double now) {
    if (!c.assessedOnce) {
      c.assessedOnce = true;
      assessedCases++;
      waitSum += now - c.arrivedAt;
    }
  }

  /** The command that opened the case file was accepted (a case opens in intake, where its phase stay starts). */
  void opened() {
    commandsAccepted++;
  }

  /** A command was accepted; a change of phase ends the stay in the previous one. */
  void accepted(SimulatedCase c, double now) {
    commandsAccepted++;
    Phase phase = c.file.phase();
    if (phase != c.phase) {
      int p = c.phase.ordinal();
      phaseStaySum[p] += now - c.phaseSince;
      phaseStayCount[p]++;
      c.phase = phase;
      c.phaseSince = now;
    }
  }

  /** Counts a refusal by its rule; the command had no effect. */
  void refused(Rejection rejection) {
    rejections.merge(rejection.rule(), 1L, Long::sum);
  }

  /** A case closed, after so long in the system. */
  void closed(ClosureReason reason, double timeInSystem) {
    closedCount++;
    closures[reason.ordinal()]++;
    timeInSystemSum += timeInSystem;
    timesInSystem.add(timeInSystem);
  }

  /**
   * Keeps the time integrals of busy places and open cases up to date; called before either level changes, with
   * the levels until now. (Always both at once, at the same moments, so the sums are added up in the same order.)
   */
  void accrue(double now, int busy, int openCount) {
    busyArea += busy * (now - busySince);
    busySince = now;
    openArea += openCount * (now - openSince);
    openSince = now;
  }

  /** {@return the result at the horizon, with so many cases open and so many places with the case managers} */
  SimulationResult result(double horizon, int openCount, int slots) {
    Map<Phase, Double> perPhase = TreeMap.empty();
    for (int p = 0; p < PHASES.length; p++) {
      if (phaseStayCount[p] > 0) {
        perPhase = perPhase.put(PHASES[p], phaseStaySum[p] / phaseStayCount[p]);
      }
    }
    Map<LoopBack, Long> loops = TreeMap.empty();
    for (int k = 0; k < LOOP_BACKS.length; k++) {
      if (loopBacks[k] > 0) {
        loops = loops.put(LOOP_BACKS[k], loopBacks[k]);
      }
    }
    Map<ClosureReason, Long> reasons = TreeMap.empty();
    for (int k = 0; k < CLOSURE_REASONS.length; k++) {
      if (closures[k] > 0) {
        reasons = reasons.put(CLOSURE_REASONS[k], closures[k]);
      }
    }
    return new SimulationResult(
        horizon, arrived, closedCount, openCount,
        closedCount == 0 ? 0 : timeInSystemSum / closedCount,
        timesInSystem.quantile(0.5), timesInSystem.quantile(0.9), timesInSystem.quantile(0.95),
        perPhase,
        assessedCases == 0 ? 0 : waitSum / assessedCases,
        busyArea / (slots * horizon),
        openArea / horizon,
        loops,
        reviews,
        reasons,
        new Money(BigDecimal.valueOf(costCents, 2)),
        TreeMap.ofAll(rejections),
        modelEvents,
        commandsAccepted);
  }
}
