package org.casemgmt.simulation;

import org.casemgmt.internal.Check;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ServiceKind;

/**
 * An intervention a need of this kind typically receives: a kind of service, the provider that delivers it,
 * how long it takes and what it costs. The simulator plans it with a real
 * {@link org.casemgmt.casefile.Command.PlanIntervention}, so the plan's rules (the provider offers the service,
 * no overlap with the same kind for the same need) apply as in real use.
 *
 * <pre>{@code
 * InterventionProfile counselling = new InterventionProfile(ServiceKind.COUNSELLING,
 *     Provider.of(ProviderId.of("P-1"), "Family centre", ResourceType.PUBLIC_SERVICE,
 *         HashSet.of(ServiceKind.COUNSELLING)),
 *     Distribution.exponential(90), Money.of(1200));
 * }</pre>
 *
 * @param service  the kind of service
 * @param provider who delivers it; must offer {@code service}
 * @param duration how long the delivery takes, in days
 * @param cost     the intervention's total cost
 */
public record InterventionProfile(ServiceKind service, Provider provider, Distribution duration, Money cost) {

  /**
   * Throws {@link org.casemgmt.InvalidInputException} if a field is missing or the provider does not offer the
   * service.
   */
  public InterventionProfile {
    Check.orThrow(Check.present("service", service), Check.present("provider", provider),
        Check.present("duration", duration), Check.present("cost", cost));
    Check.orThrow(Inputs.require(provider.offers(service), "provider", "must offer the service"));
  }
}
