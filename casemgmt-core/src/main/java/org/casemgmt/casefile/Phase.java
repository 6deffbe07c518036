package org.casemgmt.casefile;

/**
 * The phases of case management, in the order of the methodology (seeds 000, 001, 004). The order is a
 * cycle, not a line: monitoring may send the case back to planning or assessment, an evaluation that finds
 * goals unmet sends it back to planning, and a closed case may be reopened. {@link PhaseTable} lists every
 * permitted move.
 */
public enum Phase {
  /** The person is received and enrolled; a case manager takes charge and the scope is agreed. */
  INTAKE,
  /** Needs, strengths and resources are assessed across the life domains in scope. */
  ASSESSMENT,
  /** The individual plan is built, negotiated with the client and approved. */
  PLANNING,
  /** The interventions are put in place. */
  IMPLEMENTATION,
  /** Periodic reviews check that the plan is happening and still fits. */
  MONITORING,
  /** The final evaluation judges the outcomes of the goals. */
  EVALUATION,
  /** The case is closed, with a reason; it may be reopened. */
  CLOSED;

  /** {@return whether the case is still open in this phase} */
  public boolean isOpen() {
    return this != CLOSED;
  }
}
