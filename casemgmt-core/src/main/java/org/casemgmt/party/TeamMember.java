package org.casemgmt.party;

import io.vavr.control.Option;
import java.time.LocalDate;
import org.casemgmt.InputError;
import org.casemgmt.internal.Check;
import org.casemgmt.resource.ProviderId;

/**
 * A member of a case's team other than the case manager: who, in which role, for which provider (a provider
 * representative only), since when. Ids, a role and a day: safe to log.
 *
 * <pre>{@code
 * TeamMember nurse = TeamMember.of(StaffId.of("nora"), TeamRole.NURSE, LocalDate.of(2026, 3, 4));
 * TeamMember housing = TeamMember.representing(StaffId.of("hugo"), ProviderId.of("P-HOUSING"), day);
 * }</pre>
 *
 * @param staff    the member
 * @param role     the member's role; never {@link TeamRole#CASE_MANAGER}, which a case gets by being opened or
 *                 handed over
 * @param provider the provider a {@link TeamRole#PROVIDER_REPRESENTATIVE} speaks for; none for every other role
 * @param since    the day the member joined the team
 */
public record TeamMember(StaffId staff, TeamRole role, Option<ProviderId> provider, LocalDate since) {

  /**
   * Throws {@link org.casemgmt.InvalidInputException} if a part is missing, the role is the case manager's, or the
   * provider is missing for a representative or given for another role.
   */
  public TeamMember {
    Check.orThrow(
        Check.present("staff", staff),
        Check.present("role", role),
        Check.option("provider", provider),
        Check.day("since", since),
        role == TeamRole.CASE_MANAGER
            ? new InputError("role", InputError.Problem.MALFORMED,
                "a case manager is named by opening or handing over the case, not by joining its team")
            : null,
        role != null && provider != null && !provider.contains(null) && role.representsProvider() != provider.isDefined()
            ? new InputError("provider", InputError.Problem.MALFORMED,
                "a provider representative names the provider, and only a provider representative does")
            : null);
  }

  /**
   * A member in a professional role (or a supervisor).
   *
   * @param staff the member
   * @param role  the role, not {@link TeamRole#CASE_MANAGER} nor {@link TeamRole#PROVIDER_REPRESENTATIVE}
   * @param since the day the member joins
   * @return the member
   * @throws org.casemgmt.InvalidInputException if a part is missing or the role does not fit
   */
  public static TeamMember of(StaffId staff, TeamRole role, LocalDate since) {
    return new TeamMember(staff, role, Option.none(), since);
  }

  /**
   * A provider representative.
   *
   * @param staff    the member
   * @param provider the provider the member speaks for
   * @param since    the day the member joins
   * @return the member
   * @throws org.casemgmt.InvalidInputException if a part is missing
   */
  public static TeamMember representing(StaffId staff, ProviderId provider, LocalDate since) {
    return new TeamMember(staff, TeamRole.PROVIDER_REPRESENTATIVE, Option.of(provider), since);
  }
}
