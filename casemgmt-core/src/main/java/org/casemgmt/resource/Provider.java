package org.casemgmt.resource;

import io.vavr.collection.Set;
import org.casemgmt.FreeText;
import org.casemgmt.InputError;
import org.casemgmt.internal.Check;

/**
 * Someone who delivers services to clients: a service of the case manager's own organisation, one in the
 * territory, or an informal helper such as a family caregiver (seed 000). A provider offers a set of
 * service kinds; an intervention may only be planned with a provider for a kind it offers. An informal
 * provider's name is a person's, so the name is redacted in {@link #toString()}.
 *
 * <pre>{@code
 * Provider ngo = Provider.of(ProviderId.of("P-202"), "Casa Aperta", ResourceType.THIRD_SECTOR,
 *     ServiceKind.HOUSING);
 * }</pre>
 *
 * @param id     the provider's identifier
 * @param name   the provider's name (an organisation's or a person's; redacted in {@code toString})
 * @param type   formal or informal, and which kind
 * @param offers the service kinds it delivers, at least one, never one code both exclusive and not
 */
public record Provider(ProviderId id, FreeText name, ResourceType type, Set<ServiceKind> offers) {

  /**
   * Throws {@link org.casemgmt.InvalidInputException} if a field is missing, the name blank or too long, or the offers
   * empty or contradictory.
   */
  public Provider {
    InputError offered = Check.elements("offers", offers, true);
    Check.orThrow(
        Check.present("id", id),
        Check.freeText("name", name, Check.SHORT_TEXT),
        Check.present("type", type),
        // One code, one meaning (see ServiceKind): a provider may not offer a code both exclusive and not.
        offered != null || offers.size() < 2 ? offered : ServiceKind.conflictAmong("offers", offers));
  }

  /**
   * Creates a provider, the name given as a plain string.
   *
   * @param id     the provider's identifier
   * @param name   an organisation's or a person's name; not blank, at most 200 characters
   * @param type   formal or informal, and which kind
   * @param offers the service kinds it delivers, at least one
   * @return the provider, its name held as {@link FreeText}
   * @throws org.casemgmt.InvalidInputException if a field is missing or blank, or it offers nothing, or offers one
   *     code both exclusive and not
   */
  public static Provider of(ProviderId id, String name, ResourceType type, Set<ServiceKind> offers) {
    return new Provider(id, Check.freeText(name), type, offers);
  }

  /**
   * Creates a provider of the kinds of service listed.
   *
   * <pre>{@code
   * Provider centre = Provider.of(ProviderId.of("P-1"), "Community mental health centre",
   *     ResourceType.PUBLIC_SERVICE, ServiceKind.PSYCHOLOGICAL_SUPPORT, ServiceKind.COUNSELLING);
   * }</pre>
   *
   * @param id     the provider's identifier
   * @param name   an organisation's or a person's name; not blank, at most 200 characters
   * @param type   formal or informal, and which kind
   * @param offers the service kinds it delivers, at least one
   * @return the provider, its name held as {@link FreeText}
   * @throws org.casemgmt.InvalidInputException if a field is missing or blank, or it offers nothing
   */
  public static Provider of(ProviderId id, String name, ResourceType type, ServiceKind... offers) {
    return new Provider(id, Check.freeText(name), type, Check.setOf("offers", offers));
  }

  /**
   * Whether the provider delivers the given kind of service.
   *
   * @param kind the kind asked for, compared by code and exclusivity
   * @return true if it is among {@link #offers()}; an intervention or referral needs it
   * @throws org.casemgmt.InvalidInputException if the kind is missing
   */
  public boolean offers(ServiceKind kind) {
    Check.orThrow(Check.present("kind", kind));
    return offers.contains(kind);
  }
}
