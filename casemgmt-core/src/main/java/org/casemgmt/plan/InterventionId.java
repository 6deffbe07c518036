package org.casemgmt.plan;

import org.casemgmt.internal.Check;

/**
 * Identifies an intervention of a case's plan. Identifiers come from the embedding application (casemgmt generates none, so that the
 * same commands always give the same events); they are safe to log.
 *
 * @param value 1 to 64 letters, digits or {@code - _ . : /}
 */
public record InterventionId(String value) implements Comparable<InterventionId> {

  /** Throws {@link org.casemgmt.InvalidInputException} unless the value has the identifier form above. */
  public InterventionId {
    Check.orThrow(Check.identifier("interventionId", value));
  }

  /**
   * Creates the identifier.
   *
   * <pre>{@code InterventionId id = InterventionId.of("I-1"); }</pre>
   *
   * @param value 1 to 64 letters, digits or {@code - _ . : /}
   * @return the identifier
   * @throws org.casemgmt.InvalidInputException if the value is missing, blank, too long or malformed
   */
  public static InterventionId of(String value) {
    return new InterventionId(value);
  }

  /** Orders by value; a missing {@code other} is refused with an {@link org.casemgmt.InvalidInputException}. */
  @Override
  public int compareTo(InterventionId other) {
    return value.compareTo(Check.notNull(other, "other").value);
  }

  @Override
  public String toString() {
    return value;
  }
}
