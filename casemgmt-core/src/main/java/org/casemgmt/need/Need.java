package org.casemgmt.need;

import org.casemgmt.FreeText;
import org.casemgmt.internal.Check;

/**
 * A need identified during assessment, in one life domain. The description is free text about a
 * vulnerable person and is redacted in {@link #toString()}.
 *
 * <pre>{@code
 * Need housing = Need.of(NeedId.of("N-1"), LifeDomain.HOUSING, "Evicted, sleeping at a friend's",
 *     Priority.URGENT, IdentifiedBy.CLIENT);
 * }</pre>
 *
 * @param id           the need's identifier within its case
 * @param domain       the life domain the need belongs to
 * @param description  what the need is (free text, redacted in {@code toString})
 * @param priority     how urgent it is
 * @param identifiedBy who identified it
 * @param status       open or withdrawn
 */
public record Need(
    NeedId id, LifeDomain domain, FreeText description, Priority priority, IdentifiedBy identifiedBy, NeedStatus status) {

  /** Throws {@link org.casemgmt.InvalidInputException} if a field is missing or the description blank or too long. */
  public Need {
    Check.orThrow(
        Check.present("id", id),
        Check.present("domain", domain),
        Check.freeText("description", description),
        Check.present("priority", priority),
        Check.present("identifiedBy", identifiedBy),
        Check.present("status", status));
  }

  /**
   * Creates an open need, its description given as a plain string.
   *
   * @param id           the need's identifier within its case
   * @param domain       the life domain the need belongs to
   * @param description  what the need is; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
   * @param priority     how urgent it is
   * @param identifiedBy who identified it
   * @return a need in {@link NeedStatus#OPEN}
   * @throws org.casemgmt.InvalidInputException if a field is missing, blank or too long
   */
  public static Need of(NeedId id, LifeDomain domain, String description, Priority priority, IdentifiedBy identifiedBy) {
    return of(id, domain, Check.freeText(description), priority, identifiedBy);
  }

  /**
   * An open need, as recorded.
   *
   * @param id           the need's identifier
   * @param domain       its life domain
   * @param description  what the need is
   * @param priority     how urgent it is
   * @param identifiedBy who identified it
   * @return a need in {@link NeedStatus#OPEN}
   * @throws org.casemgmt.InvalidInputException if a field is missing
   */
  public static Need of(NeedId id, LifeDomain domain, FreeText description, Priority priority,
      IdentifiedBy identifiedBy) {
    return new Need(id, domain, description, priority, identifiedBy, NeedStatus.OPEN);
  }

  /** {@return whether the need is open (taken on and not withdrawn)} */
  public boolean isOpen() {
    return status == NeedStatus.OPEN;
  }

  /**
   * This need with a revised description and priority.
   *
   * @param newDescription what the need is now understood to be (free text, redacted)
   * @param newPriority    how urgent it is now
   * @return a copy with the same id, domain, origin and status
   */
  public Need revised(FreeText newDescription, Priority newPriority) {
    return new Need(id, domain, newDescription, newPriority, identifiedBy, status);
  }

  /** {@return this need, withdrawn} */
  public Need withdrawn() {
    return new Need(id, domain, description, priority, identifiedBy, NeedStatus.WITHDRAWN);
  }
}
