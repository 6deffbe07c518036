package org.casemgmt.plan;

/**
 * Where a referral stands. A referral is a closed loop: the case manager does not just send the person
 * elsewhere but follows the request until the provider answers and the service is over (seed 002).
 * <pre>
 * REQUESTED ─▶ ACCEPTED ─▶ COMPLETED_SUCCESSFULLY | COMPLETED_UNSUCCESSFULLY
 *     └──────▶ DECLINED              (pending when the case closes ─▶ WITHDRAWN)
 * </pre>
 */
public enum ReferralStatus {
  /** Sent to the provider, no answer yet. */
  REQUESTED,
  /** The provider took the person on. */
  ACCEPTED,
  /** The provider declined, with a reason; refer elsewhere. */
  DECLINED,
  /** The provider delivered the service and it reached its aim. */
  COMPLETED_SUCCESSFULLY,
  /** The provider delivered the service, but it did not reach its aim (with a reason). */
  COMPLETED_UNSUCCESSFULLY,
  /** The case was closed while the referral was still pending: the loop ends on the record, not in silence. */
  WITHDRAWN;

  /** {@return whether the referral still waits for an answer or is under way (another one for the same purpose would be redundant)} */
  public boolean isPending() {
    return this == REQUESTED || this == ACCEPTED;
  }
}
