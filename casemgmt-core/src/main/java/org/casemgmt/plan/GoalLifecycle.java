package org.casemgmt.plan;

/**
 * Where a goal stands in its life, after HL7 FHIR Goal's {@code lifecycleStatus} (a subset: the states a
 * case plan moves a goal through).
 */
public enum GoalLifecycle {
  /** Written into a plan that is not approved yet. */
  PROPOSED,
  /** Part of an approved plan, being pursued. */
  ACTIVE,
  /** Its outcome has been evaluated. */
  COMPLETED
}
