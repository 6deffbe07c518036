package org.casemgmt.party;

/**
 * The part a member of staff plays in a case's multi-professional team. What each role may do is not fixed here:
 * it is data, in the permission table the case follows ({@code org.casemgmt.casefile.Permissions}).
 */
public enum TeamRole {
  /** The reference person who holds the case: there is always exactly one, named when the case is opened. */
  CASE_MANAGER,
  /** The case manager's supervisor, who signs off plans and closures. */
  SUPERVISOR,
  /** A social worker of the team. */
  SOCIAL_WORKER,
  /** A nurse of the team. */
  NURSE,
  /** An educator of the team. */
  EDUCATOR,
  /** A psychologist of the team. */
  PSYCHOLOGIST,
  /** An employment counsellor of the team. */
  EMPLOYMENT_COUNSELLOR,
  /** Someone who speaks for one provider, formal or informal, and acts on that provider's own services only. */
  PROVIDER_REPRESENTATIVE;

  /** {@return whether a member in this role speaks for a provider, and so must name one} */
  public boolean representsProvider() {
    return this == PROVIDER_REPRESENTATIVE;
  }
}
