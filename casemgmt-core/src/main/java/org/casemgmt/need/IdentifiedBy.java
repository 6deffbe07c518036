package org.casemgmt.need;

/**
 * Who identified a need. The assessment is multidimensional and shared: operators, the client and the
 * caregivers all contribute (seeds 001, 004).
 */
public enum IdentifiedBy {
  /** The case manager. */
  CASE_MANAGER,
  /** The client. */
  CLIENT,
  /** A family or informal caregiver. */
  CAREGIVER,
  /** Another operator of the team or of a service. */
  OTHER_OPERATOR
}
