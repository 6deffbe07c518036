package org.casemgmt.casefile;

import org.casemgmt.internal.Check;

/**
 * Identifies a case file. Identifiers come from the embedding application (casemgmt generates none, so that the
 * same commands always give the same events); they are safe to log.
 *
 * @param value 1 to 64 letters, digits or {@code - _ . : /}
 */
public record CaseId(String value) implements Comparable<CaseId> {

  /** Throws {@link org.casemgmt.InvalidInputException} unless the value has the identifier form above. */
  public CaseId {
    Check.orThrow(Check.identifier("caseId", value));
  }

  /**
   * Creates the identifier.
   *
   * <pre>{@code CaseId id = CaseId.of("CASE-1"); }</pre>
   *
   * @param value 1 to 64 letters, digits or {@code - _ . : /}
   * @return the identifier
   * @throws org.casemgmt.InvalidInputException if the value is missing, blank, too long or malformed
   */
  public static CaseId of(String value) {
    return new CaseId(value);
  }

  /** Orders by value; a missing {@code other} is refused with an {@link org.casemgmt.InvalidInputException}. */
  @Override
  public int compareTo(CaseId other) {
    return value.compareTo(Check.notNull(other, "other").value);
  }

  @Override
  public String toString() {
    return value;
  }
}
