package org.casemgmt.plan;

import org.casemgmt.FreeText;
import org.casemgmt.internal.Check;

/**
 * Someone who takes part in the plan, with what they commit to. The plan is negotiated, not imposed: the
 * client and the informal carers take on commitments too ("where we will go together", seed 003). Both the
 * reference to the person and the commitment may be personal, so both are redacted in {@link #toString()}.
 *
 * @param role       the part they play
 * @param who        who they are: a staff id, a provider id, or a name (redacted)
 * @param commitment what they commit to (free text, redacted)
 */
public record Participant(ParticipantRole role, FreeText who, FreeText commitment) {

  /** Throws {@link org.casemgmt.InvalidInputException} if the role is missing or a text blank or too long. */
  public Participant {
    Check.orThrow(
        Check.present("role", role),
        Check.freeText("who", who, Check.SHORT_TEXT),
        Check.freeText("commitment", commitment));
  }

  /**
   * Creates a participant from plain strings.
   *
   * @param role       the part they play
   * @param who        a staff id, a provider id, or a name; not blank, at most 200 characters
   * @param commitment what they commit to; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
   * @return the participant, both texts held as {@link FreeText}
   * @throws org.casemgmt.InvalidInputException if a field is missing, blank or too long
   */
  public static Participant of(ParticipantRole role, String who, String commitment) {
    return new Participant(role, Check.freeText(who), Check.freeText(commitment));
  }
}
