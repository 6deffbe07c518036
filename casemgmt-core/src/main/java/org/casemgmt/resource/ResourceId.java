package org.casemgmt.resource;

import org.casemgmt.internal.Check;

/**
 * Identifies a resource (a source of help around the client) within one case file. Identifiers come from the embedding application (casemgmt generates none, so that the
 * same commands always give the same events); they are safe to log.
 *
 * @param value 1 to 64 letters, digits or {@code - _ . : /}
 */
public record ResourceId(String value) implements Comparable<ResourceId> {

  /** Throws {@link org.casemgmt.InvalidInputException} unless the value has the identifier form above. */
  public ResourceId {
    Check.orThrow(Check.identifier("resourceId", value));
  }

  /**
   * Creates the identifier.
   *
   * <pre>{@code ResourceId id = ResourceId.of("R-1"); }</pre>
   *
   * @param value 1 to 64 letters, digits or {@code - _ . : /}
   * @return the identifier
   * @throws org.casemgmt.InvalidInputException if the value is missing, blank, too long or malformed
   */
  public static ResourceId of(String value) {
    return new ResourceId(value);
  }

  /** Orders by value; a missing {@code other} is refused with an {@link org.casemgmt.InvalidInputException}. */
  @Override
  public int compareTo(ResourceId other) {
    return value.compareTo(Check.notNull(other, "other").value);
  }

  @Override
  public String toString() {
    return value;
  }
}
