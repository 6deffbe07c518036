package org.casemgmt.simulation;

/**
 * How long a case occupies a place in a case manager's caseload. A case waits, first come first served, until
 * a place is free.
 *
 * <pre>{@code Scenario.builder().managers(40, 1).managerHold(ManagerHold.DURING_ASSESSMENT); }</pre>
 */
public enum ManagerHold {
  /**
   * The place is taken when the assessment starts and freed when the case closes: the case manager is the
   * reference person for the whole path, and the caseload is the limit (seed 003).
   */
  UNTIL_CLOSURE,
  /**
   * The manager is busy only while assessing (and reassessing); the rest of the path does not use the pool.
   * This is the queueing model of the reference benchmark ({@link Scenario#reference(long)}). When the place is
   * freed the case is handed back to the intake desk, on the record: the caseloads the events show are the places
   * held, as the service projection measures utilisation.
   */
  DURING_ASSESSMENT
}
