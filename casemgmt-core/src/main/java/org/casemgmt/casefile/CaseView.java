package org.casemgmt.casefile;

import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import org.casemgmt.InputError;
import org.casemgmt.InvalidInputException;
import org.casemgmt.internal.Check;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.party.Client;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamRole;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.Resource;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.Strength;

/**
 * What one member of the team may see of a case: an immutable copy holding only that, so that an application
 * shows the view and cannot leak the rest by mistake ({@link CaseFile#viewFor(StaffId)}).
 *
 * <ul>
 *   <li>the <b>case manager</b> and a <b>supervisor</b> see the whole case, the client's record included;</li>
 *   <li>a <b>professional</b> of the team (social worker, nurse, educator, psychologist, employment counsellor) sees
 *       the needs, strengths, resources, interventions and referrals, but not the client's record (name, birth
 *       date);</li>
 *   <li>a <b>provider representative</b> sees only their own provider's interventions and referrals, and the needs
 *       they address, within the life domains the client consented to share with that provider — no strengths, no
 *       resources, no client record. An intervention or referral that addresses a need in a domain not shared is
 *       not shown at all; withdrawing consent narrows every later view.</li>
 * </ul>
 *
 * @param caseId        the case
 * @param viewer        who the view is for
 * @param role          their role on the team
 * @param phase         the case's phase
 * @param client        the client's record, for the roles that see it
 * @param needs         the needs the viewer may see, by id
 * @param strengths     the strengths the viewer may see
 * @param resources     the resources the viewer may see, by id
 * @param interventions the interventions of the current plan the viewer may see, by id
 * @param referrals     the referrals the viewer may see, by id
 */
public record CaseView(CaseId caseId, StaffId viewer, TeamRole role, Phase phase, Option<Client> client,
    Map<NeedId, Need> needs, Seq<Strength> strengths, Map<ResourceId, Resource> resources,
    Map<InterventionId, Intervention> interventions, Map<ReferralId, Referral> referrals) {

  /** Throws {@link InvalidInputException} if a part is missing. */
  public CaseView {
    Check.orThrow(Check.present("caseId", caseId), Check.present("viewer", viewer), Check.present("role", role),
        Check.present("phase", phase), Check.option("client", client), Check.present("needs", needs),
        Check.present("strengths", strengths), Check.present("resources", resources),
        Check.present("interventions", interventions), Check.present("referrals", referrals));
  }

  /** The view of a case file for someone on its team, as the class comment says. */
  static CaseView of(CaseFile file, StaffId viewer) {
    TeamRole role = file.roleOf(viewer).getOrElseThrow(() -> new InvalidInputException(io.vavr.collection.List.of(
        new InputError("viewer", InputError.Problem.MALFORMED, "is not on the case's team"))));
    Map<InterventionId, Intervention> interventions = file.currentPlan()
        .map(PlanVersion::interventions).getOrElse(io.vavr.collection.LinkedHashMap.empty());
    switch (role) {
      case CASE_MANAGER, SUPERVISOR -> {
        return new CaseView(file.id(), viewer, role, file.phase(), Option.some(file.client()), file.needs(),
            file.strengths(), file.resources(), interventions, file.referrals());
      }
      case PROVIDER_REPRESENTATIVE -> {
        ProviderId provider = file.team().get(viewer).flatMap(m -> m.provider()).getOrElseThrow(
            () -> new IllegalStateException("a provider representative without a provider"));
        Set<LifeDomain> shared = file.consents().get(provider).getOrElse(io.vavr.collection.HashSet.empty());
        Map<NeedId, Need> all = file.needs();
        Map<InterventionId, Intervention> own = interventions.filter((id, i) -> i.provider().equals(provider)
            && i.needs().forAll(n -> all.get(n).exists(need -> shared.contains(need.domain()))));
        Map<ReferralId, Referral> ownReferrals = file.referrals().filter((id, r) -> r.provider().id().equals(provider)
            && r.needs().forAll(n -> all.get(n).exists(need -> shared.contains(need.domain()))));
        Set<NeedId> addressed = own.values().flatMap(Intervention::needs).toSet()
            .addAll(ownReferrals.values().flatMap(Referral::needs));
        return new CaseView(file.id(), viewer, role, file.phase(), Option.none(),
            all.filterKeys(addressed::contains), io.vavr.collection.List.empty(),
            io.vavr.collection.LinkedHashMap.empty(), own, ownReferrals);
      }
      default -> {
        return new CaseView(file.id(), viewer, role, file.phase(), Option.none(), file.needs(), file.strengths(),
            file.resources(), interventions, file.referrals());
      }
    }
  }
}
