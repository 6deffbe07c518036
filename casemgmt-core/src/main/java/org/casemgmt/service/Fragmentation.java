package org.casemgmt.service;

import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.internal.Check;
import org.casemgmt.party.ClientId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.resource.ServiceKind;

/**
 * One client served by open interventions of one kind in more than one open case: the fragmentation case
 * management exists to prevent (one case per person, one plan that coordinates the services). Within one case
 * the planning rules already refuse overlapping interventions; across cases only a view of the whole service
 * can see it.
 *
 * @param client        the client
 * @param service       the kind of service
 * @param interventions the open interventions of that kind, by case (at least two cases), in id order
 */
public record Fragmentation(ClientId client, ServiceKind service, Map<CaseId, Seq<InterventionId>> interventions) {

  /** Throws {@link org.casemgmt.InvalidInputException} if a part is missing. */
  public Fragmentation {
    Check.orThrow(Check.present("client", client), Check.present("service", service),
        Check.entries("interventions", interventions));
  }
}
