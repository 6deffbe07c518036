package org.casemgmt.need;

import org.casemgmt.internal.Check;

/**
 * Identifies a need within one case file. Identifiers come from the embedding application (casemgmt generates none, so that the
 * same commands always give the same events); they are safe to log.
 *
 * @param value 1 to 64 letters, digits or {@code - _ . : /}
 */
public record NeedId(String value) implements Comparable<NeedId> {

  /** Throws {@link org.casemgmt.InvalidInputException} unless the value has the identifier form above. */
  public NeedId {
    Check.orThrow(Check.identifier("needId", value));
  }

  /**
   * Creates the identifier.
   *
   * <pre>{@code NeedId id = NeedId.of("N-1"); }</pre>
   *
   * @param value 1 to 64 letters, digits or {@code - _ . : /}
   * @return the identifier
   * @throws org.casemgmt.InvalidInputException if the value is missing, blank, too long or malformed
   */
  public static NeedId of(String value) {
    return new NeedId(value);
  }

  /** Orders by value; a missing {@code other} is refused with an {@link org.casemgmt.InvalidInputException}. */
  @Override
  public int compareTo(NeedId other) {
    return value.compareTo(Check.notNull(other, "other").value);
  }

  @Override
  public String toString() {
    return value;
  }
}
