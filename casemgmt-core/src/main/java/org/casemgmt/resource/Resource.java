package org.casemgmt.resource;

import org.casemgmt.FreeText;
import org.casemgmt.internal.Check;

/**
 * A source of help around the client recorded during assessment: a caregiver, a neighbour, a service
 * already involved. Planning builds the package of services on these formal and informal resources.
 * The description is free text and redacted in {@link #toString()}.
 *
 * @param id          the resource's identifier within its case
 * @param type        formal or informal, and which kind
 * @param description who or what it is and what it can give (free text, redacted in {@code toString})
 */
public record Resource(ResourceId id, ResourceType type, FreeText description) {

  /** Throws {@link org.casemgmt.InvalidInputException} if a field is missing or the description blank or too long. */
  public Resource {
    Check.orThrow(
        Check.present("id", id),
        Check.present("type", type),
        Check.freeText("description", description));
  }

  /**
   * Creates a resource, its description given as a plain string.
   *
   * @param id          the resource's identifier within its case
   * @param type        formal or informal, and which kind
   * @param description who or what it is; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
   * @return the resource, its description held as {@link FreeText}
   * @throws org.casemgmt.InvalidInputException if a field is missing, blank or too long
   */
  public static Resource of(ResourceId id, ResourceType type, String description) {
    return new Resource(id, type, Check.freeText(description));
  }

  /**
   * A resource, as recorded.
   *
   * @param id          the resource's identifier
   * @param type        formal or informal, and which kind
   * @param description who or what it is
   * @return the resource as given
   * @throws org.casemgmt.InvalidInputException if a field is missing
   */
  public static Resource of(ResourceId id, ResourceType type, FreeText description) {
    return new Resource(id, type, description);
  }
}
