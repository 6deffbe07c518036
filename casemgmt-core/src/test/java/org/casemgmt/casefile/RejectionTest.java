package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.casefile.CaseEvent.*;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.casefile.Rejection.*;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.NeedStatus;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamMember;
import org.casemgmt.party.TeamRole;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Finding;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Participant;
import org.casemgmt.plan.ParticipantRole;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReferralStatus;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.Resource;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.casemgmt.testkit.CaseFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One example per rule: every {@link Rejection} type, with the typed fields it carries. Each test names its
 * rejection type in snake case, and {@link #every_rejection_type_has_a_test_named_after_it} keeps it so. The
 * fixture's {@code thenRejectedWith} also checks that each refusal left the case file equal to its history.
 */
class RejectionTest {

  // ---------------------------------------------------------------- a case at each stage, as facts

  static final CaseId CASE = CaseId.of("CASE-R");
  static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);
  static final StaffId ANNA = StaffId.of("anna");
  static final Client CLIENT = Client.of(ClientId.of("C-R"), "Lucia Verdi", LocalDate.of(1969, 11, 23));
  static final Set<LifeDomain> SCOPE = HashSet.of(
      LifeDomain.HOUSING, LifeDomain.WORK, LifeDomain.PSYCHOLOGICAL_WELLBEING, LifeDomain.EDUCATION_TRAINING);
  static final DayWindow PERIOD = DayWindow.ofDays(DAY0, 365);
  static final NeedId N1 = NeedId.of("N-1");
  static final NeedId N2 = NeedId.of("N-2");
  static final NeedId N3 = NeedId.of("N-3");
  static final NeedId N4 = NeedId.of("N-4");
  static final GoalId G1 = GoalId.of("G-1");
  static final GoalId G2 = GoalId.of("G-2");
  static final InterventionId I1 = InterventionId.of("I-1");
  static final InterventionId I2 = InterventionId.of("I-2");
  static final InterventionId I3 = InterventionId.of("I-3");
  static final InterventionId I9 = InterventionId.of("I-9");
  static final Provider NETWORK = Provider.of(ProviderId.of("P-NET"), "Rete territoriale", ResourceType.THIRD_SECTOR,
      HashSet.of(ServiceKind.HOUSING, ServiceKind.JOB_COACHING, ServiceKind.COUNSELLING, ServiceKind.TRAINING,
          ServiceKind.RESIDENTIAL_PLACEMENT));
  static final Provider HOUSING_ONLY = Provider.of(ProviderId.of("P-CASA"), "Casa Comune", ResourceType.THIRD_SECTOR,
      HashSet.of(ServiceKind.HOUSING));

  static LocalDate day(int n) {
    return DAY0.plusDays(n);
  }

  static NeedRecorded need(NeedId id, LifeDomain domain, Priority priority) {
    return new NeedRecorded(Need.of(id, domain, "need " + id, priority, IdentifiedBy.CASE_MANAGER));
  }

  static InterventionPlanned planned(InterventionId id, NeedId need, ServiceKind kind, int from, int to, long cost) {
    return new InterventionPlanned(Intervention.of(id, HashSet.of(need), HashSet.empty(), NETWORK.id(), kind,
        DayWindow.of(day(from), day(to)), Money.of(cost)), NETWORK);
  }

  static PlanIntervention plan(InterventionId id, NeedId need, ServiceKind kind, int from, int to, long cost) {
    return new PlanIntervention(id, HashSet.of(need), HashSet.empty(), NETWORK, kind,
        DayWindow.of(day(from), day(to)), Money.of(cost));
  }

  static final List<CaseEvent> INTAKE = List.of(new CaseOpened(CASE, CLIENT, ANNA, SCOPE, DAY0));
  static final List<CaseEvent> ASSESSING = INTAKE.appendAll(List.of(new AssessmentStarted(),
      need(N1, LifeDomain.HOUSING, Priority.URGENT), need(N2, LifeDomain.WORK, Priority.HIGH),
      need(N3, LifeDomain.PSYCHOLOGICAL_WELLBEING, Priority.LOW)));
  static final List<CaseEvent> ASSESSED = ASSESSING.append(new AssessmentCompleted());
  static final List<CaseEvent> PLANNING = ASSESSED.append(new PlanningStarted(1, PERIOD, Priority.LOW));
  static final List<CaseEvent> WITH_GOALS = PLANNING.appendAll(List.of(
      new GoalAdded(Goal.of(G1, HashSet.of(N1), "a home", "a lease signed", day(90))),
      new GoalAdded(Goal.of(G2, HashSet.of(N2, N3), "a job", "a contract", day(180)))));
  static final List<CaseEvent> COVERED = WITH_GOALS.appendAll(List.of(
      planned(I1, N1, ServiceKind.HOUSING, 0, 60, 500),
      planned(I2, N2, ServiceKind.JOB_COACHING, 10, 40, 300),
      planned(I3, N3, ServiceKind.COUNSELLING, 0, 30, 200)));
  static final List<CaseEvent> AGREED = COVERED.append(new PlanAgreed(DAY0));
  static final List<CaseEvent> APPROVED = AGREED.append(new PlanApproved(DAY0));
  static final List<CaseEvent> IMPLEMENTING = APPROVED.append(new ImplementationStarted());
  static final List<CaseEvent> STARTED = IMPLEMENTING.append(new InterventionStarted(I1, day(1)));
  static final List<CaseEvent> MONITORING =
      STARTED.append(new ReviewRecorded(day(30), HashMap.of(I1, Finding.ON_TRACK), ReviewDecision.CONTINUE));
  static final List<CaseEvent> EVALUATING = MONITORING.append(new EvaluationStarted());

  static CaseFixture.Given given(List<CaseEvent> history) {
    return CaseFixture.given(history.toJavaArray(CaseEvent[]::new));
  }

  // ---------------------------------------------------------------- the team and its permissions

  static final StaffId EVE = StaffId.of("eve");
  static final StaffId NORA = StaffId.of("nora");
  static final StaffId HUGO = StaffId.of("hugo");
  static final TeamMember NURSE_NORA = TeamMember.of(NORA, TeamRole.NURSE, day(10));

  @Nested
  class Team {

    @Test
    void not_authorized_off_the_team_in_a_role_the_table_does_not_allow_and_on_another_providers_service() {
      // Off the team, before anything else is looked at: the phase would not permit the command either.
      given(ASSESSING)
          .when(given(ASSESSING).issuedBy(EVE), new ApprovePlan(DAY0))
          .thenRejectedWith(new NotAuthorized(EVE, Option.none(), CommandKind.APPROVE_PLAN));
      // A nurse contributes to the assessment but does not close it.
      CaseFixture.Given withNurse = given(ASSESSING.append(new TeamMemberJoined(NURSE_NORA)));
      withNurse.when(withNurse.issuedBy(NORA), new CompleteAssessment())
          .thenRejectedWith(new NotAuthorized(NORA, Option.some(TeamRole.NURSE), CommandKind.COMPLETE_ASSESSMENT));
      withNurse.when(withNurse.issuedBy(NORA), new RecordStrength(LifeDomain.WORK, "speaks three languages"))
          .thenState(file -> assertEquals(1, file.strengths().size()));
      // A provider's representative starts that provider's interventions only.
      CaseFixture.Given otherProvider = given(IMPLEMENTING.append(
          new TeamMemberJoined(TeamMember.representing(HUGO, HOUSING_ONLY.id(), day(1)))));
      otherProvider.when(otherProvider.issuedBy(HUGO), new StartIntervention(I1, day(1)))
          .thenRejectedWith(new NotAuthorized(HUGO, Option.some(TeamRole.PROVIDER_REPRESENTATIVE),
              CommandKind.START_INTERVENTION));
      CaseFixture.Given ownProvider = given(IMPLEMENTING.append(
          new TeamMemberJoined(TeamMember.representing(HUGO, NETWORK.id(), day(1)))));
      ownProvider.when(ownProvider.issuedBy(HUGO), new StartIntervention(I1, day(1)))
          .thenEmits(new InterventionStarted(I1, day(1)));
      // A case manager who handed the case over is on record, and has no say any more.
      CaseFixture.Given handedOver = given(ASSESSING.append(new CaseHandedOver(ANNA, NORA)));
      handedOver.when(handedOver.issuedBy(ANNA), new RecordStrength(LifeDomain.WORK, "speaks three languages"))
          .thenRejectedWith(new NotAuthorized(ANNA, Option.none(), CommandKind.RECORD_STRENGTH));
    }

    @Test
    void already_on_team_when_a_member_joins_again_and_the_case_manager_never_joins() {
      given(INTAKE.append(new TeamMemberJoined(NURSE_NORA)))
          .when(new JoinTeam(TeamMember.of(NORA, TeamRole.EDUCATOR, day(20))))
          .thenRejectedWith(new AlreadyOnTeam(NORA, TeamRole.NURSE));
      given(INTAKE)
          .when(new JoinTeam(TeamMember.of(ANNA, TeamRole.SOCIAL_WORKER, DAY0)))
          .thenRejectedWith(new AlreadyCaseManager(ANNA));
      given(INTAKE)
          .when(new JoinTeam(NURSE_NORA))
          .thenEmits(new TeamMemberJoined(NURSE_NORA));
    }

    @Test
    void not_on_team_when_someone_else_or_the_case_manager_would_leave() {
      given(INTAKE.append(new TeamMemberJoined(NURSE_NORA)))
          .when(new LeaveTeam(EVE, day(20)))
          .thenRejectedWith(new NotOnTeam(EVE));
      given(INTAKE)
          .when(new LeaveTeam(ANNA, day(20)))
          .thenRejectedWith(new NotOnTeam(ANNA));
      given(INTAKE.append(new TeamMemberJoined(NURSE_NORA)))
          .when(new LeaveTeam(NORA, day(20)))
          .thenEmits(new TeamMemberLeft(NORA, day(20)));
    }

    @Test
    void already_shared_when_every_domain_is_shared_with_the_provider_and_only_new_ones_are_recorded_otherwise() {
      List<CaseEvent> shared = INTAKE.append(new ConsentGranted(NETWORK.id(), HashSet.of(LifeDomain.HOUSING), DAY0));
      given(shared)
          .when(new GrantConsent(NETWORK.id(), HashSet.of(LifeDomain.HOUSING), day(2)))
          .thenRejectedWith(new AlreadyShared(NETWORK.id(), HashSet.of(LifeDomain.HOUSING)));
      given(shared)
          .when(new GrantConsent(NETWORK.id(), HashSet.of(LifeDomain.HOUSING, LifeDomain.WORK), day(2)))
          .thenEmits(new ConsentGranted(NETWORK.id(), HashSet.of(LifeDomain.WORK), day(2)));
      given(INTAKE)
          .when(new GrantConsent(NETWORK.id(), HashSet.of(LifeDomain.SAFETY), day(2)))
          .thenRejectedWith(new DomainOutsideScope(LifeDomain.SAFETY, SCOPE));
    }

    @Test
    void not_shared_when_consent_to_withdraw_was_never_given() {
      given(INTAKE.append(new ConsentGranted(NETWORK.id(), HashSet.of(LifeDomain.HOUSING), DAY0)))
          .when(new WithdrawConsent(NETWORK.id(), HashSet.of(LifeDomain.HOUSING, LifeDomain.WORK), day(2)))
          .thenRejectedWith(new NotShared(NETWORK.id(), HashSet.of(LifeDomain.WORK)));
      given(INTAKE.append(new ConsentGranted(NETWORK.id(), HashSet.of(LifeDomain.HOUSING), DAY0)))
          .when(new WithdrawConsent(NETWORK.id(), HashSet.of(LifeDomain.HOUSING), day(2)))
          .thenState(file -> assertTrue(file.consents().isEmpty()));
      // Where the table limits referrals to consent, a referral of a need in a domain not shared is refused.
      Permissions strict = Permissions.socialServices().withReferralsWithinConsent();
      Issued anna = given(PLANNING).issued();
      CaseFile planning = CaseFile.replay(given(PLANNING.append(new ConsentGranted(NETWORK.id(),
          HashSet.of(LifeDomain.HOUSING), DAY0))).history(), strict).getOrElseThrow(h -> new AssertionError(h.toString()));
      assertEquals(Either.left(new NotShared(NETWORK.id(), HashSet.of(LifeDomain.WORK))),
          planning.handle(anna, RequestReferral.of(ReferralId.of("R-9"), N2, NETWORK, ServiceKind.JOB_COACHING, DAY0)));
      assertTrue(planning.handle(anna, RequestReferral.of(ReferralId.of("R-9"), N1, NETWORK, ServiceKind.HOUSING, DAY0))
          .isRight());
    }

    @Test
    void a_representative_sees_only_their_providers_services_in_the_shared_domains_until_consent_is_withdrawn() {
      // I-1 (housing) and I-2 (job coaching) are both with the network; the client shares housing only.
      List<CaseEvent> history = IMPLEMENTING.appendAll(List.of(
          new TeamMemberJoined(TeamMember.representing(HUGO, NETWORK.id(), day(1))),
          new TeamMemberJoined(NURSE_NORA),
          new ConsentGranted(NETWORK.id(), HashSet.of(LifeDomain.HOUSING), day(1))));
      CaseFile file = given(history).state().get();
      CaseView hugo = file.viewFor(HUGO).get();
      assertEquals(HashSet.of(I1), hugo.interventions().keySet());
      assertEquals(HashSet.of(N1), hugo.needs().keySet());
      assertTrue(hugo.client().isEmpty() && hugo.strengths().isEmpty() && hugo.resources().isEmpty());
      CaseView nora = file.viewFor(NORA).get();
      assertTrue(nora.client().isEmpty());
      assertEquals(file.needs(), nora.needs());
      assertEquals(Option.some(file.client()), file.viewFor(ANNA).flatMap(CaseView::client));
      assertEquals(Option.none(), file.viewFor(EVE));
      CaseFile withdrawn = file.handle(given(history).issued(),
          new WithdrawConsent(NETWORK.id(), HashSet.of(LifeDomain.HOUSING), day(2))).get();
      assertTrue(withdrawn.viewFor(HUGO).get().interventions().isEmpty());
      assertTrue(withdrawn.viewFor(HUGO).get().needs().isEmpty());
    }

    /** A table that asks for four eyes on approvals and closures. */
    final Permissions fourEyes = Permissions.parse(List.of("CASE_MANAGER: *", "SUPERVISOR: COUNTERSIGN",
        "COUNTERSIGNATURE: APPROVE_PLAN, CLOSE_CASE"));
    final StaffId sara = StaffId.of("sara");
    final TeamMemberJoined saraJoins = new TeamMemberJoined(TeamMember.of(sara, TeamRole.SUPERVISOR, DAY0));

    @Test
    void nothing_to_countersign_but_an_approval_or_a_closure() {
      given(AGREED.append(saraJoins))
          .when(given(AGREED.append(saraJoins)).issuedBy(sara), new Countersign(CommandKind.START_IMPLEMENTATION,
              day(1)))
          .thenRejectedWith(new NothingToCountersign(CommandKind.START_IMPLEMENTATION));
    }

    @Test
    void own_countersignature_of_the_case_manager_is_refused_and_a_supervisors_is_recorded() {
      given(AGREED)
          .when(new Countersign(CommandKind.APPROVE_PLAN, day(1)))
          .thenRejectedWith(new OwnCountersignature(ANNA));
      CaseFixture.Given withSara = given(AGREED.append(saraJoins));
      withSara.when(withSara.issuedBy(sara), new Countersign(CommandKind.APPROVE_PLAN, day(1)))
          .thenEmits(new Countersigned(CommandKind.APPROVE_PLAN, sara, day(1)));
    }

    @Test
    void countersignature_missing_until_a_supervisor_signs_the_very_plan_or_case_version() {
      Issued anna = given(AGREED).issued();
      CaseFile agreed = CaseFile.replay(given(AGREED.append(saraJoins)).history(), fourEyes)
          .getOrElseThrow(h -> new AssertionError(h.toString()));
      assertEquals(Either.left(new CountersignatureMissing(CommandKind.APPROVE_PLAN, agreed.version())),
          agreed.handle(anna, new ApprovePlan(DAY0)));
      CaseFile signed = agreed.handle(Issued.by(sara, anna.at()), new Countersign(CommandKind.APPROVE_PLAN, DAY0))
          .getOrElseThrow(r -> new AssertionError(r.rule()));
      // The plan changes after the signature: the signature no longer holds.
      CaseFile changed = signed.handle(anna, new SetBudgetCap(Money.of(50_000)))
          .getOrElseThrow(r -> new AssertionError(r.rule()));
      assertEquals(Either.left(new CountersignatureMissing(CommandKind.APPROVE_PLAN, changed.version())),
          changed.handle(anna, new ApprovePlan(DAY0)));
      assertTrue(signed.handle(anna, new ApprovePlan(DAY0)).isRight());
      // A closure needs the case signed as it is: anything recorded after the signature voids it.
      CaseFile closing = signed.handle(Issued.by(sara, anna.at()), new Countersign(CommandKind.CLOSE_CASE, DAY0))
          .getOrElseThrow(r -> new AssertionError(r.rule()));
      assertTrue(closing.handle(anna, new CloseCase(ClosureReason.CLIENT_WITHDREW, DAY0, "withdrew")).isRight());
      CaseFile later = closing.handle(anna, ExtendScope.of(DAY0, LifeDomain.SAFETY))
          .getOrElseThrow(r -> new AssertionError(r.rule()));
      assertEquals(Either.left(new CountersignatureMissing(CommandKind.CLOSE_CASE, later.version())),
          later.handle(anna, new CloseCase(ClosureReason.CLIENT_WITHDREW, DAY0, "withdrew")));
    }

    @Test
    void day_before_joining_when_a_member_would_leave_before_the_day_they_joined() {
      given(INTAKE.append(new TeamMemberJoined(NURSE_NORA)))
          .when(new LeaveTeam(NORA, day(5)))
          .thenRejectedWith(new DayBeforeJoining(NORA, day(5), day(10)));
    }
  }

  // ---------------------------------------------------------------- the phase machine and the whole case

  @Nested
  class WholeCase {

    @Test
    void command_not_permitted_while_suspended_names_the_phase_and_what_is_accepted() {
      given(ASSESSING.append(new CaseSuspended("in hospital")))
          .when(new RecordStrength(LifeDomain.WORK, "speaks three languages"))
          .thenRejectedWith(new CommandNotPermitted(CommandKind.RECORD_STRENGTH, Phase.ASSESSMENT, true,
              HashSet.of(CommandKind.HAND_OVER, CommandKind.RESUME_CASE, CommandKind.CLOSE_CASE),
              HashSet.of(Phase.CLOSED)));
    }

    @Test
    void command_not_permitted_in_a_phase_that_skips_ahead() {
      given(INTAKE)
          .when(StartPlanning.of(PERIOD))
          .thenRejectedWith(CommandNotPermitted.class)
          .satisfying(r -> assertEquals(CommandKind.START_PLANNING, r.command()))
          .satisfying(r -> assertEquals(Phase.INTAKE, r.phase()))
          .satisfying(r -> assertEquals(HashSet.of(Phase.ASSESSMENT, Phase.CLOSED), r.reachable()))
          .satisfying(r -> assertTrue(r.permitted().contains(CommandKind.START_ASSESSMENT)));
    }

    @Test
    void version_conflict_when_someone_else_wrote_first() {
      CaseFixture.Given assessing = given(ASSESSING);
      RecordStrength punctual = new RecordStrength(LifeDomain.WORK, "punctual");

      assessing.when(assessing.issued().expectingVersion(4), punctual)
          .thenRejectedWith(new VersionConflict(CASE, 4, 5));
      assessing.when(assessing.issued().expectingVersion(5), punctual)
          .thenState(file -> assertEquals(6, file.version()));
    }

    @Test
    void case_already_opened_when_opening_it_again() {
      given(INTAKE)
          .when(new OpenCase(CASE, CLIENT, Option.some(ANNA), SCOPE, DAY0))
          .thenRejectedWith(new CaseAlreadyOpened(CASE));
    }

    @Test
    void issued_before_opening_is_refused_with_both_instants() {
      Instant early = CaseFixture.START.minusSeconds(60);

      given(INTAKE).at(early).when(new StartAssessment())
          .thenRejectedWith(new IssuedBeforeOpening(early, CaseFixture.START));
    }

    @Test
    void issued_before_last_step_when_a_resumption_is_dated_before_its_suspension() {
      Instant suspended = CaseFixture.START.plusSeconds(3600);
      CaseFixture.Given paused = given(INTAKE).at(suspended).when(new SuspendCase("in hospital")).thenState(f -> { })
          .andThen();
      paused.at(suspended.minusSeconds(60)).when(new ResumeCase())
          .thenRejectedWith(new IssuedBeforeLastStep(suspended.minusSeconds(60), suspended));
      paused.at(suspended).when(new ResumeCase()).thenState(f -> assertFalse(f.suspended()));
    }

    @Test
    void day_before_opening_is_refused_for_a_consent_or_an_agreement() {
      given(INTAKE)
          .when(new ExtendScope(HashSet.of(LifeDomain.SAFETY), day(-1)))
          .thenRejectedWith(new DayBeforeOpening(day(-1), DAY0));
      given(COVERED)
          .when(new RecordAgreement(day(-10)))
          .thenRejectedWith(new DayBeforeOpening(day(-10), DAY0));
    }

    @Test
    void already_case_manager_when_handing_over_to_the_same_person() {
      given(ASSESSING)
          .when(new HandOver(ANNA))
          .thenRejectedWith(new AlreadyCaseManager(ANNA));
    }

    @Test
    void already_in_scope_when_every_domain_is_there_and_only_new_ones_are_added_otherwise() {
      given(INTAKE)
          .when(new ExtendScope(HashSet.of(LifeDomain.HOUSING, LifeDomain.WORK), DAY0))
          .thenRejectedWith(new AlreadyInScope(HashSet.of(LifeDomain.HOUSING, LifeDomain.WORK)));
      given(INTAKE)
          .when(new ExtendScope(HashSet.of(LifeDomain.HOUSING, LifeDomain.SAFETY), DAY0))
          .thenEmits(new ScopeExtended(HashSet.of(LifeDomain.SAFETY), DAY0));
    }

    @Test
    void closure_reason_not_allowed_goals_achieved_outside_evaluation() {
      given(MONITORING)
          .when(new CloseCase(ClosureReason.GOALS_ACHIEVED, day(60), "report"))
          .thenRejectedWith(new ClosureReasonNotAllowed(ClosureReason.GOALS_ACHIEVED, Phase.MONITORING));
      given(INTAKE)
          .when(new CloseCase(ClosureReason.GOALS_ACHIEVED, day(60), "report"))
          .thenRejectedWith(new ClosureReasonNotAllowed(ClosureReason.GOALS_ACHIEVED, Phase.INTAKE));
    }

    @Test
    void open_needs_remain_when_closing_with_no_needs_identified() {
      given(ASSESSING)
          .when(new CloseCase(ClosureReason.NO_NEEDS_IDENTIFIED, day(60), "report"))
          .thenRejectedWith(new OpenNeedsRemain(HashSet.of(N1, N2, N3)));
      // With every need withdrawn, or none recorded, the same closure is accepted.
      given(ASSESSING.appendAll(List.of(new NeedWithdrawn(N1, "x"), new NeedWithdrawn(N2, "x"),
              new NeedWithdrawn(N3, "x"))))
          .when(new CloseCase(ClosureReason.NO_NEEDS_IDENTIFIED, day(60), "report"))
          .thenEmits(new CaseClosed(ClosureReason.NO_NEEDS_IDENTIFIED, day(60), "report"));
      given(INTAKE.append(new AssessmentStarted()))
          .when(new CloseCase(ClosureReason.NO_NEEDS_IDENTIFIED, day(60), "report"))
          .thenState(file -> assertEquals(Phase.CLOSED, file.phase()));
    }

    @Test
    void goals_not_achieved_lists_goals_not_evaluated_and_not_achieved() {
      given(EVALUATING.append(new OutcomeRecorded(G1, GoalAchievement.NOT_ACHIEVED)))
          .when(new CloseCase(ClosureReason.GOALS_ACHIEVED, day(60), "report"))
          .thenRejectedWith(new GoalsNotAchieved(HashSet.of(G2), HashSet.of(G1)));
      given(EVALUATING.appendAll(List.of(new OutcomeRecorded(G1, GoalAchievement.ACHIEVED),
              new OutcomeRecorded(G2, GoalAchievement.ACHIEVED))))
          .when(new CloseCase(ClosureReason.GOALS_ACHIEVED, day(60), "report"))
          .thenState(file -> assertEquals(Option.some(ClosureReason.GOALS_ACHIEVED), file.closure()));
    }
  }

  // ---------------------------------------------------------------- assessment

  @Nested
  class Assessment {

    @Test
    void need_outside_scope_until_the_scope_is_extended_with_consent() {
      RecordNeed safetyNeed =
          new RecordNeed(N4, LifeDomain.SAFETY, "threats", Priority.URGENT, IdentifiedBy.CLIENT);

      given(ASSESSING).when(safetyNeed)
          .thenRejectedWith(new NeedOutsideScope(N4, LifeDomain.SAFETY, SCOPE));
      given(ASSESSING)
          .when(new ExtendScope(HashSet.of(LifeDomain.SAFETY), DAY0))
          .thenEmits(new ScopeExtended(HashSet.of(LifeDomain.SAFETY), DAY0))
          .andThen()
          .when(safetyNeed)
          .thenEmits(new NeedRecorded(Need.of(N4, LifeDomain.SAFETY, "threats", Priority.URGENT, IdentifiedBy.CLIENT)))
          .thenState(file -> assertTrue(file.scope().contains(LifeDomain.SAFETY)));
    }

    @Test
    void domain_outside_scope_for_a_strength() {
      given(ASSESSING)
          .when(new RecordStrength(LifeDomain.SAFETY, "knows the neighbours"))
          .thenRejectedWith(new DomainOutsideScope(LifeDomain.SAFETY, SCOPE));
    }

    @Test
    void duplicate_need_when_the_id_is_taken() {
      given(ASSESSING)
          .when(new RecordNeed(N1, LifeDomain.WORK, "x", Priority.LOW, IdentifiedBy.CLIENT))
          .thenRejectedWith(new DuplicateNeed(N1));
    }

    @Test
    void unknown_need_when_revising_a_need_never_recorded() {
      NeedId n9 = NeedId.of("N-9");
      given(ASSESSING)
          .when(new ReviseNeed(n9, "x", Priority.HIGH))
          .thenRejectedWith(new UnknownNeed(n9));
    }

    @Test
    void need_not_open_when_revising_a_withdrawn_need() {
      given(ASSESSING.append(new NeedWithdrawn(N3, "resolved by the family")))
          .when(new ReviseNeed(N3, "x", Priority.HIGH))
          .thenRejectedWith(new NeedNotOpen(N3, NeedStatus.WITHDRAWN));
    }

    @Test
    void need_still_addressed_when_withdrawing_a_need_a_live_intervention_covers() {
      given(STARTED.append(new ReviewRecorded(day(20), HashMap.empty(), ReviewDecision.REASSESS)))
          .when(new WithdrawNeed(N1, "found a home alone"))
          .thenRejectedWith(new NeedStillAddressed(N1, HashSet.of(I1)));
    }

    @Test
    void duplicate_resource_when_the_id_is_taken() {
      ResourceId sister = ResourceId.of("R-1");
      given(ASSESSING.append(new ResourceRecorded(Resource.of(sister, ResourceType.RELATIVE, "sister"))))
          .when(new RecordResource(sister, ResourceType.FRIEND, "a friend"))
          .thenRejectedWith(new DuplicateResource(sister));
    }

    @Test
    void assessment_already_completed_freezes_the_needs() {
      given(ASSESSED)
          .when(new RecordNeed(N4, LifeDomain.HOUSING, "x", Priority.LOW, IdentifiedBy.CLIENT))
          .thenRejectedWith(new AssessmentAlreadyCompleted());
    }

    @Test
    void no_open_needs_to_conclude_an_assessment() {
      given(INTAKE.append(new AssessmentStarted()))
          .when(new CompleteAssessment())
          .thenRejectedWith(new NoOpenNeeds());
    }

    @Test
    void assessment_not_completed_before_planning() {
      given(ASSESSING)
          .when(StartPlanning.of(PERIOD))
          .thenRejectedWith(new AssessmentNotCompleted());
    }
  }

  // ---------------------------------------------------------------- planning

  @Nested
  class Planning {

    @Test
    void duplicate_goal_when_the_id_is_taken() {
      given(WITH_GOALS)
          .when(new AddGoal(G1, HashSet.of(N2), "x", "y", day(30)))
          .thenRejectedWith(new DuplicateGoal(G1));
    }

    @Test
    void unknown_goal_for_an_intervention_or_an_outcome() {
      GoalId g9 = GoalId.of("G-9");
      given(WITH_GOALS)
          .when(new PlanIntervention(I9, HashSet.of(N1), HashSet.of(G1, g9), NETWORK,
              ServiceKind.HOUSING, DayWindow.of(day(0), day(10)), Money.of(10)))
          .thenRejectedWith(new UnknownGoal(g9));
      given(EVALUATING)
          .when(new RecordOutcome(g9, GoalAchievement.ACHIEVED))
          .thenRejectedWith(new UnknownGoal(g9));
    }

    @Test
    void duplicate_intervention_when_the_id_is_taken() {
      given(COVERED)
          .when(plan(I1, N1, ServiceKind.HOUSING, 200, 230, 10))
          .thenRejectedWith(new DuplicateIntervention(I1));
    }

    @Test
    void unknown_intervention_when_starting_one_not_in_the_plan() {
      given(IMPLEMENTING)
          .when(new StartIntervention(I9, day(1)))
          .thenRejectedWith(new UnknownIntervention(I9));
    }

    @Test
    void service_not_offered_by_the_provider() {
      given(WITH_GOALS)
          .when(new PlanIntervention(I9, HashSet.of(N2), HashSet.empty(), HOUSING_ONLY,
              ServiceKind.TRAINING, DayWindow.of(day(0), day(10)), Money.of(10)))
          .thenRejectedWith(new ServiceNotOffered(HOUSING_ONLY.id(), ServiceKind.TRAINING));
    }

    @Test
    void window_outside_plan_period() {
      given(WITH_GOALS)
          .when(plan(I9, N1, ServiceKind.HOUSING, 360, 400, 10))
          .thenRejectedWith(new WindowOutsidePlanPeriod(I9, DayWindow.of(day(360), day(400)), PERIOD));
    }

    @Test
    void overlapping_intervention_for_the_same_need_and_kind_sharing_one_day() {
      // I-1 is HOUSING for N-1 over [0, 60): a second one from day 59 shares exactly day 59.
      given(COVERED)
          .when(plan(I9, N1, ServiceKind.HOUSING, 59, 90, 100))
          .thenRejectedWith(new OverlappingIntervention(I9, I1, N1, ServiceKind.HOUSING,
              DayWindow.of(day(59), day(60))));
    }

    @Test
    void overlapping_intervention_compares_service_kinds_as_values_not_as_instances() {
      // An organisation's own kind, or one read back from a store, is an equal but distinct instance.
      ServiceKind housingAgain = ServiceKind.of("HOUSING");
      given(COVERED)
          .when(plan(I9, N1, housingAgain, 59, 90, 100))
          .thenRejectedWith(new OverlappingIntervention(I9, I1, N1, housingAgain, DayWindow.of(day(59), day(60))));
      // And the other way round: the kind in the plan is the distinct instance, the candidate's the constant.
      given(COVERED.append(new InterventionCancelled(I1, DAY0, "provider closed"))
          .append(planned(I9, N1, housingAgain, 0, 30, 100)))
          .when(plan(InterventionId.of("I-10"), N1, ServiceKind.HOUSING, 29, 40, 100))
          .thenRejectedWith(new OverlappingIntervention(InterventionId.of("I-10"), I9, N1, ServiceKind.HOUSING,
              DayWindow.of(day(29), day(30))));
    }

    @Test
    void overlapping_intervention_is_not_found_for_touching_windows_another_kind_or_another_need() {
      InterventionPlanned touching = planned(I9, N1, ServiceKind.HOUSING, 60, 90, 100);
      given(COVERED).when(plan(I9, N1, ServiceKind.HOUSING, 60, 90, 100)).thenEmits(touching);
      given(COVERED).when(plan(I9, N1, ServiceKind.COUNSELLING, 0, 60, 100))
          .thenEmits(planned(I9, N1, ServiceKind.COUNSELLING, 0, 60, 100));
      given(COVERED).when(plan(I9, N2, ServiceKind.HOUSING, 0, 60, 100))
          .thenEmits(planned(I9, N2, ServiceKind.HOUSING, 0, 60, 100));
      // A cancelled intervention frees its window.
      given(COVERED.append(new InterventionCancelled(I1, DAY0, "provider closed")))
          .when(plan(I9, N1, ServiceKind.HOUSING, 10, 20, 100))
          .thenEmits(planned(I9, N1, ServiceKind.HOUSING, 10, 20, 100));
    }

    @Test
    void exclusive_service_overlap_across_different_needs() {
      InterventionId placement = InterventionId.of("I-R");
      given(WITH_GOALS.append(planned(placement, N1, ServiceKind.RESIDENTIAL_PLACEMENT, 0, 90, 3000)))
          .when(plan(I9, N3, ServiceKind.RESIDENTIAL_PLACEMENT, 60, 120, 2000))
          .thenRejectedWith(new ExclusiveServiceOverlap(I9, placement, ServiceKind.RESIDENTIAL_PLACEMENT,
              DayWindow.of(day(60), day(90))));
      given(WITH_GOALS.append(planned(placement, N1, ServiceKind.RESIDENTIAL_PLACEMENT, 0, 90, 3000)))
          .when(plan(I9, N3, ServiceKind.RESIDENTIAL_PLACEMENT, 90, 120, 2000))
          .thenState(file -> assertEquals(2, file.currentPlan().map(p -> p.liveInterventions().size()).getOrElse(0)));
    }

    @Test
    void plan_already_approved_changes_only_in_a_new_version() {
      given(APPROVED)
          .when(new AddGoal(GoalId.of("G-3"), HashSet.of(N1), "x", "y", day(30)))
          .thenRejectedWith(new PlanAlreadyApproved(1));
    }

    @Test
    void plan_has_no_goals_at_approval() {
      given(PLANNING.appendAll(List.of(planned(I1, N1, ServiceKind.HOUSING, 0, 60, 500), new PlanAgreed(DAY0))))
          .when(new ApprovePlan(DAY0))
          .thenRejectedWith(new PlanHasNoGoals(1));
    }

    @Test
    void plan_has_no_interventions_at_approval_when_all_are_cancelled() {
      given(WITH_GOALS.append(new PlanAgreed(DAY0)))
          .when(new ApprovePlan(DAY0))
          .thenRejectedWith(new PlanHasNoInterventions(1));
      given(WITH_GOALS.appendAll(List.of(planned(I1, N1, ServiceKind.HOUSING, 0, 60, 500),
              new InterventionCancelled(I1, DAY0, "x"), new PlanAgreed(DAY0))))
          .when(new ApprovePlan(DAY0))
          .thenRejectedWith(new PlanHasNoInterventions(1));
    }

    @Test
    void uncovered_needs_at_approval_until_they_are_deferred() {
      List<CaseEvent> onlyHousing = WITH_GOALS.append(planned(I1, N1, ServiceKind.HOUSING, 0, 60, 500));
      given(onlyHousing.append(new PlanAgreed(DAY0)))
          .when(new ApprovePlan(DAY0))
          .thenRejectedWith(new UncoveredNeeds(HashSet.of(N2, N3)));
      given(onlyHousing.appendAll(List.of(new NeedDeferred(N2, "after the housing"),
              new NeedDeferred(N3, "after the housing"), new PlanAgreed(DAY0))))
          .when(new ApprovePlan(DAY0))
          .thenEmits(new PlanApproved(DAY0));
    }

    @Test
    void uncovered_needs_only_count_at_or_above_the_coverage_threshold() {
      List<CaseEvent> highThreshold = ASSESSED.appendAll(List.of(new PlanningStarted(1, PERIOD, Priority.HIGH),
          new GoalAdded(Goal.of(G1, HashSet.of(N1), "a home", "a lease", day(90))),
          planned(I1, N1, ServiceKind.HOUSING, 0, 60, 500), new PlanAgreed(DAY0)));
      // N-2 is HIGH and uncovered; N-3 is LOW and below the threshold.
      given(highThreshold)
          .when(new ApprovePlan(DAY0))
          .thenRejectedWith(new UncoveredNeeds(HashSet.of(N2)));
      List<CaseEvent> urgentThreshold = highThreshold.update(ASSESSED.size(),
          new PlanningStarted(1, PERIOD, Priority.URGENT));
      given(urgentThreshold)
          .when(new ApprovePlan(DAY0))
          .thenEmits(new PlanApproved(DAY0));
    }

    @Test
    void approval_before_agreement_is_refused_with_both_days() {
      given(COVERED.append(new PlanAgreed(day(3))))
          .when(new ApprovePlan(day(2)))
          .thenRejectedWith(new ApprovalBeforeAgreement(1, day(2), day(3)));
      given(COVERED.append(new PlanAgreed(day(3))))
          .when(new ApprovePlan(day(3)))
          .thenState(f -> assertTrue(f.currentPlan().exists(PlanVersion::isApproved)));
    }

    @Test
    void agreement_missing_before_it_is_recorded_and_after_a_later_change_lapses_it() {
      given(COVERED)
          .when(new ApprovePlan(DAY0))
          .thenRejectedWith(new AgreementMissing(1));
      for (CaseEvent change : List.<CaseEvent>of(planned(I9, N1, ServiceKind.COUNSELLING, 0, 10, 10),
          new GoalAdded(Goal.of(GoalId.of("G-3"), HashSet.of(N3), "x", "y", day(30))),
          new NeedDeferred(N3, "later"),
          new ParticipantAdded(Participant.of(ParticipantRole.CAREGIVER, "daughter", "visits twice a week")))) {
        given(AGREED.append(change))
            .when(new ApprovePlan(DAY0))
            .thenRejectedWith(new AgreementMissing(1));
      }
      // Cancelling an intervention before approval changes the plan too (N-1 stays covered by I-1).
      given(COVERED.append(planned(I9, N1, ServiceKind.COUNSELLING, 0, 10, 10)).append(new PlanAgreed(DAY0))
          .append(new InterventionCancelled(I9, DAY0, "not needed after all")))
          .when(new ApprovePlan(DAY0))
          .thenRejectedWith(new AgreementMissing(1));
      // A budget cap is the organisation's decision, not a change of what the client agreed to.
      given(AGREED.append(new BudgetCapSet(Money.of(5000))))
          .when(new ApprovePlan(DAY0))
          .thenEmits(new PlanApproved(DAY0));
    }

    @Test
    void budget_exceeded_at_approval_when_the_cost_is_above_the_cap() {
      // The three interventions cost 500 + 300 + 200 = 1000.
      given(COVERED.appendAll(List.of(new BudgetCapSet(Money.of(900)), new PlanAgreed(DAY0))))
          .when(new ApprovePlan(DAY0))
          .thenRejectedWith(new BudgetExceeded(Money.of(1000), Money.of(900)));
      given(COVERED.appendAll(List.of(new BudgetCapSet(Money.of(1000)), new PlanAgreed(DAY0))))
          .when(new ApprovePlan(DAY0))
          .thenEmits(new PlanApproved(DAY0));
    }

    @Test
    void plan_not_approved_before_implementation() {
      given(AGREED)
          .when(new StartImplementation())
          .thenRejectedWith(new PlanNotApproved(1));
    }
  }

  // ---------------------------------------------------------------- implementation, monitoring, evaluation

  @Nested
  class Delivery {

    @Test
    void intervention_not_in_status_when_starting_it_twice() {
      given(STARTED)
          .when(new StartIntervention(I1, day(2)))
          .thenRejectedWith(new InterventionNotInStatus(I1, InterventionStatus.ACTIVE,
              HashSet.of(InterventionStatus.PLANNED)));
    }

    @Test
    void start_before_window_of_the_intervention() {
      given(IMPLEMENTING)
          .when(new StartIntervention(I2, day(5)))
          .thenRejectedWith(new StartBeforeWindow(I2, day(5), day(10)));
    }

    @Test
    void before_intervention_start_when_completing_it_earlier_than_it_started() {
      given(STARTED)
          .when(new CompleteIntervention(I1, DAY0))
          .thenRejectedWith(new BeforeInterventionStart(I1, DAY0, day(1)));
    }

    @Test
    void start_after_window_of_the_intervention_on_or_after_its_end() {
      given(IMPLEMENTING)
          .when(new StartIntervention(I2, day(40)))
          .thenRejectedWith(new StartAfterWindow(I2, day(40), day(40)));
      given(IMPLEMENTING)
          .when(new StartIntervention(I2, day(39)))
          .thenState(f -> assertTrue(f.currentPlan().flatMap(p -> p.intervention(I2))
              .exists(i -> i.status() == InterventionStatus.ACTIVE), "its last day is inside the window"));
    }

    @Test
    void review_before_last_review_would_move_last_reviewed_back() {
      given(MONITORING)
          .when(new RecordReview(day(29), HashMap.empty(), ReviewDecision.CONTINUE))
          .thenRejectedWith(new ReviewBeforeLastReview(day(29), day(30)));
      given(MONITORING)
          .when(new RecordReview(day(30), HashMap.empty(), ReviewDecision.CONTINUE))
          .thenState(f -> assertEquals(Option.some(day(30)), f.lastReviewOn()));
    }

    @Test
    void no_intervention_started_for_a_first_review() {
      given(IMPLEMENTING)
          .when(new RecordReview(day(30), HashMap.empty(), ReviewDecision.CONTINUE))
          .thenRejectedWith(new NoInterventionStarted());
    }
  }

  // ---------------------------------------------------------------- referrals

  @Nested
  class Referrals {

    final ReferralId r1 = ReferralId.of("REF-1");
    final Provider clinic = Provider.of(ProviderId.of("P-PSY"), "Centro di ascolto", ResourceType.PUBLIC_SERVICE,
        HashSet.of(ServiceKind.PSYCHOLOGICAL_SUPPORT));
    final List<CaseEvent> requested = PLANNING.append(new ReferralRequested(
        org.casemgmt.plan.Referral.requested(r1, HashSet.of(N3), clinic, ServiceKind.PSYCHOLOGICAL_SUPPORT, day(3))));

    RequestReferral request(String id, NeedId need) {
      return new RequestReferral(ReferralId.of(id), HashSet.of(need), clinic,
          ServiceKind.PSYCHOLOGICAL_SUPPORT, day(4));
    }

    @Test
    void duplicate_referral_id() {
      given(requested).when(request("REF-1", N1)).thenRejectedWith(new DuplicateReferral(r1));
    }

    @Test
    void unknown_referral_when_answering() {
      given(PLANNING)
          .when(new AcceptReferral(r1, day(5)))
          .thenRejectedWith(new UnknownReferral(r1));
    }

    @Test
    void referral_already_pending_for_the_same_need_and_service() {
      given(requested)
          .when(request("REF-2", N3))
          .thenRejectedWith(new ReferralAlreadyPending(ReferralId.of("REF-2"), r1, N3, ServiceKind.PSYCHOLOGICAL_SUPPORT));
      // Another need is another purpose.
      given(requested).when(request("REF-2", N2)).thenEmits(new ReferralRequested(org.casemgmt.plan.Referral.requested(
          ReferralId.of("REF-2"), HashSet.of(N2), clinic, ServiceKind.PSYCHOLOGICAL_SUPPORT, day(4))));
    }

    @Test
    void referral_not_in_status_when_completing_one_never_accepted() {
      given(requested)
          .when(CompleteReferral.successful(r1, day(9)))
          .thenRejectedWith(new ReferralNotInStatus(r1, ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED));
    }

    @Test
    void before_referral_step_when_the_answer_predates_the_request() {
      given(requested)
          .when(new DeclineReferral(r1, day(2), "no places"))
          .thenRejectedWith(new BeforeReferralStep(r1, day(2), day(3)));
    }
  }

  @Test
  void window_outside_plan_period_when_a_new_plan_version_would_leave_a_carried_intervention_out() {
    // Reassessed while I-1 ([day 0, day 60)) runs: the new version carries I-1, so its period must enclose it.
    List<CaseEvent> reassessed = STARTED.appendAll(List.of(
        new ReviewRecorded(day(20), HashMap.empty(), ReviewDecision.REASSESS), new AssessmentCompleted()));
    given(reassessed)
        .when(StartPlanning.of(DayWindow.ofDays(day(30), 200)))
        .thenRejectedWith(new WindowOutsidePlanPeriod(I1, DayWindow.of(day(0), day(60)), DayWindow.ofDays(day(30), 200)));
    given(reassessed)
        .when(StartPlanning.of(DayWindow.ofDays(day(0), 200)))
        .thenEmits(new PlanningStarted(2, DayWindow.ofDays(day(0), 200), Priority.LOW));
  }

  @Test
  void window_outside_plan_period_when_replanning_over_a_new_period_that_leaves_a_live_intervention_out() {
    // Evaluated with G-1 unmet while I-1 ([day 0, day 60)) still runs: re-planning may move to a new period, which
    // must enclose I-1; keeping the old period, or a new one enclosing I-1, opens version 2 over it.
    List<CaseEvent> unmet = EVALUATING.append(new OutcomeRecorded(G1, GoalAchievement.NOT_ACHIEVED));
    given(unmet)
        .when(new Replan("the lease fell through").over(DayWindow.ofDays(day(30), 365)))
        .thenRejectedWith(new WindowOutsidePlanPeriod(I1, DayWindow.of(day(0), day(60)), DayWindow.ofDays(day(30), 365)));
    given(unmet)
        .when(new Replan("the lease fell through").over(DayWindow.ofDays(day(0), 730)))
        .thenState(f -> assertEquals(Option.some(DayWindow.ofDays(day(0), 730)), f.currentPlan().map(PlanVersion::period)));
    given(unmet)
        .when(new Replan("the lease fell through"))
        .thenState(f -> assertEquals(Option.some(PERIOD), f.currentPlan().map(PlanVersion::period)));
  }

  // ---------------------------------------------------------------- the organisation's own rules

  @Test
  void policy_violation_is_never_produced_by_casemgmt_and_checks_its_code() {
    // casemgmt's own rules never answer it: a whole lifecycle and every refusal above use the other types.
    assertEquals(new PolicyViolation("MAX_THREE_ACTIVE", List.of("I-1", "I-2")).rule(), "PolicyViolation");
    org.junit.jupiter.api.Assertions.assertThrows(org.casemgmt.InvalidInputException.class,
        () -> new PolicyViolation("no spaces allowed", List.empty()));
    // Its ids are identifiers too, never prose that could carry personal data.
    org.junit.jupiter.api.Assertions.assertThrows(org.casemgmt.InvalidInputException.class,
        () -> new PolicyViolation("MAX_THREE_ACTIVE", List.of("I-1", "Maria Rossi")));
  }

  // ---------------------------------------------------------------- every rule has its example

  @Test
  void every_rejection_type_has_a_test_named_after_it() {
    // ConflictingServiceKind's examples live with the rest of that rule's tests, in ServiceKindIdentityTest.
    List<String> testNames = List.<Class<?>>of(RejectionTest.class, ServiceKindIdentityTest.class)
        .flatMap(test -> List.of(test.getDeclaredClasses()).prepend(test))
        .flatMap(type -> List.of(type.getDeclaredMethods()))
        .filter(method -> method.isAnnotationPresent(Test.class))
        .map(Method::getName);
    List<String> missing = List.of(Rejection.class.getPermittedSubclasses())
        .map(Class::getSimpleName)
        .filter(rule -> !testNames.exists(name -> name.startsWith(snakeCase(rule))));
    assertEquals(List.empty(), missing);
  }

  static String snakeCase(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
