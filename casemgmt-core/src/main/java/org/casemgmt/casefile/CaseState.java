package org.casemgmt.casefile;

import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.party.Client;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.Resource;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.Strength;
import org.immutables.value.Value;

/**
 * Everything a case file knows except its version, as one immutable value. {@link CaseFile} pairs it with the
 * version; keeping the version apart means that applying an event copies this value once, not twice.
 * Generated as {@code ImmutableCaseState}, whose builder and withers only {@link Evolution} uses.
 */
@Value.Immutable
@AggregateStyle
abstract class CaseState {

  /** The case's identifier. */
  abstract CaseId id();

  /** When the case was opened (no command may be issued earlier). */
  abstract Instant openedAt();

  /** The day the case was opened (no day given in a command may be earlier). */
  abstract LocalDate openedOn();

  /** The person the case is about. */
  abstract Client client();

  /** The reference person: there is always exactly one. */
  abstract StaffId caseManager();

  /** The life domains the services agreed with the client to deal with. */
  abstract Set<LifeDomain> scope();

  /** Where the case is in the methodology. */
  abstract Phase phase();

  /** Whether the case is suspended (it keeps its phase; only resuming and closing are accepted). */
  abstract boolean suspended();

  /** Whether the current assessment has been concluded. */
  abstract boolean assessmentCompleted();

  /** The needs recorded, by id, withdrawn ones included. */
  abstract Map<NeedId, Need> needs();

  /** The client's own strengths, in the order recorded. */
  abstract Seq<Strength> strengths();

  /** The formal and informal resources around the client, by id. */
  abstract Map<ResourceId, Resource> resources();

  /** The providers of the interventions ever planned, by id. */
  abstract Map<ProviderId, Provider> providers();

  /** The plan version being worked on, once planning has started; null before. */
  abstract @Nullable PlanVersion plan();

  /** The versions the current one replaced, newest first; they never change. */
  abstract List<PlanVersion> supersededPlans();

  /** Why the case was closed, while it is closed. */
  abstract Option<ClosureReason> closure();

  /** The referrals to external providers, by id, whatever their status. */
  abstract Map<ReferralId, Referral> referrals();

  /** The closing report, while the case is closed. */
  abstract Option<ClosingReport> closingReport();

  /** The day of the latest monitoring review, if there was one. */
  abstract Option<LocalDate> lastReviewOn();
}
