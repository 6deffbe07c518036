package org.casemgmt.examples.store;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.RecordedEvent;
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
import org.casemgmt.plan.Finding;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Participant;
import org.casemgmt.plan.ParticipantRole;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;

/**
 * The representative history behind the golden files: one case that goes through every phase, is suspended
 * and resumed, replans, closes early and reopens, so that every command and every event type occurs at least
 * once. It is built by running the commands through the real rules, never written by hand.
 */
final class GoldenHistory {

  static final LocalDate DAY0 = LocalDate.of(2026, 3, 2);
  static final CaseId CASE = CaseId.of("CASE-GOLDEN-1");
  static final CaseId TEAM_CASE = CaseId.of("CASE-GOLDEN-2");
  /** The types schema 2 added (the case team): the schema-1 fixtures cannot hold them. */
  static final io.vavr.collection.Set<String> ADDED_IN_SCHEMA_2 =
      io.vavr.collection.HashSet.of("JoinTeam", "LeaveTeam", "TeamMemberJoined", "TeamMemberLeft", "GrantConsent",
          "WithdrawConsent", "ConsentGranted", "ConsentWithdrawn", "Countersign", "Countersigned");

  private GoldenHistory() {}

  private static Issued by(String staff, int day) {
    return Issued.by(StaffId.of(staff), Instant.parse("2026-03-02T09:00:00Z").plusSeconds(86_400L * day));
  }

  private static Provider provider(String id, ResourceType type, ServiceKind... kinds) {
    return Provider.of(ProviderId.of(id), "Provider " + id, type, kinds);
  }

  private static LocalDate day(int n) {
    return DAY0.plusDays(n);
  }

  /**
   * Every command of the scenario in its envelope, in order; the first opens the case. The opening names its
   * case manager although she is the issuer, so that the schema-1 golden file (where a manager was required)
   * reads to exactly these commands.
   */
  static Seq<IssuedCommand> commands() {
    Provider housing = provider("P-HOUSING", ResourceType.PUBLIC_SERVICE, ServiceKind.HOUSING,
        ServiceKind.COUNSELLING);
    Provider coach = provider("P-COACH", ResourceType.THIRD_SECTOR, ServiceKind.JOB_COACHING, ServiceKind.TRAINING);
    Provider psych = provider("P-PSY", ResourceType.PRIVATE_SERVICE, ServiceKind.PSYCHOLOGICAL_SUPPORT);
    NeedId n1 = NeedId.of("N-1");
    NeedId n2 = NeedId.of("N-2");
    NeedId n3 = NeedId.of("N-3");
    NeedId n4 = NeedId.of("N-4");
    GoalId g1 = GoalId.of("G-1");
    InterventionId i1 = InterventionId.of("I-1");
    InterventionId i2 = InterventionId.of("I-2");
    InterventionId i3 = InterventionId.of("I-3");
    ReferralId r1 = ReferralId.of("R-1");
    ReferralId r2 = ReferralId.of("R-2");
    return Vector.of(
        IssuedCommand.of(by("anna", 0), OpenCase.of(CASE, Client.of(ClientId.of("C-1"), "Maria Rossi",
            LocalDate.of(1980, 4, 12)), day(0), LifeDomain.HOUSING, LifeDomain.WORK, LifeDomain.PSYCHOLOGICAL_WELLBEING)
            .managedBy(StaffId.of("anna"))),
        IssuedCommand.of(by("anna", 1), new HandOver(StaffId.of("bruno"))),
        IssuedCommand.of(by("bruno", 1), ExtendScope.of(day(1), LifeDomain.SOCIAL_INCLUSION)),
        IssuedCommand.of(by("bruno", 2), new SuspendCase("in hospital for a week")),
        IssuedCommand.of(by("bruno", 9), new ResumeCase()),
        IssuedCommand.of(by("bruno", 9), new StartAssessment()),
        IssuedCommand.of(by("bruno", 9), new RecordNeed(n1, LifeDomain.HOUSING, "evicted last month",
            Priority.URGENT, IdentifiedBy.CLIENT)),
        IssuedCommand.of(by("bruno", 9), new RecordNeed(n2, LifeDomain.WORK, "lost job", Priority.HIGH,
            IdentifiedBy.CASE_MANAGER)),
        IssuedCommand.of(by("bruno", 9), new RecordNeed(n3, LifeDomain.PSYCHOLOGICAL_WELLBEING, "anxiety",
            Priority.MEDIUM, IdentifiedBy.CLIENT)),
        IssuedCommand.of(by("bruno", 9), new RecordNeed(n4, LifeDomain.SOCIAL_INCLUSION, "isolated", Priority.LOW,
            IdentifiedBy.CLIENT)),
        IssuedCommand.of(by("bruno", 10), new ReviseNeed(n2, "lost job after twenty years", Priority.HIGH)),
        IssuedCommand.of(by("bruno", 10), new WithdrawNeed(n4, "sees friends again")),
        IssuedCommand.of(by("bruno", 10), new RecordStrength(LifeDomain.WORK, "skilled carpenter")),
        IssuedCommand.of(by("bruno", 10), new RecordResource(ResourceId.of("RES-1"), ResourceType.RELATIVE,
            "a sister nearby")),
        IssuedCommand.of(by("bruno", 11), new CompleteAssessment()),
        IssuedCommand.of(by("bruno", 11), new StartPlanning(DayWindow.ofDays(day(11), 180), Priority.MEDIUM)),
        IssuedCommand.of(by("bruno", 11), new AddGoal(g1, HashSet.of(n1, n2), "stable home and job",
            "lease signed, contract signed", day(120))),
        IssuedCommand.of(by("bruno", 11), PlanIntervention.of(i1, n1, housing, ServiceKind.HOUSING,
            DayWindow.ofDays(day(12), 60), Money.of("1200.50")).serving(g1)),
        IssuedCommand.of(by("bruno", 11), PlanIntervention.of(i2, n2, coach, ServiceKind.JOB_COACHING,
            DayWindow.ofDays(day(12), 90), Money.of(800)).serving(g1)),
        IssuedCommand.of(by("bruno", 11), PlanIntervention.of(i3, n1, housing, ServiceKind.COUNSELLING,
            DayWindow.ofDays(day(12), 30), Money.of(150))),
        IssuedCommand.of(by("bruno", 11), new DeferNeed(n3, "after housing is settled")),
        IssuedCommand.of(by("bruno", 11), new SetBudgetCap(Money.of(5000))),
        IssuedCommand.of(by("bruno", 11), new AddParticipant(Participant.of(ParticipantRole.CAREGIVER, "the sister",
            "weekly visits"))),
        IssuedCommand.of(by("bruno", 11), RequestReferral.of(r1, n2, coach, ServiceKind.TRAINING, day(11))),
        IssuedCommand.of(by("bruno", 11), RequestReferral.of(r2, n3, psych, ServiceKind.PSYCHOLOGICAL_SUPPORT,
            day(11))),
        IssuedCommand.of(by("bruno", 12), new RecordAgreement(day(12))),
        IssuedCommand.of(by("bruno", 12), new ApprovePlan(day(12))),
        IssuedCommand.of(by("bruno", 12), new StartImplementation()),
        IssuedCommand.of(by("bruno", 12), new StartIntervention(i1, day(12))),
        IssuedCommand.of(by("bruno", 12), new StartIntervention(i2, day(12))),
        IssuedCommand.of(by("bruno", 13), new StartIntervention(i3, day(13))),
        IssuedCommand.of(by("bruno", 14), new AcceptReferral(r1, day(14))),
        IssuedCommand.of(by("bruno", 14), new DeclineReferral(r2, day(14), "no places until autumn")),
        IssuedCommand.of(by("bruno", 20), new SuspendIntervention(i2, day(20))),
        IssuedCommand.of(by("bruno", 27), new ResumeIntervention(i2, day(27))),
        IssuedCommand.of(by("bruno", 40), new CompleteIntervention(i3, day(40))),
        IssuedCommand.of(by("bruno", 41), new CancelIntervention(i1, day(41), "moved in with the sister")),
        IssuedCommand.of(by("bruno", 60), CompleteReferral.unsuccessful(r1, day(60), "stopped attending")),
        IssuedCommand.of(by("bruno", 61), new RecordReview(day(61), HashMap.of(i1, Finding.NOT_APPROPRIATE,
            i2, Finding.ON_TRACK, i3, Finding.COMPLETED), ReviewDecision.CONTINUE)),
        IssuedCommand.of(by("bruno", 62), new StartEvaluation()),
        IssuedCommand.of(by("bruno", 62), new RecordOutcome(g1, GoalAchievement.NOT_ACHIEVED)),
        IssuedCommand.of(by("bruno", 63), new Replan("housing found, the job still missing")),
        IssuedCommand.of(by("bruno", 70), new CloseCase(ClosureReason.MOVED_AWAY, day(70), "moved to another region")),
        IssuedCommand.of(by("bruno", 200), new ReopenCase("came back")));
  }

  /**
   * A second, short case with the team's commands, which schema 2 added: a provider's representative and a nurse
   * join, the client shares housing with the provider, the nurse records a need and leaves, the representative
   * starts the provider's intervention after a supervisor countersigned the plan, the client withdraws the consent.
   */
  static Seq<IssuedCommand> teamCommands() {
    Provider housing = provider("P-HOUSING", ResourceType.PUBLIC_SERVICE, ServiceKind.HOUSING);
    StaffId hugo = StaffId.of("hugo");
    StaffId nora = StaffId.of("nora");
    NeedId n1 = NeedId.of("N-1");
    GoalId g1 = GoalId.of("G-1");
    InterventionId i1 = InterventionId.of("I-1");
    return Vector.of(
        IssuedCommand.of(by("anna", 0), OpenCase.of(TEAM_CASE, Client.of(ClientId.of("C-2"), "Paolo Neri",
            LocalDate.of(1975, 6, 1)), day(0), LifeDomain.HOUSING)),
        IssuedCommand.of(by("anna", 1), new JoinTeam(TeamMember.representing(hugo, housing.id(), day(1)))),
        IssuedCommand.of(by("anna", 1), new JoinTeam(TeamMember.of(nora, TeamRole.NURSE, day(1)))),
        IssuedCommand.of(by("anna", 1), new GrantConsent(housing.id(), HashSet.of(LifeDomain.HOUSING), day(1))),
        IssuedCommand.of(by("anna", 2), new StartAssessment()),
        IssuedCommand.of(by("nora", 2), new RecordNeed(n1, LifeDomain.HOUSING, "damp flat", Priority.HIGH,
            IdentifiedBy.CLIENT)),
        IssuedCommand.of(by("anna", 3), new LeaveTeam(nora, day(3))),
        IssuedCommand.of(by("anna", 3), new CompleteAssessment()),
        IssuedCommand.of(by("anna", 3), StartPlanning.of(DayWindow.ofDays(day(3), 90))),
        IssuedCommand.of(by("anna", 3), AddGoal.of(g1, n1, "a dry home", "repairs done", day(60))),
        IssuedCommand.of(by("anna", 3), PlanIntervention.of(i1, n1, housing, ServiceKind.HOUSING,
            DayWindow.ofDays(day(4), 30), Money.of(300)).serving(g1)),
        IssuedCommand.of(by("anna", 4), new RecordAgreement(day(4))),
        IssuedCommand.of(by("anna", 4), new JoinTeam(TeamMember.of(StaffId.of("sara"), TeamRole.SUPERVISOR, day(4)))),
        IssuedCommand.of(by("sara", 4), new Countersign(CommandKind.APPROVE_PLAN, day(4))),
        IssuedCommand.of(by("anna", 4), new ApprovePlan(day(4))),
        IssuedCommand.of(by("anna", 4), new StartImplementation()),
        IssuedCommand.of(by("hugo", 5), new StartIntervention(i1, day(5))),
        IssuedCommand.of(by("anna", 6), new WithdrawConsent(housing.id(), HashSet.of(LifeDomain.HOUSING), day(6))));
  }

  /** The events the commands produce, every command accepted. */
  static Seq<RecordedEvent> events() {
    return events(commands());
  }

  /** The events of the team's case, every command accepted. */
  static Seq<RecordedEvent> teamEvents() {
    return events(teamCommands());
  }

  private static Seq<RecordedEvent> events(Seq<IssuedCommand> commands) {
    Issued opener = commands.head().issued();
    OpenCase opening = (OpenCase) commands.head().command();
    CaseFile file = CaseFile.open(opener, opening).getOrElseThrow(r -> new AssertionError(r.rule()));
    Seq<RecordedEvent> history = List.empty();
    history = history.appendAll(CaseFile.decideOpening(opener, opening).getOrElseThrow(
        r -> new AssertionError(r.rule())));
    for (IssuedCommand command : commands.tail()) {
      CaseFile before = file;
      Seq<RecordedEvent> events = before.decide(command.issued(), command.command())
          .getOrElseThrow(r -> new AssertionError(command.kind() + " refused: " + r));
      history = history.appendAll(events);
      file = before.evolve(events);
    }
    return history;
  }
}
