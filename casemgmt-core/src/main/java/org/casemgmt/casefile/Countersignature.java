package org.casemgmt.casefile;

import io.vavr.control.Option;
import org.casemgmt.internal.Check;
import org.casemgmt.party.StaffId;

/**
 * A supervisor's countersignature as the case holds it: who signed, at which version of the case, and, for a
 * plan's approval, the plan exactly as it was signed — an approval takes effect only on that very plan, a closure
 * only on the case as it was signed.
 *
 * @param by      the supervisor
 * @param version the case's version right after the signature
 * @param plan    the plan signed, for {@link CommandKind#APPROVE_PLAN}; none for a closure
 */
public record Countersignature(StaffId by, long version, Option<PlanVersion> plan) {

  /** Throws {@link org.casemgmt.InvalidInputException} if a part is missing or the version is below 1. */
  public Countersignature {
    Check.orThrow(Check.present("by", by), Check.atLeast("version", version, 1), Check.option("plan", plan));
  }
}
