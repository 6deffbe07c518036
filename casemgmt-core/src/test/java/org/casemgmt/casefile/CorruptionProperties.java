package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.concurrent.atomic.AtomicLong;
import org.casemgmt.casefile.CaseEvent.*;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.testkit.CaseGens;
import org.casemgmt.testkit.CaseInvariants;
import org.casemgmt.testkit.CheckedStep;
import org.casemgmt.testkit.GeneratedCase;
import org.casemgmt.testkit.Invariant;
import org.casemgmt.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * Every single-event corruption of a valid history is caught or harmless. Valid histories come from the model
 * checker's generator (commands chosen from the case as it stands, valid and invalid; the accepted ones'
 * events are the history). Each is corrupted in every way one event can go wrong in a store — dropped,
 * duplicated, or swapped with its neighbour, the numbering repaired so that only the rules can tell — and
 * {@link CaseFile#replay} must either refuse the result or rebuild a case file that satisfies every
 * {@link CaseInvariants} check at every step. The valid history itself must replay to the state its commands
 * built.
 */
class CorruptionProperties {

  /** Generated cases; at the default count, well over 100,000 corrupted histories are replayed. */
  static final int CASES = Integer.getInteger("casemgmt.sequences", 2000);

  @Test
  void every_dropped_duplicated_or_swapped_event_is_refused_or_leaves_a_case_that_keeps_every_invariant() {
    AtomicLong corrupted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    long started = System.nanoTime();
    Property.forAll(CaseGens.generatedCases(60)).tries(CASES).check(generated -> {
      Vector<RecordedEvent> history = record(generated);
      if (!CaseFile.replay(history).contains(generated.play())) {
        return false;
      }
      for (Vector<RecordedEvent> corruption : corruptions(history)) {
        corrupted.incrementAndGet();
        Either<InvalidHistory, CaseFile> replayed = CaseFile.replay(corruption);
        if (replayed.isLeft()) {
          refused.incrementAndGet();
        } else if (!keepsEveryInvariant(corruption)) {
          return false;
        }
      }
      return true;
    });
    System.out.printf("CorruptionProperties: %d corrupted histories of %d generated cases replayed in %d ms, %d refused,"
        + " %d harmless%n", corrupted.get(), CASES, (System.nanoTime() - started) / 1_000_000, refused.get(),
        corrupted.get() - refused.get());
    if (CASES >= 2000) {
      assertTrue(corrupted.get() >= 100_000, "too few corrupted histories: " + corrupted.get());
    }
    assertTrue(refused.get() > corrupted.get() / 2, "most corruptions break a rule: " + refused.get());
  }

  @Test
  void a_duplicated_cancellation_in_a_plan_past_the_scan_limit_is_refused_not_thrown() {
    // A plan of more than PlanIndex.SCANNED_PLAN_LIMIT interventions, one cancelled: its cancellation repeated
    // would once have thrown an amount error, or rebuilt a plan whose count and cost contradict its interventions.
    Vector<RecordedEvent> history = largePlanWithACancellation();
    int cancelled = history.indexWhere(e -> e.event() instanceof InterventionCancelled);
    Vector<RecordedEvent> duplicated = renumber(history.insert(cancelled + 1, history.get(cancelled)));

    InvalidHistory problem = CaseFile.replay(duplicated).swap().getOrElseThrow(() -> new AssertionError("replayed"));

    assertEquals(InvalidHistory.Problem.BREAKS_RULE, problem.problem());
    assertEquals(cancelled + 2, problem.position());
    assertTrue(problem.rejection().exists(r -> r instanceof Rejection.InterventionNotInStatus), problem.toString());
  }

  // ---------------------------------------------------------------- histories and their corruptions

  /** A case whose plan holds 20 interventions for one need, back to back, the fifth of them cancelled. */
  static Vector<RecordedEvent> largePlanWithACancellation() {
    java.time.LocalDate day0 = ReferenceLifecycleTest.DAY0;
    org.casemgmt.need.NeedId need = org.casemgmt.need.NeedId.of("N-1");
    org.casemgmt.resource.Provider provider = org.casemgmt.resource.Provider.of(
        org.casemgmt.resource.ProviderId.of("P-1"), "Centre", org.casemgmt.resource.ResourceType.PUBLIC_SERVICE,
        org.casemgmt.resource.ServiceKind.COUNSELLING);
    List<Command> commands = List.of(new StartAssessment(),
        new RecordNeed(need, org.casemgmt.need.LifeDomain.HOUSING, "evicted", org.casemgmt.need.Priority.HIGH,
            org.casemgmt.need.IdentifiedBy.CLIENT),
        new CompleteAssessment(), StartPlanning.of(org.casemgmt.plan.DayWindow.ofDays(day0, 365)));
    for (int i = 0; i < 20; i++) {
      commands = commands.append(PlanIntervention.of(org.casemgmt.plan.InterventionId.of("I-" + i), need, provider,
          org.casemgmt.resource.ServiceKind.COUNSELLING, org.casemgmt.plan.DayWindow.ofDays(day0.plusDays(10L * i), 10),
          org.casemgmt.plan.Money.of(100)));
    }
    commands = commands.append(new CancelIntervention(org.casemgmt.plan.InterventionId.of("I-4"), day0, "moved"));
    Issued anna = ReferenceLifecycleTest.ANNA;
    Vector<RecordedEvent> history = Vector.ofAll(CaseFile.decideOpening(anna, ReferenceLifecycleTest.OPENING)
        .getOrElseThrow(r -> new AssertionError(r.rule())));
    CaseFile state = CaseFile.replay(history).getOrElseThrow(h -> new AssertionError(h.detail()));
    for (Command command : commands) {
      Seq<RecordedEvent> events = state.decide(anna, command).getOrElseThrow(r -> new AssertionError(r.rule()));
      history = history.appendAll(events);
      state = state.evolve(events);
    }
    return history;
  }

  /** The events of the generated case's accepted commands, as a store would hold them. */
  static Vector<RecordedEvent> record(GeneratedCase generated) {
    IssuedCommand opening = generated.opening();
    Vector<RecordedEvent> history = Vector.ofAll(CaseFile.decideOpening(opening.issued(),
        (OpenCase) opening.command()).getOrElseThrow(r -> new AssertionError(r.rule())));
    CaseFile state = CaseFile.replay(history).getOrElseThrow(h -> new AssertionError(h.detail()));
    for (IssuedCommand command : generated.commands()) {
      Either<Rejection, Seq<RecordedEvent>> decided = state.decide(command.issued(), command.command());
      if (decided.isRight()) {
        Seq<RecordedEvent> events = decided.getOrElseThrow(r -> new AssertionError(r.rule()));
        history = history.appendAll(events);
        state = state.evolve(events);
      }
    }
    return history;
  }

  /** Every drop, every duplicate and every swap of neighbours, renumbered 1, 2, 3… */
  static List<Vector<RecordedEvent>> corruptions(Vector<RecordedEvent> history) {
    List<Vector<RecordedEvent>> all = List.empty();
    for (int i = 0; i < history.size(); i++) {
      all = all.prepend(renumber(history.removeAt(i)));
      all = all.prepend(renumber(history.insert(i + 1, history.get(i))));
      if (i + 1 < history.size()) {
        all = all.prepend(renumber(history.update(i, history.get(i + 1)).update(i + 1, history.get(i))));
      }
    }
    return all.filter(h -> !h.isEmpty());
  }

  static Vector<RecordedEvent> renumber(Vector<RecordedEvent> history) {
    return history.zipWithIndex().map(t -> new RecordedEvent(t._1.caseId(), t._2 + 1L, t._1.actor(), t._1.at(),
        t._1.event()));
  }

  /**
   * Walks an accepted history one event at a time and checks every invariant after each, each event taken as
   * the accepted answer to the command that records it.
   */
  static boolean keepsEveryInvariant(Vector<RecordedEvent> history) {
    CaseFile state = CaseFile.replay(history.take(1)).getOrElseThrow(h -> new AssertionError(h.detail()));
    List<RecordedEvent> so = List.of(history.head());
    for (int i = 1; i < history.size(); i++) {
      RecordedEvent event = history.get(i);
      Seq<RecordedEvent> one = List.of(event);
      CaseFile after = state.evolve(one);
      so = so.append(event);
      CheckedStep step = new CheckedStep(i, state, IssuedCommand.of(Issued.by(event.actor(), event.at()),
          commandFor(event.event())), Either.right(one), after, so);
      for (Invariant invariant : CaseInvariants.all()) {
        if (!invariant.holds(step)) {
          throw new AssertionError("a corrupted history replays into a case that breaks \"" + invariant.name()
              + "\" at event " + (i + 1) + ": " + history.map(e -> e.event().kind()).mkString(", "));
        }
      }
      state = after;
    }
    return true;
  }

  /** The command that records an event, read back from it: the step an invariant sees. */
  static Command commandFor(CaseEvent event) {
    return switch (event.kind()) {
      case CASE_OPENED -> {
        CaseOpened e = (CaseOpened) event;
        yield new OpenCase(e.caseId(), e.client(), Option.some(e.caseManager()), e.scope(), e.openedOn());
      }
      case CASE_HANDED_OVER -> new HandOver(((CaseHandedOver) event).to());
      case TEAM_MEMBER_JOINED -> new JoinTeam(((TeamMemberJoined) event).member());
      case TEAM_MEMBER_LEFT -> {
        TeamMemberLeft e = (TeamMemberLeft) event;
        yield new LeaveTeam(e.member(), e.on());
      }
      case COUNTERSIGNED -> {
        Countersigned e = (Countersigned) event;
        yield new Countersign(e.what(), e.on());
      }
      case CONSENT_GRANTED -> {
        ConsentGranted e = (ConsentGranted) event;
        yield new GrantConsent(e.provider(), e.domains(), e.on());
      }
      case CONSENT_WITHDRAWN -> {
        ConsentWithdrawn e = (ConsentWithdrawn) event;
        yield new WithdrawConsent(e.provider(), e.domains(), e.on());
      }
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
      case REPLANNING_STARTED -> {
        ReplanningStarted e = (ReplanningStarted) event;
        yield new Replan(e.reason(), e.period());
      }
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
