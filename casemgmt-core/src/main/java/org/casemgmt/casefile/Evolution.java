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
   * referral, or a plan event before planning started — so it cannot follow the state it is applied to: the
   * history is not one that {@code decide} produced.
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
  static Either<InvalidHistory, CaseFile> replayTrusted(Seq<RecordedEvent> history) {
    RecordedEvent first = history.head();
    CaseFile state = opened(first.sequence(), first.at(), (CaseOpened) first.event());
    for (RecordedEvent event : history.tail()) {
      try {
        state = apply(state, event);
      } catch (Inconsistent e) {
        return Either.left(new InvalidHistory(InvalidHistory.Problem.INCONSISTENT, event.sequence(), e.getMessage()));
      }
    }
    return Either.right(state);
  }

  /** The case file a {@link CaseOpened} event starts, in the table's initial phase. */
  static CaseFile opened(long version, Instant at, CaseOpened e) {
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
        .build();
    return new CaseFile(version, at, e.openedOn(), PhaseTable.initial(), false, false, EntityMap.empty(), null,
        EntityMap.empty(), null, details);
  }

  /** Applies one recorded event that follows {@code state}. */
  static CaseFile apply(CaseFile state, RecordedEvent recorded) {
    return apply(state, recorded.sequence(), recorded.at(), recorded.event());
  }

  /**
   * Applies the event numbered {@code v}, recorded at {@code at}, that follows {@code s}. The checks are ordered
   * roughly by how often the events occur in a case's life.
   */
  static CaseFile apply(CaseFile s, long v, Instant at, CaseEvent event) {
    // Implementation and planning.
    if (event instanceof InterventionStarted e) {
      return s.withPlan(v, plan(s).withUpdatedIntervention(intervention(s, e.intervention()).started(e.on())));
    }
    if (event instanceof InterventionPlanned e) {
      return s.withPlan(v, s.phase(), plan(s).withNewIntervention(e.intervention()), withProvider(s, e.provider()));
    }
    if (event instanceof ReviewRecorded e) {
      return afterReview(s, v, e.on(), e.decision());
    }
    if (event instanceof GoalAdded e) {
      return s.withPlan(v, plan(s).withGoal(e.goal()));
    }
    if (event instanceof InterventionCompleted e) {
      return s.withPlan(v,
          plan(s).withUpdatedIntervention(intervention(s, e.intervention()).ended(InterventionStatus.COMPLETED, e.on())));
    }
    if (event instanceof InterventionCancelled e) {
      Intervention cancelled = intervention(s, e.intervention()).ended(InterventionStatus.CANCELLED, e.on());
      return s.withPlan(v, plan(s).withCancelledIntervention(cancelled));
    }
    if (event instanceof InterventionSuspended e) {
      return s.withPlan(v,
          plan(s).withUpdatedIntervention(intervention(s, e.intervention()).withStatus(InterventionStatus.SUSPENDED)));
    }
    if (event instanceof InterventionResumed e) {
      return s.withPlan(v,
          plan(s).withUpdatedIntervention(intervention(s, e.intervention()).withStatus(InterventionStatus.ACTIVE)));
    }
    if (event instanceof PlanAgreed e) {
      return s.withPlan(v, plan(s).agreed(e.agreedOn()));
    }
    if (event instanceof PlanApproved e) {
      PlanVersion plan = plan(s);
      return s.withPlan(v, plan.approved(e.approvedOn()).withGoals(plan.goalMap().mapValues(
          g -> g.lifecycle() == GoalLifecycle.PROPOSED ? g.withLifecycle(GoalLifecycle.ACTIVE) : g)));
    }
    if (event instanceof NeedDeferred e) {
      return s.withPlan(v, plan(s).withDeferral(e.need(), e.reason()));
    }
    if (event instanceof BudgetCapSet e) {
      return s.withPlan(v, plan(s).withBudgetCap(e.cap()));
    }
    if (event instanceof ParticipantAdded e) {
      return s.withPlan(v, plan(s).withParticipant(e.participant()));
    }
    if (event instanceof PlanningStarted e) {
      PlanVersion current = s.planOrNull();
      return current == null
          ? s.withPlan(v, Phase.PLANNING, PlanVersion.first(e.period(), e.coverageThreshold()), s.providerMap())
          : withNextPlanVersion(s, v, current.next(e.period(), e.coverageThreshold()));
    }
    if (event instanceof ImplementationStarted) {
      return s.withPhase(v, Phase.IMPLEMENTATION);
    }
    // Monitoring and evaluation.
    if (event instanceof EvaluationStarted) {
      return s.withPhase(v, Phase.EVALUATION);
    }
    if (event instanceof OutcomeRecorded e) {
      PlanVersion plan = plan(s);
      Goal goal = plan.goalMap().get(e.goal());
      if (goal == null) {
        throw missing(e.goal());
      }
      return s.withPlan(v, plan.withGoals(plan.goalMap().put(goal.id(), goal.evaluated(e.achievement()))));
    }
    if (event instanceof ReplanningStarted) {
      return withNextPlanVersion(s, v);
    }
    // Assessment.
    if (event instanceof AssessmentStarted) {
      return s.withPhase(v, Phase.ASSESSMENT);
    }
    if (event instanceof NeedRecorded e) {
      return s.withNeeds(v, s.needMap().put(e.need().id(), e.need()));
    }
    if (event instanceof AssessmentCompleted) {
      return s.withAssessment(v, s.phase(), true);
    }
    if (event instanceof NeedRevised e) {
      return s.withNeeds(v, s.needMap().put(e.need(), need(s, e.need()).revised(e.description(), e.priority())));
    }
    if (event instanceof NeedWithdrawn e) {
      return s.withNeeds(v, s.needMap().put(e.need(), need(s, e.need()).withdrawn()));
    }
    if (event instanceof StrengthRecorded e) {
      CaseDetails d = s.details();
      return s.withDetails(v, ImmutableCaseDetails.copyOf(d).withStrengths(d.strengths().append(e.strength())));
    }
    if (event instanceof ResourceRecorded e) {
      CaseDetails d = s.details();
      return s.withDetails(v,
          ImmutableCaseDetails.copyOf(d).withResources(d.resources().put(e.resource().id(), e.resource())));
    }
    // Referrals.
    if (event instanceof ReferralRequested e) {
      CaseDetails d = s.details();
      return s.withDetails(v,
          ImmutableCaseDetails.copyOf(d).withReferrals(d.referrals().put(e.referral().id(), e.referral())));
    }
    if (event instanceof ReferralAccepted e) {
      return withReferral(s, v, referral(s, e.referral()).accepted(e.on()));
    }
    if (event instanceof ReferralDeclined e) {
      return withReferral(s, v, referral(s, e.referral()).declined(e.on(), e.reason()));
    }
    if (event instanceof ReferralCompleted e) {
      return withReferral(s, v, referral(s, e.referral()).completed(e.on(), e.successful(), e.reason()));
    }
    // The whole case.
    if (event instanceof CaseClosed e) {
      return closed(s, v, at, e);
    }
    if (event instanceof CaseHandedOver e) {
      return s.withDetails(v, ImmutableCaseDetails.copyOf(s.details()).withCaseManager(e.to()));
    }
    if (event instanceof ScopeExtended e) {
      CaseDetails d = s.details();
      return s.withDetails(v, ImmutableCaseDetails.copyOf(d).withScope(d.scope().addAll(e.domains())));
    }
    if (event instanceof CaseSuspended) {
      return s.withSuspended(v, true);
    }
    if (event instanceof CaseResumed) {
      return s.withSuspended(v, false);
    }
    if (event instanceof CaseReopened) {
      CaseDetails reopened = ImmutableCaseDetails.copyOf(s.details())
          .withClosure(Option.none())
          .withClosingReport(Option.none());
      return s.with(v, Phase.ASSESSMENT, s.suspended(), false, s.planOrNull(), reopened);
    }
    if (event instanceof CaseOpened) {
      throw new IllegalArgumentException("CaseOpened can only be the first event of a case");
    }
    throw new IllegalArgumentException("unknown event type " + event.getClass().getName());
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
    return s.with(v, Phase.CLOSED, false, s.assessmentCompleted(), ended, closedDetails);
  }

  /** A monitoring review: its day is kept and its decision sets where the case goes next. */
  private static CaseFile afterReview(CaseFile s, long v, LocalDate on, ReviewDecision decision) {
    return switch (decision) {
      case CONTINUE -> s.withReview(v, Phase.MONITORING, s.assessmentCompleted(), on);
      case ADJUST_PLAN -> withNextPlanVersion(s.withReview(v, s.phase(), s.assessmentCompleted(), on), v);
      case REASSESS -> s.withReview(v, Phase.ASSESSMENT, false, on);
      case PROCEED_TO_EVALUATION -> s.withReview(v, Phase.EVALUATION, s.assessmentCompleted(), on);
    };
  }

  /** Planning again with the same period and threshold. */
  private static CaseFile withNextPlanVersion(CaseFile s, long v) {
    PlanVersion current = plan(s);
    return withNextPlanVersion(s, v, current.next(current.period(), current.coverageThreshold()));
  }

  /** Planning again: the current version is kept, unchanged, among the superseded ones. */
  private static CaseFile withNextPlanVersion(CaseFile s, long v, PlanVersion next) {
    CaseDetails d = s.details();
    CaseDetails details = ImmutableCaseDetails.copyOf(d).withSupersededPlans(d.supersededPlans().prepend(plan(s)));
    return s.with(v, Phase.PLANNING, s.suspended(), s.assessmentCompleted(), next, details);
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

  private static CaseFile withReferral(CaseFile s, long v, Referral referral) {
    CaseDetails d = s.details();
    return s.withDetails(v, ImmutableCaseDetails.copyOf(d).withReferrals(d.referrals().put(referral.id(), referral)));
  }

  private static Inconsistent missing(Object id) {
    return new Inconsistent("event refers to " + id + ", which is not on the case file at that point");
  }
}
