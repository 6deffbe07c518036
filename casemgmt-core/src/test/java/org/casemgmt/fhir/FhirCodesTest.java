package org.casemgmt.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vavr.collection.HashSet;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.Phase;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalLifecycle;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.ReferralStatus;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every state of the library maps to a code of the right FHIR value set, with that code system's display.
 * The value sets below are copied from the FHIR R4/R5 specification (code → display), independently of the
 * production code.
 */
class FhirCodesTest {

  private static final Map<String, Map<String, String>> VALUE_SETS = LinkedHashMap.of(
      "http://hl7.org/fhir/episode-of-care-status", LinkedHashMap.of(
          "planned", "Planned", "waitlist", "Waitlist", "active", "Active", "onhold", "On Hold",
          "finished", "Finished", "cancelled", "Cancelled", "entered-in-error", "Entered in Error"),
      "http://hl7.org/fhir/request-status", LinkedHashMap.of(
          "draft", "Draft", "active", "Active", "on-hold", "On Hold", "revoked", "Revoked",
          "completed", "Completed", "entered-in-error", "Entered in Error", "unknown", "Unknown"),
      "http://hl7.org/fhir/goal-status", LinkedHashMap.ofEntries(List.of(
          io.vavr.Tuple.of("proposed", "Proposed"), io.vavr.Tuple.of("planned", "Planned"),
          io.vavr.Tuple.of("accepted", "Accepted"), io.vavr.Tuple.of("active", "Active"),
          io.vavr.Tuple.of("on-hold", "On Hold"), io.vavr.Tuple.of("completed", "Completed"),
          io.vavr.Tuple.of("cancelled", "Cancelled"), io.vavr.Tuple.of("entered-in-error", "Entered in Error"),
          io.vavr.Tuple.of("rejected", "Rejected"))),
      "http://terminology.hl7.org/CodeSystem/goal-achievement", LinkedHashMap.ofEntries(List.of(
          io.vavr.Tuple.of("in-progress", "In Progress"), io.vavr.Tuple.of("improving", "Improving"),
          io.vavr.Tuple.of("worsening", "Worsening"), io.vavr.Tuple.of("no-change", "No Change"),
          io.vavr.Tuple.of("achieved", "Achieved"), io.vavr.Tuple.of("sustaining", "Sustaining"),
          io.vavr.Tuple.of("not-achieved", "Not Achieved"), io.vavr.Tuple.of("no-progress", "No Progress"),
          io.vavr.Tuple.of("not-attainable", "Not Attainable"))),
      "http://hl7.org/fhir/task-status", LinkedHashMap.ofEntries(List.of(
          io.vavr.Tuple.of("draft", "Draft"), io.vavr.Tuple.of("requested", "Requested"),
          io.vavr.Tuple.of("received", "Received"), io.vavr.Tuple.of("accepted", "Accepted"),
          io.vavr.Tuple.of("rejected", "Rejected"), io.vavr.Tuple.of("ready", "Ready"),
          io.vavr.Tuple.of("cancelled", "Cancelled"), io.vavr.Tuple.of("in-progress", "In Progress"),
          io.vavr.Tuple.of("on-hold", "On Hold"), io.vavr.Tuple.of("failed", "Failed"),
          io.vavr.Tuple.of("completed", "Completed"), io.vavr.Tuple.of("entered-in-error", "Entered in Error"))));

  private static void assertInValueSet(String system, FhirCode code, String what) {
    assertEquals(system, code.system(), what);
    Map<String, String> valueSet = VALUE_SETS.get(system).getOrElseThrow(() -> new AssertionError(system));
    assertEquals(Option.of(code.display()), valueSet.get(code.code()), () -> what + " → " + code);
  }

  /** Each open phase with and without suspension, and the closed phase with each reason. */
  private static List<io.vavr.Tuple3<Phase, Boolean, Option<ClosureReason>>> situations() {
    return List.of(Phase.values()).filter(Phase::isOpen)
        .flatMap(p -> List.of(io.vavr.Tuple.of(p, false, Option.<ClosureReason>none()),
            io.vavr.Tuple.of(p, true, Option.<ClosureReason>none())))
        .appendAll(List.of(ClosureReason.values()).map(r -> io.vavr.Tuple.of(Phase.CLOSED, false, Option.some(r))));
  }

  @Nested
  class Every_state_maps_into_its_value_set {

    @Test
    void a_case_as_an_episode_of_care() {
      for (var s : situations()) {
        assertInValueSet(FhirCodes.EPISODE_OF_CARE_STATUS, FhirCodes.episodeOfCareStatus(s._1, s._2, s._3), s.toString());
      }
    }

    @Test
    void a_plan_as_a_care_plan() {
      for (var s : situations()) {
        for (boolean approved : List.of(false, true)) {
          assertInValueSet(FhirCodes.REQUEST_STATUS, FhirCodes.carePlanStatus(approved, s._1, s._2, s._3),
              s + ", approved " + approved);
        }
      }
    }

    @Test
    void a_goal_s_lifecycle_and_achievement() {
      for (GoalLifecycle lifecycle : GoalLifecycle.values()) {
        assertInValueSet(FhirCodes.GOAL_STATUS, FhirCodes.goalLifecycleStatus(lifecycle), lifecycle.name());
        assertEquals(lifecycle.name().toLowerCase(), FhirCodes.goalLifecycleStatus(lifecycle).code());
      }
      for (GoalAchievement achievement : GoalAchievement.values()) {
        assertInValueSet(FhirCodes.GOAL_ACHIEVEMENT, FhirCodes.goalAchievementStatus(achievement), achievement.name());
        // The enum follows the code system: the codes are its names, lower case, hyphenated.
        assertEquals(achievement.name().toLowerCase().replace('_', '-'),
            FhirCodes.goalAchievementStatus(achievement).code());
      }
    }

    @Test
    void an_intervention_as_a_service_request_and_a_task() {
      for (InterventionStatus status : InterventionStatus.values()) {
        for (boolean approved : List.of(false, true)) {
          assertInValueSet(FhirCodes.REQUEST_STATUS, FhirCodes.serviceRequestStatus(status, approved), status.name());
          assertInValueSet(FhirCodes.TASK_STATUS, FhirCodes.taskStatus(status, approved), status.name());
        }
      }
    }

    @Test
    void a_referral_as_a_service_request_and_a_task() {
      for (ReferralStatus status : ReferralStatus.values()) {
        assertInValueSet(FhirCodes.REQUEST_STATUS, FhirCodes.serviceRequestStatus(status), status.name());
        assertInValueSet(FhirCodes.TASK_STATUS, FhirCodes.taskStatus(status), status.name());
      }
    }
  }

  @Nested
  class The_choices_documented {

    @Test
    void intake_is_planned_later_phases_active_and_a_suspended_case_on_hold() {
      assertEquals("planned", FhirCodes.episodeOfCareStatus(Phase.INTAKE, false, Option.none()).code());
      List.of(Phase.ASSESSMENT, Phase.PLANNING, Phase.IMPLEMENTATION, Phase.MONITORING, Phase.EVALUATION)
          .forEach(p -> assertEquals("active", FhirCodes.episodeOfCareStatus(p, false, Option.none()).code()));
      List.of(Phase.values()).filter(Phase::isOpen)
          .forEach(p -> assertEquals("onhold", FhirCodes.episodeOfCareStatus(p, true, Option.none()).code()));
    }

    @Test
    void a_case_closed_as_foreseen_is_finished_one_broken_off_is_cancelled() {
      List.of(ClosureReason.GOALS_ACHIEVED, ClosureReason.TRANSFERRED, ClosureReason.DECEASED).forEach(r ->
          assertEquals("finished", FhirCodes.episodeOfCareStatus(Phase.CLOSED, false, Option.some(r)).code()));
      List.of(ClosureReason.CLIENT_WITHDREW, ClosureReason.MOVED_AWAY, ClosureReason.UNREACHABLE,
          ClosureReason.NO_LONGER_ELIGIBLE, ClosureReason.NO_NEEDS_IDENTIFIED).forEach(r ->
          assertEquals("cancelled", FhirCodes.episodeOfCareStatus(Phase.CLOSED, false, Option.some(r)).code()));
    }

    @Test
    void a_plan_is_completed_only_by_evaluation_or_achieved_goals_and_revoked_by_any_other_closure() {
      assertEquals("completed", FhirCodes.carePlanStatus(true, Phase.EVALUATION, false, Option.none()).code());
      assertEquals("completed",
          FhirCodes.carePlanStatus(true, Phase.CLOSED, false, Option.some(ClosureReason.GOALS_ACHIEVED)).code());
      List.of(ClosureReason.values()).filter(r -> r != ClosureReason.GOALS_ACHIEVED).forEach(r ->
          assertEquals("revoked", FhirCodes.carePlanStatus(true, Phase.CLOSED, false, Option.some(r)).code()));
      assertEquals("draft", FhirCodes.carePlanStatus(false, Phase.PLANNING, false, Option.none()).code());
      assertEquals("on-hold", FhirCodes.carePlanStatus(true, Phase.ASSESSMENT, false, Option.none()).code());
    }

    @Test
    void a_planned_intervention_is_a_draft_until_its_plan_is_approved() {
      assertEquals("draft", FhirCodes.taskStatus(InterventionStatus.PLANNED, false).code());
      assertEquals("ready", FhirCodes.taskStatus(InterventionStatus.PLANNED, true).code());
      assertEquals("draft", FhirCodes.serviceRequestStatus(InterventionStatus.PLANNED, false).code());
      assertEquals("active", FhirCodes.serviceRequestStatus(InterventionStatus.PLANNED, true).code());
    }

    @Test
    void a_referral_task_follows_the_provider_s_answer() {
      assertEquals(List.of("requested", "accepted", "rejected", "completed", "completed", "cancelled"),
          List.of(ReferralStatus.values()).map(s -> FhirCodes.taskStatus(s).code()));
    }

    @Test
    void a_closed_phase_without_a_reason_is_a_programmer_error() {
      assertThrows(IllegalArgumentException.class,
          () -> FhirCodes.episodeOfCareStatus(Phase.CLOSED, false, Option.none()));
      assertThrows(IllegalArgumentException.class,
          () -> FhirCodes.carePlanStatus(true, Phase.CLOSED, false, Option.none()));
    }

    @Test
    void a_code_needs_all_three_parts() {
      assertThrows(InvalidInputException.class, () -> FhirCode.of(FhirCodes.TASK_STATUS, " ", "Ready"));
      assertThrows(InvalidInputException.class, () -> FhirCode.of(null, "ready", "Ready"));
    }
  }

  @Nested
  class On_a_real_case_file {

    private final Issued anna = Issued.by(StaffId.of("sw-01"), Instant.parse("2026-03-02T09:00:00Z"));
    private final LocalDate day = LocalDate.of(2026, 3, 2);

    @Test
    void follows_the_case_from_intake_to_a_broken_off_closure() {
      CaseFile intake = CaseFile.open(anna, Command.OpenCase.of(CaseId.of("CASE-F"),
              Client.of(ClientId.of("C-F"), "Test Person", LocalDate.of(1970, 5, 5)), day, LifeDomain.HOUSING))
          .getOrElseThrow(r -> new AssertionError(r.rule()));
      assertEquals("planned", FhirCodes.episodeOfCareStatus(intake).code());
      assertEquals(Option.none(), FhirCodes.carePlanStatus(intake));

      Provider provider = Provider.of(ProviderId.of("P-F"), "Housing office", ResourceType.PUBLIC_SERVICE,
          HashSet.of(ServiceKind.HOUSING));
      CaseFile planning = intake.handleAll(anna,
              new Command.StartAssessment(),
              new Command.RecordNeed(NeedId.of("N-1"), LifeDomain.HOUSING, "Evicted", Priority.URGENT,
                  IdentifiedBy.CLIENT),
              new Command.CompleteAssessment(),
              Command.StartPlanning.of(DayWindow.ofDays(day, 90)),
              Command.PlanIntervention.of(InterventionId.of("I-1"), NeedId.of("N-1"), provider, ServiceKind.HOUSING,
                  DayWindow.ofDays(day, 30), Money.of(500)))
          .getOrElseThrow(refused -> new AssertionError(refused.kind() + ": " + refused.rejection().rule()));
      assertEquals("active", FhirCodes.episodeOfCareStatus(planning).code());
      assertEquals(Option.some("draft"), FhirCodes.carePlanStatus(planning).map(FhirCode::code));

      CaseFile suspended = planning.handle(anna, new Command.SuspendCase("Hospitalised"))
          .getOrElseThrow(r -> new AssertionError(r.rule()));
      assertEquals("onhold", FhirCodes.episodeOfCareStatus(suspended).code());

      CaseFile closed = suspended.handle(anna, new Command.CloseCase(ClosureReason.CLIENT_WITHDREW, day.plusDays(1), "Withdrew"))
          .getOrElseThrow(r -> new AssertionError(r.rule()));
      assertEquals("cancelled", FhirCodes.episodeOfCareStatus(closed).code());
      assertEquals(Option.some("revoked"), FhirCodes.carePlanStatus(closed).map(FhirCode::code));
    }
  }
}
