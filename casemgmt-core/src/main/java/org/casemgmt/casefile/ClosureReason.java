package org.casemgmt.casefile;

/**
 * Why a case is closed. The set is closed on purpose: closure statistics are compared across services.
 * {@link #GOALS_ACHIEVED} is only possible after the final evaluation found every goal achieved;
 * {@link #NO_NEEDS_IDENTIFIED} only when no need is open.
 */
public enum ClosureReason {
  /** Every goal of the plan was evaluated as achieved. */
  GOALS_ACHIEVED,
  /** The client withdrew from the path. */
  CLIENT_WITHDREW,
  /** Transferred or referred to another service, which takes charge. */
  TRANSFERRED,
  /** The client moved away. */
  MOVED_AWAY,
  /** The client died. */
  DECEASED,
  /** The client could not be reached. */
  UNREACHABLE,
  /** The client is no longer eligible for the service. */
  NO_LONGER_ELIGIBLE,
  /** The assessment found no need the service can take on. */
  NO_NEEDS_IDENTIFIED
}
