package org.casemgmt.casefile;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.casefile.CaseEvent.*;
import org.casemgmt.internal.EntityMap;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.party.FormerMember;
import org.casemgmt.party.TeamMember;
import org.casemgmt.party.TeamRole;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalLifecycle;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.Resource;

/**
 * {@code evolve(state, event) -> state}: applies a fact. Nothing here checks a rule — every rule was
 * checked by {@link CaseRules} before the event existed — and nothing here can fail for an event that
 * {@code decide} produced. The sequence and case of each event are checked by the callers.
 *
 * <p>Each event yields one new {@link CaseFile}; the common ones change only the attributes the case file
 * holds itself and share its {@link CaseDetails}.
 */
final class Evolution {

  private Evolution() {}

  /**
   * An event refers to what the case file does not hold at that point — an unknown need, goal, intervention or
   * referral, or a plan event before planning started — or moves the case where the phase table does not lead, so
   * it cannot follow the state it is applied to: the history is not one that {@code decide} produced.
   */
  static final class Inconsistent extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    Inconsistent(String message) {
      super(message);
    }
  }

  /**
   * Rebuilds a case from a history already checked for sequence and case; a history whose events do not follow
   * one another is answered as {@link InvalidHistory.Problem#INCONSISTENT}, at the first such event.
   */
  static Either<InvalidHistory, CaseFile> replayTrusted(Seq<RecordedEvent> history, Permissions permissions) {
    RecordedEvent first = history.head();
    // One transient case file takes every event (see CaseFile.draft); a history that does not follow is dropped.
    CaseFile state = opened(first.sequence(), first.at(), (CaseOpened) first.event(), permissions).draft();
    for (RecordedEvent event : history.tail()) {
      try {
        state = apply(state, event);
      } catch (Inconsistent e) {
        return Either.left(InvalidHistory.inconsistent(event.sequence(), event.event().kind(), e.getMessage()));
      }
    }
    return Either.right(state.freeze());
  }

  /** The case file a {@link CaseOpened} event starts, in the table's initial phase. */
  static CaseFile opened(long version, Instant at, CaseOpened e) {
    return opened(version, at, e, Permissions.socialServices());
  }

  /** As above, following a permission table of the organisation's own. */
  static CaseFile opened(long version, Instant at, CaseOpened e, Permissions permissions) {
    CaseDetails details = ImmutableCaseDetails.builder()
        .id(e.caseId())
        .client(e.client())
        .caseManager(e.caseManager())
        .scope(e.scope())
        .strengths(List.empty())
        .resources(HashMap.empty())
        .supersededPlans(List.empty())
        .closure(Option.none())
        .closingReport(Option.none())
        .referrals(HashMap.empty())
        .team(HashMap.empty())
        .formerMembers(List.empty())
        .permissions(permissions)
        .consents(HashMap.empty())
        .countersignatures(HashMap.empty())
        .build();
    return CaseFile.opened(version, at, e.openedOn(), PhaseTable.initial(), details);
  }

  /** Applies one recorded event that follows {@code state}. */
  static CaseFile apply(CaseFile state, RecordedEvent recorded) {
    return apply(state, recorded.sequence(), recorded.at(), recorded.event());
  }

  /**
   * Applies the event numbered {@code v}, recorded at {@code at}, that follows {@code s}. One exhaustive
   * {@code switch} over {@link EventKind}: an event type added without a case here does not compile. A phase an
   * event moves the case to comes from {@link PhaseTable}, never restated here.
   */
  static CaseFile apply(CaseFile s, long v, Instant at, CaseEvent event) {
    return apply(s, v, at, event, event.kind());
  }

  /** As above, for a caller that knows the event's kind already (handle does: one command kind, one event kind). */
  static CaseFile apply(CaseFile s, long v, Instant at, CaseEvent event, EventKind kind) {
    return switch (kind) {
      // Implementation and planning, the most frequent.
      case INTERVENTION_STARTED -> {
        InterventionStarted e = (InterventionStarted) event;
        yield s.withPlan(v, at, plan(s).withUpdatedIntervention(intervention(s, e.intervention()).started(e.on())));
      }
      case INTERVENTION_PLANNED -> {
        InterventionPlanned e = (InterventionPlanned) event;
        yield s.withPlan(v, at, plan(s).withNewIntervention(e.intervention()), withProvider(s, e.provider()));
      }
      case REVIEW_RECORDED -> {
        ReviewRecorded e = (ReviewRecorded) event;
        yield afterReview(s, v, at, e.on(), e.decision());
      }
      case GOAL_ADDED -> s.withPlan(v, at, plan(s).withGoal(((GoalAdded) event).goal()));
      case INTERVENTION_COMPLETED -> {
        InterventionCompleted e = (InterventionCompleted) event;
        yield s.withPlan(v, at, plan(s).withUpdatedIntervention(
            intervention(s, e.intervention()).ended(InterventionStatus.COMPLETED, e.on())));
      }
      case INTERVENTION_CANCELLED -> {
        InterventionCancelled e = (InterventionCancelled) event;
        Intervention cancelled = intervention(s, e.intervention()).ended(InterventionStatus.CANCELLED, e.on());
        yield s.withPlan(v, at, plan(s).withCancelledIntervention(cancelled));
      }
      case INTERVENTION_SUSPENDED -> s.withPlan(v, at, plan(s).withUpdatedIntervention(
          intervention(s, ((InterventionSuspended) event).intervention()).withStatus(InterventionStatus.SUSPENDED)));
      case INTERVENTION_RESUMED -> s.withPlan(v, at, plan(s).withUpdatedIntervention(
          intervention(s, ((InterventionResumed) event).intervention()).withStatus(InterventionStatus.ACTIVE)));
      case PLAN_AGREED -> s.withPlan(v, at, plan(s).agreed(((PlanAgreed) event).agreedOn()));
      case PLAN_APPROVED -> {
        PlanVersion plan = plan(s);
        yield s.withPlan(v, at, plan.approved(((PlanApproved) event).approvedOn()).withGoals(plan.goalMap().mapValues(
            g -> g.lifecycle() == GoalLifecycle.PROPOSED ? g.withLifecycle(GoalLifecycle.ACTIVE) : g)));
      }
      case NEED_DEFERRED -> {
        NeedDeferred e = (NeedDeferred) event;
        yield s.withPlan(v, at, plan(s).withDeferral(e.need(), e.reason()));
      }
      case BUDGET_CAP_SET -> s.withPlan(v, at, plan(s).withBudgetCap(((BudgetCapSet) event).cap()));
      case PARTICIPANT_ADDED ->
          s.withPlan(v, at, plan(s).withParticipant(((ParticipantAdded) event).participant()));
      case PLANNING_STARTED -> {
        PlanningStarted e = (PlanningStarted) event;
        Phase to = target(s, EventKind.PLANNING_STARTED);
        PlanVersion current = s.planOrNull();
        yield current == null
            ? s.withFirstPlan(v, at, to, PlanVersion.first(e.period(), e.coverageThreshold()))
            : withNextPlanVersion(s, v, at, to, current.next(e.period(), e.coverageThreshold()));
      }
      case IMPLEMENTATION_STARTED -> s.withPhase(v, at, target(s, EventKind.IMPLEMENTATION_STARTED));
      // Monitoring and evaluation.
      case EVALUATION_STARTED -> s.withPhase(v, at, target(s, EventKind.EVALUATION_STARTED));
      case OUTCOME_RECORDED -> {
        OutcomeRecorded e = (OutcomeRecorded) event;
        PlanVersion plan = plan(s);
        Goal goal = plan.goalMap().get(e.goal());
        if (goal == null) {
          throw missing(e.goal());
        }
        yield s.withPlan(v, at, plan.withGoals(plan.goalMap().put(goal.id(), goal.evaluated(e.achievement()))));
      }
      case REPLANNING_STARTED -> {
        PlanVersion current = plan(s);
        DayWindow period = ((ReplanningStarted) event).period().getOrElse(current.period());
        yield withNextPlanVersion(s, v, at, target(s, EventKind.REPLANNING_STARTED),
            current.next(period, current.coverageThreshold()));
      }
      // Assessment.
      case ASSESSMENT_STARTED -> s.withPhase(v, at, target(s, EventKind.ASSESSMENT_STARTED));
      case NEED_RECORDED -> {
        Need need = ((NeedRecorded) event).need();
        yield s.withNeeds(v, at, s.needMap().put(need.id(), need));
      }
      case ASSESSMENT_COMPLETED -> s.withAssessmentCompleted(v, at);
      case NEED_REVISED -> {
        NeedRevised e = (NeedRevised) event;
        Need revised = need(s, e.need()).revised(e.description(), e.priority());
        yield s.withNeeds(v, at, s.needMap().put(e.need(), revised));
      }
      case NEED_WITHDRAWN -> {
        NeedId id = ((NeedWithdrawn) event).need();
        yield s.withNeeds(v, at, s.needMap().put(id, need(s, id).withdrawn()));
      }
      case STRENGTH_RECORDED -> {
        CaseDetails d = s.details();
        yield s.withDetails(v, at, ImmutableCaseDetails.copyOf(d)
            .withStrengths(d.strengths().append(((StrengthRecorded) event).strength())));
      }
      case RESOURCE_RECORDED -> {
        Resource resource = ((ResourceRecorded) event).resource();
        CaseDetails d = s.details();
        yield s.withDetails(v, at, ImmutableCaseDetails.copyOf(d).withResources(d.resources().put(resource.id(), resource)));
      }
      // Referrals.
      case REFERRAL_REQUESTED -> {
        Referral referral = ((ReferralRequested) event).referral();
        CaseDetails d = s.details();
        yield s.withDetails(v, at, ImmutableCaseDetails.copyOf(d).withReferrals(d.referrals().put(referral.id(), referral)));
      }
      case REFERRAL_ACCEPTED -> {
        ReferralAccepted e = (ReferralAccepted) event;
        yield withReferral(s, v, at, referral(s, e.referral()).accepted(e.on()));
      }
      case REFERRAL_DECLINED -> {
        ReferralDeclined e = (ReferralDeclined) event;
        yield withReferral(s, v, at, referral(s, e.referral()).declined(e.on(), e.reason()));
      }
      case REFERRAL_COMPLETED -> {
        ReferralCompleted e = (ReferralCompleted) event;
        yield withReferral(s, v, at, referral(s, e.referral()).completed(e.on(), e.successful(), e.reason()));
      }
      // The whole case.
      case CASE_CLOSED -> closed(s, v, at, (CaseClosed) event);
      case CASE_HANDED_OVER -> {
        CaseHandedOver e = (CaseHandedOver) event;
        CaseDetails d = s.details();
        // The old manager stays on record; a member who takes over holds the case now, not a team role.
        yield s.withDetails(v, at, ImmutableCaseDetails.copyOf(d).withCaseManager(e.to())
            .withTeam(d.team().remove(e.to()))
            .withFormerMembers(d.formerMembers().append(
                new FormerMember(e.from(), TeamRole.CASE_MANAGER, Option.none(), at))));
      }
      case TEAM_MEMBER_JOINED -> {
        TeamMember member = ((TeamMemberJoined) event).member();
        CaseDetails d = s.details();
        yield s.withDetails(v, at, ImmutableCaseDetails.copyOf(d).withTeam(d.team().put(member.staff(), member)));
      }
      case COUNTERSIGNED -> {
        Countersigned e = (Countersigned) event;
        CaseDetails d = s.details();
        Option<PlanVersion> signed = e.what() == CommandKind.APPROVE_PLAN ? Option.some(plan(s)) : Option.none();
        yield s.withDetails(v, at, ImmutableCaseDetails.copyOf(d).withCountersignatures(
            d.countersignatures().put(e.what(), new Countersignature(e.by(), v, signed))));
      }
      case CONSENT_GRANTED -> {
        ConsentGranted e = (ConsentGranted) event;
        CaseDetails d = s.details();
        yield s.withDetails(v, at, ImmutableCaseDetails.copyOf(d).withConsents(d.consents().put(e.provider(),
            d.consents().get(e.provider()).getOrElse(io.vavr.collection.HashSet.empty()).addAll(e.domains()))));
      }
      case CONSENT_WITHDRAWN -> {
        ConsentWithdrawn e = (ConsentWithdrawn) event;
        CaseDetails d = s.details();
        io.vavr.collection.Set<org.casemgmt.need.LifeDomain> left =
            d.consents().get(e.provider()).getOrElse(io.vavr.collection.HashSet.empty()).removeAll(e.domains());
        yield s.withDetails(v, at, ImmutableCaseDetails.copyOf(d).withConsents(left.isEmpty()
            ? d.consents().remove(e.provider()) : d.consents().put(e.provider(), left)));
      }
      case TEAM_MEMBER_LEFT -> {
        TeamMemberLeft e = (TeamMemberLeft) event;
        CaseDetails d = s.details();
        TeamMember member = d.team().get(e.member())
            .getOrElseThrow(() -> new Inconsistent(e.member() + " leaves a team they are not on"));
        yield s.withDetails(v, at, ImmutableCaseDetails.copyOf(d).withTeam(d.team().remove(e.member()))
            .withFormerMembers(d.formerMembers().append(
                new FormerMember(member.staff(), member.role(), member.provider(), at))));
      }
      case SCOPE_EXTENDED -> {
        CaseDetails d = s.details();
        yield s.withDetails(v, at, ImmutableCaseDetails.copyOf(d).withScope(d.scope().addAll(((ScopeExtended) event).domains())));
      }
      case CASE_SUSPENDED -> s.withSuspended(v, at, true);
      case CASE_RESUMED -> s.withSuspended(v, at, false);
      case CASE_REOPENED -> {
        CaseDetails reopened = ImmutableCaseDetails.copyOf(s.details())
            .withClosure(Option.none())
            .withClosingReport(Option.none());
        yield s.reopened(v, at, target(s, EventKind.CASE_REOPENED), reopened);
      }
      case CASE_OPENED -> throw new Inconsistent("CaseOpened can only be the first event of a case");
    };
  }

  /**
   * The one phase the table leads to from the case's phase by the command that records this kind of event; a
   * history where the table leads nowhere from there (or not to one phase) does not follow its state.
   */
  private static Phase target(CaseFile s, EventKind kind) {
    Phase to = PhaseTable.onlyTarget(s.phase(), kind.command());
    if (to == null) {
      throw new Inconsistent(kind + " cannot follow a case in " + s.phase());
    }
    return to;
  }

  /**
   * Closing ends the open work on the closing day — interventions not yet over are cancelled, pending
   * referrals withdrawn — and then draws the closing report from the case as it stands, in its last phase.
   */
  private static CaseFile closed(CaseFile s, long v, Instant at, CaseClosed e) {
    PlanVersion plan = s.planOrNull();
    PlanVersion ended = plan == null ? null : plan.withOpenWorkCancelled(e.closedOn());
    CaseDetails d = s.details();
    Map<ReferralId, Referral> referrals = d.referrals();
    if (referrals.valuesIterator().exists(r -> r.status().isPending())) {
      referrals = referrals.mapValues(r -> r.status().isPending() ? r.withdrawn(e.closedOn()) : r);
    }
    ClosingReport report =
        ClosingReport.of(ended, s.phase(), referrals.size(), e.reason(), at, e.closedOn(), e.note());
    CaseDetails closedDetails = ImmutableCaseDetails.builder().from(d)
        .referrals(referrals)
        .closure(Option.some(e.reason()))
        .closingReport(Option.some(report))
        .build();
    return s.closed(v, at, target(s, EventKind.CASE_CLOSED), ended, closedDetails);
  }

  /**
   * A monitoring review: its day is kept and its decision picks where the case goes next, among the targets the
   * table gives a review ({@link PhaseTable#afterReview}).
   */
  private static CaseFile afterReview(CaseFile s, long v, Instant at, LocalDate on, ReviewDecision decision) {
    Phase to = PhaseTable.afterReview(decision);
    if (!PhaseTable.leadsTo(s.phase(), CommandKind.RECORD_REVIEW, to)) {
      throw new Inconsistent("a review cannot move a case from " + s.phase() + " to " + to);
    }
    return switch (decision) {
      case CONTINUE, PROCEED_TO_EVALUATION -> s.withReview(v, at, to, s.assessmentCompleted(), on);
      case ADJUST_PLAN -> withNextPlanVersion(s.withReview(v, at, s.phase(), s.assessmentCompleted(), on), v, at, to);
      // New needs: the assessment is open again.
      case REASSESS -> s.withReview(v, at, to, false, on);
    };
  }

  /** Planning again with the same period and threshold. */
  private static CaseFile withNextPlanVersion(CaseFile s, long v, Instant at, Phase to) {
    PlanVersion current = plan(s);
    return withNextPlanVersion(s, v, at, to, current.next(current.period(), current.coverageThreshold()));
  }

  /** Planning again: the current version is kept, unchanged, among the superseded ones. */
  private static CaseFile withNextPlanVersion(CaseFile s, long v, Instant at, Phase to, PlanVersion next) {
    CaseDetails d = s.details();
    CaseDetails details = ImmutableCaseDetails.copyOf(d).withSupersededPlans(d.supersededPlans().prepend(plan(s)));
    return s.withNextPlan(v, at, to, next, details);
  }

  /** The providers with this one as it is now; unchanged (no copy) when the same provider is already known. */
  private static EntityMap<ProviderId, Provider> withProvider(CaseFile s, Provider provider) {
    EntityMap<ProviderId, Provider> providers = s.providerMap();
    Provider known = providers.get(provider.id());
    return known == provider || known != null && provider.equals(known) ? providers
        : providers.put(provider.id(), provider);
  }

  private static PlanVersion plan(CaseFile s) {
    PlanVersion plan = s.planOrNull();
    if (plan == null) {
      throw new Inconsistent("no plan yet: a plan event before planning started");
    }
    return plan;
  }

  private static Intervention intervention(CaseFile s, InterventionId id) {
    Intervention intervention = plan(s).interventionMap().get(id);
    if (intervention == null) {
      throw missing(id);
    }
    return intervention;
  }

  private static Need need(CaseFile s, NeedId id) {
    Need need = s.needMap().get(id);
    if (need == null) {
      throw missing(id);
    }
    return need;
  }

  private static Referral referral(CaseFile s, ReferralId id) {
    Referral referral = s.referrals().getOrElse(id, null);
    if (referral == null) {
      throw missing(id);
    }
    return referral;
  }

  private static CaseFile withReferral(CaseFile s, long v, Instant at, Referral referral) {
    CaseDetails d = s.details();
    return s.withDetails(v, at, ImmutableCaseDetails.copyOf(d).withReferrals(d.referrals().put(referral.id(), referral)));
  }

  private static Inconsistent missing(Object id) {
    return new Inconsistent("event refers to " + id + ", which is not on the case file at that point");
  }
}
