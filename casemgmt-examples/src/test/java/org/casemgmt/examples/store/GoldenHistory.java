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
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
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

  private GoldenHistory() {}

  private static Issued by(String staff, int day) {
    return Issued.by(StaffId.of(staff), Instant.parse("2026-03-02T09:00:00Z").plusSeconds(86_400L * day));
  }

  private static Provider provider(String id, ResourceType type, ServiceKind... kinds) {
    return Provider.of(ProviderId.of(id), "Provider " + id, type, HashSet.of(kinds));
  }

  private static LocalDate day(int n) {
    return DAY0.plusDays(n);
  }

  /** Every command of the scenario, in order; the first opens the case. */
  static Seq<Command> commands() {
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
        new OpenCase(by("anna", 0), CASE, Client.of(ClientId.of("C-1"), "Maria Rossi", LocalDate.of(1980, 4, 12)),
            StaffId.of("anna"), HashSet.of(LifeDomain.HOUSING, LifeDomain.WORK, LifeDomain.PSYCHOLOGICAL_WELLBEING),
            day(0)),
        new HandOver(by("anna", 1), StaffId.of("bruno")),
        new ExtendScope(by("bruno", 1), HashSet.of(LifeDomain.SOCIAL_INCLUSION), day(1)),
        new SuspendCase(by("bruno", 2), "in hospital for a week"),
        new ResumeCase(by("bruno", 9)),
        new StartAssessment(by("bruno", 9)),
        new RecordNeed(by("bruno", 9), n1, LifeDomain.HOUSING, "evicted last month", Priority.URGENT,
            IdentifiedBy.CLIENT),
        new RecordNeed(by("bruno", 9), n2, LifeDomain.WORK, "lost job", Priority.HIGH, IdentifiedBy.CASE_MANAGER),
        new RecordNeed(by("bruno", 9), n3, LifeDomain.PSYCHOLOGICAL_WELLBEING, "anxiety", Priority.MEDIUM,
            IdentifiedBy.CLIENT),
        new RecordNeed(by("bruno", 9), n4, LifeDomain.SOCIAL_INCLUSION, "isolated", Priority.LOW, IdentifiedBy.CLIENT),
        new ReviseNeed(by("bruno", 10), n2, "lost job after twenty years", Priority.HIGH),
        new WithdrawNeed(by("bruno", 10), n4, "sees friends again"),
        new RecordStrength(by("bruno", 10), LifeDomain.WORK, "skilled carpenter"),
        new RecordResource(by("bruno", 10), ResourceId.of("RES-1"), ResourceType.RELATIVE, "a sister nearby"),
        new CompleteAssessment(by("bruno", 11)),
        new StartPlanning(by("bruno", 11), DayWindow.ofDays(day(11), 180), Priority.MEDIUM),
        new AddGoal(by("bruno", 11), g1, HashSet.of(n1, n2), "stable home and job", "lease signed, contract signed",
            day(120)),
        new PlanIntervention(by("bruno", 11), i1, HashSet.of(n1), HashSet.of(g1), housing, ServiceKind.HOUSING,
            DayWindow.ofDays(day(12), 60), Money.of("1200.50")),
        new PlanIntervention(by("bruno", 11), i2, HashSet.of(n2), HashSet.of(g1), coach, ServiceKind.JOB_COACHING,
            DayWindow.ofDays(day(12), 90), Money.of(800)),
        new PlanIntervention(by("bruno", 11), i3, HashSet.of(n1), HashSet.empty(), housing, ServiceKind.COUNSELLING,
            DayWindow.ofDays(day(12), 30), Money.of(150)),
        new DeferNeed(by("bruno", 11), n3, "after housing is settled"),
        new SetBudgetCap(by("bruno", 11), Money.of(5000)),
        new AddParticipant(by("bruno", 11), Participant.of(ParticipantRole.CAREGIVER, "the sister", "weekly visits")),
        new RequestReferral(by("bruno", 11), r1, HashSet.of(n2), coach, ServiceKind.TRAINING, day(11)),
        new RequestReferral(by("bruno", 11), r2, HashSet.of(n3), psych, ServiceKind.PSYCHOLOGICAL_SUPPORT, day(11)),
        new RecordAgreement(by("bruno", 12), day(12)),
        new ApprovePlan(by("bruno", 12), day(12)),
        new StartImplementation(by("bruno", 12)),
        new StartIntervention(by("bruno", 12), i1, day(12)),
        new StartIntervention(by("bruno", 12), i2, day(12)),
        new StartIntervention(by("bruno", 13), i3, day(13)),
        new SuspendIntervention(by("bruno", 20), i2, day(20)),
        new ResumeIntervention(by("bruno", 27), i2, day(27)),
        new CompleteIntervention(by("bruno", 40), i3, day(40)),
        new CancelIntervention(by("bruno", 41), i1, day(41), "moved in with the sister"),
        new AcceptReferral(by("bruno", 14), r1, day(14)),
        new DeclineReferral(by("bruno", 14), r2, day(14), "no places until autumn"),
        CompleteReferral.unsuccessful(by("bruno", 60), r1, day(60), "stopped attending"),
        new RecordReview(by("bruno", 61), day(61), HashMap.of(i1, Finding.NOT_APPROPRIATE, i2, Finding.ON_TRACK,
            i3, Finding.COMPLETED), ReviewDecision.CONTINUE),
        new StartEvaluation(by("bruno", 62)),
        new RecordOutcome(by("bruno", 62), g1, GoalAchievement.NOT_ACHIEVED),
        new Replan(by("bruno", 63), "housing found, the job still missing"),
        new CloseCase(by("bruno", 70), ClosureReason.MOVED_AWAY, day(70), "moved to another region"),
        new ReopenCase(by("bruno", 200), "came back"));
  }

  /** The events the commands produce, every command accepted. */
  static Seq<RecordedEvent> events() {
    Seq<Command> commands = commands();
    CaseFile file = CaseFile.open((OpenCase) commands.head()).getOrElseThrow(r -> new AssertionError(r.rule()));
    Seq<RecordedEvent> history = List.empty();
    history = history.appendAll(CaseFile.decideOpening((OpenCase) commands.head()).getOrElseThrow(
        r -> new AssertionError(r.rule())));
    for (Command command : commands.tail()) {
      CaseFile before = file;
      Seq<RecordedEvent> events = before.decide(command)
          .getOrElseThrow(r -> new AssertionError(command.kind() + " refused: " + r));
      history = history.appendAll(events);
      file = before.evolve(events);
    }
    return history;
  }
}
