package org.casemgmt.fhir;

import org.casemgmt.internal.Check;

/**
 * A coded value as HL7 FHIR writes it (a {@code Coding}): the code system's URI, the code, and the code
 * system's own display text. casemgmt depends on no FHIR library; an application copies these three strings
 * into whatever FHIR model it uses ({@code new Coding(c.system(), c.code(), c.display())} in HAPI, say).
 *
 * <pre>{@code
 * FhirCode status = FhirCodes.goalAchievementStatus(GoalAchievement.ACHIEVED);
 * status.system();  // "http://terminology.hl7.org/CodeSystem/goal-achievement"
 * status.code();    // "achieved"
 * }</pre>
 *
 * @param system  the code system's canonical URI
 * @param code    the code, as the code system spells it
 * @param display the code system's display text for the code
 */
public record FhirCode(String system, String code, String display) {

  /** Throws {@link org.casemgmt.InvalidInputException} if a part is missing, blank or longer than 200 characters. */
  public FhirCode {
    Check.orThrow(Check.text("system", system, Check.SHORT_TEXT), Check.text("code", code, Check.SHORT_TEXT),
        Check.text("display", display, Check.SHORT_TEXT));
  }

  /**
   * Creates a code, e.g. for a status the library does not map.
   *
   * @param system  the code system's canonical URI
   * @param code    the code, as the code system spells it
   * @param display the code system's display text for the code
   * @return the code; each part not blank and at most 200 characters
   * @throws org.casemgmt.InvalidInputException if a part is missing, blank or too long
   */
  public static FhirCode of(String system, String code, String display) {
    return new FhirCode(system, code, display);
  }
}
