package org.casemgmt.service;

import static org.casemgmt.need.LifeDomain.HOUSING;
import static org.casemgmt.need.LifeDomain.PSYCHOLOGICAL_WELLBEING;
import static org.casemgmt.resource.ServiceKind.COUNSELLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.collection.Vector;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ServiceProjectionTest {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final LocalDate DAY0 = LocalDate.of(2026, 3, 2);
  static final StaffId INTAKE = StaffId.of("intake");
  static final StaffId ANNA = StaffId.of("anna");
  static final CaseId A = CaseId.of("CASE-A");
  static final CaseId B = CaseId.of("CASE-B");
  static final CaseId C = CaseId.of("CASE-C");
  static final NeedId N1 = NeedId.of("N-1");
  static final Provider CENTRE = Provider.of(ProviderId.of("P-1"), "Counselling centre", ResourceType.PUBLIC_SERVICE,
      COUNSELLING);
  static final ServiceSettings SETTINGS = ServiceSettings.of(30, 10)
      .withWaitingList(INTAKE).withCapacity(ANNA, 2).withObservedFrom(T0);

  static Issued at(StaffId who, double days) {
    return Issued.by(who, T0.plus(Duration.ofMinutes(Math.round(days * 24 * 60))));
  }

  /**
   * Three cases of one client (C-1 twice, C-2 once): A and B handed to Anna after one and two days and planned
   * with counselling each (the same client served twice: fragmentation), C still with the intake desk.
   */
  static EventStream threeCases() {
    Client mario = Client.of(ClientId.of("C-1"), "Mario Bianchi", LocalDate.of(1970, 1, 1));
    Client lucia = Client.of(ClientId.of("C-2"), "Lucia Verdi", LocalDate.of(1990, 1, 1));
    EventStream s = new EventStream()
        .open(at(INTAKE, 0), Command.OpenCase.of(A, mario, DAY0, HOUSING, PSYCHOLOGICAL_WELLBEING))
        .open(at(INTAKE, 0), Command.OpenCase.of(B, mario, DAY0, PSYCHOLOGICAL_WELLBEING))
        .open(at(INTAKE, 0), Command.OpenCase.of(C, lucia, DAY0, HOUSING));
    s.handle(A, at(INTAKE, 1), new Command.HandOver(ANNA));
    s.handle(B, at(INTAKE, 2), new Command.HandOver(ANNA));
    for (CaseId id : List.of(A, B)) {
      s.handle(id, at(ANNA, 3),
          new Command.StartAssessment(),
          new Command.RecordNeed(N1, PSYCHOLOGICAL_WELLBEING, "Anxious since the eviction", Priority.HIGH,
              IdentifiedBy.CLIENT),
          new Command.CompleteAssessment(),
          Command.StartPlanning.of(DayWindow.ofDays(DAY0, 180)),
          Command.PlanIntervention.of(InterventionId.of("I-1"), N1, CENTRE, COUNSELLING,
              DayWindow.ofDays(DAY0.plusDays(5), 60), Money.of(600)));
    }
    return s;
  }

  @Nested
  class Across_open_cases {

    @Test
    void caseloads_and_the_waiting_list_come_from_who_holds_each_open_case() {
      ServiceProjection p = ServiceProjection.of(SETTINGS, threeCases().all);
      assertEquals(List.of(
              new Caseload(ANNA, 2, io.vavr.collection.TreeMap.of(Phase.PLANNING, 2)),
              new Caseload(INTAKE, 1, io.vavr.collection.TreeMap.of(Phase.INTAKE, 1))),
          p.caseloads().toList());
      assertEquals(Vector.of(C), p.waitingList());
      assertEquals(3, p.openCount());
      assertEquals(Vector.of(A, B, C), p.openCases());
    }

    @Test
    void utilisation_and_open_cases_are_time_averages_of_what_the_events_say() {
      ServiceProjection p = ServiceProjection.of(SETTINGS, threeCases().all);
      Instant until = T0.plus(Duration.ofDays(4));
      // Anna holds A from day 1 and B from day 2: 3 + 2 case-days of her 2 × 4 place-days.
      assertEquals(5.0 / 8.0, p.utilisation(until), 1e-9);
      assertEquals(3.0, p.meanOpenCases(until), 1e-9);
      // The intake stay of A lasted a day, B's two; each was assessed after 3 days.
      DurationSummary intake = p.timeInPhase().get(Phase.INTAKE).getOrElseThrow(AssertionError::new);
      assertEquals(2, intake.count());
      assertEquals(3.0, intake.meanDays(), 1e-9);
      assertEquals(3.0, p.waitForManager().meanDays(), 1e-9);
      assertThrows(InvalidInputException.class, () -> p.utilisation(T0.plus(Duration.ofDays(2))));
    }

    @Test
    void the_same_client_served_twice_with_one_kind_of_service_is_fragmentation() {
      ServiceProjection p = ServiceProjection.of(SETTINGS, threeCases().all);
      Fragmentation f = p.fragmentation().single();
      assertEquals(ClientId.of("C-1"), f.client());
      assertEquals(COUNSELLING, f.service());
      assertEquals(io.vavr.collection.TreeMap.of(A, Vector.of(InterventionId.of("I-1")), B,
          Vector.of(InterventionId.of("I-1"))), f.interventions());
    }

    @Test
    void fragmentation_ends_when_one_of_the_interventions_is_cancelled() {
      EventStream s = threeCases();
      s.handle(B, at(ANNA, 4), new Command.CancelIntervention(InterventionId.of("I-1"), DAY0.plusDays(4),
          org.casemgmt.FreeText.of("Served by case A")));
      assertTrue(ServiceProjection.of(SETTINGS, s.all).fragmentation().isEmpty());
    }

    @Test
    void costs_are_committed_in_the_month_a_window_starts_and_accrue_once_started() {
      EventStream s = threeCases();
      s.handle(A, at(ANNA, 5), Command.AddGoal.of(GoalId.of("G-1"), N1, "Feel safe at home", "Sleeps well",
              DAY0.plusDays(90)),
          new Command.RecordAgreement(DAY0.plusDays(5)), new Command.ApprovePlan(DAY0.plusDays(5)),
          new Command.StartImplementation(), new Command.StartIntervention(InterventionId.of("I-1"), DAY0.plusDays(5)));
      ServiceProjection p = ServiceProjection.of(SETTINGS, s.all);
      // A's I-1 runs 60 days from 7 March (600, 10 a day): by 31 March 24 days have passed, by 30 April 54, by
      // 1 May 55. B's is not started: committed only.
      assertEquals(List.of(
              new CostLine(CENTRE.id(), COUNSELLING, YearMonth.of(2026, 3), Money.of(1200), Money.of(240)),
              new CostLine(CENTRE.id(), COUNSELLING, YearMonth.of(2026, 4), Money.ZERO, Money.of(300)),
              new CostLine(CENTRE.id(), COUNSELLING, YearMonth.of(2026, 5), Money.ZERO, Money.of(10))),
          p.costs(LocalDate.of(2026, 5, 1)).toList());
      assertEquals(Money.of(1200), p.committedCost());
    }

    @Test
    void overdue_lists_each_case_s_own_answer_and_the_referrals_left_unanswered() {
      EventStream s = threeCases();
      s.handle(A, at(ANNA, 4), Command.AddGoal.of(GoalId.of("G-1"), N1, "Feel safe at home", "Sleeps well",
              DAY0.plusDays(20)),
          Command.RequestReferral.of(ReferralId.of("R-1"), N1, CENTRE, COUNSELLING, DAY0.plusDays(4)));
      ServiceProjection p = ServiceProjection.of(SETTINGS, s.all);
      assertTrue(p.overdue(DAY0.plusDays(14)).isEmpty(), "nothing is late after ten days");
      OverdueCase late = p.overdue(DAY0.plusDays(30)).single();
      assertEquals(A, late.caseId());
      assertEquals(ANNA, late.manager());
      assertEquals(List.of(GoalId.of("G-1")), late.overdue().goalsPastDue().toList());
      assertEquals(List.of(ReferralId.of("R-1")), late.unansweredReferrals().toList());
      assertEquals(s.files.get(A).overdue(DAY0.plusDays(30), 30), late.overdue());
    }
  }

  @Nested
  class Over_time {

    @Test
    void closures_outcomes_and_loop_backs_are_counted_as_they_happen() {
      EventStream s = threeCases();
      GoalId g = GoalId.of("G-1");
      LocalDate day5 = DAY0.plusDays(5);
      s.handle(A, at(ANNA, 5), Command.AddGoal.of(g, N1, "Feel safe at home", "Sleeps well", DAY0.plusDays(90)),
          new Command.RecordAgreement(day5), new Command.ApprovePlan(day5),
          new Command.StartImplementation(), new Command.StartIntervention(InterventionId.of("I-1"), day5),
          new Command.RecordReview(day5, io.vavr.collection.HashMap.empty(),
              org.casemgmt.plan.ReviewDecision.PROCEED_TO_EVALUATION),
          new Command.RecordOutcome(g, GoalAchievement.NOT_ACHIEVED),
          new Command.Replan(org.casemgmt.FreeText.of("Not yet"), io.vavr.control.Option.none()));
      s.handle(C, at(INTAKE, 6), new Command.CloseCase(ClosureReason.MOVED_AWAY, DAY0.plusDays(6), "Moved"));
      ServiceProjection p = ServiceProjection.of(SETTINGS, s.all);
      assertEquals(io.vavr.collection.TreeMap.of(ClosureReason.MOVED_AWAY, 1L), p.closures());
      assertEquals(6.0, p.timeInSystem().meanDays(), 1e-9);
      assertEquals(io.vavr.collection.TreeMap.of(PSYCHOLOGICAL_WELLBEING,
          io.vavr.collection.TreeMap.of(GoalAchievement.NOT_ACHIEVED, 1L)), p.outcomes());
      assertEquals(1, p.loopBacks().replans());
      assertEquals(1, p.loopBacks().evaluations());
      assertEquals(1.0, p.loopBacks().replanRate(), 1e-9);
      assertEquals(1.0, p.loopBacks().reviewRate(org.casemgmt.plan.ReviewDecision.PROCEED_TO_EVALUATION), 1e-9);
      assertEquals(2, p.openCount());
      assertFalse(p.waitingList().contains(C));
    }

    @Test
    void a_reopened_case_counts_a_reopening_and_its_time_closed_is_no_stay_in_a_phase() {
      EventStream s = threeCases();
      s.handle(C, at(INTAKE, 6), new Command.CloseCase(ClosureReason.MOVED_AWAY, DAY0.plusDays(6), "Moved"));
      s.handle(C, at(INTAKE, 10), new Command.ReopenCase("Came back"));
      ServiceProjection p = ServiceProjection.of(SETTINGS, s.all);
      assertEquals(1, p.loopBacks().reopenings());
      assertEquals(1.0, p.loopBacks().reopenRate(), 1e-9);
      assertEquals(3, p.openCount());
      assertFalse(p.timeInPhase().containsKey(Phase.CLOSED), "four days closed are not a stay");
      assertEquals(6.0, p.timeInSystem().meanDays(), 1e-9);
    }

    @Test
    void a_closed_case_s_file_may_be_dropped_then_reopening_it_is_refused() {
      EventStream s = threeCases();
      s.handle(C, at(INTAKE, 6), new Command.CloseCase(ClosureReason.MOVED_AWAY, DAY0.plusDays(6), "Moved"),
          new Command.ReopenCase("Came back"));
      List<RecordedEvent> events = List.ofAll(s.all);
      ServiceSettings forgetful = SETTINGS.withClosedCasesKept(false);
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> ServiceProjection.of(forgetful, events));
      assertTrue(e.getMessage().contains("CASE-C"), e::getMessage);
      assertEquals(3, ServiceProjection.of(SETTINGS, events).openCount(), "kept files reopen");
      // Up to the closure, dropping the file changes no answer.
      List<RecordedEvent> untilClosed = events.dropRight(1);
      ServiceProjection kept = ServiceProjection.of(SETTINGS, untilClosed);
      ServiceProjection dropped = ServiceProjection.of(forgetful, untilClosed);
      assertEquals(kept.costs(DAY0.plusDays(400)), dropped.costs(DAY0.plusDays(400)));
      assertEquals(kept.timeInSystem(), dropped.timeInSystem());
      assertEquals(kept.caseloads(), dropped.caseloads());
    }
  }

  @Nested
  class Refusals {

    @Test
    void events_out_of_order_repeated_or_of_an_unknown_case_are_refused_and_change_nothing() {
      List<RecordedEvent> events = List.ofAll(threeCases().all);
      ServiceProjection p = ServiceProjection.of(SETTINGS, events.take(4));
      RecordedEvent openingAgain = events.get(0);
      RecordedEvent gap = events.filter(e -> e.caseId().equals(A)).get(3);
      RecordedEvent unknown = new RecordedEvent(CaseId.of("CASE-Z"), 2, ANNA, T0,
          new org.casemgmt.casefile.CaseEvent.AssessmentStarted());
      for (RecordedEvent bad : List.of(openingAgain, gap, unknown)) {
        assertThrows(InvalidInputException.class, () -> p.apply(bad), bad::toString);
      }
      assertEquals(ServiceProjection.of(SETTINGS, events.take(4)), p);
      assertThrows(InvalidInputException.class, () -> p.applyAll(List.of(events.get(4), openingAgain)));
      assertEquals(ServiceProjection.of(SETTINGS, events.take(4)), p, "nothing half-applied");
      assertThrows(InvalidInputException.class, () -> p.apply(null));
      assertThrows(InvalidInputException.class, () -> ServiceSettings.of(0, 10));
      assertThrows(InvalidInputException.class, () -> SETTINGS.withCapacity(ANNA, -1));
    }

    @Test
    void days_and_instants_before_the_last_event_are_refused() {
      ServiceProjection p = ServiceProjection.of(SETTINGS, threeCases().all);
      assertEquals(io.vavr.control.Option.some(T0), p.firstEventAt());
      assertEquals(io.vavr.control.Option.some(T0.plus(Duration.ofDays(3))), p.lastEventAt());
      assertThrows(InvalidInputException.class, () -> p.overdue(DAY0.plusDays(2)));
      assertThrows(InvalidInputException.class, () -> p.costs(DAY0));
      assertThrows(InvalidInputException.class, () -> p.meanOpenCases(T0.minus(Duration.ofDays(1))));
      assertEquals(0, p.overdue(DAY0.plusDays(3)).size());
      ServiceProjection empty = ServiceProjection.empty(ServiceSettings.of(30, 10));
      assertEquals(0.0, empty.meanOpenCases(T0));
      assertTrue(empty.firstEventAt().isEmpty());
    }

    @Test
    void events_fed_one_case_after_another_are_counted_as_late() {
      EventStream s = threeCases();
      ServiceProjection inOrder = ServiceProjection.of(SETTINGS, s.all);
      List<RecordedEvent> caseByCase = List.ofAll(s.byCase.values()).flatMap(List::ofAll);
      ServiceProjection late = ServiceProjection.of(SETTINGS, caseByCase);
      assertEquals(0, inOrder.lateEvents());
      assertTrue(late.lateEvents() > 0);
      Instant until = T0.plus(Duration.ofDays(4));
      assertFalse(inOrder.utilisation(until) == late.utilisation(until), "the averages need the events in order");
    }

    @Test
    void its_string_holds_counts_only() {
      ServiceProjection p = ServiceProjection.of(SETTINGS, threeCases().all);
      assertEquals("ServiceProjection[events=" + p.eventCount() + ", opened=3, open=3, closed=0]", p.toString());
    }
  }

}
