package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.junit.jupiter.api.Test;

/** The reference lifecycle of shared/BENCHMARKS.md, intake to closure, every command accepted. */
class ReferenceLifecycleTest {

  static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);
  static final Issued ANNA = Issued.by(StaffId.of("anna"), Instant.parse("2026-01-05T09:00:00Z"));

  static PlanIntervention intervention(int id, int need, String provider, ServiceKind kind, int from, int to) {
    return PlanIntervention.of(InterventionId.of("I-" + id), NeedId.of("N-" + need),
            Provider.of(ProviderId.of(provider), "Provider " + provider, ResourceType.PUBLIC_SERVICE, kind),
            kind, DayWindow.of(DAY0.plusDays(from), DAY0.plusDays(to)), Money.of(100))
        .serving(GoalId.of("G-1"));
  }

  /** The 25 commands after opening, in the table's order (plus a goal and the client's agreement), all Anna's. */
  static final List<Command> COMMANDS = List.of(
      new StartAssessment(),
      new RecordNeed(NeedId.of("N-1"), LifeDomain.PSYCHOLOGICAL_WELLBEING, "need one", Priority.HIGH, IdentifiedBy.CLIENT),
      new RecordNeed(NeedId.of("N-2"), LifeDomain.HOUSING, "need two", Priority.HIGH, IdentifiedBy.CLIENT),
      new RecordNeed(NeedId.of("N-3"), LifeDomain.SOCIAL_INCLUSION, "need three", Priority.MEDIUM, IdentifiedBy.CASE_MANAGER),
      new CompleteAssessment(),
      StartPlanning.of(DayWindow.ofDays(DAY0, 365)),
      new AddGoal(GoalId.of("G-1"), HashSet.of(NeedId.of("N-1"), NeedId.of("N-2"), NeedId.of("N-3")),
          "goal", "target", DAY0.plusDays(90)),
      intervention(1, 1, "P-101", ServiceKind.COUNSELLING, 0, 30),
      intervention(2, 2, "P-202", ServiceKind.HOUSING, 0, 60),
      intervention(3, 3, "P-303", ServiceKind.COUNSELLING, 10, 40),
      intervention(4, 1, "P-104", ServiceKind.COUNSELLING, 30, 60),
      intervention(5, 2, "P-205", ServiceKind.HOUSING, 60, 90),
      new RecordAgreement(DAY0),
      new ApprovePlan(DAY0),
      new StartImplementation(),
      new StartIntervention(InterventionId.of("I-1"), DAY0),
      new StartIntervention(InterventionId.of("I-2"), DAY0),
      new StartIntervention(InterventionId.of("I-3"), DAY0.plusDays(10)),
      new StartIntervention(InterventionId.of("I-4"), DAY0.plusDays(30)),
      new StartIntervention(InterventionId.of("I-5"), DAY0.plusDays(60)),
      new RecordReview(DAY0.plusDays(30), HashMap.empty(), ReviewDecision.CONTINUE),
      new RecordReview(DAY0.plusDays(60), HashMap.empty(), ReviewDecision.CONTINUE),
      new StartEvaluation(),
      new RecordOutcome(GoalId.of("G-1"), GoalAchievement.ACHIEVED),
      new CloseCase(ClosureReason.GOALS_ACHIEVED, DAY0.plusDays(90), "closing report"));

  /** Anna opens the case and so becomes its case manager. */
  static final OpenCase OPENING = OpenCase.of(CaseId.of("CASE-1"),
      Client.of(ClientId.of("C-1"), "Maria Rossi", LocalDate.of(1980, 1, 1)), DAY0, LifeDomain.values());

  @Test
  void the_reference_lifecycle_is_accepted_from_intake_to_closure() {
    CaseFile closed = closedCase();
    assertEquals(Phase.CLOSED, closed.phase());
    assertEquals(COMMANDS.size() + 1, closed.version());
  }

  static CaseFile closedCase() {
    Either<Rejection, CaseFile> result = CaseFile.open(ANNA, OPENING);
    for (Command command : COMMANDS) {
      Either<Rejection, CaseFile> next = result.flatMap(c -> c.handle(ANNA, command));
      assertTrue(next.isRight(), () -> command.kind() + " was refused: " + next.swap().getOrNull());
      result = next;
    }
    return result.getOrNull();
  }

  @Test
  void handle_equals_decide_then_evolve_at_every_step_whatever_sequence_holds_the_events() {
    CaseFile file = CaseFile.open(ANNA, OPENING).getOrNull();
    io.vavr.collection.Vector<RecordedEvent> history = CaseFile.decideOpening(ANNA, OPENING).getOrNull().toVector();
    for (Command command : COMMANDS) {
      CaseFile handled = file.handle(ANNA, command).getOrNull();
      io.vavr.collection.Seq<RecordedEvent> events = file.decide(ANNA, command).getOrNull();
      CaseFile fromList = file.evolve(events);
      CaseFile fromVector = file.evolve(events.toVector());
      assertEquals(handled, fromList, command.kind().toString());
      assertEquals(handled, fromVector, command.kind().toString());
      assertEquals(handled.hashCode(), fromVector.hashCode(), command.kind().toString());
      assertNotEquals(file, handled, "every accepted command makes a new version: " + command.kind());
      history = history.appendAll(events);
      file = handled;
    }
    assertEquals(file, CaseFile.replay(history).getOrNull());
    assertEquals(file.toString(), CaseFile.replay(history.toList()).getOrNull().toString());
  }

  @Test
  void a_history_whose_events_do_not_follow_one_another_is_answered_as_inconsistent_not_thrown() {
    io.vavr.collection.Vector<RecordedEvent> history = CaseFile.decideOpening(ANNA, OPENING).getOrNull().toVector();
    CaseFile file = CaseFile.open(ANNA, OPENING).getOrNull();
    for (Command command : COMMANDS) {
      history = history.appendAll(file.decide(ANNA, command).getOrNull());
      file = file.handle(ANNA, command).getOrNull();
    }
    // Drop the planning of I-1 and renumber: the sequence is whole, but I-1 is later started without being planned.
    int planned = history.indexWhere(e -> e.event() instanceof CaseEvent.InterventionPlanned p
        && p.intervention().id().equals(InterventionId.of("I-1")));
    io.vavr.collection.Vector<RecordedEvent> without = history.removeAt(planned);
    io.vavr.collection.Vector<RecordedEvent> renumbered = without.zipWithIndex().map(t -> new RecordedEvent(
        t._1.caseId(), t._2 + 1, t._1.actor(), t._1.at(), t._1.event()));
    int started = renumbered.indexWhere(e -> e.event() instanceof CaseEvent.InterventionStarted s
        && s.intervention().equals(InterventionId.of("I-1")));

    InvalidHistory problem = CaseFile.replay(renumbered).swap().getOrNull();

    // Replay checks each event against the rules: starting I-1 breaks UnknownIntervention, as the command would.
    assertEquals(InvalidHistory.Problem.BREAKS_RULE, problem.problem());
    assertEquals(started + 1, problem.position(), "the position of the first event that does not follow");
    assertEquals(io.vavr.control.Option.some(EventKind.INTERVENTION_STARTED), problem.event());
    assertEquals(io.vavr.control.Option.some(new Rejection.UnknownIntervention(InterventionId.of("I-1"))),
        problem.rejection());
    // The unchecked path still answers the reference to what the case file does not hold as inconsistent.
    InvalidHistory trusted = CaseFile.replayTrusted(renumbered).swap().getOrNull();
    assertEquals(InvalidHistory.Problem.INCONSISTENT, trusted.problem());
    assertEquals(started + 1, trusted.position());
    assertTrue(trusted.detail().contains("I-1"), trusted.detail());
    // A plan event before planning started breaks the phase table.
    io.vavr.collection.Vector<RecordedEvent> early = io.vavr.collection.Vector.of(history.get(0),
        new RecordedEvent(history.get(0).caseId(), 2, ANNA.actor(), ANNA.at(), new CaseEvent.PlanAgreed(DAY0)));
    InvalidHistory tooEarly = CaseFile.replay(early).swap().getOrNull();
    assertEquals(InvalidHistory.Problem.BREAKS_RULE, tooEarly.problem());
    assertTrue(tooEarly.rejection().exists(r -> r instanceof Rejection.CommandNotPermitted), tooEarly.toString());
    assertEquals(InvalidHistory.Problem.INCONSISTENT, CaseFile.replayTrusted(early).swap().getOrNull().problem());
    // A null event is a clear error, not a NullPointerException.
    io.vavr.collection.Vector<RecordedEvent> holed = history.update(3, (RecordedEvent) null);
    assertThrows(org.casemgmt.InvalidInputException.class, () -> CaseFile.replay(holed));
    CaseFile opened = CaseFile.open(ANNA, OPENING).getOrNull();
    assertThrows(org.casemgmt.InvalidInputException.class, () -> opened.evolve(List.of((RecordedEvent) null)));
  }

  @Test
  void closing_cancels_the_five_active_interventions_and_reports_them() {
    CaseFile closed = closedCase();
    PlanVersion plan = closed.currentPlan().getOrNull();
    assertTrue(plan.interventions().values().forAll(i -> i.status() == InterventionStatus.CANCELLED));
    assertEquals(HashSet.of(DAY0.plusDays(90)), plan.interventions().values().map(i -> i.endedOn().getOrNull()).toSet());
    assertEquals(0, plan.liveInterventionCount());
    assertEquals(Money.ZERO, plan.plannedCost());
    assertEquals(HashSet.empty(), plan.coveredNeeds(), "no live intervention covers a need any more");
    assertTrue(plan.anyInterventionStarted(), "they were started before they were cancelled");
    ClosingReport report = closed.closingReport().getOrNull();
    assertEquals(5, report.interventionsCancelled());
    assertEquals(0, report.interventionsCompleted());
    assertEquals(Money.ZERO, report.completedCost());
    assertEquals(Phase.EVALUATION, report.closedFrom());
    assertEquals(io.vavr.collection.TreeMap.of(GoalId.of("G-1"), GoalAchievement.ACHIEVED), report.goalOutcomes());
  }

  @Test
  void the_providers_are_those_of_the_planned_interventions_as_last_described() {
    CaseFile planning = CaseFile.open(ANNA, OPENING).getOrNull();
    for (Command command : COMMANDS.take(7)) {
      planning = planning.handle(ANNA, command).getOrNull();
    }
    Provider counselling = Provider.of(ProviderId.of("P-9"), "Provider P-9", ResourceType.THIRD_SECTOR,
        HashSet.of(ServiceKind.COUNSELLING));
    Provider widened = Provider.of(ProviderId.of("P-9"), "Provider P-9", ResourceType.THIRD_SECTOR,
        HashSet.of(ServiceKind.COUNSELLING, ServiceKind.HOUSING));
    CaseFile planned = planning;
    for (PlanIntervention command : List.of(
        planned(1, 1, counselling, ServiceKind.COUNSELLING), planned(2, 2, counselling, ServiceKind.COUNSELLING))) {
      planned = planned.handle(ANNA, command).getOrNull();
    }
    assertEquals(HashMap.of(ProviderId.of("P-9"), counselling), planned.providers());
    CaseFile widenedFile = planned.handle(ANNA, planned(3, 3, widened, ServiceKind.HOUSING)).getOrNull();
    assertEquals(HashMap.of(ProviderId.of("P-9"), widened), widenedFile.providers(), "the latest description wins");
    assertEquals(HashMap.of(ProviderId.of("P-9"), counselling), planned.providers(), "earlier versions never change");
  }

  @Test
  void one_need_goal_intervention_or_deferral_is_looked_up_as_the_maps_hold_it() {
    CaseFile closed = closedCase();
    PlanVersion plan = closed.currentPlan().getOrNull();
    for (NeedId need : List.of(NeedId.of("N-1"), NeedId.of("N-2"), NeedId.of("N-3"), NeedId.of("N-9"))) {
      assertEquals(closed.needs().get(need), closed.need(need));
      assertEquals(plan.deferrals().containsKey(need), plan.isDeferred(need));
    }
    for (GoalId goal : List.of(GoalId.of("G-1"), GoalId.of("G-9"))) {
      assertEquals(plan.goals().get(goal), plan.goal(goal));
    }
    for (InterventionId id : List.range(1, 7).map(n -> InterventionId.of("I-" + n))) {
      assertEquals(plan.interventions().get(id), plan.intervention(id));
    }
    assertTrue(plan.intervention(InterventionId.of("I-5")).isDefined());
    assertTrue(closed.need(NeedId.of("N-9")).isEmpty());
    assertThrows(InvalidInputException.class, () -> closed.need(null));
    assertThrows(InvalidInputException.class, () -> plan.goal(null));
    assertThrows(InvalidInputException.class, () -> plan.intervention(null));
    assertThrows(InvalidInputException.class, () -> plan.isDeferred(null));
  }

  static PlanIntervention planned(int id, int need, Provider provider, ServiceKind kind) {
    return PlanIntervention.of(InterventionId.of("I-" + id), NeedId.of("N-" + need), provider, kind,
        DayWindow.ofDays(DAY0, 30), Money.of(100));
  }
}
