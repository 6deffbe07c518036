package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.FreeText;
import org.casemgmt.InputError;
import org.casemgmt.InputError.Problem;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.Resource;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.Strength;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input from outside is reported all at once, as {@link InputError}s naming fields and problems — never a
 * {@code NullPointerException}, never the rejected value — and free text never shows in {@code toString}.
 */
class InputValidationTest {

  static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);
  static final Issued ANNA = Issued.by(StaffId.of("anna"), Instant.parse("2026-01-05T09:00:00Z"));
  static final String SECRET = "Maria Rossi told us about the violence at home";
  static final String TOO_LONG = "x".repeat(4001);

  /** A valid planned intervention, for the checks of its transitions and queries. */
  static org.casemgmt.plan.Intervention plannedIntervention() {
    return org.casemgmt.plan.Intervention.of(InterventionId.of("I-1"), HashSet.of(NeedId.of("N-1")), HashSet.empty(),
        org.casemgmt.resource.ProviderId.of("P-1"), org.casemgmt.resource.ServiceKind.COUNSELLING,
        DayWindow.ofDays(DAY0, 10), Money.of(100));
  }

  static List<String> problems(Executable call) {
    return org.casemgmt.InputProblems.problems(call);
  }

  @Nested
  class AllProblemsAtOnce {

    @Test
    void a_client_with_every_field_wrong_lists_every_problem() {
      assertEquals(List.of("id:MISSING", "fullName:BLANK", "birthDate:MISSING"),
          problems(() -> Client.of(null, "   ", null)));
      assertEquals(List.of("fullName:TOO_LONG"),
          problems(() -> Client.of(ClientId.of("C-1"), "y".repeat(201), DAY0)));
    }

    @Test
    void a_need_with_every_field_wrong_lists_every_problem() {
      assertEquals(List.of("id:MISSING", "domain:MISSING", "description:TOO_LONG", "priority:MISSING",
              "identifiedBy:MISSING"),
          problems(() -> Need.of(null, null, TOO_LONG, null, null)));
    }

    @Test
    void a_command_with_every_field_missing_lists_every_problem_instead_of_a_null_pointer() {
      assertEquals(List.of("need:MISSING", "domain:MISSING", "description:MISSING", "priority:MISSING",
              "identifiedBy:MISSING"),
          problems(() -> new RecordNeed(null, null, (FreeText) null, null, null)));
      assertEquals(List.of("intervention:MISSING", "needs:MISSING", "goals:MISSING", "provider:MISSING",
              "service:MISSING", "window:MISSING", "cost:MISSING"),
          problems(() -> new PlanIntervention(null, null, null, null, null, null, null)));
      assertEquals(List.of("reason:MISSING", "closedOn:MISSING", "note:BLANK"),
          problems(() -> new CloseCase(null, null, "")));
      assertEquals(List.of("findings:MISSING", "decision:MISSING"),
          problems(() -> new RecordReview(DAY0, null, null)));
    }

    @Test
    void a_missing_envelope_is_listed_with_a_missing_command_wherever_the_two_travel_together() {
      assertEquals(List.of("issued:MISSING", "command:MISSING"), problems(() -> IssuedCommand.of(null, null)));
      assertEquals(List.of("issued:MISSING", "command:MISSING"), problems(() -> CaseFile.open(null, null)));
      assertEquals(List.of("issued:MISSING", "command:MISSING"), problems(() -> CaseFile.decideOpening(null, null)));
      assertEquals(List.of("issued:MISSING"), problems(() -> CaseFile.open(null,
          OpenCase.of(CaseId.of("CASE-1"), Client.of(ClientId.of("C-1"), "Maria Rossi", DAY0), DAY0, LifeDomain.WORK))));
      assertEquals(List.of("issued:MISSING"), problems(() -> IssuedCommand.of(null, new StartAssessment())));
    }

    @Test
    void empty_and_null_containing_collections_are_reported() {
      assertEquals(List.of("scope:EMPTY"), problems(() -> new OpenCase(CaseId.of("CASE-1"),
          Client.of(ClientId.of("C-1"), "Maria Rossi", DAY0), Option.some(StaffId.of("anna")), HashSet.empty(), DAY0)));
      assertEquals(List.of("needs:NULL_ELEMENT"), problems(() -> new AddGoal(GoalId.of("G-1"),
          HashSet.of(NeedId.of("N-1"), null), "goal", "target", DAY0)));
      assertEquals(List.of("findings:NULL_ELEMENT"), problems(() -> new RecordReview(DAY0,
          HashMap.of(InterventionId.of("I-1"), null), org.casemgmt.plan.ReviewDecision.CONTINUE)));
    }

    @Test
    void sorted_collections_are_accepted_and_checked_without_comparing_null() {
      // A TreeSet compares what it is asked for with its elements: asking it for null would throw.
      OpenCase opening = new OpenCase(CaseId.of("CASE-1"), Client.of(ClientId.of("C-1"), "Maria Rossi", DAY0),
          Option.some(StaffId.of("anna")), io.vavr.collection.TreeSet.of(LifeDomain.HOUSING, LifeDomain.WORK), DAY0);
      assertEquals(2, opening.scope().size());
      AddGoal goal = new AddGoal(GoalId.of("G-1"), io.vavr.collection.TreeSet.of(NeedId.of("N-1")), "goal",
          "target", DAY0);
      assertEquals(1, goal.needs().size());
    }

    @Test
    void options_holding_null_and_transitions_without_their_day_are_reported() {
      assertEquals(List.of("expectedVersion:NULL_ELEMENT"),
          problems(() -> new Issued(StaffId.of("anna"), ANNA.at(), Option.some((Long) null))));
      org.casemgmt.plan.Intervention planned = plannedIntervention();
      assertEquals(List.of("on:MISSING"), problems(() -> planned.started(null)));
      assertEquals(List.of("newStatus:MISSING"), problems(() -> planned.withStatus(null)));
      assertEquals(List.of("finalStatus:MISSING", "on:MISSING"), problems(() -> planned.ended(null, null)));
      assertEquals(List.of("startedOn:NULL_ELEMENT"), problems(() -> new org.casemgmt.plan.Intervention(
          planned.id(), planned.needs(), planned.goals(), planned.provider(), planned.kind(), planned.window(),
          planned.cost(), org.casemgmt.plan.InterventionStatus.ACTIVE, Option.some((LocalDate) null),
          Option.none())));
      org.casemgmt.plan.Referral referral = org.casemgmt.plan.Referral.requested(
          org.casemgmt.plan.ReferralId.of("R-1"), HashSet.of(NeedId.of("N-1")), org.casemgmt.resource.Provider.of(
              org.casemgmt.resource.ProviderId.of("P-1"), "Centro", ResourceType.PUBLIC_SERVICE,
              HashSet.of(org.casemgmt.resource.ServiceKind.COUNSELLING)),
          org.casemgmt.resource.ServiceKind.COUNSELLING, DAY0);
      assertEquals(List.of("on:MISSING"), problems(() -> referral.accepted(null)));
      assertEquals(List.of("reason:NULL_ELEMENT"), problems(() -> referral.declined(DAY0, null)));
      assertEquals(List.of("reason:BLANK"), problems(() -> new CaseEvent.ReferralDeclined(referral.id(), DAY0, " ")));
      assertEquals(List.of("reason:NULL_ELEMENT"),
          problems(() -> new CaseEvent.ReferralCompleted(referral.id(), DAY0, false, Option.some(null))));
    }

    @Test
    void value_operations_and_queries_name_a_missing_argument_instead_of_a_null_pointer() {
      DayWindow window = DayWindow.ofDays(DAY0, 10);
      assertEquals(List.of("other:MISSING"), problems(() -> Money.of(1).plus(null)));
      assertEquals(List.of("other:MISSING"), problems(() -> Money.of(1).minus(null)));
      assertEquals(List.of("other:MISSING"), problems(() -> Money.of(1).exceeds(null)));
      assertEquals(List.of("other:MISSING"), problems(() -> Money.of(1).compareTo(null)));
      assertEquals(List.of("other:MISSING"), problems(() -> window.overlaps(null)));
      assertEquals(List.of("other:MISSING"), problems(() -> window.intersection(null)));
      assertEquals(List.of("other:MISSING"), problems(() -> window.encloses(null)));
      assertEquals(List.of("day:MISSING"), problems(() -> window.contains(null)));
      assertEquals(List.of("phase:MISSING"), problems(() -> PhaseTable.permitted(null, false)));
      assertEquals(List.of("phase:MISSING", "command:MISSING"), problems(() -> PhaseTable.isPermitted(null, false, null)));
      assertEquals(List.of("from:MISSING", "command:MISSING"), problems(() -> PhaseTable.targets(null, null)));
      assertEquals(List.of("from:MISSING", "command:MISSING", "to:MISSING"),
          problems(() -> PhaseTable.allows(null, null, null)));
      assertEquals(List.of("from:MISSING"), problems(() -> PhaseTable.reachable(null, false)));
      org.casemgmt.plan.Intervention planned = plannedIntervention();
      assertEquals(List.of("asOf:MISSING"), problems(() -> planned.costAccruedBy(null)));
      PlanVersion plan = CaseFile.open(ANNA,
              OpenCase.of(CaseId.of("CASE-1"), Client.of(ClientId.of("C-1"), "Maria Rossi", DAY0), DAY0, LifeDomain.WORK))
          .flatMap(f -> f.handle(ANNA, new StartAssessment()))
          .flatMap(f -> f.handle(ANNA, new RecordNeed(NeedId.of("N-1"), LifeDomain.WORK, "need", Priority.HIGH,
              IdentifiedBy.CLIENT)))
          .flatMap(f -> f.handle(ANNA, new CompleteAssessment()))
          .flatMap(f -> f.handle(ANNA, StartPlanning.of(DayWindow.ofDays(DAY0, 365))))
          .getOrElseThrow(r -> new AssertionError(r.rule()))
          .currentPlan().getOrNull();
      assertEquals(List.of("need:MISSING"), problems(() -> plan.covers(null)));
      assertEquals(List.of("asOf:MISSING"), problems(() -> plan.costToDate(null)));
      assertEquals(List.of("candidate:MISSING"), problems(() -> plan.findOverlap(null)));
      assertEquals(List.of("candidate:MISSING"), problems(() -> plan.findExclusiveClash(null)));
    }

    @Test
    void inverted_and_empty_windows_are_reported() {
      assertEquals(List.of("end:INVERTED_WINDOW"), problems(() -> DayWindow.of(DAY0.plusDays(10), DAY0)));
      assertEquals(List.of("end:INVERTED_WINDOW"), problems(() -> DayWindow.of(DAY0, DAY0)));
      assertEquals(List.of("start:MISSING", "end:MISSING"), problems(() -> DayWindow.of(null, null)));
      assertEquals(List.of("days:OUT_OF_RANGE"), problems(() -> DayWindow.ofDays(DAY0, 0)));
    }

    @Test
    void negative_malformed_or_missing_money_is_reported() {
      assertEquals(List.of("amount:OUT_OF_RANGE"), problems(() -> Money.of(-5)));
      assertEquals(List.of("amount:MALFORMED"), problems(() -> Money.of("twelve")));
      assertEquals(List.of("amount:MALFORMED"), problems(() -> new Money(new BigDecimal("1.005"))));
      assertEquals(List.of("amount:MISSING"), problems(() -> new Money(null)));
      assertEquals(List.of("amount:OUT_OF_RANGE", "amount:MALFORMED"),
          problems(() -> new Money(new BigDecimal("-0.001"))));
      // Already at two decimals, a negative amount is still refused (the constructor's fast path is for valid ones).
      assertEquals(List.of("amount:OUT_OF_RANGE"), problems(() -> new Money(new BigDecimal("-1.50"))));
      assertEquals(List.of("amount:OUT_OF_RANGE"), problems(() -> Money.of(10).minus(Money.of("10.01"))));
    }

    @Test
    void money_adds_and_subtracts_keeping_two_decimals() {
      assertEquals(Money.of("12.50"), Money.of(10).plus(Money.of("2.5")));
      assertEquals(Money.of("7.50"), Money.of(10).minus(Money.of("2.50")));
      assertEquals(Money.ZERO, Money.of("2.50").minus(Money.of("2.5")));
      assertEquals(2, Money.of(10).minus(Money.of(3)).amount().scale());
    }

    @Test
    void identifiers_must_be_short_codes() {
      assertEquals(List.of("needId:MALFORMED"), problems(() -> NeedId.of("N 1")));
      assertEquals(List.of("needId:MISSING"), problems(() -> NeedId.of(null)));
      assertEquals(List.of("needId:TOO_LONG"), problems(() -> NeedId.of("N".repeat(65))));
      assertEquals(List.of("staffId:BLANK"), problems(() -> StaffId.of("")));
    }

    @Test
    void the_message_names_fields_and_problems_but_never_the_value() {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> Client.of(ClientId.of("C-1"), SECRET + "y".repeat(200), DAY0));

      assertTrue(e.getMessage().contains("fullName: TOO_LONG"), e.getMessage());
      assertFalse(e.getMessage().contains("Rossi"), e.getMessage());
      InvalidInputException malformed = assertThrows(InvalidInputException.class, () -> ClientId.of("Maria Rossi"));
      assertFalse(malformed.getMessage().contains("Rossi"), malformed.getMessage());
    }
  }

  @Nested
  class AsAValidation {

    @Test
    void validate_answers_every_problem_as_an_invalid_validation() {
      Validation<Seq<InputError>, Client> client = InputError.validate(() -> Client.of(null, "", null));

      assertTrue(client.isInvalid());
      assertEquals(List.of(Problem.MISSING, Problem.BLANK, Problem.MISSING),
          client.getError().map(InputError::problem).toList());
      assertEquals(List.of("id", "fullName", "birthDate"), client.getError().map(InputError::field).toList());
    }

    @Test
    void validate_answers_the_value_when_the_input_is_fine() {
      Validation<Seq<InputError>, DayWindow> window =
          InputError.validate(() -> DayWindow.ofDays(DAY0, 30));

      assertEquals(Validation.valid(DayWindow.of(DAY0, DAY0.plusDays(30))), window);
    }

    @Test
    void validate_does_not_swallow_other_exceptions() {
      assertThrows(IllegalStateException.class, () -> InputError.validate(() -> {
        throw new IllegalStateException("a programmer error");
      }));
    }
  }

  @Nested
  class Redaction {

    @Test
    void a_client_never_shows_its_name_or_birth_date() {
      Client maria = Client.of(ClientId.of("C-1"), "Maria Rossi", LocalDate.of(1984, 3, 2));

      assertEquals("Client[id=C-1, fullName=***, birthDate=***]", maria.toString());
    }

    @Test
    void needs_goals_strengths_and_resources_never_show_their_text() {
      List<Object> values = List.of(
          Need.of(NeedId.of("N-1"), LifeDomain.SAFETY, SECRET, Priority.URGENT, IdentifiedBy.CLIENT),
          Goal.of(GoalId.of("G-1"), HashSet.of(NeedId.of("N-1")), SECRET, SECRET, DAY0),
          Strength.of(LifeDomain.WORK, SECRET),
          Resource.of(ResourceId.of("R-1"), ResourceType.FAMILY_CAREGIVER, SECRET));

      for (Object value : values) {
        assertFalse(value.toString().contains("Rossi"), value.getClass().getSimpleName());
        assertTrue(value.toString().contains("***"), value.getClass().getSimpleName());
      }
    }

    @Test
    void a_provider_never_shows_its_name_which_may_be_a_persons() {
      org.casemgmt.resource.Provider daughter = org.casemgmt.resource.Provider.of(
          org.casemgmt.resource.ProviderId.of("P-9"), "Maria Rossi", ResourceType.FAMILY_CAREGIVER,
          HashSet.of(org.casemgmt.resource.ServiceKind.HOME_CARE));

      assertEquals("Provider[id=P-9, name=***, type=FAMILY_CAREGIVER, offers=HashSet(HOME_CARE)]", daughter.toString());
      PlanIntervention command = PlanIntervention.of(InterventionId.of("I-1"), NeedId.of("N-1"), daughter,
          org.casemgmt.resource.ServiceKind.HOME_CARE, DayWindow.ofDays(DAY0, 10), Money.of(0));
      assertFalse(command.toString().contains("Rossi"), command.toString());
      assertThrows(InvalidInputException.class, () -> daughter.offers(null));
    }

    @Test
    void commands_with_free_text_never_show_it() {
      NeedId need = NeedId.of("N-1");
      List<Command> commands = List.of(
          OpenCase.of(CaseId.of("CASE-1"), Client.of(ClientId.of("C-1"), "Maria Rossi", DAY0), DAY0, LifeDomain.SAFETY)
              .managedBy(StaffId.of("anna")),
          new SuspendCase(SECRET),
          new CloseCase(ClosureReason.MOVED_AWAY, LocalDate.of(2026, 2, 1), SECRET),
          new ReopenCase(SECRET),
          new RecordNeed(need, LifeDomain.SAFETY, SECRET, Priority.URGENT, IdentifiedBy.CLIENT),
          new ReviseNeed(need, SECRET, Priority.HIGH),
          new WithdrawNeed(need, SECRET),
          new RecordStrength(LifeDomain.WORK, SECRET),
          new RecordResource(ResourceId.of("R-1"), ResourceType.FAMILY_CAREGIVER, SECRET),
          new AddGoal(GoalId.of("G-1"), HashSet.of(need), SECRET, SECRET, DAY0),
          new DeferNeed(need, SECRET),
          new CancelIntervention(InterventionId.of("I-1"), DAY0, SECRET),
          new Replan(SECRET));

      for (Command command : commands) {
        String text = command.toString();
        assertFalse(text.contains("Rossi"), command.kind() + ": " + text);
        assertTrue(text.contains("***"), command.kind() + ": " + text);
        String enveloped = IssuedCommand.of(ANNA, command).toString();
        assertFalse(enveloped.contains("Rossi"), command.kind() + " in its envelope: " + enveloped);
      }
    }

    @Test
    void events_with_free_text_never_show_it() {
      NeedId need = NeedId.of("N-1");
      List<CaseEvent> events = List.of(
          new CaseEvent.CaseSuspended(SECRET),
          new CaseEvent.CaseClosed(ClosureReason.MOVED_AWAY, LocalDate.of(2026, 2, 1), SECRET),
          new CaseEvent.CaseReopened(SECRET),
          new CaseEvent.NeedRecorded(Need.of(need, LifeDomain.SAFETY, SECRET, Priority.URGENT, IdentifiedBy.CLIENT)),
          new CaseEvent.NeedRevised(need, SECRET, Priority.HIGH),
          new CaseEvent.NeedWithdrawn(need, SECRET),
          new CaseEvent.StrengthRecorded(Strength.of(LifeDomain.WORK, SECRET)),
          new CaseEvent.ResourceRecorded(Resource.of(ResourceId.of("R-1"), ResourceType.RELATIVE, SECRET)),
          new CaseEvent.GoalAdded(Goal.of(GoalId.of("G-1"), HashSet.of(need), SECRET, SECRET, DAY0)),
          new CaseEvent.NeedDeferred(need, SECRET),
          new CaseEvent.InterventionCancelled(InterventionId.of("I-1"), DAY0, SECRET),
          new CaseEvent.ReplanningStarted(SECRET));

      for (CaseEvent event : events) {
        assertFalse(event.toString().contains("Rossi"), event.getClass().getSimpleName() + ": " + event);
      }
    }
  }
}
