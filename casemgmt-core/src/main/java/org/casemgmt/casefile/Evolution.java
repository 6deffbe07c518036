package org.casemgmt.casefile;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.casemgmt.casefile.CaseEvent.*;
import java.time.LocalDate;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalLifecycle;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReviewDecision;

/**
 * {@code evolve(state, event) -> state}: applies a fact. Nothing here checks a rule — every rule was
 * checked by {@link CaseRules} before the event existed — and nothing here can fail for an event that
 * {@code decide} produced. The sequence and case of each event are checked by the callers.
 */
final class Evolution {

  private Evolution() {}

  /** Rebuilds a case from a history already checked for sequence and case. */
  static CaseFile replayTrusted(Seq<RecordedEvent> history) {
    CaseFile state = opened(history.head());
    for (RecordedEvent event : history.tail()) {
      state = apply(state, event);
    }
    return state;
  }

  private static CaseFile opened(RecordedEvent recorded) {
    CaseOpened e = (CaseOpened) recorded.event();
    CaseState state = ImmutableCaseState.builder()
        .id(e.caseId())
        .openedAt(recorded.at())
        .openedOn(e.openedOn())
        .client(e.client())
        .caseManager(e.caseManager())
        .scope(e.scope())
        .phase(PhaseTable.initial())
        .suspended(false)
        .assessmentCompleted(false)
        .needs(HashMap.empty())
        .strengths(List.empty())
        .resources(HashMap.empty())
        .providers(HashMap.empty())
        .plan(null)
        .supersededPlans(List.empty())
        .closure(Option.none())
        .closingReport(Option.none())
        .referrals(HashMap.empty())
        .lastReviewOn(Option.none())
        .build();
    return new CaseFile(recorded.sequence(), state);
  }

  /** Applies events that follow {@code state}, as numbered by {@link CaseRules}. */
  static CaseFile applyAll(CaseFile state, Seq<RecordedEvent> events) {
    CaseFile next = state;
    // Walks decide's List without an iterator: this runs for every accepted command.
    for (Seq<RecordedEvent> rest = events; !rest.isEmpty(); rest = rest.tail()) {
      next = apply(next, rest.head());
    }
    return next;
  }

  /** Applies one event that follows {@code state}. */
  static CaseFile apply(CaseFile state, RecordedEvent recorded) {
    ImmutableCaseState s = (ImmutableCaseState) state.state();
    if (recorded.event() instanceof CaseClosed e) {
      // Closing ends the open work; the report is drawn from the case as it stands then, in its last phase.
      s = endOpenWork(s, e.closedOn());
      s = s.withClosingReport(Option.some(ClosingReport.of(s, e.reason(), recorded.at(), e.closedOn(), e.note())));
    }
    return new CaseFile(recorded.sequence(), next(s, recorded.event()));
  }

  private static ImmutableCaseState next(ImmutableCaseState s, CaseEvent event) {
    // Intake and the whole case.
    if (event instanceof CaseHandedOver e) {
      return s.withCaseManager(e.to());
    }
    if (event instanceof ScopeExtended e) {
      return s.withScope(s.scope().addAll(e.domains()));
    }
    if (event instanceof CaseSuspended) {
      return s.withSuspended(true);
    }
    if (event instanceof CaseResumed) {
      return s.withSuspended(false);
    }
    if (event instanceof CaseClosed e) {
      return s.withPhase(Phase.CLOSED).withSuspended(false).withClosure(Option.some(e.reason()));
    }
    if (event instanceof CaseReopened) {
      return s.withPhase(Phase.ASSESSMENT).withClosure(Option.none()).withClosingReport(Option.none())
          .withAssessmentCompleted(false);
    }
    // Assessment.
    if (event instanceof AssessmentStarted) {
      return s.withPhase(Phase.ASSESSMENT);
    }
    if (event instanceof NeedRecorded e) {
      return s.withNeeds(s.needs().put(e.need().id(), e.need()));
    }
    if (event instanceof NeedRevised e) {
      return s.withNeeds(s.needs().computeIfPresent(e.need(), (id, n) -> n.revised(e.description(), e.priority()))._2);
    }
    if (event instanceof NeedWithdrawn e) {
      return s.withNeeds(s.needs().computeIfPresent(e.need(), (id, n) -> n.withdrawn())._2);
    }
    if (event instanceof StrengthRecorded e) {
      return s.withStrengths(s.strengths().append(e.strength()));
    }
    if (event instanceof ResourceRecorded e) {
      return s.withResources(s.resources().put(e.resource().id(), e.resource()));
    }
    if (event instanceof AssessmentCompleted) {
      return s.withAssessmentCompleted(true);
    }
    // Planning.
    if (event instanceof PlanningStarted e) {
      PlanVersion current = s.plan();
      return current == null
          ? s.withPhase(Phase.PLANNING).withPlan(PlanVersion.first(e.period(), e.coverageThreshold()))
          : withNextPlanVersion(s, current.next(e.period(), e.coverageThreshold()));
    }
    if (event instanceof GoalAdded e) {
      return withPlan(s, plan(s).withGoal(e.goal()));
    }
    if (event instanceof InterventionPlanned e) {
      return withPlan(s, plan(s).withNewIntervention(e.intervention()))
          .withProviders(s.providers().put(e.provider().id(), e.provider()));
    }
    if (event instanceof NeedDeferred e) {
      return withPlan(s, plan(s).withDeferral(e.need(), e.reason()));
    }
    if (event instanceof BudgetCapSet e) {
      return withPlan(s, plan(s).withBudgetCap(e.cap()));
    }
    if (event instanceof PlanAgreed e) {
      return withPlan(s, plan(s).agreed(e.agreedOn()));
    }
    if (event instanceof PlanApproved e) {
      PlanVersion plan = plan(s);
      return withPlan(s, plan.approved(e.approvedOn()).withGoals(plan.goals().mapValues(g -> g.lifecycle() == GoalLifecycle.PROPOSED ? g.withLifecycle(GoalLifecycle.ACTIVE) : g)));
    }
    if (event instanceof ImplementationStarted) {
      return s.withPhase(Phase.IMPLEMENTATION);
    }
    // Implementation.
    if (event instanceof InterventionStarted e) {
      return withIntervention(s, intervention(s, e.intervention()).started(e.on()));
    }
    if (event instanceof InterventionSuspended e) {
      return withIntervention(s, intervention(s, e.intervention()).withStatus(InterventionStatus.SUSPENDED));
    }
    if (event instanceof InterventionResumed e) {
      return withIntervention(s, intervention(s, e.intervention()).withStatus(InterventionStatus.ACTIVE));
    }
    if (event instanceof InterventionCompleted e) {
      return withIntervention(s, intervention(s, e.intervention()).ended(InterventionStatus.COMPLETED, e.on()));
    }
    if (event instanceof InterventionCancelled e) {
      Intervention cancelled = intervention(s, e.intervention()).ended(InterventionStatus.CANCELLED, e.on());
      return withPlan(s, plan(s).withCancelledIntervention(cancelled));
    }
    // Monitoring and evaluation.
    if (event instanceof ReviewRecorded e) {
      return afterReview(s.withLastReviewOn(Option.some(e.on())), e.decision());
    }
    if (event instanceof EvaluationStarted) {
      return s.withPhase(Phase.EVALUATION);
    }
    if (event instanceof OutcomeRecorded e) {
      PlanVersion plan = plan(s);
      Goal goal = plan.goals().get(e.goal()).getOrElseThrow(() -> missing(e.goal()));
      return withPlan(s, plan.withGoals(plan.goals().put(goal.id(), goal.evaluated(e.achievement()))));
    }
    if (event instanceof ReplanningStarted) {
      return withNextPlanVersion(s);
    }
    // Participants and referrals.
    if (event instanceof ParticipantAdded e) {
      return withPlan(s, plan(s).withParticipant(e.participant()));
    }
    if (event instanceof ReferralRequested e) {
      return s.withReferrals(s.referrals().put(e.referral().id(), e.referral()));
    }
    if (event instanceof ReferralAccepted e) {
      return withReferral(s, referral(s, e.referral()).accepted(e.on()));
    }
    if (event instanceof ReferralDeclined e) {
      return withReferral(s, referral(s, e.referral()).declined(e.on(), e.reason()));
    }
    if (event instanceof ReferralCompleted e) {
      return withReferral(s, referral(s, e.referral()).completed(e.on(), e.successful(), e.reason()));
    }
    if (event instanceof CaseOpened) {
      throw new IllegalArgumentException("CaseOpened can only be the first event of a case");
    }
    throw new IllegalArgumentException("unknown event type " + event.getClass().getName());
  }

  /** What closing a case means for the work still open: it ends, on the record, on the closing day. */
  private static ImmutableCaseState endOpenWork(ImmutableCaseState s, LocalDate closedOn) {
    // The order of the cancellations does not matter: a plan version is equal by content.
    PlanVersion plan = s.plan();
    if (plan != null) {
      for (java.util.Iterator<Intervention> all = plan.interventions().valuesIterator(); all.hasNext(); ) {
        Intervention i = all.next();
        if (i.status() == InterventionStatus.PLANNED || i.status() == InterventionStatus.ACTIVE
            || i.status() == InterventionStatus.SUSPENDED) {
          plan = plan.withCancelledIntervention(i.ended(InterventionStatus.CANCELLED, closedOn));
        }
      }
    }
    ImmutableCaseState ended = plan == null ? s : s.withPlan(plan);
    return s.referrals().valuesIterator().exists(r -> r.status().isPending())
        ? ended.withReferrals(s.referrals().mapValues(r -> r.status().isPending() ? r.withdrawn(closedOn) : r))
        : ended;
  }

  private static ImmutableCaseState afterReview(ImmutableCaseState s, ReviewDecision decision) {
    return switch (decision) {
      case CONTINUE -> s.withPhase(Phase.MONITORING);
      case ADJUST_PLAN -> withNextPlanVersion(s);
      case REASSESS -> s.withPhase(Phase.ASSESSMENT).withAssessmentCompleted(false);
      case PROCEED_TO_EVALUATION -> s.withPhase(Phase.EVALUATION);
    };
  }

  private static ImmutableCaseState withNextPlanVersion(ImmutableCaseState s) {
    PlanVersion current = plan(s);
    return withNextPlanVersion(s, current.next(current.period(), current.coverageThreshold()));
  }

  /** Planning again: the current version is kept, unchanged, among the superseded ones. */
  private static ImmutableCaseState withNextPlanVersion(ImmutableCaseState s, PlanVersion next) {
    return s.withPhase(Phase.PLANNING)
        .withSupersededPlans(s.supersededPlans().prepend(plan(s)))
        .withPlan(next);
  }

  private static PlanVersion plan(ImmutableCaseState s) {
    PlanVersion plan = s.plan();
    if (plan == null) {
      throw new IllegalStateException("no plan: event out of order");
    }
    return plan;
  }

  private static Intervention intervention(ImmutableCaseState s, org.casemgmt.plan.InterventionId id) {
    return plan(s).interventions().get(id).getOrElseThrow(() -> missing(id));
  }

  private static Referral referral(ImmutableCaseState s, ReferralId id) {
    return s.referrals().get(id).getOrElseThrow(() -> missing(id));
  }

  private static ImmutableCaseState withReferral(ImmutableCaseState s, Referral referral) {
    return s.withReferrals(s.referrals().put(referral.id(), referral));
  }

  private static ImmutableCaseState withIntervention(ImmutableCaseState s, Intervention intervention) {
    return withPlan(s, plan(s).withUpdatedIntervention(intervention));
  }

  private static ImmutableCaseState withPlan(ImmutableCaseState s, PlanVersion plan) {
    return s.withPlan(plan);
  }

  private static IllegalStateException missing(Object id) {
    return new IllegalStateException("event refers to " + id + ", which is not on the case file: event out of order");
  }
}
