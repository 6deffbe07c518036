package org.casemgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.Overdue;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.RefusedStep;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.casemgmt.simulation.Distribution;
import org.casemgmt.simulation.InterventionProfile;
import org.casemgmt.simulation.NeedProfile;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.Simulation;
import org.casemgmt.simulation.SimulationListener;
import org.casemgmt.simulation.SimulationResult;
import org.casemgmt.testkit.CaseFixture;
import org.casemgmt.testkit.CaseGens;
import org.casemgmt.testkit.Gen;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The limits of input, one example per kind: every case {@link NoRawExceptionSweepTest} found or the issue named
 * is refused as an {@link InvalidInputException} naming the argument and the problem, in time and without the
 * work it would have cost.
 */
class InputLimitsTest {

  static final LocalDate DAY = LocalDate.of(2026, 1, 5);
  static final Issued ANNA = Issued.by(StaffId.of("anna"), Instant.parse("2026-01-05T09:00:00Z"));

  static List<String> problems(Executable call) {
    return org.casemgmt.InputProblems.problems(call);
  }

  @Nested
  class Money_amounts {

    @Test
    void an_amount_written_with_a_huge_exponent_is_refused_before_any_arithmetic() {
      assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
        assertEquals(List.of("amount:OUT_OF_RANGE"), problems(() -> Money.of("1e999999999")));
        assertEquals(List.of("amount:OUT_OF_RANGE"), problems(() -> Money.of("9.99E+999999999")));
        assertEquals(List.of("amount:OUT_OF_RANGE"), problems(() -> new Money(new BigDecimal("1E+999999999"))));
        assertEquals(List.of("amount:MALFORMED"), problems(() -> Money.of("1E-999999999")));
        assertEquals(List.of("amount:MALFORMED"), problems(() -> Money.of("1e9999999999"))); // exponent overflows
        assertEquals(Money.ZERO, Money.of("0E+999999999"));
        assertEquals(Money.ZERO, Money.of("0E-999999999"));
      });
    }

    @Test
    void the_largest_amount_is_accepted_and_a_cent_more_is_refused() {
      assertEquals(Money.MAX_AMOUNT, Money.of("999999999999999.99").amount());
      assertEquals(Money.of("1200.00"), Money.of("1.2e3"));
      assertEquals(List.of("amount:OUT_OF_RANGE"), problems(() -> Money.of("1000000000000000")));
      assertEquals(List.of("amount:OUT_OF_RANGE"), problems(() -> Money.of(Long.MAX_VALUE)));
      Money largest = new Money(Money.MAX_AMOUNT);
      assertEquals(List.of("amount:OUT_OF_RANGE"), problems(() -> largest.plus(Money.of("0.01"))));
      assertEquals(List.of("amount:TOO_LONG"), problems(() -> Money.of("1" + "0".repeat(Money.MAX_TEXT))));
    }
  }

  @Nested
  class Supported_days {

    @Test
    void a_window_of_any_length_up_to_Long_MAX_VALUE_is_checked_without_overflow() {
      assertEquals(List.of("days:OUT_OF_RANGE"), problems(() -> DayWindow.ofDays(DAY, Long.MAX_VALUE)));
      assertEquals(List.of("days:OUT_OF_RANGE"), problems(() -> DayWindow.ofDays(DAY, Long.MIN_VALUE)));
      assertEquals(List.of("start:OUT_OF_RANGE"), problems(() -> DayWindow.ofDays(LocalDate.MAX, 1)));
      assertEquals(List.of("start:OUT_OF_RANGE"), problems(() -> DayWindow.of(LocalDate.MIN, DAY)));
      assertEquals(List.of("end:OUT_OF_RANGE"), problems(() -> DayWindow.of(DAY, LocalDate.MAX)));
      LocalDate late = DayWindow.LAST_DAY.minusDays(10);
      assertEquals(DayWindow.LAST_DAY, DayWindow.ofDays(late, 10).end());
      assertEquals(List.of("days:OUT_OF_RANGE"), problems(() -> DayWindow.ofDays(late, 11)));
      DayWindow widest = DayWindow.of(DayWindow.FIRST_DAY, DayWindow.LAST_DAY);
      assertEquals(2_958_463, widest.days());
      assertEquals(List.of("day:OUT_OF_RANGE"), problems(() -> widest.contains(LocalDate.MAX)));
    }

    @Test
    void overdue_and_accrued_cost_refuse_a_day_out_of_range_and_never_overflow_inside_it() {
      CaseFile monitored = CaseGens.casesIn(Phase.MONITORING).sample(7, 30);
      assertEquals(List.of("asOf:OUT_OF_RANGE"), problems(() -> monitored.overdue(LocalDate.MAX, Integer.MAX_VALUE)));
      Overdue late = monitored.overdue(DayWindow.LAST_DAY, Integer.MAX_VALUE);
      assertTrue(late.reviewDueSince().isEmpty(), "a review every 2^31 days is never due by 9999");
      Intervention started = Intervention.of(InterventionId.of("I-1"), HashSet.of(NeedId.of("N-1")),
          HashSet.empty(), ProviderId.of("P-1"), ServiceKind.HOME_CARE, DayWindow.ofDays(DAY, 10), Money.of(100))
          .started(DAY);
      assertEquals(List.of("asOf:OUT_OF_RANGE"), problems(() -> started.costAccruedBy(LocalDate.MIN)));
      assertEquals(Money.of(100), started.costAccruedBy(DayWindow.LAST_DAY));
    }

    @Test
    void commands_events_values_and_envelopes_refuse_days_and_instants_out_of_range() {
      InterventionId i1 = InterventionId.of("I-1");
      assertEquals(List.of("on:OUT_OF_RANGE"), problems(() -> new Command.StartIntervention(i1, LocalDate.MAX)));
      assertEquals(List.of("on:OUT_OF_RANGE"), problems(() -> new CaseEvent.InterventionStarted(i1, LocalDate.MIN)));
      assertEquals(List.of("birthDate:OUT_OF_RANGE"),
          problems(() -> Client.of(ClientId.of("C-1"), "Ada", LocalDate.of(1899, 12, 31))));
      assertEquals(List.of("at:OUT_OF_RANGE"), problems(() -> Issued.by(StaffId.of("anna"), Instant.MAX)));
      assertEquals(List.of("at:OUT_OF_RANGE"), problems(() -> new RecordedEvent(CaseId.of("C-1"), 1,
          StaffId.of("anna"), Instant.MIN, new CaseEvent.PlanAgreed(DAY))));
    }
  }

  @Nested
  class Texts {

    @Test
    void free_text_keeps_line_breaks_tabs_and_emoji_but_refuses_a_lone_surrogate() {
      assertEquals("line one\r\nline two\tend \uD83D\uDE00",
          FreeText.of("line one\r\nline two\tend \uD83D\uDE00").text());
      assertEquals(List.of("text:MALFORMED"), problems(() -> FreeText.of("cut in half \uD83D")));
      assertEquals(List.of("text:MALFORMED"), problems(() -> FreeText.of("\uDE00 backwards")));
    }

    @Test
    void free_text_and_identifiers_refuse_control_characters_without_repeating_the_text() {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> new Command.RecordNeed(NeedId.of("N-1"), LifeDomain.HOUSING, "Maria\u0000Rossi", Priority.HIGH,
              IdentifiedBy.CLIENT));
      assertEquals(List.of("description:MALFORMED"), e.errors().map(error -> error.field() + ":" + error.problem()));
      assertFalse(e.getMessage().contains("Maria"), e.getMessage());
      assertEquals(List.of("needId:MALFORMED"), problems(() -> NeedId.of("N-1\u001B")));
      assertEquals(List.of("text:TOO_LONG"), problems(() -> FreeText.of("x".repeat(100_000))));
    }
  }

  @Nested
  class Answer_records {

    @Test
    void a_rejection_with_a_missing_component_is_refused_naming_it() {
      assertEquals(List.of("need:MISSING"), problems(() -> new Rejection.UnknownNeed(null)));
      assertEquals(List.of("proposed:MISSING", "sharedDays:MISSING"), problems(() ->
          new Rejection.OverlappingIntervention(null, InterventionId.of("I-1"), NeedId.of("N-1"),
              ServiceKind.HOME_CARE, null)));
      assertEquals(List.of("rejection:MISSING"), problems(() -> new RefusedStep(0, CommandKind.HAND_OVER, null)));
      assertEquals(List.of("reviewDueSince:MISSING"), problems(() -> new Overdue(null, List.empty(), List.empty())));
    }
  }

  @Nested
  class Histories {

    @Test
    void an_event_out_of_sequence_is_refused_as_input_naming_its_position_but_no_id() {
      CaseFile opened = CaseFile.open(ANNA, Command.OpenCase.of(CaseId.of("C-SECRET"),
              Client.of(ClientId.of("CL-1"), "Ada", LocalDate.of(1950, 1, 1)), DAY, LifeDomain.HOUSING))
          .getOrElseThrow(r -> new AssertionError(r.rule()));
      RecordedEvent third = new RecordedEvent(CaseId.of("C-SECRET"), 3, StaffId.of("anna"), ANNA.at(),
          new CaseEvent.AssessmentStarted());
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> opened.evolve(List.of(third)));
      assertEquals("invalid input: events: MALFORMED (event 2 cannot follow the case file: OUT_OF_SEQUENCE)",
          e.getMessage());
      RecordedEvent goalless = new RecordedEvent(CaseId.of("C-SECRET"), 2, StaffId.of("anna"), ANNA.at(),
          new CaseEvent.PlanAgreed(DAY));
      assertEquals(List.of("events:MALFORMED"), problems(() -> opened.evolve(List.of(goalless))));
    }
  }

  @Nested
  class Simulations {

    static final Provider PROVIDER = Provider.of(ProviderId.of("P-1"), "Provider", ResourceType.PUBLIC_SERVICE,
        ServiceKind.COUNSELLING);

    static Scenario.Builder small(Distribution duration) {
      return Scenario.builder().horizonDays(60).arrivalsPerDay(1).seed(3)
          .need(new NeedProfile(LifeDomain.WORK, Priority.HIGH, 1.0,
              List.of(new InterventionProfile(ServiceKind.COUNSELLING, PROVIDER, duration, Money.of(100)))));
    }

    @Test
    void counts_and_horizons_beyond_their_limits_are_refused_before_any_work() {
      Scenario scenario = small(Distribution.constant(20)).build();
      assertEquals(List.of("n:OUT_OF_RANGE"), problems(() -> Simulation.replications(scenario, Integer.MAX_VALUE)));
      assertEquals(List.of("parallelism:OUT_OF_RANGE"),
          problems(() -> Simulation.replications(scenario, 2, Integer.MAX_VALUE)));
      assertEquals(List.of("horizonDays:OUT_OF_RANGE"), problems(() -> small(Distribution.constant(20))
          .horizonDays(1e300).build()));
      assertEquals(List.of("managers:OUT_OF_RANGE"), problems(() -> small(Distribution.constant(20))
          .managers(Integer.MAX_VALUE, 1).build()));
      assertEquals(List.of("arrivalDays:MISSING"), problems(() -> small(Distribution.constant(20))
          .arrivalDays(null).build()));
    }

    @Test
    void an_intervention_drawn_to_last_beyond_the_supported_days_is_refused_by_the_plan_not_by_an_exception() {
      for (Distribution endless : List.of(Distribution.constant(1e12), Distribution.lognormal(50, 10))) {
        SimulationResult result = Simulation.run(small(endless).build());
        assertTrue(result.rejections().getOrElse("WindowOutsidePlanPeriod", 0L) > 0, result::toString);
      }
    }

    @Test
    void the_library_s_listeners_refuse_what_is_missing() {
      assertEquals(List.of("event:MISSING"),
          problems(() -> SimulationListener.xesEventLog(new StringWriter()).onEvent(null)));
      assertEquals(List.of("event:MISSING"),
          problems(() -> SimulationListener.csvEventLog(new StringWriter()).onEvent(null)));
      assertEquals(List.of("status:MISSING"),
          problems(() -> SimulationListener.dailyCsv(new StringWriter()).onDay(null)));
      assertEquals(List.of("listeners:NULL_ELEMENT"),
          problems(() -> SimulationListener.all(SimulationListener.NONE, null)));
    }
  }

  @Nested
  class Testkit {

    @Test
    void generators_refuse_bounds_they_could_not_honour() {
      assertEquals(List.of("weighted:OUT_OF_RANGE"), problems(() -> Gen.frequency(
          Tuple.of(Integer.MAX_VALUE, Gen.constant(1)), Tuple.of(Integer.MAX_VALUE, Gen.constant(2)))));
      assertEquals(List.of("days:OUT_OF_RANGE"), problems(() -> Gen.dates(DayWindow.LAST_DAY, 2)));
      assertEquals(DayWindow.LAST_DAY, Gen.dates(DayWindow.LAST_DAY, 1).sample(1, 10));
      assertEquals(List.of("maxCommands:OUT_OF_RANGE"), problems(() -> CaseGens.generatedCases(Integer.MAX_VALUE)));
      assertEquals(List.of("random:MISSING"), problems(() -> Gen.integers(0, 3).generate(null, 10)));
    }

    @Test
    void a_fixture_set_up_wrongly_answers_an_input_error() {
      assertEquals(List.of("history:EMPTY"), problems(() -> CaseFixture.given(new CaseEvent[0])));
      assertEquals(List.of("history:MALFORMED"), problems(() -> CaseFixture.given(new CaseEvent.AssessmentStarted())));
      assertEquals(List.of("instant:OUT_OF_RANGE"), problems(() -> CaseFixture.givenNoCase().at(Instant.MAX)));
    }
  }

  @Test
  void every_limit_is_stated_as_a_constant() {
    assertEquals(LocalDate.of(1900, 1, 1), DayWindow.FIRST_DAY);
    assertEquals(LocalDate.of(9999, 12, 31), DayWindow.LAST_DAY);
    assertEquals(new BigDecimal("999999999999999.99"), Money.MAX_AMOUNT);
    assertEquals(1_000_000, Scenario.MAX_HORIZON_DAYS);
  }
}
