package org.casemgmt.party;

import org.casemgmt.internal.Check;

/**
 * Identifies a client (the person the case is about) in the embedding application. Identifiers come from the embedding application (casemgmt generates none, so that the
 * same commands always give the same events); they are safe to log.
 *
 * @param value 1 to 64 letters, digits or {@code - _ . : /}
 */
public record ClientId(String value) implements Comparable<ClientId> {

  /** Throws {@link org.casemgmt.InvalidInputException} unless the value has the identifier form above. */
  public ClientId {
    Check.orThrow(Check.identifier("clientId", value));
  }

  /**
   * Creates the identifier.
   *
   * <pre>{@code ClientId id = ClientId.of("C-1"); }</pre>
   *
   * @param value 1 to 64 letters, digits or {@code - _ . : /}
   * @return the identifier
   * @throws org.casemgmt.InvalidInputException if the value is missing, blank, too long or malformed
   */
  public static ClientId of(String value) {
    return new ClientId(value);
  }

  /** Orders by value; a missing {@code other} is refused with an {@link org.casemgmt.InvalidInputException}. */
  @Override
  public int compareTo(ClientId other) {
    return value.compareTo(Check.notNull(other, "other").value);
  }

  @Override
  public String toString() {
    return value;
  }
}
