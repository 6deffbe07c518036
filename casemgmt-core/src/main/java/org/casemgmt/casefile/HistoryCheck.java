package org.casemgmt.casefile;

import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.casemgmt.casefile.CaseEvent.*;
import org.casemgmt.casefile.Command.*;

/**
 * Replays a stored history and checks it against the rules: each event must be exactly what {@code decide}
 * answers, on the case file the events before it built, to the command that records it. Every event kind is
 * recorded by exactly one kind of command ({@link EventKind#command()}), and each event carries what that
 * command said, so the command can be read back from the event; deciding it runs every rule — the same
 * functions, in the same order, as for a live command — and no rule is restated here.
 *
 * <p>A history passes exactly when some sequence of accepted commands could have produced it: an event the
 * rules would refuse is answered with {@link InvalidHistory.Problem#BREAKS_RULE} and the {@link Rejection} its
 * command would have got; an event the rules would accept but record differently (a hand-over from someone who
 * was not the case manager, a plan version numbered out of turn) with {@link InvalidHistory.Problem#INCONSISTENT}.
 */
final class HistoryCheck {

  private HistoryCheck() {}

  /** Replays a history whose numbering and case were already checked, verifying every event. */
  static Either<InvalidHistory, CaseFile> replayVerified(Seq<RecordedEvent> history) {
    RecordedEvent first = history.head();
    CaseOpened opened = (CaseOpened) first.event();
    Issued openedBy = Issued.by(first.actor(), first.at());
    OpenCase opening = new OpenCase(opened.caseId(), opened.client(), Option.some(opened.caseManager()),
        opened.scope(), opened.openedOn());
    Decision decision = CaseRules.decideOpeningEvent(openedBy, opening);
    Option<InvalidHistory> problem = compare(1, first, decision);
    if (problem.isDefined()) {
      return Either.left(problem.getOrElseThrow(IllegalStateException::new));
    }
    CaseFile state = Evolution.opened(first.sequence(), first.at(), opened);
    for (RecordedEvent recorded : history.tail()) {
      CaseEvent event = recorded.event();
      Decision decided = CaseRules.decide(state, Issued.by(recorded.actor(), recorded.at()), commandFor(event));
      problem = compare(recorded.sequence(), recorded, decided);
      if (problem.isDefined()) {
        return Either.left(problem.getOrElseThrow(IllegalStateException::new));
      }
      try {
        state = Evolution.apply(state, recorded);
      } catch (Evolution.Inconsistent e) {
        // Not reached for an event the rules decided as recorded; kept so that replay never throws.
        return Either.left(InvalidHistory.inconsistent(recorded.sequence(), event.kind(), e.getMessage()));
      }
    }
    return Either.right(state);
  }

  private static Option<InvalidHistory> compare(long position, RecordedEvent recorded, Decision decided) {
    EventKind kind = recorded.event().kind();
    if (decided instanceof Rejection r) {
      return Option.some(InvalidHistory.breaks(position, kind, r));
    }
    return decided.equals(recorded.event()) ? Option.none()
        : Option.some(InvalidHistory.inconsistent(position, kind,
            "the rules record " + ((CaseEvent) decided).kind() + " differently here"));
  }

  /**
   * The command that records this event, read back from it. The command carries exactly what the event does;
   * where a command may say more than its event keeps (a scope extension naming domains already in scope, say),
   * the command read back says what was kept, which the rules record as the same event.
   */
  static Command commandFor(CaseEvent event) {
    return switch (event.kind()) {
      case CASE_OPENED -> {
        CaseOpened e = (CaseOpened) event;
        yield new OpenCase(e.caseId(), e.client(), Option.some(e.caseManager()), e.scope(), e.openedOn());
      }
      case CASE_HANDED_OVER -> new HandOver(((CaseHandedOver) event).to());
      case SCOPE_EXTENDED -> {
        ScopeExtended e = (ScopeExtended) event;
        yield new ExtendScope(e.domains(), e.consentedOn());
      }
      case CASE_SUSPENDED -> new SuspendCase(((CaseSuspended) event).reason());
      case CASE_RESUMED -> new ResumeCase();
      case CASE_CLOSED -> {
        CaseClosed e = (CaseClosed) event;
        yield new CloseCase(e.reason(), e.closedOn(), e.note());
      }
      case CASE_REOPENED -> new ReopenCase(((CaseReopened) event).reason());
      case ASSESSMENT_STARTED -> new StartAssessment();
      case NEED_RECORDED -> {
        org.casemgmt.need.Need n = ((NeedRecorded) event).need();
        yield new RecordNeed(n.id(), n.domain(), n.description(), n.priority(), n.identifiedBy());
      }
      case NEED_REVISED -> {
        NeedRevised e = (NeedRevised) event;
        yield new ReviseNeed(e.need(), e.description(), e.priority());
      }
      case NEED_WITHDRAWN -> {
        NeedWithdrawn e = (NeedWithdrawn) event;
        yield new WithdrawNeed(e.need(), e.reason());
      }
      case STRENGTH_RECORDED -> {
        org.casemgmt.resource.Strength s = ((StrengthRecorded) event).strength();
        yield new RecordStrength(s.domain(), s.description());
      }
      case RESOURCE_RECORDED -> {
        org.casemgmt.resource.Resource r = ((ResourceRecorded) event).resource();
        yield new RecordResource(r.id(), r.type(), r.description());
      }
      case ASSESSMENT_COMPLETED -> new CompleteAssessment();
      case PLANNING_STARTED -> {
        PlanningStarted e = (PlanningStarted) event;
        yield new StartPlanning(e.period(), e.coverageThreshold());
      }
      case GOAL_ADDED -> {
        org.casemgmt.plan.Goal g = ((GoalAdded) event).goal();
        yield new AddGoal(g.id(), g.needs(), g.description(), g.target(), g.dueOn());
      }
      case INTERVENTION_PLANNED -> {
        InterventionPlanned e = (InterventionPlanned) event;
        org.casemgmt.plan.Intervention i = e.intervention();
        yield new PlanIntervention(i.id(), i.needs(), i.goals(), e.provider(), i.kind(), i.window(), i.cost());
      }
      case NEED_DEFERRED -> {
        NeedDeferred e = (NeedDeferred) event;
        yield new DeferNeed(e.need(), e.reason());
      }
      case BUDGET_CAP_SET -> new SetBudgetCap(((BudgetCapSet) event).cap());
      case PLAN_AGREED -> new RecordAgreement(((PlanAgreed) event).agreedOn());
      case PLAN_APPROVED -> new ApprovePlan(((PlanApproved) event).approvedOn());
      case IMPLEMENTATION_STARTED -> new StartImplementation();
      case INTERVENTION_STARTED -> {
        InterventionStarted e = (InterventionStarted) event;
        yield new StartIntervention(e.intervention(), e.on());
      }
      case INTERVENTION_SUSPENDED -> {
        InterventionSuspended e = (InterventionSuspended) event;
        yield new SuspendIntervention(e.intervention(), e.on());
      }
      case INTERVENTION_RESUMED -> {
        InterventionResumed e = (InterventionResumed) event;
        yield new ResumeIntervention(e.intervention(), e.on());
      }
      case INTERVENTION_COMPLETED -> {
        InterventionCompleted e = (InterventionCompleted) event;
        yield new CompleteIntervention(e.intervention(), e.on());
      }
      case INTERVENTION_CANCELLED -> {
        InterventionCancelled e = (InterventionCancelled) event;
        yield new CancelIntervention(e.intervention(), e.on(), e.reason());
      }
      case REVIEW_RECORDED -> {
        ReviewRecorded e = (ReviewRecorded) event;
        yield new RecordReview(e.on(), e.findings(), e.decision());
      }
      case EVALUATION_STARTED -> new StartEvaluation();
      case OUTCOME_RECORDED -> {
        OutcomeRecorded e = (OutcomeRecorded) event;
        yield new RecordOutcome(e.goal(), e.achievement());
      }
      case REPLANNING_STARTED -> new Replan(((ReplanningStarted) event).reason());
      case PARTICIPANT_ADDED -> new AddParticipant(((ParticipantAdded) event).participant());
      case REFERRAL_REQUESTED -> {
        org.casemgmt.plan.Referral r = ((ReferralRequested) event).referral();
        yield new RequestReferral(r.id(), r.needs(), r.provider(), r.service(), r.requestedOn());
      }
      case REFERRAL_ACCEPTED -> {
        ReferralAccepted e = (ReferralAccepted) event;
        yield new AcceptReferral(e.referral(), e.on());
      }
      case REFERRAL_DECLINED -> {
        ReferralDeclined e = (ReferralDeclined) event;
        yield new DeclineReferral(e.referral(), e.on(), e.reason());
      }
      case REFERRAL_COMPLETED -> {
        ReferralCompleted e = (ReferralCompleted) event;
        yield new CompleteReferral(e.referral(), e.on(), e.successful(), e.reason());
      }
    };
  }
}
