package org.casemgmt.examples.bench;

import java.util.ArrayList;

/**
 * The minimal reference baseline of {@code shared/BENCHMARKS.md}, workload 1, written as that file asks: a
 * hand-written mutable case — an enum phase, a {@code switch} over the command, {@code ArrayList}s and a linear-scan
 * overlap check — implementing exactly the guards of the table and nothing more. Unlike {@link MutableCase} (the
 * baseline the scaling workload shares, whose plan sits behind an interface so the same case can also run with a
 * sorted index, and which keeps the case id) it holds only what the guards read: no id, no plan object of its own,
 * needs and started interventions as lists of numbers.
 *
 * <pre>{@code
 * MinimalCase c = new MinimalCase();
 * boolean accepted = c.handle(MutableCase.Command.of(MutableCase.Op.START_ASSESSMENT)); // INTAKE -> ASSESSMENT
 * }</pre>
 */
public final class MinimalCase {

  private MutableCase.Phase phase = MutableCase.Phase.INTAKE;
  private final ArrayList<Integer> needs = new ArrayList<>(4);
  private final ArrayList<MutableCase.Intervention> plan = new ArrayList<>(8);
  private final ArrayList<Integer> started = new ArrayList<>(8);
  private boolean assessmentFinished;
  private boolean planApproved;
  private boolean outcomeRecorded;
  private int reviews;

  /** Opens a case (command 1 of the table): a new case in {@code INTAKE}. */
  MinimalCase() {}

  /** The case's phase. */
  MutableCase.Phase phase() {
    return phase;
  }

  /**
   * Applies a command if its guard holds.
   *
   * @return whether the command was accepted; a refused command changes nothing
   */
  boolean handle(MutableCase.Command c) {
    switch (c.op()) {
      case START_ASSESSMENT:
        if (phase != MutableCase.Phase.INTAKE) {
          return false;
        }
        phase = MutableCase.Phase.ASSESSMENT;
        return true;
      case RECORD_NEED:
        if (phase != MutableCase.Phase.ASSESSMENT || needs.contains(c.need())) {
          return false;
        }
        needs.add(c.need());
        return true;
      case FINISH_ASSESSMENT:
        if (phase != MutableCase.Phase.ASSESSMENT || needs.isEmpty()) {
          return false;
        }
        assessmentFinished = true;
        return true;
      case START_PLANNING:
        if (phase != MutableCase.Phase.ASSESSMENT || !assessmentFinished) {
          return false;
        }
        phase = MutableCase.Phase.PLANNING;
        return true;
      case ADD_INTERVENTION:
        return addIntervention(c.intervention());
      case APPROVE_PLAN:
        if (phase != MutableCase.Phase.PLANNING || plan.isEmpty()) {
          return false;
        }
        planApproved = true;
        return true;
      case START_IMPLEMENTATION:
        if (phase != MutableCase.Phase.PLANNING || !planApproved) {
          return false;
        }
        phase = MutableCase.Phase.IMPLEMENTATION;
        return true;
      case START_INTERVENTION:
        return startIntervention(c.intervention().id());
      case MONITORING_REVIEW:
        if (phase == MutableCase.Phase.IMPLEMENTATION && !started.isEmpty()) {
          phase = MutableCase.Phase.MONITORING;
          reviews++;
          return true;
        }
        if (phase == MutableCase.Phase.MONITORING) {
          reviews++;
          return true;
        }
        return false;
      case START_EVALUATION:
        if (phase != MutableCase.Phase.MONITORING || reviews == 0) {
          return false;
        }
        phase = MutableCase.Phase.EVALUATION;
        return true;
      case RECORD_OUTCOME:
        if (phase != MutableCase.Phase.EVALUATION) {
          return false;
        }
        outcomeRecorded = true;
        return true;
      case CLOSE_CASE:
        if (phase != MutableCase.Phase.EVALUATION || !outcomeRecorded) {
          return false;
        }
        phase = MutableCase.Phase.CLOSED;
        return true;
      default:
        throw new IllegalArgumentException("unknown command " + c.op());
    }
  }

  /** Window start before end, need recorded, id unused, no same-need same-kind intervention intersecting it. */
  private boolean addIntervention(MutableCase.Intervention candidate) {
    if (phase != MutableCase.Phase.PLANNING || candidate.start() >= candidate.end()
        || !needs.contains(candidate.need())) {
      return false;
    }
    for (int i = 0, n = plan.size(); i < n; i++) {
      MutableCase.Intervention existing = plan.get(i);
      if (existing.id() == candidate.id()
          || existing.need() == candidate.need() && existing.kind() == candidate.kind()
              && existing.start() < candidate.end() && candidate.start() < existing.end()) {
        return false;
      }
    }
    plan.add(candidate);
    return true;
  }

  /** In the plan, not yet started. */
  private boolean startIntervention(int id) {
    if (phase != MutableCase.Phase.IMPLEMENTATION || started.contains(id)) {
      return false;
    }
    for (int i = 0, n = plan.size(); i < n; i++) {
      if (plan.get(i).id() == id) {
        started.add(id);
        return true;
      }
    }
    return false;
  }
}
