package org.casemgmt.resource;

import org.casemgmt.internal.Check;

/**
 * Identifies a provider of services, inside the organisation or in the territory. Identifiers come from the embedding application (casemgmt generates none, so that the
 * same commands always give the same events); they are safe to log.
 *
 * @param value 1 to 64 letters, digits or {@code - _ . : /}
 */
public record ProviderId(String value) implements Comparable<ProviderId> {

  /** Throws {@link org.casemgmt.InvalidInputException} unless the value has the identifier form above. */
  public ProviderId {
    Check.orThrow(Check.identifier("providerId", value));
  }

  /**
   * Creates the identifier.
   *
   * <pre>{@code ProviderId id = ProviderId.of("P-101"); }</pre>
   *
   * @param value 1 to 64 letters, digits or {@code - _ . : /}
   * @return the identifier
   * @throws org.casemgmt.InvalidInputException if the value is missing, blank, too long or malformed
   */
  public static ProviderId of(String value) {
    return new ProviderId(value);
  }

  /** Orders by value; a missing {@code other} is refused with an {@link org.casemgmt.InvalidInputException}. */
  @Override
  public int compareTo(ProviderId other) {
    return value.compareTo(Check.notNull(other, "other").value);
  }

  @Override
  public String toString() {
    return value;
  }
}
