package org.casemgmt.casefile;

import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.LocalDate;
import org.casemgmt.casefile.CaseEvent.*;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.casefile.Rejection.*;
import org.casemgmt.internal.EntityMap;
import org.casemgmt.internal.Trusted;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamMember;
import org.casemgmt.party.TeamRole;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Finding;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.GoalLifecycle;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Overlap;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReferralStatus;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.Resource;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.ServiceKind;
import org.casemgmt.resource.Strength;

/**
 * {@code decide(state, envelope, command) -> Decision}: every rule of the case file. A command causes at most
 * one event, so the rules answer a {@link Decision} — the event, or the {@link Rejection} of the first rule
 * broken; {@link CaseFile} numbers the event (or applies it at once, in {@code handle}). The order of checks is
 * fixed: the version, the actor against the case's team and {@link Permissions}, the phase table, the envelope's
 * instant (not before the opening nor the latest event), then the command's own rules.
 *
 * <p>Each rule is a small named function. Those that only check answer the {@link Rejection} that names them
 * or {@code null} when they hold — a convention kept to these private checks, where allocating an
 * {@code Option} per check would cost every command; what leaves this class is always a {@code Decision}.
 * Nothing here changes state; {@link Evolution} applies the events.
 */
final class CaseRules {

  /** Statuses an intervention must be in for a command: an EnumSet to test, the Vavr set for the rejection. */
  private record Statuses(java.util.EnumSet<InterventionStatus> test, Set<InterventionStatus> named) {
    static Statuses of(InterventionStatus first, InterventionStatus... rest) {
      java.util.EnumSet<InterventionStatus> test = java.util.EnumSet.of(first, rest);
      return new Statuses(test, HashSet.ofAll(test));
    }

    boolean include(InterventionStatus status) {
      return test.contains(status);
    }
  }

  private static final Statuses NOT_ENDED =
      Statuses.of(InterventionStatus.PLANNED, InterventionStatus.ACTIVE, InterventionStatus.SUSPENDED);
  private static final Statuses PLANNED = Statuses.of(InterventionStatus.PLANNED);
  private static final Statuses ACTIVE = Statuses.of(InterventionStatus.ACTIVE);
  private static final Statuses SUSPENDED = Statuses.of(InterventionStatus.SUSPENDED);
  private static final Statuses DELIVERING = Statuses.of(InterventionStatus.ACTIVE, InterventionStatus.SUSPENDED);

  // Events without content: one instance each (records without components are all equal anyway).
  private static final CaseEvent RESUMED = new CaseResumed();
  private static final CaseEvent ASSESSMENT_STARTED = new AssessmentStarted();
  private static final CaseEvent ASSESSMENT_COMPLETED = new AssessmentCompleted();
  private static final CaseEvent IMPLEMENTATION_STARTED = new ImplementationStarted();
  private static final CaseEvent EVALUATION_STARTED = new EvaluationStarted();

  /**
   * Up to this many needs in a case or goals in a plan, {@link #firstNotOpen} and {@link #unknownGoal} walk the
   * case's needs or the plan's goals rather than the command's set. It decides only how the answer is found.
   *
   * <p>Why it is the array-form limit of {@link EntityMap}: the walk pays off because walking an
   * {@code EntityMap} in its array form allocates one small iterator where walking a Vavr set allocates more; past
   * that limit the needs or goals are a hash trie, whose walk allocates as the set's does and touches every entry
   * instead of the set's one or two, so the shortcut would only cost more. If the array form's limit changes, this
   * one follows it.
   */
  private static final int WALK_INSTEAD_OF_SET_LIMIT = EntityMap.ARRAY_FORM_LIMIT;

  private CaseRules() {}

  static Decision decideOpeningEvent(Issued issued, OpenCase c) {
    Option<Long> expected = issued.expectedVersion();
    if (expected.isDefined() && expected.getOrElse(0L) != 0) {
      return new VersionConflict(c.caseId(), expected.getOrElse(0L), 0);
    }
    return new CaseOpened(c.caseId(), c.client(), c.caseManager().getOrElse(issued.actor()), c.scope(),
        c.openedOn());
  }

  static Decision decide(CaseFile s, Issued issued, Command command) {
    return decide(s, issued, command, command.kind());
  }

  /**
   * As above for a caller that asked the command its kind already: {@code kind()} is a call on an interface with
   * dozens of implementations, asked once per command.
   */
  static Decision decide(CaseFile s, Issued issued, Command command, CommandKind kind) {
    Option<Long> expected = issued.expectedVersion();
    if (expected.isDefined() && expected.getOrElse(-1L) != s.version()) {
      return new VersionConflict(s.id(), expected.getOrElse(-1L), s.version());
    }
    if (kind == CommandKind.OPEN_CASE) {
      return new CaseAlreadyOpened(s.id());
    }
    Rejection rejection = authorization(s, issued.actor(), kind, command);
    if (rejection == null) {
      rejection = general(s, kind, issued);
    }
    return rejection != null ? rejection : specific(s, command, kind, issued.actor());
  }

  /**
   * Checks a stored event against the rules, as {@link HistoryCheck} replays a history: the same rule functions
   * {@link #decide} calls for the command that records the event, given the event's content. The event's
   * version expectation was met when it was stored (its sequence number says so) and opening happens once (its
   * position says so); everything else is checked here.
   *
   * @return the rejection the command would have got, or null when every rule holds
   * @throws Evolution.Inconsistent if no rule refuses the event but the rules would have recorded it otherwise
   */
  static Rejection check(CaseFile s, Issued issued, CaseEvent event) {
    EventKind kind = event.kind();
    Rejection rejection = authorization(s, issued.actor(), kind.command(), event);
    if (rejection == null) {
      rejection = general(s, kind.command(), issued);
    }
    return rejection != null ? rejection : specific(s, event, kind, issued.actor());
  }

  // ---------------------------------------------------------------- rules every command obeys

  /**
   * The team and the case's permission table, before anything else: the actor is the case manager or a member of
   * the team, and the table lets that role issue this kind of command — on anything, or on an intervention or
   * referral with the member's own provider.
   *
   * @param subject the command, or the stored event that records it (replay checks events)
   */
  private static Rejection authorization(CaseFile s, StaffId actor, CommandKind kind, Object subject) {
    CaseDetails details = s.details();
    TeamRole role;
    TeamMember member = null;
    if (actor.equals(details.caseManager())) {
      role = TeamRole.CASE_MANAGER;
    } else {
      member = details.team().get(actor).getOrNull();
      if (member == null) {
        return new NotAuthorized(actor, Option.none(), kind);
      }
      role = member.role();
    }
    Permissions.Reach reach = details.permissions().reachOrNull(role, kind);
    if (reach == null) {
      return new NotAuthorized(actor, Option.some(role), kind);
    }
    if (reach == Permissions.Reach.OWN_PROVIDER) {
      ProviderId concerned = providerConcerned(s, subject);
      if (concerned == null || member == null || !member.provider().contains(concerned)) {
        return new NotAuthorized(actor, Option.some(role), kind);
      }
    }
    return null;
  }

  /** The provider of the intervention or referral a command (or its event) is about; null if none or unknown. */
  private static ProviderId providerConcerned(CaseFile s, Object subject) {
    InterventionId intervention = null;
    ReferralId referral = null;
    if (subject instanceof StartIntervention c) {
      intervention = c.intervention();
    } else if (subject instanceof SuspendIntervention c) {
      intervention = c.intervention();
    } else if (subject instanceof ResumeIntervention c) {
      intervention = c.intervention();
    } else if (subject instanceof CompleteIntervention c) {
      intervention = c.intervention();
    } else if (subject instanceof CancelIntervention c) {
      intervention = c.intervention();
    } else if (subject instanceof InterventionStarted e) {
      intervention = e.intervention();
    } else if (subject instanceof InterventionSuspended e) {
      intervention = e.intervention();
    } else if (subject instanceof InterventionResumed e) {
      intervention = e.intervention();
    } else if (subject instanceof InterventionCompleted e) {
      intervention = e.intervention();
    } else if (subject instanceof InterventionCancelled e) {
      intervention = e.intervention();
    } else if (subject instanceof AcceptReferral c) {
      referral = c.referral();
    } else if (subject instanceof DeclineReferral c) {
      referral = c.referral();
    } else if (subject instanceof CompleteReferral c) {
      referral = c.referral();
    } else if (subject instanceof ReferralAccepted e) {
      referral = e.referral();
    } else if (subject instanceof ReferralDeclined e) {
      referral = e.referral();
    } else if (subject instanceof ReferralCompleted e) {
      referral = e.referral();
    }
    if (intervention != null) {
      PlanVersion plan = s.planOrNull();
      Intervention i = plan == null ? null : plan.interventionMap().get(intervention);
      return i == null ? null : i.provider();
    }
    if (referral != null) {
      return s.details().referrals().get(referral).map(r -> r.provider().id()).getOrNull();
    }
    return null;
  }

  /** The phase table, then nothing dated before the case was opened. */
  private static Rejection general(CaseFile s, CommandKind kind, Issued issued) {
    if (!PhaseTable.isPermitted(s.phase(), s.suspended(), kind)) {
      return new CommandNotPermitted(kind, s.phase(), s.suspended(), s.permittedCommands(), s.reachablePhases());
    }
    if (issued.at().isBefore(s.openedAt())) {
      return new IssuedBeforeOpening(issued.at(), s.openedAt());
    }
    // Time moves forward within a case: a resumption is not issued before its suspension, nor any step before the
    // one it follows.
    if (issued.at().isBefore(s.lastRecordedAt())) {
      return new IssuedBeforeLastStep(issued.at(), s.lastRecordedAt());
    }
    return null;
  }

  /** Answers the event, or the rejection of the first rule broken; {@code actor} issued the command. */
  private static Decision specific(CaseFile s, Command command, CommandKind kind, StaffId actor) {
    Rejection r;
    switch (kind) {
      // decide() has already refused it: an open case file is never opened again.
      case OPEN_CASE -> throw new IllegalStateException("OPEN_CASE reached the rules of an open case file");
      case HAND_OVER -> {
        HandOver c = (HandOver) command;
        r = handOverRules(s, c.newCaseManager());
        return r != null ? r : new CaseHandedOver(s.caseManager(), c.newCaseManager());
      }
      case JOIN_TEAM -> {
        TeamMember member = ((JoinTeam) command).member();
        r = joinTeamRules(s, member);
        return r != null ? r : new TeamMemberJoined(member);
      }
      case COUNTERSIGN -> {
        // A countersignature is the signer's own: the one rule that reads the issuer.
        Countersign c = (Countersign) command;
        r = countersignRules(s, actor, c.what(), c.on());
        return r != null ? r : new Countersigned(c.what(), actor, c.on());
      }
      case GRANT_CONSENT -> {
        GrantConsent c = (GrantConsent) command;
        r = grantConsentRules(s, c.provider(), c.domains(), c.on());
        return r != null ? r : new ConsentGranted(c.provider(), c.domains().removeAll(consented(s, c.provider())),
            c.on());
      }
      case WITHDRAW_CONSENT -> {
        WithdrawConsent c = (WithdrawConsent) command;
        r = withdrawConsentRules(s, c.provider(), c.domains(), c.on());
        return r != null ? r : new ConsentWithdrawn(c.provider(), c.domains(), c.on());
      }
      case LEAVE_TEAM -> {
        LeaveTeam c = (LeaveTeam) command;
        r = leaveTeamRules(s, c.member(), c.on());
        return r != null ? r : new TeamMemberLeft(c.member(), c.on());
      }
      case EXTEND_SCOPE -> {
        ExtendScope c = (ExtendScope) command;
        r = extendScopeRules(s, c.domains(), c.consentedOn());
        return r != null ? r : new ScopeExtended(c.domains().removeAll(s.scope()), c.consentedOn());
      }
      case SUSPEND_CASE -> {
        return new CaseSuspended(((SuspendCase) command).reason());
      }
      case RESUME_CASE -> {
        return RESUMED;
      }
      case CLOSE_CASE -> {
        CloseCase c = (CloseCase) command;
        r = closeCaseRules(s, c.reason(), c.closedOn());
        return r != null ? r : new CaseClosed(c.reason(), c.closedOn(), c.note());
      }
      case REOPEN_CASE -> {
        return new CaseReopened(((ReopenCase) command).reason());
      }
      case START_ASSESSMENT -> {
        return ASSESSMENT_STARTED;
      }
      case RECORD_NEED -> {
        RecordNeed c = (RecordNeed) command;
        r = recordNeedRules(s, c.need(), c.domain());
        return r != null ? r
            : new NeedRecorded(Need.of(c.need(), c.domain(), c.description(), c.priority(), c.identifiedBy()));
      }
      case REVISE_NEED -> {
        ReviseNeed c = (ReviseNeed) command;
        r = reviseNeedRules(s, c.need());
        return r != null ? r : new NeedRevised(c.need(), c.description(), c.priority());
      }
      case WITHDRAW_NEED -> {
        WithdrawNeed c = (WithdrawNeed) command;
        r = withdrawNeedRules(s, c.need());
        return r != null ? r : new NeedWithdrawn(c.need(), c.reason());
      }
      case RECORD_STRENGTH -> {
        RecordStrength c = (RecordStrength) command;
        r = recordStrengthRules(s, c.domain());
        return r != null ? r : new StrengthRecorded(Strength.of(c.domain(), c.description()));
      }
      case RECORD_RESOURCE -> {
        RecordResource c = (RecordResource) command;
        r = recordResourceRules(s, c.resource());
        return r != null ? r : new ResourceRecorded(Resource.of(c.resource(), c.type(), c.description()));
      }
      case COMPLETE_ASSESSMENT -> {
        r = completeAssessmentRules(s);
        return r != null ? r : ASSESSMENT_COMPLETED;
      }
      case START_PLANNING -> {
        StartPlanning c = (StartPlanning) command;
        r = startPlanningRules(s, c.period());
        return r != null ? r : new PlanningStarted(nextPlanNumber(s), c.period(), c.coverageThreshold());
      }
      case ADD_GOAL -> {
        AddGoal c = (AddGoal) command;
        r = addGoalRules(s, c.goal(), c.needs(), c.dueOn());
        return r != null ? r : new GoalAdded(Goal.of(c.goal(), c.needs(), c.description(), c.target(), c.dueOn()));
      }
      case PLAN_INTERVENTION -> {
        PlanIntervention c = (PlanIntervention) command;
        // The command's fields are checked already; the candidate gives its needs as an array to walk.
        Intervention candidate = Trusted.plannedIntervention(
            c.intervention(), c.needs(), c.goals(), c.provider().id(), c.service(), c.window(), c.cost());
        r = planInterventionRules(s, candidate, c.provider());
        return r != null ? r : new InterventionPlanned(candidate, c.provider());
      }
      case DEFER_NEED -> {
        DeferNeed c = (DeferNeed) command;
        r = deferNeedRules(s, c.need());
        return r != null ? r : new NeedDeferred(c.need(), c.reason());
      }
      case SET_BUDGET_CAP -> {
        r = planOpenForChanges(s);
        return r != null ? r : new BudgetCapSet(((SetBudgetCap) command).cap());
      }
      case RECORD_AGREEMENT -> {
        RecordAgreement c = (RecordAgreement) command;
        r = recordAgreementRules(s, c.agreedOn());
        return r != null ? r : new PlanAgreed(c.agreedOn());
      }
      case APPROVE_PLAN -> {
        ApprovePlan c = (ApprovePlan) command;
        r = approvePlanRules(s, c.approvedOn());
        return r != null ? r : new PlanApproved(c.approvedOn());
      }
      case START_IMPLEMENTATION -> {
        r = startImplementationRules(s);
        return r != null ? r : IMPLEMENTATION_STARTED;
      }
      case START_INTERVENTION -> {
        StartIntervention c = (StartIntervention) command;
        r = startInterventionRules(s, c.intervention(), c.on());
        return r != null ? r : new InterventionStarted(c.intervention(), c.on());
      }
      case SUSPEND_INTERVENTION -> {
        SuspendIntervention c = (SuspendIntervention) command;
        r = deliveryStepRules(s, c.intervention(), ACTIVE, c.on());
        return r != null ? r : new InterventionSuspended(c.intervention(), c.on());
      }
      case RESUME_INTERVENTION -> {
        ResumeIntervention c = (ResumeIntervention) command;
        r = deliveryStepRules(s, c.intervention(), SUSPENDED, c.on());
        return r != null ? r : new InterventionResumed(c.intervention(), c.on());
      }
      case COMPLETE_INTERVENTION -> {
        CompleteIntervention c = (CompleteIntervention) command;
        r = deliveryStepRules(s, c.intervention(), DELIVERING, c.on());
        return r != null ? r : new InterventionCompleted(c.intervention(), c.on());
      }
      case CANCEL_INTERVENTION -> {
        CancelIntervention c = (CancelIntervention) command;
        r = cancelInterventionRules(s, c.intervention(), c.on());
        return r != null ? r : new InterventionCancelled(c.intervention(), c.on(), c.reason());
      }
      case RECORD_REVIEW -> {
        RecordReview c = (RecordReview) command;
        r = recordReviewRules(s, c.on(), c.findings());
        return r != null ? r : new ReviewRecorded(c.on(), c.findings(), c.decision());
      }
      case START_EVALUATION -> {
        return EVALUATION_STARTED;
      }
      case RECORD_OUTCOME -> {
        RecordOutcome c = (RecordOutcome) command;
        r = recordOutcomeRules(s, c.goal());
        return r != null ? r : new OutcomeRecorded(c.goal(), c.achievement());
      }
      case REPLAN -> {
        Replan c = (Replan) command;
        r = replanRules(s, c.period());
        return r != null ? r : new ReplanningStarted(c.reason(), c.period());
      }
      case ADD_PARTICIPANT -> {
        r = planOpenForChanges(s);
        return r != null ? r : new ParticipantAdded(((AddParticipant) command).participant());
      }
      case REQUEST_REFERRAL -> {
        RequestReferral c = (RequestReferral) command;
        r = requestReferralRules(s, c.referral(), c.needs(), c.provider(), c.service(), c.requestedOn());
        return r != null ? r : new ReferralRequested(
            Referral.requested(c.referral(), c.needs(), c.provider(), c.service(), c.requestedOn()));
      }
      case ACCEPT_REFERRAL -> {
        AcceptReferral c = (AcceptReferral) command;
        r = referralStepRules(s, c.referral(), ReferralStatus.REQUESTED, c.on());
        return r != null ? r : new ReferralAccepted(c.referral(), c.on());
      }
      case DECLINE_REFERRAL -> {
        DeclineReferral c = (DeclineReferral) command;
        r = referralStepRules(s, c.referral(), ReferralStatus.REQUESTED, c.on());
        return r != null ? r : new ReferralDeclined(c.referral(), c.on(), c.reason());
      }
      case COMPLETE_REFERRAL -> {
        CompleteReferral c = (CompleteReferral) command;
        r = referralStepRules(s, c.referral(), ReferralStatus.ACCEPTED, c.on());
        return r != null ? r : new ReferralCompleted(c.referral(), c.on(), c.successful(), c.reason());
      }
      default -> throw new IllegalStateException("unreachable: every kind is listed");
    }
  }

  /**
   * The same rules as {@link #specific(CaseFile, Command, CommandKind, StaffId)}, called with a stored event's content;
   * where the rules derive part of the event (from whom a case is handed over, the plan version's number, the
   * state of what is recorded), the stored event must hold what they derive.
   */
  private static Rejection specific(CaseFile s, CaseEvent event, EventKind kind, StaffId actor) {
    return switch (kind) {
      case CASE_OPENED -> throw new Evolution.Inconsistent("CaseOpened can only be the first event of a case");
      case CASE_HANDED_OVER -> {
        CaseHandedOver e = (CaseHandedOver) event;
        Rejection r = handOverRules(s, e.to());
        yield r != null ? r : derived(e.from().equals(s.caseManager()), kind, "from whom the case is handed over");
      }
      case TEAM_MEMBER_JOINED -> joinTeamRules(s, ((TeamMemberJoined) event).member());
      case COUNTERSIGNED -> {
        Countersigned e = (Countersigned) event;
        Rejection r = countersignRules(s, actor, e.what(), e.on());
        yield r != null ? r : derived(e.by().equals(actor), kind, "signed by its issuer");
      }
      case CONSENT_GRANTED -> {
        ConsentGranted e = (ConsentGranted) event;
        Rejection r = grantConsentRules(s, e.provider(), e.domains(), e.on());
        yield r != null ? r : derived(!e.domains().exists(consented(s, e.provider())::contains), kind,
            "only domains not shared before");
      }
      case CONSENT_WITHDRAWN -> {
        ConsentWithdrawn e = (ConsentWithdrawn) event;
        yield withdrawConsentRules(s, e.provider(), e.domains(), e.on());
      }
      case TEAM_MEMBER_LEFT -> {
        TeamMemberLeft e = (TeamMemberLeft) event;
        yield leaveTeamRules(s, e.member(), e.on());
      }
      case SCOPE_EXTENDED -> {
        ScopeExtended e = (ScopeExtended) event;
        Rejection r = extendScopeRules(s, e.domains(), e.consentedOn());
        yield r != null ? r : derived(!e.domains().exists(s.scope()::contains), kind, "only domains not in scope");
      }
      case CASE_SUSPENDED, CASE_RESUMED, CASE_REOPENED, ASSESSMENT_STARTED, EVALUATION_STARTED -> null;
      case REPLANNING_STARTED -> replanRules(s, ((ReplanningStarted) event).period());
      case CASE_CLOSED -> {
        CaseClosed e = (CaseClosed) event;
        yield closeCaseRules(s, e.reason(), e.closedOn());
      }
      case NEED_RECORDED -> {
        Need n = ((NeedRecorded) event).need();
        Rejection r = recordNeedRules(s, n.id(), n.domain());
        yield r != null ? r : derived(n.isOpen(), kind, "a need is recorded open");
      }
      case NEED_REVISED -> reviseNeedRules(s, ((NeedRevised) event).need());
      case NEED_WITHDRAWN -> withdrawNeedRules(s, ((NeedWithdrawn) event).need());
      case STRENGTH_RECORDED -> recordStrengthRules(s, ((StrengthRecorded) event).strength().domain());
      case RESOURCE_RECORDED -> recordResourceRules(s, ((ResourceRecorded) event).resource().id());
      case ASSESSMENT_COMPLETED -> completeAssessmentRules(s);
      case PLANNING_STARTED -> {
        PlanningStarted e = (PlanningStarted) event;
        Rejection r = startPlanningRules(s, e.period());
        yield r != null ? r : derived(e.planVersion() == nextPlanNumber(s), kind, "plan versions numbered in turn");
      }
      case GOAL_ADDED -> {
        Goal g = ((GoalAdded) event).goal();
        Rejection r = addGoalRules(s, g.id(), g.needs(), g.dueOn());
        yield r != null ? r : derived(g.equals(Goal.of(g.id(), g.needs(), g.description(), g.target(), g.dueOn())),
            kind, "a goal is added proposed, in progress");
      }
      case INTERVENTION_PLANNED -> {
        InterventionPlanned e = (InterventionPlanned) event;
        Intervention i = e.intervention();
        Rejection r = planInterventionRules(s, i, e.provider());
        yield r != null ? r : derived(i.equals(Intervention.of(i.id(), i.needs(), i.goals(), e.provider().id(),
            i.kind(), i.window(), i.cost())), kind, "an intervention is planned, by its provider");
      }
      case NEED_DEFERRED -> deferNeedRules(s, ((NeedDeferred) event).need());
      case BUDGET_CAP_SET, PARTICIPANT_ADDED -> planOpenForChanges(s);
      case PLAN_AGREED -> recordAgreementRules(s, ((PlanAgreed) event).agreedOn());
      case PLAN_APPROVED -> approvePlanRules(s, ((PlanApproved) event).approvedOn());
      case IMPLEMENTATION_STARTED -> startImplementationRules(s);
      case INTERVENTION_STARTED -> {
        InterventionStarted e = (InterventionStarted) event;
        yield startInterventionRules(s, e.intervention(), e.on());
      }
      case INTERVENTION_SUSPENDED -> {
        InterventionSuspended e = (InterventionSuspended) event;
        yield deliveryStepRules(s, e.intervention(), ACTIVE, e.on());
      }
      case INTERVENTION_RESUMED -> {
        InterventionResumed e = (InterventionResumed) event;
        yield deliveryStepRules(s, e.intervention(), SUSPENDED, e.on());
      }
      case INTERVENTION_COMPLETED -> {
        InterventionCompleted e = (InterventionCompleted) event;
        yield deliveryStepRules(s, e.intervention(), DELIVERING, e.on());
      }
      case INTERVENTION_CANCELLED -> {
        InterventionCancelled e = (InterventionCancelled) event;
        yield cancelInterventionRules(s, e.intervention(), e.on());
      }
      case REVIEW_RECORDED -> {
        ReviewRecorded e = (ReviewRecorded) event;
        yield recordReviewRules(s, e.on(), e.findings());
      }
      case OUTCOME_RECORDED -> recordOutcomeRules(s, ((OutcomeRecorded) event).goal());
      case REFERRAL_REQUESTED -> {
        Referral f = ((ReferralRequested) event).referral();
        Rejection r = requestReferralRules(s, f.id(), f.needs(), f.provider(), f.service(), f.requestedOn());
        yield r != null ? r : derived(f.equals(Referral.requested(f.id(), f.needs(), f.provider(), f.service(),
            f.requestedOn())), kind, "a referral is recorded requested");
      }
      case REFERRAL_ACCEPTED -> {
        ReferralAccepted e = (ReferralAccepted) event;
        yield referralStepRules(s, e.referral(), ReferralStatus.REQUESTED, e.on());
      }
      case REFERRAL_DECLINED -> {
        ReferralDeclined e = (ReferralDeclined) event;
        yield referralStepRules(s, e.referral(), ReferralStatus.REQUESTED, e.on());
      }
      case REFERRAL_COMPLETED -> {
        ReferralCompleted e = (ReferralCompleted) event;
        Rejection r = referralStepRules(s, e.referral(), ReferralStatus.ACCEPTED, e.on());
        yield r != null ? r : derived(e.successful() || e.reason().isDefined(), kind,
            "an unsuccessful referral has a reason");
      }
    };
  }

  /** Null if the stored event holds what the rules derive; otherwise the event could not have been recorded. */
  private static Rejection derived(boolean holds, EventKind kind, String what) {
    if (!holds) {
      throw new Evolution.Inconsistent(kind + " is not recorded as the rules record it: " + what);
    }
    return null;
  }

  private static int nextPlanNumber(CaseFile s) {
    PlanVersion plan = s.planOrNull();
    return plan == null ? 1 : plan.number() + 1;
  }

  // ---------------------------------------------------------------- intake and the whole case

  /** A hand-over goes to someone else: there is always exactly one reference person. */
  private static Rejection handOverRules(CaseFile s, StaffId to) {
    return to.equals(s.caseManager()) ? new AlreadyCaseManager(s.caseManager()) : null;
  }

  /**
   * Joining the team: not the case manager, not a member already, from a day on or after the opening. A provider
   * representative's provider need not be in the case yet: a representative may join before the plan names it.
   */
  private static Rejection joinTeamRules(CaseFile s, TeamMember member) {
    if (member.staff().equals(s.caseManager())) {
      return new AlreadyCaseManager(s.caseManager());
    }
    TeamMember present = s.details().team().get(member.staff()).getOrNull();
    if (present != null) {
      return new AlreadyOnTeam(member.staff(), present.role());
    }
    return notBeforeOpening(s, member.since());
  }

  /** Leaving the team: a member (the case manager hands over instead), on a day not before they joined. */
  private static Rejection leaveTeamRules(CaseFile s, StaffId member, LocalDate on) {
    TeamMember present = s.details().team().get(member).getOrNull();
    if (present == null) {
      return new NotOnTeam(member);
    }
    return on.isBefore(present.since()) ? new DayBeforeJoining(member, on, present.since()) : null;
  }

  /**
   * A countersignature is for a plan's approval (a plan being prepared) or a closure, by someone other than the case
   * manager, dated in the case.
   */
  private static Rejection countersignRules(CaseFile s, StaffId signer, CommandKind what, LocalDate on) {
    if (what != CommandKind.APPROVE_PLAN && what != CommandKind.CLOSE_CASE) {
      return new NothingToCountersign(what);
    }
    if (signer.equals(s.caseManager())) {
      return new OwnCountersignature(signer);
    }
    if (what == CommandKind.APPROVE_PLAN) {
      if (s.planOrNull() == null) {
        // No plan yet: there is nothing to sign.
        return new NothingToCountersign(what);
      }
      Rejection r = planOpenForChanges(s);
      if (r != null) {
        return r;
      }
    }
    return notBeforeOpening(s, on);
  }

  /**
   * Where the case's policy asks for it, a countersignature of this very plan (for an approval) or of the case at
   * its current version (for a closure), by someone who is not the case manager now.
   */
  private static Rejection countersigned(CaseFile s, CommandKind what) {
    if (!s.details().permissions().requiresCountersignature(what)) {
      return null;
    }
    Countersignature signature = s.details().countersignatures().get(what).getOrNull();
    // Four eyes: a signer who has since become the case manager no longer counts.
    boolean valid = signature != null && !signature.by().equals(s.caseManager()) && (what == CommandKind.APPROVE_PLAN
        ? signature.plan().contains(s.planOrNull())
        : signature.version() == s.version());
    return valid ? null : new CountersignatureMissing(what, s.version());
  }

  /** The domains a provider may be shown, by the client's consent; empty if none. */
  private static Set<LifeDomain> consented(CaseFile s, ProviderId provider) {
    return s.details().consents().get(provider).getOrElse(HashSet.empty());
  }

  /** Consent shares domains of the case's scope, not all of them shared with that provider already, dated in the case. */
  private static Rejection grantConsentRules(CaseFile s, ProviderId provider, Set<LifeDomain> domains, LocalDate on) {
    Rejection r = notBeforeOpening(s, on);
    if (r != null) {
      return r;
    }
    for (LifeDomain domain : domains) {
      if (!s.scope().contains(domain)) {
        return new DomainOutsideScope(domain, s.scope());
      }
    }
    return consented(s, provider).containsAll(domains) ? new AlreadyShared(provider, domains) : null;
  }

  /** Only what is shared can be withdrawn, on a day in the case. */
  private static Rejection withdrawConsentRules(CaseFile s, ProviderId provider, Set<LifeDomain> domains,
      LocalDate on) {
    Rejection r = notBeforeOpening(s, on);
    if (r != null) {
      return r;
    }
    Set<LifeDomain> notShared = domains.removeAll(consented(s, provider));
    return notShared.isEmpty() ? null : new NotShared(provider, notShared);
  }

  /** Extending the scope adds a life domain, with the client's consent dated on or after the opening. */
  private static Rejection extendScopeRules(CaseFile s, Set<LifeDomain> domains, LocalDate consentedOn) {
    Rejection r = notBeforeOpening(s, consentedOn);
    if (r != null) {
      return r;
    }
    return s.scope().containsAll(domains) ? new AlreadyInScope(domains) : null;
  }

  /**
   * Closing: "goals achieved" only from the final evaluation with every goal achieved, "no needs identified" only
   * without open needs, and never dated before the opening or the last step of the work it ends.
   */
  private static Rejection closeCaseRules(CaseFile s, ClosureReason reason, LocalDate closedOn) {
    switch (reason) {
      case GOALS_ACHIEVED -> {
        if (s.phase() != Phase.EVALUATION) {
          return new ClosureReasonNotAllowed(reason, s.phase());
        }
        Rejection r = everyGoalAchieved(s);
        if (r != null) {
          return r;
        }
      }
      case NO_NEEDS_IDENTIFIED -> {
        Set<NeedId> open = s.openNeeds().map(Need::id).toSet();
        if (!open.isEmpty()) {
          return new OpenNeedsRemain(open);
        }
      }
      default -> { }
    }
    Rejection r = notBeforeOpening(s, closedOn);
    if (r == null) {
      r = openWorkStartedBy(s, closedOn);
    }
    return r != null ? r : countersigned(s, CommandKind.CLOSE_CASE);
  }

  /** Closing ends the open work on its day, so that day cannot come before the work's last step. */
  private static Rejection openWorkStartedBy(CaseFile s, LocalDate closedOn) {
    PlanVersion plan = s.planOrNull();
    if (plan != null) {
      for (java.util.Iterator<Intervention> all = plan.interventionMap().valuesIterator(); all.hasNext(); ) {
        Intervention i = all.next();
        Rejection r = NOT_ENDED.include(i.status()) ? notBeforeStart(i, closedOn) : null;
        if (r != null) {
          return r;
        }
      }
    }
    for (java.util.Iterator<Referral> all = s.referrals().valuesIterator(); all.hasNext(); ) {
      Referral referral = all.next();
      Rejection r = referral.status().isPending() ? notBeforeStep(referral, closedOn) : null;
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  /** "Goals achieved" means every goal of the current plan was evaluated as achieved. */
  private static Rejection everyGoalAchieved(CaseFile s) {
    PlanVersion plan = s.planOrNull();
    Set<GoalId> notEvaluated = HashSet.empty();
    Set<GoalId> notAchieved = HashSet.empty();
    boolean any = false;
    if (plan != null) {
      for (java.util.Iterator<Goal> goals = plan.goalMap().valuesIterator(); goals.hasNext(); ) {
        Goal g = goals.next();
        any = true;
        if (g.lifecycle() != GoalLifecycle.COMPLETED) {
          notEvaluated = notEvaluated.add(g.id());
        } else if (!g.achievement().isMet()) {
          notAchieved = notAchieved.add(g.id());
        }
      }
    }
    return any && notEvaluated.isEmpty() && notAchieved.isEmpty() ? null : new GoalsNotAchieved(notEvaluated, notAchieved);
  }

  // ---------------------------------------------------------------- assessment

  /** A new need: the assessment is open, its id is new, its domain inside the agreed scope. */
  private static Rejection recordNeedRules(CaseFile s, NeedId need, LifeDomain domain) {
    Rejection r = assessmentStillOpen(s);
    if (r == null && s.needMap().containsKey(need)) {
      r = new DuplicateNeed(need);
    }
    if (r == null && !s.scope().contains(domain)) {
      r = new NeedOutsideScope(need, domain, s.scope());
    }
    return r;
  }

  private static Rejection reviseNeedRules(CaseFile s, NeedId need) {
    Rejection r = assessmentStillOpen(s);
    return r != null ? r : openNeed(s, need);
  }

  /** A need is withdrawn only while no intervention that is not over addresses it. */
  private static Rejection withdrawNeedRules(CaseFile s, NeedId need) {
    Rejection r = assessmentStillOpen(s);
    if (r == null) {
      r = openNeed(s, need);
    }
    if (r == null) {
      Set<InterventionId> addressing = s.currentPlan()
          .map(p -> p.interventions().values()
              .filter(i -> NOT_ENDED.include(i.status()) && i.needs().contains(need))
              .map(Intervention::id).toSet())
          .getOrElse(HashSet.empty());
      r = addressing.isEmpty() ? null : new NeedStillAddressed(need, addressing);
    }
    return r;
  }

  private static Rejection recordStrengthRules(CaseFile s, LifeDomain domain) {
    Rejection r = assessmentStillOpen(s);
    return r == null && !s.scope().contains(domain) ? new DomainOutsideScope(domain, s.scope()) : r;
  }

  private static Rejection recordResourceRules(CaseFile s, ResourceId resource) {
    Rejection r = assessmentStillOpen(s);
    return r == null && has(s.resources(), resource) ? new DuplicateResource(resource) : r;
  }

  /** An assessment concludes with at least one open need. */
  private static Rejection completeAssessmentRules(CaseFile s) {
    Rejection r = assessmentStillOpen(s);
    return r == null && !anyOpen(s.needMap().valuesIterator()) ? new NoOpenNeeds() : r;
  }

  /** Needs, strengths and resources change only while the assessment is not concluded. */
  private static Rejection assessmentStillOpen(CaseFile s) {
    return s.assessmentCompleted() ? new AssessmentAlreadyCompleted() : null;
  }

  /**
   * Why the first of the needs (in the set's order) is unknown or not open, or null if all are open. A case has
   * few needs, so it first counts the open ones the set names instead of walking the set (a Vavr set allocates
   * an iterator to walk); only when that count falls short does it look for the culprit.
   */
  private static Rejection firstNotOpen(CaseFile s, Set<NeedId> needs) {
    EntityMap<NeedId, Need> recorded = s.needMap();
    if (recorded.size() <= WALK_INSTEAD_OF_SET_LIMIT) {
      int open = 0;
      for (java.util.Iterator<Need> all = recorded.valuesIterator(); all.hasNext(); ) {
        Need need = all.next();
        open += need.isOpen() && needs.contains(need.id()) ? 1 : 0;
      }
      if (open == needs.size()) {
        return null;
      }
    }
    for (NeedId need : needs) {
      Rejection r = openNeed(s, need);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  private static Rejection openNeed(CaseFile s, NeedId id) {
    Need need = s.needMap().get(id);
    if (need == null) {
      return new UnknownNeed(id);
    }
    return need.isOpen() ? null : new NeedNotOpen(id, need.status());
  }

  // ---------------------------------------------------------------- planning

  /**
   * Planning needs a concluded assessment and a period that starts on or after the opening and still encloses
   * every live intervention the new version carries over (or the plan would hold interventions outside its own
   * period).
   */
  private static Rejection startPlanningRules(CaseFile s, DayWindow period) {
    Rejection r = s.assessmentCompleted() ? null : new AssessmentNotCompleted();
    return r != null ? r : planPeriodRules(s, period);
  }

  /** Re-planning keeps the period, or moves to a new one under the same conditions as planning. */
  private static Rejection replanRules(CaseFile s, Option<DayWindow> period) {
    return period.isEmpty() ? null : planPeriodRules(s, period.getOrElseThrow(IllegalStateException::new));
  }

  /** A new plan version's period starts on or after the opening and encloses the live interventions it carries. */
  private static Rejection planPeriodRules(CaseFile s, DayWindow period) {
    Rejection r = notBeforeOpening(s, period.start());
    if (r == null) {
      r = s.currentPlan()
          .flatMap(p -> p.liveInterventions().find(i -> !period.encloses(i.window())))
          .map(i -> (Rejection) new WindowOutsidePlanPeriod(i.id(), i.window(), period))
          .getOrNull();
    }
    return r;
  }

  private static Rejection addGoalRules(CaseFile s, GoalId goal, Set<NeedId> needs, LocalDate dueOn) {
    Rejection r = planOpenForChanges(s);
    if (r == null && plan(s).goalMap().containsKey(goal)) {
      r = new DuplicateGoal(goal);
    }
    if (r == null) {
      r = firstNotOpen(s, needs);
    }
    return r == null ? notBeforeOpening(s, dueOn) : r;
  }

  /**
   * The heart of the plan's invariants: an intervention addresses open needs and known goals, its provider
   * offers the service, its kinds mean what the case already knows by their codes, its window lies in the plan's
   * period, and it neither overlaps an intervention of the same kind for the same need nor, for an exclusive kind,
   * any intervention of that kind.
   */
  private static Rejection planInterventionRules(CaseFile s, Intervention candidate, Provider provider) {
    Rejection r = planOpenForChanges(s);
    PlanVersion plan = plan(s);
    InterventionId id = candidate.id();
    if (r == null && plan.interventionMap().containsKey(id)) {
      r = new DuplicateIntervention(id);
    }
    for (int n = 0; r == null && n < candidate.needCount(); n++) {
      r = openNeed(s, candidate.need(n));
    }
    if (r == null && !candidate.goals().isEmpty()) {
      r = unknownGoal(plan, candidate.goals());
    }
    ServiceKind service = candidate.kind();
    if (r == null && !provider.offers(service)) {
      r = new ServiceNotOffered(provider.id(), service);
    }
    if (r == null) {
      r = conflictingServiceKind(s, provider, service);
    }
    if (r == null && !plan.period().encloses(candidate.window())) {
      r = new WindowOutsidePlanPeriod(id, candidate.window(), plan.period());
    }
    if (r != null) {
      return r;
    }
    Option<Overlap> overlap = plan.findOverlap(candidate);
    if (overlap.isDefined()) {
      Overlap o = overlap.getOrElseThrow(IllegalStateException::new);
      return new OverlappingIntervention(id, o.existing(), o.need().getOrElseThrow(IllegalStateException::new),
          o.kind(), o.sharedDays());
    }
    Option<Overlap> clash = plan.findExclusiveClash(candidate);
    if (clash.isDefined()) {
      Overlap o = clash.getOrElseThrow(IllegalStateException::new);
      return new ExclusiveServiceOverlap(id, o.existing(), o.kind(), o.sharedDays());
    }
    return null;
  }

  /**
   * The first of the goals that the plan does not hold, or null. A plan has few goals, so it counts how many of
   * them the set names instead of walking the set (a Vavr set allocates an iterator to walk).
   */
  private static Rejection unknownGoal(PlanVersion plan, Set<GoalId> goals) {
    EntityMap<GoalId, Goal> known = plan.goalMap();
    if (known.size() <= WALK_INSTEAD_OF_SET_LIMIT) {
      int named = 0;
      for (java.util.Iterator<GoalId> ids = known.keysIterator(); ids.hasNext(); ) {
        named += goals.contains(ids.next()) ? 1 : 0;
      }
      if (named == goals.size()) {
        return null;
      }
    }
    for (GoalId goal : goals) {
      if (!known.containsKey(goal)) {
        return new UnknownGoal(goal);
      }
    }
    return null;
  }

  private static Rejection deferNeedRules(CaseFile s, NeedId need) {
    Rejection r = planOpenForChanges(s);
    return r != null ? r : openNeed(s, need);
  }

  private static Rejection recordAgreementRules(CaseFile s, LocalDate agreedOn) {
    Rejection r = planOpenForChanges(s);
    return r != null ? r : notBeforeOpening(s, agreedOn);
  }

  /**
   * Approval: goals and interventions exist, every open need at or above the threshold is covered or
   * deferred, the client agreed to this version, and the cost is within the cap.
   */
  private static Rejection approvePlanRules(CaseFile s, LocalDate approvedOn) {
    Rejection r = planOpenForChanges(s);
    if (r == null) {
      r = notBeforeOpening(s, approvedOn);
    }
    if (r != null) {
      return r;
    }
    PlanVersion plan = plan(s);
    if (plan.goalMap().isEmpty()) {
      return new PlanHasNoGoals(plan.number());
    }
    if (plan.liveInterventionCount() == 0) {
      return new PlanHasNoInterventions(plan.number());
    }
    Set<NeedId> uncovered = uncoveredNeeds(s, plan);
    if (!uncovered.isEmpty()) {
      return new UncoveredNeeds(uncovered);
    }
    LocalDate agreedOn = plan.agreedOn().getOrNull();
    if (agreedOn == null) {
      return new AgreementMissing(plan.number());
    }
    if (approvedOn.isBefore(agreedOn)) {
      return new ApprovalBeforeAgreement(plan.number(), approvedOn, agreedOn);
    }
    Money cap = plan.budgetCap().getOrNull();
    if (cap != null) {
      // The cost is summed only when there is a cap to compare it with.
      Money cost = plan.plannedCost();
      if (cost.exceeds(cap)) {
        return new BudgetExceeded(cost, cap);
      }
    }
    return countersigned(s, CommandKind.APPROVE_PLAN);
  }

  /**
   * Open needs at or above the plan's threshold, neither covered by a live intervention, nor by a referral an
   * outside provider has accepted (seed 002's protection case is served by referral), nor deferred.
   */
  private static Set<NeedId> uncoveredNeeds(CaseFile s, PlanVersion plan) {
    Set<NeedId> uncovered = HashSet.empty();
    for (java.util.Iterator<Need> needs = s.needMap().valuesIterator(); needs.hasNext(); ) {
      Need need = needs.next();
      if (need.isOpen() && need.priority().isAtLeast(plan.coverageThreshold()) && !plan.covers(need.id())
          && !plan.deferralMap().containsKey(need.id()) && !referredAndAccepted(s, need.id())) {
        uncovered = uncovered.add(need.id());
      }
    }
    return uncovered;
  }

  private static boolean referredAndAccepted(CaseFile s, NeedId need) {
    for (java.util.Iterator<Referral> all = s.referrals().valuesIterator(); all.hasNext(); ) {
      Referral referral = all.next();
      if (referral.status() == ReferralStatus.ACCEPTED && referral.needs().contains(need)) {
        return true;
      }
    }
    return false;
  }

  private static Rejection startImplementationRules(CaseFile s) {
    PlanVersion plan = plan(s);
    return plan.isApproved() ? null : new PlanNotApproved(plan.number());
  }

  /** A plan version changes only until it is approved; after that, only in a new version. */
  private static Rejection planOpenForChanges(CaseFile s) {
    PlanVersion plan = plan(s);
    return plan.isApproved() ? new PlanAlreadyApproved(plan.number()) : null;
  }

  // ---------------------------------------------------------------- implementation

  /** An intervention starts once, from planned, within its window ({@code [start, end)}). */
  private static Rejection startInterventionRules(CaseFile s, InterventionId id, LocalDate on) {
    Intervention i = intervention(s, id);
    Rejection r = inStatus(id, i, PLANNED);
    if (r != null) {
      return r;
    }
    if (on.isBefore(i.window().start())) {
      return new StartBeforeWindow(i.id(), on, i.window().start());
    }
    return on.isBefore(i.window().end()) ? null : new StartAfterWindow(i.id(), on, i.window().end());
  }

  /** Suspending, resuming and completing need the right status and are not dated before the start. */
  private static Rejection deliveryStepRules(CaseFile s, InterventionId id, Statuses required, LocalDate on) {
    Intervention i = intervention(s, id);
    Rejection r = inStatus(id, i, required);
    return r != null ? r : notBeforeStart(i, on);
  }

  /** Cancelling: before approval only while the plan is open; never a finished intervention; not back-dated. */
  private static Rejection cancelInterventionRules(CaseFile s, InterventionId id, LocalDate on) {
    if (s.phase() == Phase.PLANNING) {
      Rejection r = planOpenForChanges(s);
      if (r != null) {
        return r;
      }
    }
    Intervention i = intervention(s, id);
    Rejection r = inStatus(id, i, NOT_ENDED);
    if (r == null) {
      r = notBeforeOpening(s, on);
    }
    return r != null ? r : notBeforeStart(i, on);
  }

  /** Why the intervention (looked up by id, null if the plan has none) cannot take the command, or null. */
  private static Rejection inStatus(InterventionId id, Intervention i, Statuses required) {
    if (i == null) {
      return new UnknownIntervention(id);
    }
    return required.include(i.status()) ? null : new InterventionNotInStatus(id, i.status(), required.named());
  }

  private static Intervention intervention(CaseFile s, InterventionId id) {
    return plan(s).interventionMap().get(id);
  }

  private static Rejection notBeforeStart(Intervention i, LocalDate on) {
    LocalDate started = i.startedOn().getOrNull();
    return started != null && on.isBefore(started) ? new BeforeInterventionStart(i.id(), on, started) : null;
  }

  // ---------------------------------------------------------------- monitoring and evaluation

  /**
   * A review is dated on or after the opening and the previous review (so "last reviewed" never moves back),
   * names known interventions, and follows a started one.
   */
  private static Rejection recordReviewRules(CaseFile s, LocalDate on, Map<InterventionId, Finding> findings) {
    Rejection r = notBeforeOpening(s, on);
    if (r != null) {
      return r;
    }
    LocalDate last = s.lastReviewOrNull();
    if (last != null && on.isBefore(last)) {
      return new ReviewBeforeLastReview(on, last);
    }
    PlanVersion plan = plan(s);
    for (java.util.Iterator<InterventionId> ids = findings.keysIterator(); ids.hasNext(); ) {
      InterventionId id = ids.next();
      if (!plan.interventionMap().containsKey(id)) {
        return new UnknownIntervention(id);
      }
    }
    return plan.anyInterventionStarted() ? null : new NoInterventionStarted();
  }

  private static Rejection recordOutcomeRules(CaseFile s, GoalId goal) {
    return plan(s).goalMap().containsKey(goal) ? null : new UnknownGoal(goal);
  }

  // ---------------------------------------------------------------- referrals

  /**
   * A referral is for open needs, to a provider that offers the service, with kinds that mean what the case already
   * knows by their codes, and never duplicates a referral still pending for the same need and service (the closed
   * loop of seed 002: follow one request at a time).
   */
  private static Rejection requestReferralRules(CaseFile s, ReferralId referral, Set<NeedId> needs,
      Provider provider, ServiceKind service, LocalDate requestedOn) {
    Rejection r = has(s.referrals(), referral) ? new DuplicateReferral(referral) : null;
    if (r == null) {
      r = firstNotOpen(s, needs);
    }
    if (r == null && !provider.offers(service)) {
      r = new ServiceNotOffered(provider.id(), service);
    }
    if (r == null) {
      r = conflictingServiceKind(s, provider, service);
    }
    if (r == null) {
      r = notBeforeOpening(s, requestedOn);
    }
    if (r == null) {
      for (Referral other : s.referrals().values()) {
        if (other.status().isPending() && other.service().equals(service)) {
          Option<NeedId> shared = needs.find(other.needs()::contains);
          if (shared.isDefined()) {
            return new ReferralAlreadyPending(referral, other.id(), shared.getOrElseThrow(IllegalStateException::new),
                service);
          }
        }
      }
    }
    if (r == null && s.details().permissions().referralsWithinConsent()) {
      // A referral carries its needs to the provider: only needs in domains the client shares with it.
      Set<LifeDomain> shared = consented(s, provider.id());
      Set<LifeDomain> notShared = needs.flatMap(n -> s.needs().get(n).map(Need::domain)).toSet()
          .removeAll(shared);
      if (!notShared.isEmpty()) {
        return new NotShared(provider.id(), notShared);
      }
    }
    return r;
  }

  /** Answering or completing a referral needs the right status and is not dated before its previous step. */
  private static Rejection referralStepRules(CaseFile s, ReferralId id, ReferralStatus required, LocalDate on) {
    Referral referral = s.referrals().getOrElse(id, null);
    Rejection r = inStatus(id, referral, required);
    return r != null ? r : notBeforeStep(referral, on);
  }

  /** Why the referral (looked up by id, null if the case has none) cannot take the command, or null. */
  private static Rejection inStatus(ReferralId id, Referral referral, ReferralStatus required) {
    if (referral == null) {
      return new UnknownReferral(id);
    }
    return referral.status() == required ? null : new ReferralNotInStatus(id, referral.status(), required);
  }

  /** Each step of a referral is dated on or after the previous one. */
  private static Rejection notBeforeStep(Referral referral, LocalDate on) {
    LocalDate previous = referral.answeredOn().getOrElse(referral.requestedOn());
    return on.isBefore(previous) ? new BeforeReferralStep(referral.id(), on, previous) : null;
  }

  // ---------------------------------------------------------------- service kinds

  /**
   * One code, one meaning: a command may not bring into the case a service kind whose code the case already knows
   * with the other exclusivity. Kinds are compared as values, so the exclusive-overlap rule would take the two for
   * different kinds and let two services the client can receive only one at a time overlap.
   *
   * <p>A command brings its service and the kinds its provider offers. The case knows the kinds its providers
   * offer, those its interventions deliver (cancelled ones, and earlier plan versions', included) and those its
   * referrals ask for or their providers offer. Two shortcuts keep the common command cheap: a built-in kind never
   * conflicts ({@link ServiceKind} reserves its code), and a provider the case already holds, unchanged, brings no
   * kind the case does not know.
   */
  private static Rejection conflictingServiceKind(CaseFile s, Provider provider, ServiceKind service) {
    Set<ServiceKind> offers = provider.offers();
    boolean onlyTheService = offers.size() == 1 && offers.contains(service);
    if (onlyTheService && service.isBuiltIn()) {
      return null;
    }
    Provider known = s.providerMap().get(provider.id());
    if (known != null && (known == provider || known.equals(provider)) && offers.contains(service)) {
      return null;
    }
    Rejection r = conflictWithCase(s, service);
    for (java.util.Iterator<ServiceKind> each = onlyTheService ? null : offers.iterator();
        r == null && each != null && each.hasNext(); ) {
      r = conflictWithCase(s, each.next());
    }
    return r;
  }

  /** The rejection if the case knows {@code kind}'s code with the other exclusivity, or null. */
  private static Rejection conflictWithCase(CaseFile s, ServiceKind kind) {
    if (kind.isBuiltIn()) {
      return null;
    }
    boolean known = false;
    for (java.util.Iterator<Provider> providers = s.providerMap().valuesIterator(); !known && providers.hasNext(); ) {
      known = offersConflicting(providers.next(), kind);
    }
    PlanVersion plan = s.planOrNull();
    known = known || plan != null && plan.deliversConflictingKind(kind);
    for (java.util.Iterator<Referral> referrals = s.referrals().valuesIterator(); !known && referrals.hasNext(); ) {
      Referral referral = referrals.next();
      known = PlanIndex.conflicting(referral.service(), kind) || offersConflicting(referral.provider(), kind);
    }
    return known ? new ConflictingServiceKind(kind.code(), !kind.exclusive(), kind.exclusive()) : null;
  }

  private static boolean offersConflicting(Provider provider, ServiceKind kind) {
    return provider.offers().exists(offered -> PlanIndex.conflicting(offered, kind));
  }

  // ---------------------------------------------------------------- shared

  private static Rejection notBeforeOpening(CaseFile s, LocalDate day) {
    return day.isBefore(s.openedOn()) ? new DayBeforeOpening(day, s.openedOn()) : null;
  }

  /** Whether a map holds a key; Vavr's {@code containsKey} allocates an {@code Option} on every hit. */
  private static <K> boolean has(io.vavr.collection.Map<K, ?> map, K key) {
    return map.getOrElse(key, null) != null;
  }

  private static boolean anyOpen(java.util.Iterator<Need> needs) {
    while (needs.hasNext()) {
      if (needs.next().isOpen()) {
        return true;
      }
    }
    return false;
  }

  /** Every phase from planning on has a plan: the table reaches them only through {@code PlanningStarted}. */
  private static PlanVersion plan(CaseFile s) {
    PlanVersion plan = s.planOrNull();
    if (plan == null) {
      throw new IllegalStateException("no plan in phase " + s.phase());
    }
    return plan;
  }
}
