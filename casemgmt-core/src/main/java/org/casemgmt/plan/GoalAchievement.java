package org.casemgmt.plan;

/** How far a goal has been achieved, after HL7 FHIR Goal's {@code achievementStatus}. */
public enum GoalAchievement {
  /** Being worked on; nothing to say yet. */
  IN_PROGRESS,
  /** Moving towards the target. */
  IMPROVING,
  /** Moving away from the target. */
  WORSENING,
  /** No change. */
  NO_CHANGE,
  /** The target was reached. */
  ACHIEVED,
  /** The target was not reached. */
  NOT_ACHIEVED,
  /** The target can no longer be reached. */
  NOT_ATTAINABLE;

  /** {@return whether this outcome counts as the goal being met} */
  public boolean isMet() {
    return this == ACHIEVED;
  }
}
