package org.casemgmt.party;

import org.casemgmt.internal.Check;

/**
 * Identifies a member of the multi-professional team: a case manager or another operator. Identifiers come from the embedding application (casemgmt generates none, so that the
 * same commands always give the same events); they are safe to log.
 *
 * @param value 1 to 64 letters, digits or {@code - _ . : /}
 */
public record StaffId(String value) implements Comparable<StaffId> {

  /** Throws {@link org.casemgmt.InvalidInputException} unless the value has the identifier form above. */
  public StaffId {
    Check.orThrow(Check.identifier("staffId", value));
  }

  /**
   * Creates the identifier.
   *
   * <pre>{@code StaffId id = StaffId.of("anna"); }</pre>
   *
   * @param value 1 to 64 letters, digits or {@code - _ . : /}
   * @return the identifier
   * @throws org.casemgmt.InvalidInputException if the value is missing, blank, too long or malformed
   */
  public static StaffId of(String value) {
    return new StaffId(value);
  }

  /** Orders by value; a missing {@code other} is refused with an {@link org.casemgmt.InvalidInputException}. */
  @Override
  public int compareTo(StaffId other) {
    return value.compareTo(Check.notNull(other, "other").value);
  }

  @Override
  public String toString() {
    return value;
  }
}
