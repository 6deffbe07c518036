package org.casemgmt.resource;

import org.casemgmt.FreeText;
import org.casemgmt.internal.Check;
import org.casemgmt.need.LifeDomain;

/**
 * One of the client's own capacities. Assessment looks at strengths and residual capacities, not only at
 * deficits (seeds 001, 004). The description is free text and redacted in {@link #toString()}.
 *
 * @param domain      the life domain the strength belongs to
 * @param description what the person can do (free text, redacted in {@code toString})
 */
public record Strength(LifeDomain domain, FreeText description) {

  /** Throws {@link org.casemgmt.InvalidInputException} if a field is missing or the description blank or too long. */
  public Strength {
    Check.orThrow(Check.present("domain", domain), Check.freeText("description", description));
  }

  /**
   * Creates a strength, its description given as a plain string.
   *
   * @param domain      the life domain the strength belongs to
   * @param description what the person can do; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH}
   *                    characters
   * @return the strength, its description held as {@link FreeText}
   * @throws org.casemgmt.InvalidInputException if a field is missing, blank or too long
   */
  public static Strength of(LifeDomain domain, String description) {
    return new Strength(domain, Check.freeText(description));
  }

  /**
   * A strength, as recorded.
   *
   * @param domain      its life domain
   * @param description what the person can do
   * @return the strength as given
   * @throws org.casemgmt.InvalidInputException if a field is missing
   */
  public static Strength of(LifeDomain domain, FreeText description) {
    return new Strength(domain, description);
  }
}
