package org.casemgmt.plan;

import io.vavr.control.Option;
import org.casemgmt.internal.Check;
import org.casemgmt.need.NeedId;
import org.casemgmt.resource.ServiceKind;

/**
 * A clash between a proposed intervention and one already in the plan: the same kind of service for the
 * same need (or, for an exclusive kind, for the same client) on at least one shared day.
 *
 * @param existing   the intervention already in the plan
 * @param need       the need both address; empty for a clash of an exclusive kind, which ignores needs
 * @param kind       the kind of service both deliver
 * @param sharedDays the days both windows share
 */
public record Overlap(InterventionId existing, Option<NeedId> need, ServiceKind kind, DayWindow sharedDays) {

  /**
   * Creates the overlap, checking that every part is present.
   *
   * @param existing   the intervention already in the plan
   * @param need       the need both address; empty for a clash of an exclusive kind, which ignores needs
   * @param kind       the kind of service both deliver
   * @param sharedDays the days both windows share
   */
  public Overlap {
    Check.orThrow(Check.present("existing", existing), Check.option("need", need), Check.present("kind", kind),
        Check.present("sharedDays", sharedDays));
  }
}
