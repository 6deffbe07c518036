package org.casemgmt.plan;

import org.casemgmt.internal.Check;

/**
 * Identifies a referral of the client to an external provider. Identifiers come from the embedding
 * application (casemgmt generates none, so that the same commands always give the same events); they are
 * safe to log.
 *
 * @param value 1 to 64 letters, digits or {@code - _ . : /}
 */
public record ReferralId(String value) implements Comparable<ReferralId> {

  /** Throws {@link org.casemgmt.InvalidInputException} unless the value has the identifier form above. */
  public ReferralId {
    Check.orThrow(Check.identifier("referralId", value));
  }

  /**
   * Creates the identifier.
   *
   * <pre>{@code ReferralId id = ReferralId.of("REF-1"); }</pre>
   *
   * @param value 1 to 64 letters, digits or {@code - _ . : /}
   * @return the identifier
   * @throws org.casemgmt.InvalidInputException if the value is missing, blank, too long or malformed
   */
  public static ReferralId of(String value) {
    return new ReferralId(value);
  }

  /** Orders by value; a missing {@code other} is refused with an {@link org.casemgmt.InvalidInputException}. */
  @Override
  public int compareTo(ReferralId other) {
    return value.compareTo(Check.notNull(other, "other").value);
  }

  @Override
  public String toString() {
    return value;
  }
}
