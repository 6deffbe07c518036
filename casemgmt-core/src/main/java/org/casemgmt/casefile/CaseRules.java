package org.casemgmt.casefile;

import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.LocalDate;
import org.casemgmt.casefile.CaseEvent.*;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.casefile.Rejection.*;
import org.casemgmt.internal.EntityMap;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
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
import org.casemgmt.resource.Resource;
import org.casemgmt.resource.ServiceKind;
import org.casemgmt.resource.Strength;

/**
 * {@code decide(state, envelope, command) -> Decision}: every rule of the case file. A command causes at most
 * one event, so the rules answer a {@link Decision} — the event, or the {@link Rejection} of the first rule
 * broken; {@link CaseFile} numbers the event (or applies it at once, in {@code handle}). The order of checks is
 * fixed: the version, the phase table, the opening date, then the command's own rules.
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
    // kind() is a call on an interface with dozens of implementations: ask it once.
    CommandKind kind = command.kind();
    Rejection rejection = general(s, command, kind, issued);
    return rejection != null ? rejection : specific(s, command, kind);
  }

  // ---------------------------------------------------------------- rules every command obeys

  private static Rejection general(CaseFile s, Command command, CommandKind kind, Issued issued) {
    Option<Long> expected = issued.expectedVersion();
    if (expected.isDefined() && expected.getOrElse(-1L) != s.version()) {
      return new VersionConflict(s.id(), expected.getOrElse(-1L), s.version());
    }
    if (command instanceof OpenCase) {
      return new CaseAlreadyOpened(s.id());
    }
    if (!PhaseTable.isPermitted(s.phase(), s.suspended(), kind)) {
      return new CommandNotPermitted(kind, s.phase(), s.suspended(), s.permittedCommands(), s.reachablePhases());
    }
    if (issued.at().isBefore(s.openedAt())) {
      return new IssuedBeforeOpening(issued.at(), s.openedAt());
    }
    return null;
  }

  /** Answers the event, or the rejection of the first rule broken. */
  private static Decision specific(CaseFile s, Command command, CommandKind kind) {
    return switch (kind) {
      // general() has already refused it: an open case file is never opened again.
      case OPEN_CASE -> throw new IllegalStateException("OPEN_CASE reached the rules of an open case file");
      case HAND_OVER -> handOver(s, (HandOver) command);
      case EXTEND_SCOPE -> extendScope(s, (ExtendScope) command);
      case SUSPEND_CASE -> new CaseSuspended(((SuspendCase) command).reason());
      case RESUME_CASE -> RESUMED;
      case CLOSE_CASE -> closeCase(s, (CloseCase) command);
      case REOPEN_CASE -> new CaseReopened(((ReopenCase) command).reason());
      case START_ASSESSMENT -> ASSESSMENT_STARTED;
      case RECORD_NEED -> recordNeed(s, (RecordNeed) command);
      case REVISE_NEED -> reviseNeed(s, (ReviseNeed) command);
      case WITHDRAW_NEED -> withdrawNeed(s, (WithdrawNeed) command);
      case RECORD_STRENGTH -> recordStrength(s, (RecordStrength) command);
      case RECORD_RESOURCE -> recordResource(s, (RecordResource) command);
      case COMPLETE_ASSESSMENT -> completeAssessment(s);
      case START_PLANNING -> startPlanning(s, (StartPlanning) command);
      case ADD_GOAL -> addGoal(s, (AddGoal) command);
      case PLAN_INTERVENTION -> planIntervention(s, (PlanIntervention) command);
      case DEFER_NEED -> deferNeed(s, (DeferNeed) command);
      case SET_BUDGET_CAP -> setBudgetCap(s, (SetBudgetCap) command);
      case RECORD_AGREEMENT -> recordAgreement(s, (RecordAgreement) command);
      case APPROVE_PLAN -> approvePlan(s, (ApprovePlan) command);
      case START_IMPLEMENTATION -> startImplementation(s);
      case START_INTERVENTION -> startIntervention(s, (StartIntervention) command);
      case SUSPEND_INTERVENTION -> suspendIntervention(s, (SuspendIntervention) command);
      case RESUME_INTERVENTION -> resumeIntervention(s, (ResumeIntervention) command);
      case COMPLETE_INTERVENTION -> completeIntervention(s, (CompleteIntervention) command);
      case CANCEL_INTERVENTION -> cancelIntervention(s, (CancelIntervention) command);
      case RECORD_REVIEW -> recordReview(s, (RecordReview) command);
      case START_EVALUATION -> EVALUATION_STARTED;
      case RECORD_OUTCOME -> recordOutcome(s, (RecordOutcome) command);
      case REPLAN -> new ReplanningStarted(((Replan) command).reason());
      case ADD_PARTICIPANT -> addParticipant(s, (AddParticipant) command);
      case REQUEST_REFERRAL -> requestReferral(s, (RequestReferral) command);
      case ACCEPT_REFERRAL -> acceptReferral(s, (AcceptReferral) command);
      case DECLINE_REFERRAL -> declineReferral(s, (DeclineReferral) command);
      case COMPLETE_REFERRAL -> completeReferral(s, (CompleteReferral) command);
    };
  }

  // ---------------------------------------------------------------- intake and the whole case

  private static Decision handOver(CaseFile s, HandOver c) {
    return c.newCaseManager().equals(s.caseManager())
        ? new AlreadyCaseManager(s.caseManager())
        : new CaseHandedOver(s.caseManager(), c.newCaseManager());
  }

  private static Decision extendScope(CaseFile s, ExtendScope c) {
    Rejection r = notBeforeOpening(s, c.consentedOn());
    if (r != null) {
      return r;
    }
    Set<LifeDomain> added = c.domains().removeAll(s.scope());
    return added.isEmpty() ? new AlreadyInScope(c.domains()) : new ScopeExtended(added, c.consentedOn());
  }

  private static Decision closeCase(CaseFile s, CloseCase c) {
    switch (c.reason()) {
      case GOALS_ACHIEVED -> {
        if (s.phase() != Phase.EVALUATION) {
          return new ClosureReasonNotAllowed(c.reason(), s.phase());
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
    Rejection r = notBeforeOpening(s, c.closedOn());
    if (r == null) {
      r = openWorkStartedBy(s, c.closedOn());
    }
    return r != null ? r : new CaseClosed(c.reason(), c.closedOn(), c.note());
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

  private static Decision recordNeed(CaseFile s, RecordNeed c) {
    Rejection r = assessmentStillOpen(s);
    if (r == null && s.needMap().containsKey(c.need())) {
      r = new DuplicateNeed(c.need());
    }
    if (r == null && !s.scope().contains(c.domain())) {
      r = new NeedOutsideScope(c.need(), c.domain(), s.scope());
    }
    return r != null ? r
        : new NeedRecorded(Need.of(c.need(), c.domain(), c.description(), c.priority(), c.identifiedBy()));
  }

  private static Decision reviseNeed(CaseFile s, ReviseNeed c) {
    Rejection r = assessmentStillOpen(s);
    if (r == null) {
      r = openNeed(s, c.need());
    }
    return r != null ? r : new NeedRevised(c.need(), c.description(), c.priority());
  }

  private static Decision withdrawNeed(CaseFile s, WithdrawNeed c) {
    Rejection r = assessmentStillOpen(s);
    if (r == null) {
      r = openNeed(s, c.need());
    }
    if (r == null) {
      Set<InterventionId> addressing = s.currentPlan()
          .map(p -> p.interventions().values()
              .filter(i -> NOT_ENDED.include(i.status()) && i.needs().contains(c.need()))
              .map(Intervention::id).toSet())
          .getOrElse(HashSet.empty());
      r = addressing.isEmpty() ? null : new NeedStillAddressed(c.need(), addressing);
    }
    return r != null ? r : new NeedWithdrawn(c.need(), c.reason());
  }

  private static Decision recordStrength(CaseFile s, RecordStrength c) {
    Rejection r = assessmentStillOpen(s);
    if (r == null && !s.scope().contains(c.domain())) {
      r = new DomainOutsideScope(c.domain(), s.scope());
    }
    return r != null ? r : new StrengthRecorded(Strength.of(c.domain(), c.description()));
  }

  private static Decision recordResource(CaseFile s, RecordResource c) {
    Rejection r = assessmentStillOpen(s);
    if (r == null && has(s.resources(), c.resource())) {
      r = new DuplicateResource(c.resource());
    }
    return r != null ? r : new ResourceRecorded(
        Resource.of(c.resource(), c.type(), c.description()));
  }

  private static Decision completeAssessment(CaseFile s) {
    Rejection r = assessmentStillOpen(s);
    if (r == null && !anyOpen(s.needMap().valuesIterator())) {
      r = new NoOpenNeeds();
    }
    return r != null ? r : ASSESSMENT_COMPLETED;
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

  private static Decision startPlanning(CaseFile s, StartPlanning c) {
    Rejection r = s.assessmentCompleted() ? null : new AssessmentNotCompleted();
    if (r == null) {
      r = notBeforeOpening(s, c.period().start());
    }
    if (r == null) {
      // The new version starts as a copy of the current one: its period must still enclose every live
      // intervention it carries over, or the plan would hold interventions outside its own period.
      r = s.currentPlan()
          .flatMap(p -> p.liveInterventions().find(i -> !c.period().encloses(i.window())))
          .map(i -> (Rejection) new WindowOutsidePlanPeriod(i.id(), i.window(), c.period()))
          .getOrNull();
    }
    return r != null ? r : new PlanningStarted(s.currentPlan().map(p -> p.number() + 1).getOrElse(1), c.period(),
        c.coverageThreshold());
  }

  private static Decision addGoal(CaseFile s, AddGoal c) {
    Rejection r = planOpenForChanges(s);
    PlanVersion plan = plan(s);
    if (r == null && plan.goalMap().containsKey(c.goal())) {
      r = new DuplicateGoal(c.goal());
    }
    if (r == null) {
      r = firstNotOpen(s, c.needs());
    }
    if (r == null) {
      r = notBeforeOpening(s, c.dueOn());
    }
    return r != null ? r : new GoalAdded(Goal.of(c.goal(), c.needs(), c.description(), c.target(), c.dueOn()));
  }

  /**
   * The heart of the plan's invariants: an intervention addresses open needs and known goals, its provider
   * offers the service, its kinds mean what the case already knows by their codes, its window lies in the plan's
   * period, and it neither overlaps an intervention of the same kind for the same need nor, for an exclusive kind,
   * any intervention of that kind.
   */
  private static Decision planIntervention(CaseFile s, PlanIntervention c) {
    Rejection r = planOpenForChanges(s);
    PlanVersion plan = plan(s);
    if (r == null && plan.interventionMap().containsKey(c.intervention())) {
      r = new DuplicateIntervention(c.intervention());
    }
    // The command's fields are checked already; the candidate gives its needs as an array to walk.
    Intervention candidate = Intervention.of(
        c.intervention(), c.needs(), c.goals(), c.provider().id(), c.service(), c.window(), c.cost());
    for (int n = 0; r == null && n < candidate.needCount(); n++) {
      r = openNeed(s, candidate.need(n));
    }
    if (r == null && !c.goals().isEmpty()) {
      r = unknownGoal(plan, c.goals());
    }
    if (r == null && !c.provider().offers(c.service())) {
      r = new ServiceNotOffered(c.provider().id(), c.service());
    }
    if (r == null) {
      r = conflictingServiceKind(s, c.provider(), c.service());
    }
    if (r == null && !plan.period().encloses(c.window())) {
      r = new WindowOutsidePlanPeriod(c.intervention(), c.window(), plan.period());
    }
    if (r != null) {
      return r;
    }
    Option<Overlap> overlap = plan.findOverlap(candidate);
    if (overlap.isDefined()) {
      Overlap o = overlap.getOrElseThrow(IllegalStateException::new);
      return new OverlappingIntervention(c.intervention(), o.existing(),
          o.need().getOrElseThrow(IllegalStateException::new), o.kind(), o.sharedDays());
    }
    Option<Overlap> clash = plan.findExclusiveClash(candidate);
    if (clash.isDefined()) {
      Overlap o = clash.getOrElseThrow(IllegalStateException::new);
      return new ExclusiveServiceOverlap(c.intervention(), o.existing(), o.kind(), o.sharedDays());
    }
    return new InterventionPlanned(candidate, c.provider());
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

  private static Decision deferNeed(CaseFile s, DeferNeed c) {
    Rejection r = planOpenForChanges(s);
    if (r == null) {
      r = openNeed(s, c.need());
    }
    return r != null ? r : new NeedDeferred(c.need(), c.reason());
  }

  private static Decision recordAgreement(CaseFile s, RecordAgreement c) {
    Rejection r = planOpenForChanges(s);
    if (r == null) {
      r = notBeforeOpening(s, c.agreedOn());
    }
    return r != null ? r : new PlanAgreed(c.agreedOn());
  }

  /**
   * Approval: goals and interventions exist, every open need at or above the threshold is covered or
   * deferred, the client agreed to this version, and the cost is within the cap.
   */
  private static Decision approvePlan(CaseFile s, ApprovePlan c) {
    Rejection r = planOpenForChanges(s);
    if (r == null) {
      r = notBeforeOpening(s, c.approvedOn());
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
    if (plan.agreedOn().isEmpty()) {
      return new AgreementMissing(plan.number());
    }
    Money cap = plan.budgetCap().getOrNull();
    if (cap != null) {
      // The cost is summed only when there is a cap to compare it with.
      Money cost = plan.plannedCost();
      if (cost.exceeds(cap)) {
        return new BudgetExceeded(cost, cap);
      }
    }
    return new PlanApproved(c.approvedOn());
  }

  /** Open needs at or above the plan's threshold, neither covered by a live intervention nor deferred. */
  private static Set<NeedId> uncoveredNeeds(CaseFile s, PlanVersion plan) {
    Set<NeedId> uncovered = HashSet.empty();
    for (java.util.Iterator<Need> needs = s.needMap().valuesIterator(); needs.hasNext(); ) {
      Need need = needs.next();
      if (need.isOpen() && need.priority().isAtLeast(plan.coverageThreshold()) && !plan.covers(need.id())
          && !plan.deferralMap().containsKey(need.id())) {
        uncovered = uncovered.add(need.id());
      }
    }
    return uncovered;
  }

  private static Decision startImplementation(CaseFile s) {
    PlanVersion plan = plan(s);
    return plan.isApproved() ? IMPLEMENTATION_STARTED : new PlanNotApproved(plan.number());
  }

  /** A plan version changes only until it is approved; after that, only in a new version. */
  private static Rejection planOpenForChanges(CaseFile s) {
    PlanVersion plan = plan(s);
    return plan.isApproved() ? new PlanAlreadyApproved(plan.number()) : null;
  }

  // ---------------------------------------------------------------- implementation

  private static Decision startIntervention(CaseFile s, StartIntervention c) {
    Intervention i = intervention(s, c.intervention());
    Rejection refused = inStatus(c.intervention(), i, PLANNED);
    if (refused != null) {
      return refused;
    }
    return c.on().isBefore(i.window().start())
        ? new StartBeforeWindow(i.id(), c.on(), i.window().start())
        : new InterventionStarted(i.id(), c.on());
  }

  private static Decision suspendIntervention(CaseFile s, SuspendIntervention c) {
    Intervention i = intervention(s, c.intervention());
    Rejection refused = inStatus(c.intervention(), i, ACTIVE);
    if (refused != null) {
      return refused;
    }
    Rejection problem = notBeforeStart(i, c.on());
    return problem != null ? problem : new InterventionSuspended(c.intervention(), c.on());
  }

  private static Decision resumeIntervention(CaseFile s, ResumeIntervention c) {
    Intervention i = intervention(s, c.intervention());
    Rejection refused = inStatus(c.intervention(), i, SUSPENDED);
    if (refused != null) {
      return refused;
    }
    Rejection problem = notBeforeStart(i, c.on());
    return problem != null ? problem : new InterventionResumed(c.intervention(), c.on());
  }

  private static Decision completeIntervention(CaseFile s, CompleteIntervention c) {
    Intervention i = intervention(s, c.intervention());
    Rejection refused = inStatus(c.intervention(), i, DELIVERING);
    if (refused != null) {
      return refused;
    }
    Rejection problem = notBeforeStart(i, c.on());
    return problem != null ? problem : new InterventionCompleted(c.intervention(), c.on());
  }

  private static Decision cancelIntervention(CaseFile s, CancelIntervention c) {
    if (s.phase() == Phase.PLANNING) {
      Rejection r = planOpenForChanges(s);
      if (r != null) {
        return r;
      }
    }
    Intervention i = intervention(s, c.intervention());
    Rejection refused = inStatus(c.intervention(), i, NOT_ENDED);
    if (refused != null) {
      return refused;
    }
    Rejection r = notBeforeOpening(s, c.on());
    if (r == null) {
      r = notBeforeStart(i, c.on());
    }
    return r != null ? r : new InterventionCancelled(c.intervention(), c.on(), c.reason());
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

  private static Decision recordReview(CaseFile s, RecordReview c) {
    Rejection r = notBeforeOpening(s, c.on());
    if (r != null) {
      return r;
    }
    PlanVersion plan = plan(s);
    for (java.util.Iterator<InterventionId> ids = c.findings().keysIterator(); ids.hasNext(); ) {
      InterventionId id = ids.next();
      if (!plan.interventionMap().containsKey(id)) {
        return new UnknownIntervention(id);
      }
    }
    if (!plan.anyInterventionStarted()) {
      return new NoInterventionStarted();
    }
    return new ReviewRecorded(c.on(), c.findings(), c.decision());
  }

  private static Decision recordOutcome(CaseFile s, RecordOutcome c) {
    return plan(s).goalMap().containsKey(c.goal())
        ? new OutcomeRecorded(c.goal(), c.achievement())
        : new UnknownGoal(c.goal());
  }

  // ---------------------------------------------------------------- referrals

  /**
   * A referral is for open needs, to a provider that offers the service, with kinds that mean what the case already
   * knows by their codes, and never duplicates a referral still pending for the same need and service (the closed
   * loop of seed 002: follow one request at a time).
   */
  private static Decision requestReferral(CaseFile s, RequestReferral c) {
    Rejection r = has(s.referrals(), c.referral()) ? new DuplicateReferral(c.referral()) : null;
    if (r == null) {
      r = firstNotOpen(s, c.needs());
    }
    if (r == null && !c.provider().offers(c.service())) {
      r = new ServiceNotOffered(c.provider().id(), c.service());
    }
    if (r == null) {
      r = conflictingServiceKind(s, c.provider(), c.service());
    }
    if (r == null) {
      r = notBeforeOpening(s, c.requestedOn());
    }
    if (r == null) {
      for (Referral other : s.referrals().values()) {
        if (other.status().isPending() && other.service().equals(c.service())) {
          Option<NeedId> shared = c.needs().find(other.needs()::contains);
          if (shared.isDefined()) {
            return new ReferralAlreadyPending(c.referral(), other.id(),
                shared.getOrElseThrow(IllegalStateException::new), c.service());
          }
        }
      }
    }
    return r != null ? r : new ReferralRequested(
        Referral.requested(c.referral(), c.needs(), c.provider(), c.service(), c.requestedOn()));
  }

  private static Decision acceptReferral(CaseFile s, AcceptReferral c) {
    Referral referral = s.referrals().getOrElse(c.referral(), null);
    Rejection refused = inStatus(c.referral(), referral, ReferralStatus.REQUESTED);
    if (refused != null) {
      return refused;
    }
    Rejection problem = notBeforeStep(referral, c.on());
    return problem != null ? problem : new ReferralAccepted(c.referral(), c.on());
  }

  private static Decision declineReferral(CaseFile s, DeclineReferral c) {
    Referral referral = s.referrals().getOrElse(c.referral(), null);
    Rejection refused = inStatus(c.referral(), referral, ReferralStatus.REQUESTED);
    if (refused != null) {
      return refused;
    }
    Rejection problem = notBeforeStep(referral, c.on());
    return problem != null ? problem : new ReferralDeclined(c.referral(), c.on(), c.reason());
  }

  private static Decision completeReferral(CaseFile s, CompleteReferral c) {
    Referral referral = s.referrals().getOrElse(c.referral(), null);
    Rejection refused = inStatus(c.referral(), referral, ReferralStatus.ACCEPTED);
    if (refused != null) {
      return refused;
    }
    Rejection problem = notBeforeStep(referral, c.on());
    return problem != null ? problem : new ReferralCompleted(c.referral(), c.on(), c.successful(), c.reason());
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

  private static Decision setBudgetCap(CaseFile s, SetBudgetCap c) {
    Rejection r = planOpenForChanges(s);
    return r != null ? r : new BudgetCapSet(c.cap());
  }

  private static Decision addParticipant(CaseFile s, AddParticipant c) {
    Rejection r = planOpenForChanges(s);
    return r != null ? r : new ParticipantAdded(c.participant());
  }
}
