package org.casemgmt.simulation;

/**
 * The ways a case goes back in the methodology instead of forward — what the "circular process" of case
 * management (seed 000) looks like in numbers.
 */
public enum LoopBack {
  /** A monitoring review decided to adjust the plan: monitoring → planning. */
  ADJUST_PLAN,
  /** A monitoring review found new needs: monitoring → assessment. */
  REASSESS,
  /** The final evaluation found goals not achieved: evaluation → planning (seed 004: re-plan, do not close). */
  REPLAN
}
