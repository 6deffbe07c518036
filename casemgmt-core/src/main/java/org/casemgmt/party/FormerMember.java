package org.casemgmt.party;

import io.vavr.control.Option;
import java.time.Instant;
import org.casemgmt.internal.Check;
import org.casemgmt.resource.ProviderId;

/**
 * Someone who was on a case's team and no longer is: a member who left, or a case manager who handed the case
 * over. The team's history stays on record; a former member has no say in the case any more.
 *
 * @param staff    who
 * @param role     the role they had ({@link TeamRole#CASE_MANAGER} for a case manager who handed over)
 * @param provider the provider they spoke for, if a representative
 * @param leftAt   when the event that took them off the team was recorded
 */
public record FormerMember(StaffId staff, TeamRole role, Option<ProviderId> provider, Instant leftAt) {

  /** Throws {@link org.casemgmt.InvalidInputException} if a part is missing. */
  public FormerMember {
    Check.orThrow(Check.present("staff", staff), Check.present("role", role), Check.option("provider", provider),
        Check.instant("leftAt", leftAt));
  }
}
