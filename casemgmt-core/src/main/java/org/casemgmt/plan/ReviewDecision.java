package org.casemgmt.plan;

/**
 * What a monitoring review decides. Monitoring checks that the plan is really happening and still fits the
 * needs; it may adjust the plan or, when new needs emerge, send the case back to assessment (seeds 001, 004).
 */
public enum ReviewDecision {
  /** The plan goes on as it is (the case is, or stays, in monitoring). */
  CONTINUE,
  /** The plan must change: back to planning, with a new plan version. */
  ADJUST_PLAN,
  /** New needs have emerged: back to assessment; the needs on record are kept. */
  REASSESS,
  /** The interventions have run their course: on to the final evaluation. */
  PROCEED_TO_EVALUATION
}
