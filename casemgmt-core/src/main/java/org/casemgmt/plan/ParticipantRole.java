package org.casemgmt.plan;

/** The part someone plays in an individual plan (seeds 001, 004: the plan names the actors). */
public enum ParticipantRole {
  /** The case manager, the reference person. */
  CASE_MANAGER,
  /** The client. */
  CLIENT,
  /** A family or informal caregiver. */
  CAREGIVER,
  /** A representative of a service or provider. */
  SERVICE_REPRESENTATIVE,
  /** Anyone else who takes on a commitment. */
  OTHER
}
