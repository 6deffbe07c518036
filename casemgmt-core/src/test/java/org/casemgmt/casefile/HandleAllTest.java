package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.FreeText;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.CaseEvent.CaseOpened;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.casefile.Rejection.*;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamMember;
import org.casemgmt.party.TeamRole;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The entry points of API 2.0: {@code handleAll} in its three forms, opening a case with or without naming its
 * case manager, and the {@code of} factories of the commands with many fields, which must build exactly the
 * command their canonical constructor builds.
 */
class HandleAllTest {

  static final CaseId CASE = CaseId.of("CASE-H");
  static final LocalDate DAY0 = LocalDate.of(2026, 3, 2);
  static final StaffId ANNA_ID = StaffId.of("anna");
  static final StaffId MARCO_ID = StaffId.of("marco");
  static final Issued ANNA = Issued.by(ANNA_ID, Instant.parse("2026-03-02T09:00:00Z"));
  static final Issued MARCO = Issued.by(MARCO_ID, Instant.parse("2026-03-02T10:00:00Z"));
  static final Client CLIENT = Client.of(ClientId.of("C-H"), "Giulia Neri", LocalDate.of(1988, 8, 8));
  static final NeedId N1 = NeedId.of("N-1");
  static final NeedId N2 = NeedId.of("N-2");
  static final GoalId G1 = GoalId.of("G-1");
  static final GoalId G2 = GoalId.of("G-2");
  static final InterventionId I1 = InterventionId.of("I-1");
  static final ReferralId R1 = ReferralId.of("R-1");
  static final DayWindow PERIOD = DayWindow.ofDays(DAY0, 365);
  static final Provider CENTRE = Provider.of(ProviderId.of("P-1"), "Job centre", ResourceType.PUBLIC_SERVICE,
      ServiceKind.JOB_COACHING, ServiceKind.TRAINING);

  static final OpenCase OPENING = OpenCase.of(CASE, CLIENT, DAY0, LifeDomain.HOUSING, LifeDomain.WORK);

  // The assessment of a case just opened, in order: every command is accepted.
  static final Command START = new StartAssessment();
  static final Command HOUSING_NEED =
      new RecordNeed(N1, LifeDomain.HOUSING, "Evicted last week", Priority.URGENT, IdentifiedBy.CLIENT);
  static final Command WORK_NEED =
      new RecordNeed(N2, LifeDomain.WORK, "Lost her job", Priority.HIGH, IdentifiedBy.CLIENT);
  static final Command COMPLETE = new CompleteAssessment();

  /** A need in a domain outside the case's scope: refused with {@link NeedOutsideScope}. */
  static final Command SAFETY_NEED =
      new RecordNeed(NeedId.of("N-9"), LifeDomain.SAFETY, "Threats", Priority.URGENT, IdentifiedBy.CLIENT);

  /** A case file Anna has just opened: version 1, in intake. */
  static CaseFile opened() {
    return CaseFile.open(ANNA, OPENING).getOrElseThrow(r -> new AssertionError(r.rule()));
  }

  /** A case file Anna has opened, with Marco on its team as a social worker: version 2, in intake. */
  static CaseFile openedWithMarco() {
    return opened().handle(ANNA, new JoinTeam(TeamMember.of(MARCO_ID, TeamRole.SOCIAL_WORKER, DAY0)))
        .getOrElseThrow(r -> new AssertionError(r.rule()));
  }

  /** The case file after handling each command on its own, with {@code handle}. */
  static CaseFile oneByOne(CaseFile file, Issued issued, Command... commands) {
    CaseFile state = file;
    for (Command command : commands) {
      state = state.handle(issued, command).getOrElseThrow(r -> new AssertionError(command.kind() + ": " + r.rule()));
    }
    return state;
  }

  static List<String> problems(Executable call) {
    return org.casemgmt.InputProblems.problems(call);
  }

  // ---------------------------------------------------------------- handleAll

  @Nested
  class Handle_all {

    @Test
    void handle_all_accepts_every_command_as_handling_them_one_by_one_would() {
      CaseFile file = opened();

      CaseFile assessed = file.handleAll(ANNA, START, HOUSING_NEED, WORK_NEED, COMPLETE)
          .getOrElseThrow(refused -> new AssertionError(refused.toString()));

      assertEquals(oneByOne(file, ANNA, START, HOUSING_NEED, WORK_NEED, COMPLETE), assessed);
      assertEquals(Phase.ASSESSMENT, assessed.phase());
      assertTrue(assessed.assessmentCompleted());
      assertEquals(5, assessed.version());
      assertEquals(HashSet.of(N1, N2), assessed.needs().keySet());
    }

    @Test
    void handle_all_of_a_sequence_accepts_every_command_as_the_varargs_form_does() {
      CaseFile file = opened();
      Seq<Command> assessment = List.of(START, HOUSING_NEED, WORK_NEED, COMPLETE);

      assertEquals(file.handleAll(ANNA, START, HOUSING_NEED, WORK_NEED, COMPLETE), file.handleAll(ANNA, assessment));
      assertEquals(Either.right(oneByOne(file, ANNA, START, HOUSING_NEED, WORK_NEED, COMPLETE)),
          file.handleAll(ANNA, assessment.toVector()));
      // A sequence of a narrower type of command is accepted as it is.
      Seq<RecordNeed> needs = List.of((RecordNeed) HOUSING_NEED, (RecordNeed) WORK_NEED);
      CaseFile assessing = oneByOne(file, ANNA, START);
      assertEquals(Either.right(oneByOne(assessing, ANNA, HOUSING_NEED, WORK_NEED)), assessing.handleAll(ANNA, needs));
    }

    @Test
    void handle_all_of_commands_in_their_own_envelopes_accepts_every_command_as_handling_them_one_by_one_would() {
      CaseFile file = openedWithMarco();
      Seq<IssuedCommand> steps = List.of(
          IssuedCommand.of(ANNA, START),
          IssuedCommand.of(ANNA, HOUSING_NEED),
          IssuedCommand.of(MARCO, WORK_NEED),
          IssuedCommand.of(Issued.by(ANNA_ID, MARCO.at()), COMPLETE));

      CaseFile expected = file;
      for (IssuedCommand step : steps) {
        expected = expected.handle(step).getOrElseThrow(r -> new AssertionError(r.rule()));
      }

      assertEquals(Either.right(expected), file.handleAll(steps));
      assertEquals(6, expected.version());
    }

    @Test
    void handle_all_of_no_commands_answers_the_case_file_as_it_is() {
      CaseFile file = opened();

      assertSame(file, file.handleAll(ANNA).getOrNull());
      assertSame(file, file.handleAll(ANNA, List.<Command>empty()).getOrNull());
      assertSame(file, file.handleAll(List.<IssuedCommand>empty()).getOrNull());
    }

    @Test
    void handle_all_stops_at_the_first_refusal_with_its_position_kind_and_rejection() {
      CaseFile file = opened();
      CaseFile before = opened();
      NeedOutsideScope outside = new NeedOutsideScope(NeedId.of("N-9"), LifeDomain.SAFETY,
          HashSet.of(LifeDomain.HOUSING, LifeDomain.WORK));

      Either<RefusedStep, CaseFile> refused = file.handleAll(ANNA, START, HOUSING_NEED, SAFETY_NEED, WORK_NEED);

      assertEquals(Either.left(new RefusedStep(2, CommandKind.RECORD_NEED, outside)), refused);
      // The rejection is the one handle gives after the accepted steps.
      assertEquals(Either.left(outside), oneByOne(file, ANNA, START, HOUSING_NEED).handle(ANNA, SAFETY_NEED));
      assertEquals(before, file, "the case file handleAll started from is unchanged");
      assertEquals(1, file.version());
    }

    @Test
    void handle_all_stops_at_the_first_of_several_refusals() {
      CaseFile file = opened();

      // Completing the assessment in intake is not permitted; neither is the need after it, but it is never reached.
      RefusedStep refused = file.handleAll(ANNA, COMPLETE, SAFETY_NEED).swap().getOrNull();

      assertEquals(0, refused.position());
      assertEquals(CommandKind.COMPLETE_ASSESSMENT, refused.kind());
      assertEquals(CommandNotPermitted.class, refused.rejection().getClass());
      assertEquals(Phase.INTAKE, ((CommandNotPermitted) refused.rejection()).phase());
    }

    @Test
    void every_form_of_handle_all_stops_at_the_same_refusal_and_leaves_the_case_file_unchanged() {
      CaseFile file = opened();
      CaseFile before = opened();
      Seq<Command> commands = List.of(START, HOUSING_NEED, SAFETY_NEED, WORK_NEED);
      Either<RefusedStep, CaseFile> refused = Either.left(new RefusedStep(2, CommandKind.RECORD_NEED,
          new NeedOutsideScope(NeedId.of("N-9"), LifeDomain.SAFETY, HashSet.of(LifeDomain.HOUSING, LifeDomain.WORK))));

      assertEquals(refused, file.handleAll(ANNA, commands.toJavaArray(Command[]::new)));
      assertEquals(refused, file.handleAll(ANNA, commands));
      assertEquals(refused, file.handleAll(ANNA, commands.toVector()));
      assertEquals(refused, file.handleAll(commands.map(command -> IssuedCommand.of(ANNA, command))));
      assertEquals(before, file);
      assertEquals(1, file.version());
    }

    @Test
    void handle_all_checks_the_expected_version_before_the_first_command_only() {
      CaseFile file = opened();

      // Anna saw version 1: the first command is checked against it, the later ones follow her own steps.
      CaseFile assessed = file.handleAll(ANNA.expectingVersion(1), START, HOUSING_NEED, COMPLETE)
          .getOrElseThrow(refused -> new AssertionError(refused.toString()));
      assertEquals(oneByOne(file, ANNA, START, HOUSING_NEED, COMPLETE), assessed);
      assertEquals(Either.right(assessed),
          file.handleAll(ANNA.expectingVersion(1), List.of(START, HOUSING_NEED, COMPLETE)));
    }

    @Test
    void a_stale_expected_version_refuses_the_first_step_in_every_form() {
      CaseFile file = opened();
      CaseFile assessing = oneByOne(file, ANNA, START);
      // Anna saw version 1, but someone else has started the assessment since: the case file is at version 2.
      Issued stale = ANNA.expectingVersion(1);
      Either<RefusedStep, CaseFile> conflict =
          Either.left(new RefusedStep(0, CommandKind.RECORD_NEED, new VersionConflict(CASE, 1, 2)));

      assertEquals(conflict, assessing.handleAll(stale, HOUSING_NEED, COMPLETE));
      assertEquals(conflict, assessing.handleAll(stale, List.of(HOUSING_NEED, COMPLETE)));
      assertEquals(conflict, assessing.handleAll(List.of(IssuedCommand.of(stale, HOUSING_NEED),
          IssuedCommand.of(ANNA, COMPLETE))));
      assertEquals(2, assessing.version(), "the refusal changed nothing");
    }

    @Test
    void in_their_own_envelopes_each_command_is_checked_against_the_version_its_issuer_expects() {
      CaseFile file = openedWithMarco();

      // Marco saw Anna's first step (version 3): his envelope expects it, and is accepted.
      IssuedCommand annasStep = IssuedCommand.of(ANNA.expectingVersion(2), START);
      IssuedCommand marcosStep = IssuedCommand.of(MARCO.expectingVersion(3), HOUSING_NEED);
      CaseFile expected = file.handle(annasStep).flatMap(next -> next.handle(marcosStep))
          .getOrElseThrow(r -> new AssertionError(r.rule()));
      assertEquals(Either.right(expected), file.handleAll(List.of(annasStep, marcosStep)));
      assertEquals(4, expected.version());
      // Had he seen only version 2, his step would be refused where it stands.
      assertEquals(Either.left(new RefusedStep(1, CommandKind.RECORD_NEED, new VersionConflict(CASE, 2, 3))),
          file.handleAll(List.of(IssuedCommand.of(ANNA, START), IssuedCommand.of(MARCO.expectingVersion(2),
              HOUSING_NEED))));
    }

    @Test
    void handle_all_refuses_missing_arguments_and_commands_with_invalid_input() {
      CaseFile file = opened();

      assertEquals(List.of("issued:MISSING"), problems(() -> file.handleAll(null, START)));
      assertEquals(List.of("issued:MISSING"), problems(() -> file.handleAll(null, List.of(START))));
      assertEquals(List.of("commands:MISSING"), problems(() -> file.handleAll(ANNA, (Command[]) null)));
      assertEquals(List.of("commands:MISSING"), problems(() -> file.handleAll(ANNA, (Seq<Command>) null)));
      assertEquals(List.of("commands:MISSING"), problems(() -> file.handleAll((Seq<IssuedCommand>) null)));
      assertEquals(List.of("commands:NULL_ELEMENT"), problems(() -> file.handleAll(ANNA, START, null)));
      assertEquals(List.of("commands:NULL_ELEMENT"), problems(() -> file.handleAll(ANNA, List.of(START, null))));
      assertEquals(List.of("commands:NULL_ELEMENT"),
          problems(() -> file.handleAll(List.of(IssuedCommand.of(ANNA, START), null))));
      assertEquals(1, file.version(), "nothing was handled");
    }

    @Test
    void handle_and_decide_refuse_missing_arguments_with_invalid_input() {
      CaseFile file = opened();

      assertEquals(List.of("issued:MISSING"), problems(() -> file.handle(null, START)));
      assertEquals(List.of("command:MISSING"), problems(() -> file.handle(ANNA, null)));
      assertEquals(List.of("command:MISSING"), problems(() -> file.handle((IssuedCommand) null)));
      assertEquals(List.of("issued:MISSING", "command:MISSING"), problems(() -> file.decide(null, null)));
    }
  }

  // ---------------------------------------------------------------- opening

  @Nested
  class Opening {

    @Test
    void the_person_who_opens_a_case_becomes_its_case_manager_unless_another_is_named() {
      assertEquals(ANNA_ID, CaseFile.open(ANNA, OPENING).getOrNull().caseManager());
      assertEquals(MARCO_ID, CaseFile.open(ANNA, OPENING.managedBy(MARCO_ID)).getOrNull().caseManager());
    }

    @Test
    void the_opening_event_always_names_the_case_manager() {
      assertEquals(new CaseOpened(CASE, CLIENT, ANNA_ID, HashSet.of(LifeDomain.HOUSING, LifeDomain.WORK), DAY0),
          CaseFile.decideOpening(ANNA, OPENING).getOrNull().single().event());
      assertEquals(new CaseOpened(CASE, CLIENT, MARCO_ID, HashSet.of(LifeDomain.HOUSING, LifeDomain.WORK), DAY0),
          CaseFile.decideOpening(ANNA, OPENING.managedBy(MARCO_ID)).getOrNull().single().event());
      RecordedEvent recorded = CaseFile.decideOpening(ANNA, OPENING.managedBy(MARCO_ID)).getOrNull().single();
      assertEquals(ANNA_ID, recorded.actor(), "Anna opened it, for Marco");
      assertEquals(ANNA.at(), recorded.at());
    }

    @Test
    void open_case_of_equals_its_canonical_form_with_no_case_manager_and_managed_by_names_one() {
      assertEquals(new OpenCase(CASE, CLIENT, Option.none(), HashSet.of(LifeDomain.HOUSING, LifeDomain.WORK), DAY0),
          OPENING);
      assertEquals(new OpenCase(CASE, CLIENT, Option.some(MARCO_ID), HashSet.of(LifeDomain.HOUSING, LifeDomain.WORK),
          DAY0), OPENING.managedBy(MARCO_ID));
      assertEquals(OPENING, OpenCase.of(CASE, CLIENT, DAY0, LifeDomain.WORK, LifeDomain.HOUSING, LifeDomain.WORK),
          "the scope is a set");
    }

    @Test
    void opening_expects_version_zero_if_it_expects_one() {
      assertEquals(ANNA_ID, CaseFile.open(ANNA.expectingVersion(0), OPENING).getOrNull().caseManager());
      assertEquals(Either.left(new VersionConflict(CASE, 3, 0)), CaseFile.open(ANNA.expectingVersion(3), OPENING));
    }

    @Test
    void open_case_of_refuses_no_scope_a_missing_scope_and_a_missing_manager() {
      assertEquals(List.of("scope:EMPTY"), problems(() -> OpenCase.of(CASE, CLIENT, DAY0)));
      assertEquals(List.of("scope:MISSING"), problems(() -> OpenCase.of(CASE, CLIENT, DAY0, (LifeDomain[]) null)));
      assertEquals(List.of("scope:NULL_ELEMENT"),
          problems(() -> OpenCase.of(CASE, CLIENT, DAY0, LifeDomain.HOUSING, null)));
      assertEquals(List.of("manager:MISSING"), problems(() -> OPENING.managedBy(null)));
      assertThrows(InvalidInputException.class, () -> OpenCase.of(null, CLIENT, DAY0, LifeDomain.HOUSING));
      assertThrows(InvalidInputException.class, () -> new OpenCase(CASE, CLIENT, null, HashSet.of(LifeDomain.HOUSING),
          DAY0));
    }
  }

  // ---------------------------------------------------------------- factories

  @Nested
  class Factories {

    @Test
    void start_planning_of_a_period_equals_its_canonical_form_with_every_need_to_be_covered() {
      assertEquals(new StartPlanning(PERIOD, Priority.LOW), StartPlanning.of(PERIOD));
      assertEquals(List.of("period:MISSING"), problems(() -> StartPlanning.of(null)));
    }

    @Test
    void extend_scope_of_equals_its_canonical_form() {
      assertEquals(new ExtendScope(HashSet.of(LifeDomain.SAFETY, LifeDomain.ECONOMIC), DAY0),
          ExtendScope.of(DAY0, LifeDomain.SAFETY, LifeDomain.ECONOMIC));
      assertEquals(List.of("domains:EMPTY"), problems(() -> ExtendScope.of(DAY0)));
      assertEquals(List.of("domains:MISSING"), problems(() -> ExtendScope.of(DAY0, (LifeDomain[]) null)));
      assertEquals(List.of("domains:NULL_ELEMENT"), problems(() -> ExtendScope.of(DAY0, LifeDomain.SAFETY, null)));
    }

    @Test
    void add_goal_of_one_need_equals_its_canonical_form() {
      assertEquals(new AddGoal(G1, HashSet.of(N1), "A home", "A lease signed", DAY0.plusDays(90)),
          AddGoal.of(G1, N1, "A home", "A lease signed", DAY0.plusDays(90)));
      assertThrows(InvalidInputException.class, () -> AddGoal.of(G1, null, "A home", "A lease", DAY0));
    }

    @Test
    void plan_intervention_of_one_need_serves_no_goal_until_serving_names_some() {
      PlanIntervention coaching = PlanIntervention.of(I1, N2, CENTRE, ServiceKind.JOB_COACHING,
          DayWindow.ofDays(DAY0, 60), Money.of(800));

      assertEquals(new PlanIntervention(I1, HashSet.of(N2), HashSet.empty(), CENTRE, ServiceKind.JOB_COACHING,
          DayWindow.ofDays(DAY0, 60), Money.of(800)), coaching);
      assertEquals(new PlanIntervention(I1, HashSet.of(N2), HashSet.of(G1, G2), CENTRE, ServiceKind.JOB_COACHING,
          DayWindow.ofDays(DAY0, 60), Money.of(800)), coaching.serving(G1, G2));
      assertEquals(List.of("served:EMPTY"), problems(() -> coaching.serving()));
      assertEquals(List.of("served:MISSING"), problems(() -> coaching.serving((GoalId[]) null)));
      assertEquals(List.of("served:NULL_ELEMENT"), problems(() -> coaching.serving(G1, null)));
      assertThrows(InvalidInputException.class, () -> PlanIntervention.of(I1, null, CENTRE, ServiceKind.JOB_COACHING,
          DayWindow.ofDays(DAY0, 60), Money.of(800)));
    }

    @Test
    void request_referral_of_one_need_equals_its_canonical_form() {
      assertEquals(new RequestReferral(R1, HashSet.of(N2), CENTRE, ServiceKind.TRAINING, DAY0),
          RequestReferral.of(R1, N2, CENTRE, ServiceKind.TRAINING, DAY0));
      assertThrows(InvalidInputException.class, () -> RequestReferral.of(R1, null, CENTRE, ServiceKind.TRAINING, DAY0));
    }

    @Test
    void complete_referral_successful_and_unsuccessful_equal_their_canonical_forms() {
      assertEquals(new CompleteReferral(R1, DAY0, true, Option.none()), CompleteReferral.successful(R1, DAY0));
      assertEquals(new CompleteReferral(R1, DAY0, false, Option.some(FreeText.of("Dropped out"))),
          CompleteReferral.unsuccessful(R1, DAY0, "Dropped out"));
      assertThrows(InvalidInputException.class, () -> CompleteReferral.unsuccessful(R1, DAY0, null));
    }

    @Test
    void provider_of_the_kinds_listed_equals_the_provider_of_their_set() {
      Provider listed = Provider.of(ProviderId.of("P-1"), "Job centre", ResourceType.PUBLIC_SERVICE,
          ServiceKind.JOB_COACHING, ServiceKind.TRAINING);

      assertEquals(Provider.of(ProviderId.of("P-1"), "Job centre", ResourceType.PUBLIC_SERVICE,
          HashSet.of(ServiceKind.JOB_COACHING, ServiceKind.TRAINING)), listed);
      assertEquals(new Provider(ProviderId.of("P-1"), FreeText.of("Job centre"), ResourceType.PUBLIC_SERVICE,
          HashSet.of(ServiceKind.TRAINING, ServiceKind.JOB_COACHING)), listed);
      assertEquals(List.of("offers:EMPTY"),
          problems(() -> Provider.of(ProviderId.of("P-1"), "Job centre", ResourceType.PUBLIC_SERVICE)));
      assertEquals(List.of("offers:MISSING"), problems(() -> Provider.of(ProviderId.of("P-1"), "Job centre",
          ResourceType.PUBLIC_SERVICE, (ServiceKind[]) null)));
      assertEquals(List.of("offers:NULL_ELEMENT"), problems(() -> Provider.of(ProviderId.of("P-1"), "Job centre",
          ResourceType.PUBLIC_SERVICE, ServiceKind.TRAINING, null)));
    }

    @Test
    void the_factories_build_commands_the_case_file_accepts() {
      CaseFile planning = opened().handleAll(ANNA, START, HOUSING_NEED, WORK_NEED, COMPLETE, StartPlanning.of(PERIOD))
          .getOrElseThrow(refused -> new AssertionError(refused.toString()));

      Either<RefusedStep, CaseFile> planned = planning.handleAll(ANNA,
          ExtendScope.of(DAY0, LifeDomain.SAFETY),
          AddGoal.of(G1, N2, "Back in work", "A contract", DAY0.plusDays(180)),
          PlanIntervention.of(I1, N2, CENTRE, ServiceKind.JOB_COACHING, DayWindow.ofDays(DAY0, 60), Money.of(800))
              .serving(G1),
          RequestReferral.of(R1, N1, Provider.of(ProviderId.of("P-2"), "Housing office", ResourceType.PUBLIC_SERVICE,
              ServiceKind.HOUSING), ServiceKind.HOUSING, DAY0));

      CaseFile file = planned.getOrElseThrow(refused -> new AssertionError(refused.toString()));
      assertEquals(HashSet.of(LifeDomain.HOUSING, LifeDomain.WORK, LifeDomain.SAFETY), file.scope());
      PlanVersion plan = file.currentPlan().getOrElseThrow(AssertionError::new);
      assertEquals(HashSet.of(G1), plan.intervention(I1).getOrElseThrow(AssertionError::new).goals());
      assertEquals(HashSet.of(N2), plan.goal(G1).getOrElseThrow(AssertionError::new).needs());
      assertEquals(HashSet.of(N1), file.referrals().get(R1).getOrElseThrow(AssertionError::new).needs());
    }
  }
}
