package org.casemgmt.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.casemgmt.FreeText;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseEvent.AssessmentStarted;
import org.casemgmt.casefile.CaseEvent.CaseOpened;
import org.casemgmt.casefile.CaseEvent.NeedRecorded;
import org.casemgmt.casefile.CaseEvent.TeamMemberJoined;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command.CompleteAssessment;
import org.casemgmt.casefile.Command.OpenCase;
import org.casemgmt.casefile.Command.RecordNeed;
import org.casemgmt.casefile.Command.StartAssessment;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.casefile.Rejection.CommandNotPermitted;
import org.casemgmt.casefile.Rejection.DuplicateNeed;
import org.casemgmt.casefile.Rejection.IssuedBeforeOpening;
import org.casemgmt.casefile.Rejection.NeedOutsideScope;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamRole;
import org.casemgmt.party.TeamMember;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The fixture passes when the case file does what the test says, and fails readably when it does not. */
class CaseFixtureTest {

  static final CaseId CASE = CaseId.of("CASE-FX");
  static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);
  static final String SECRET = "Confidential: sleeps in her car";
  static final Client CLIENT = Client.of(ClientId.of("C-FX"), "Giulia Bianchi", LocalDate.of(1975, 4, 9));
  static final StaffId ANNA = StaffId.of("anna");
  static final StaffId BRUNO = StaffId.of("bruno");
  static final CaseOpened OPENED =
      new CaseOpened(CASE, CLIENT, StaffId.of("anna"), HashSet.of(LifeDomain.HOUSING, LifeDomain.WORK), DAY0);
  static final NeedId N1 = NeedId.of("N-1");

  static RecordNeed recordHousingNeed(String description) {
    return new RecordNeed(N1, LifeDomain.HOUSING, description, Priority.URGENT, IdentifiedBy.CLIENT);
  }

  static NeedRecorded housingNeedRecorded(String description, Priority priority) {
    return new NeedRecorded(Need.of(N1, LifeDomain.HOUSING, description, priority, IdentifiedBy.CLIENT));
  }

  @Nested
  class GivenHistory {

    @Test
    void plain_events_are_stamped_with_the_case_sequence_actor_and_start_instant() {
      CaseFixture.Given given = CaseFixture.given(OPENED, new AssessmentStarted());

      // Opened by the fixture; every later event by the case manager of the moment.
      assertEquals(List.of(
              new RecordedEvent(CASE, 1, CaseFixture.ACTOR, CaseFixture.START, OPENED),
              new RecordedEvent(CASE, 2, ANNA, CaseFixture.START, new AssessmentStarted())),
          given.history().toList());
      assertEquals(Phase.ASSESSMENT, given.state().map(f -> f.phase()).getOrNull());
      assertEquals(2, given.state().map(f -> f.version()).getOrElse(0L));
    }

    @Test
    void a_history_that_does_not_start_with_the_opening_is_a_setup_mistake() {
      assertThrows(IllegalArgumentException.class, () -> CaseFixture.given(new AssessmentStarted()));
      assertThrows(IllegalArgumentException.class, () -> CaseFixture.given(new CaseEvent[0]));
    }

    @Test
    void a_history_that_cannot_be_applied_in_order_is_a_setup_mistake() {
      CaseEvent goalWithoutPlan = new CaseEvent.GoalAdded(
          Goal.of(GoalId.of("G-1"), HashSet.of(N1), "goal", "target", DAY0.plusDays(30)));

      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> CaseFixture.given(OPENED, goalWithoutPlan));
      assertTrue(e.getMessage().contains("GoalAdded"), e.getMessage());
    }

    @Test
    void a_recorded_history_with_a_gap_is_a_setup_mistake() {
      RecordedEvent first = new RecordedEvent(CASE, 1, CaseFixture.ACTOR, CaseFixture.START, OPENED);
      RecordedEvent third = new RecordedEvent(CASE, 3, CaseFixture.ACTOR, CaseFixture.START, new AssessmentStarted());

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaseFixture.given(first, third));
      assertTrue(e.getMessage().contains("OUT_OF_SEQUENCE"), e.getMessage());
    }

    @Test
    void a_recorded_history_keeps_its_own_stamps_and_the_clock_starts_at_its_last_event() {
      Instant later = CaseFixture.START.plusSeconds(3600);
      RecordedEvent first = new RecordedEvent(CASE, 1, StaffId.of("opener"), CaseFixture.START, OPENED);
      RecordedEvent second = new RecordedEvent(CASE, 2, ANNA, later, new AssessmentStarted());

      CaseFixture.Given given = CaseFixture.given(first, second);

      assertEquals(List.of(first, second), given.history().toList());
      assertEquals(later, given.issued().at());
    }

    @Test
    void commands_build_a_history_and_a_refused_one_names_its_position_and_rule() {
      Issued anna = Issued.by(StaffId.of("anna"), CaseFixture.START);
      IssuedCommand open = IssuedCommand.of(anna, OpenCase.of(CASE, CLIENT, DAY0, LifeDomain.HOUSING));
      IssuedCommand start = IssuedCommand.of(anna, new StartAssessment());

      CaseFixture.Given given = CaseFixture.givenCommands(open, start,
          IssuedCommand.of(anna, recordHousingNeed(SECRET)));
      assertEquals(3, given.history().size());
      assertEquals(1, given.state().map(f -> f.openNeeds().size()).getOrElse(0));

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CaseFixture.givenCommands(open, start, start));
      assertTrue(e.getMessage().contains("2 (START_ASSESSMENT)"), e.getMessage());
      assertTrue(e.getMessage().contains("CommandNotPermitted"), e.getMessage());
    }

    @Test
    void commands_that_do_not_start_with_an_opening_are_a_setup_mistake() {
      Issued anna = Issued.by(StaffId.of("anna"), CaseFixture.START);

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CaseFixture.givenCommands(IssuedCommand.of(anna, new StartAssessment())));
      assertTrue(e.getMessage().contains("must open the case, not START_ASSESSMENT"), e.getMessage());
    }
  }

  @Nested
  class TheClock {

    @Test
    void the_clock_starts_at_the_history_and_moves_with_at() {
      Instant noon = Instant.parse("2026-02-10T12:00:00Z");
      CaseFixture.Given given = CaseFixture.given(OPENED);

      assertEquals(CaseFixture.START, given.issued().at());
      assertEquals(ANNA, given.issued().actor(), "the case manager, whom the default permissions let do anything");
      assertEquals(CaseFixture.ACTOR, CaseFixture.givenNoCase().issued().actor());
      CaseFixture.Given moved = given.at(noon);
      assertEquals(Clock.fixed(noon, ZoneOffset.UTC), moved.clock());
      assertEquals(LocalDate.of(2026, 2, 10), moved.today());
      assertEquals(noon, moved.issued().at());
      assertEquals(StaffId.of("bruno"), moved.issuedBy(StaffId.of("bruno")).actor());
      assertEquals(CaseFixture.START, given.issued().at(), "at answers a new stage; the old one keeps its clock");
    }

    @Test
    void commands_built_by_the_fixture_are_recorded_with_its_actor_and_instant() {
      Instant noon = Instant.parse("2026-02-10T12:00:00Z");

      CaseFixture.Accepted accepted = CaseFixture.given(OPENED).at(noon).when(new StartAssessment())
          .thenEmits(new AssessmentStarted());

      assertEquals(List.of(new RecordedEvent(CASE, 2, ANNA, noon, new AssessmentStarted())),
          accepted.events().toList());
    }

    @Test
    void a_clock_set_before_the_opening_gets_the_command_refused() {
      Instant before = CaseFixture.START.minusSeconds(1);

      CaseFixture.given(OPENED).at(before).when(new StartAssessment())
          .thenRejectedWith(new IssuedBeforeOpening(before, CaseFixture.START));
    }
  }

  @Nested
  class ThenEmits {

    @Test
    void passes_with_the_emitted_events_and_gives_the_new_state() {
      CaseFixture.given(OPENED, new AssessmentStarted())
          .when(recordHousingNeed(SECRET))
          .thenEmits(housingNeedRecorded(SECRET, Priority.URGENT))
          .thenState(file -> assertEquals(List.of(N1), file.openNeeds().map(Need::id).toList()))
          .thenState(file -> assertEquals(3, file.version()));
    }

    @Test
    void fails_naming_the_differing_field_without_printing_free_text() {
      CaseFixture.When when = CaseFixture.given(OPENED, new AssessmentStarted())
          .when(recordHousingNeed(SECRET));

      AssertionError e = assertThrows(AssertionError.class,
          () -> when.thenEmits(housingNeedRecorded("Another text entirely", Priority.LOW)));

      assertTrue(e.getMessage().contains("RECORD_NEED"), e.getMessage());
      assertTrue(e.getMessage().contains("NeedRecorded"), e.getMessage());
      assertTrue(e.getMessage().contains("need.description"), e.getMessage());
      assertTrue(e.getMessage().contains("need.priority"), e.getMessage());
      assertFalse(e.getMessage().contains("sleeps"), e.getMessage());
      assertFalse(e.getMessage().contains("Another text"), e.getMessage());
    }

    @Test
    void fails_when_a_different_number_of_events_is_expected() {
      CaseFixture.When when = CaseFixture.given(OPENED).when(new StartAssessment());

      AssertionError none = assertThrows(AssertionError.class, () -> when.thenEmits());
      assertTrue(none.getMessage().contains("expected 0 event(s)"), none.getMessage());
      assertThrows(AssertionError.class, () -> when.thenEmits(new AssessmentStarted(), new AssessmentStarted()));
    }

    @Test
    void fails_when_another_kind_of_event_is_expected() {
      CaseFixture.When when = CaseFixture.given(OPENED).when(new StartAssessment());

      AssertionError e = assertThrows(AssertionError.class, () -> when.thenEmits(new CaseEvent.CaseResumed()));
      assertTrue(e.getMessage().contains("CaseResumed"), e.getMessage());
      assertTrue(e.getMessage().contains("AssessmentStarted"), e.getMessage());
    }

    @Test
    void fails_when_the_command_is_rejected_naming_the_rule() {
      CaseFixture.When when = CaseFixture.given(OPENED).when(recordHousingNeed(SECRET));

      AssertionError e = assertThrows(AssertionError.class, () -> when.thenEmits(housingNeedRecorded(SECRET,
          Priority.URGENT)));
      assertTrue(e.getMessage().contains("CommandNotPermitted"), e.getMessage());
      assertFalse(e.getMessage().contains("sleeps"), e.getMessage());
    }

    @Test
    void failure_messages_mask_text_inside_options_too() {
      String described = CaseFixture.describe(new CaseEvent.ReferralCompleted(
          org.casemgmt.plan.ReferralId.of("R-1"), DAY0, false, io.vavr.control.Option.some(FreeText.of(SECRET))));

      assertEquals("ReferralCompleted[referral=R-1, on=" + DAY0 + ", successful=false, reason=Some(***)]", described);
      assertEquals("ReferralCompleted[referral=R-1, on=" + DAY0 + ", successful=true, reason=None]",
          CaseFixture.describe(new CaseEvent.ReferralCompleted(org.casemgmt.plan.ReferralId.of("R-1"), DAY0, true,
              io.vavr.control.Option.none())));
    }

    @Test
    void the_story_goes_on_with_sequence_numbers_that_continue_the_history() {
      CaseFixture.Accepted second = CaseFixture.given(OPENED).when(new StartAssessment())
          .thenEmits(new AssessmentStarted())
          .andThen()
          .when(recordHousingNeed(SECRET))
          .thenEmits(housingNeedRecorded(SECRET, Priority.URGENT));

      assertEquals(List.of(3L), second.events().map(RecordedEvent::sequence).toList());
      assertEquals(3, second.state().version());
      assertEquals(3, second.andThen().history().size());
    }

    @Test
    void opening_a_case_from_no_history_emits_the_first_event() {
      OpenCase open = OpenCase.of(CASE, CLIENT, DAY0, LifeDomain.HOUSING, LifeDomain.WORK).managedBy(StaffId.of("anna"));

      CaseFixture.givenNoCase().when(open).thenEmits(OPENED)
          .thenState(file -> assertEquals(Phase.INTAKE, file.phase()))
          .thenState(file -> assertEquals(1, file.version()));
    }

    @Test
    void without_a_case_only_opening_one_can_be_issued() {
      assertThrows(IllegalArgumentException.class, () -> CaseFixture.givenNoCase().when(new StartAssessment()));
    }
  }

  @Nested
  class ThenRejectedWith {

    @Test
    void passes_with_the_same_rejection_and_gives_its_typed_fields() {
      CaseFixture.Rejected<NeedOutsideScope> rejected = CaseFixture.given(OPENED, new AssessmentStarted())
          .when(new RecordNeed(N1, LifeDomain.SAFETY, SECRET, Priority.HIGH, IdentifiedBy.CLIENT))
          .thenRejectedWith(new NeedOutsideScope(N1, LifeDomain.SAFETY, OPENED.scope()));

      assertEquals(LifeDomain.SAFETY, rejected.rejection().domain());
    }

    @Test
    void fails_when_a_field_of_the_rejection_differs_naming_it() {
      CaseFixture.When when = CaseFixture.given(OPENED, new AssessmentStarted())
          .when(new RecordNeed(N1, LifeDomain.SAFETY, SECRET, Priority.HIGH, IdentifiedBy.CLIENT));

      AssertionError e = assertThrows(AssertionError.class,
          () -> when.thenRejectedWith(new NeedOutsideScope(N1, LifeDomain.SAFETY, HashSet.of(LifeDomain.HOUSING))));
      assertTrue(e.getMessage().contains("differs in scope"), e.getMessage());
    }

    @Test
    void fails_when_another_rule_refused_the_command() {
      CaseFixture.When when = CaseFixture.given(OPENED).when(recordHousingNeed(SECRET));

      AssertionError byInstance = assertThrows(AssertionError.class, () -> when.thenRejectedWith(new DuplicateNeed(N1)));
      assertTrue(byInstance.getMessage().contains("CommandNotPermitted"), byInstance.getMessage());
      AssertionError byType = assertThrows(AssertionError.class, () -> when.thenRejectedWith(DuplicateNeed.class));
      assertTrue(byType.getMessage().contains("expected rejection DuplicateNeed"), byType.getMessage());
    }

    @Test
    void fails_when_the_command_was_accepted() {
      CaseFixture.When when = CaseFixture.given(OPENED).when(new StartAssessment());

      AssertionError e = assertThrows(AssertionError.class, () -> when.thenRejectedWith(CommandNotPermitted.class));
      assertTrue(e.getMessage().contains("accepted with [AssessmentStarted]"), e.getMessage());
    }

    @Test
    void by_type_gives_the_rejection_to_check_its_fields() {
      CaseFixture.given(OPENED)
          .when(recordHousingNeed(SECRET))
          .thenRejectedWith(CommandNotPermitted.class)
          .satisfying(r -> assertEquals(Phase.INTAKE, r.phase()))
          .satisfying(r -> assertFalse(r.suspended()))
          .satisfying(r -> assertTrue(r.reachable().contains(Phase.ASSESSMENT)));
    }

    @Test
    void a_failing_check_on_the_fields_fails_the_test() {
      CaseFixture.Rejected<CommandNotPermitted> rejected = CaseFixture.given(OPENED)
          .when(recordHousingNeed(SECRET))
          .thenRejectedWith(CommandNotPermitted.class);

      assertThrows(AssertionError.class, () -> rejected.satisfying(r -> assertEquals(Phase.PLANNING, r.phase())));
    }

    @Test
    void an_opening_expecting_another_version_is_refused() {
      CaseFixture.Given noCase = CaseFixture.givenNoCase();
      OpenCase open = OpenCase.of(CASE, CLIENT, DAY0, LifeDomain.HOUSING).managedBy(StaffId.of("anna"));

      noCase.when(noCase.issued().expectingVersion(4), open).thenRejectedWith(new Rejection.VersionConflict(CASE, 4, 0));
    }
  }

  @Nested
  class ThenState {

    @Test
    void runs_the_checks_on_the_state_after_the_command() {
      CaseFixture.given(OPENED).when(new StartAssessment())
          .thenState(file -> assertEquals(Phase.ASSESSMENT, file.phase()));
    }

    @Test
    void a_failing_check_fails_the_test() {
      CaseFixture.When when = CaseFixture.given(OPENED).when(new StartAssessment());

      assertThrows(AssertionError.class, () -> when.thenState(file -> assertEquals(Phase.PLANNING, file.phase())));
    }

    @Test
    void fails_when_the_command_was_rejected() {
      CaseFixture.When when = CaseFixture.given(OPENED).when(recordHousingNeed(SECRET));

      AssertionError e = assertThrows(AssertionError.class, () -> when.thenState(file -> { }));
      assertTrue(e.getMessage().contains("rejected: CommandNotPermitted"), e.getMessage());
    }

    @Test
    void the_accepted_state_is_the_given_state_with_the_events_applied() {
      CaseFixture.Given given = CaseFixture.given(OPENED);
      CaseFixture.Accepted accepted = given.when(new StartAssessment()).thenState(file -> { });

      assertEquals(given.state().map(f -> f.evolve(accepted.events())).getOrNull(), accepted.state());
      assertSame(accepted, accepted.thenState(file -> { }));
    }
  }

  /** Who issues the command, when, and the version they saw: the fixture's envelope, or one of the test's own. */
  @Nested
  class Envelopes {

    final Instant noon = Instant.parse("2026-02-10T12:00:00Z");
    final Issued bruno = Issued.by(BRUNO, CaseFixture.START.plusSeconds(60));
    /** Bruno is on the team as a social worker, so he may record needs, not start the assessment. */
    final TeamMemberJoined brunoJoins = new TeamMemberJoined(TeamMember.of(BRUNO, TeamRole.SOCIAL_WORKER, DAY0));

    @Test
    void a_bare_command_is_stamped_with_the_case_manager_at_the_fixture_clock() {
      CaseFixture.Given given = CaseFixture.given(OPENED, new AssessmentStarted()).at(noon);
      NeedRecorded recorded = housingNeedRecorded(SECRET, Priority.URGENT);

      CaseFixture.Accepted bare = given.when(recordHousingNeed(SECRET)).thenEmits(recorded);

      assertEquals(List.of(new RecordedEvent(CASE, 3, ANNA, noon, recorded)), bare.events().toList());
      assertEquals(bare.events(), given.when(given.issued(), recordHousingNeed(SECRET)).thenEmits(recorded).events());
      assertEquals(bare.events(),
          given.when(IssuedCommand.of(given.issued(), recordHousingNeed(SECRET))).thenEmits(recorded).events());
    }

    @Test
    void an_envelope_of_the_tests_own_is_used_as_given_not_the_fixture_clock() {
      CaseFixture.Given given = CaseFixture.given(OPENED, new AssessmentStarted(), brunoJoins).at(noon);
      NeedRecorded recorded = housingNeedRecorded(SECRET, Priority.URGENT);

      CaseFixture.Accepted split = given.when(bruno, recordHousingNeed(SECRET)).thenEmits(recorded);
      CaseFixture.Accepted whole = given.when(IssuedCommand.of(bruno, recordHousingNeed(SECRET))).thenEmits(recorded);

      for (CaseFixture.Accepted accepted : List.of(split, whole)) {
        assertEquals(BRUNO, accepted.events().head().actor());
        assertEquals(bruno.at(), accepted.events().head().at());
      }
      // His role does not let him start an assessment: the envelope's actor is who the rules check.
      CaseFixture.given(OPENED, brunoJoins).when(bruno, new StartAssessment())
          .thenRejectedWith(new Rejection.NotAuthorized(BRUNO, Option.some(TeamRole.SOCIAL_WORKER),
              CommandKind.START_ASSESSMENT));
    }

    @Test
    void an_envelope_of_the_tests_own_is_also_what_a_refusal_is_decided_and_checked_with() {
      Issued tooEarly = Issued.by(ANNA, CaseFixture.START.minusSeconds(1));

      // The fixture's own clock (noon) would be accepted: only the test's envelope can be refused.
      CaseFixture.given(OPENED).at(noon).when(tooEarly, new StartAssessment())
          .thenRejectedWith(new IssuedBeforeOpening(tooEarly.at(), CaseFixture.START));
      CaseFixture.given(OPENED).at(noon).when(IssuedCommand.of(tooEarly, new StartAssessment()))
          .thenRejectedWith(new IssuedBeforeOpening(tooEarly.at(), CaseFixture.START));
    }

    @Test
    void a_stale_expected_version_is_refused_with_a_version_conflict() {
      CaseFixture.Given given = CaseFixture.given(OPENED, new AssessmentStarted());

      given.when(given.issued().expectingVersion(1), recordHousingNeed(SECRET))
          .thenRejectedWith(new Rejection.VersionConflict(CASE, 1, 2));
      given.when(IssuedCommand.of(given.issued().expectingVersion(1), recordHousingNeed(SECRET)))
          .thenRejectedWith(new Rejection.VersionConflict(CASE, 1, 2));
    }

    @Test
    void the_current_expected_version_is_accepted_and_is_stale_once_the_story_goes_on() {
      CaseFixture.Given given = CaseFixture.given(OPENED, new AssessmentStarted());
      Issued sawVersion2 = given.issued().expectingVersion(2);

      CaseFixture.Given next = given.when(sawVersion2, recordHousingNeed(SECRET))
          .thenEmits(housingNeedRecorded(SECRET, Priority.URGENT))
          .andThen();

      next.when(sawVersion2, new CompleteAssessment()).thenRejectedWith(new Rejection.VersionConflict(CASE, 2, 3));
    }
  }
}
