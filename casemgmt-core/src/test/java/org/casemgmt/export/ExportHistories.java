package org.casemgmt.export;

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
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;

/**
 * Two real (not simulated) histories for the event-log tests, built by running commands through the rules.
 * Every free text — the client's name, needs, goals, reasons, notes, provider names — holds {@link #MARKER}, so
 * a test can check that none of it reaches a log.
 */
final class ExportHistories {

  static final String MARKER = "PERSONAL-MARKER";
  static final LocalDate DAY0 = LocalDate.of(2026, 3, 2);
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private ExportHistories() {}

  static Issued by(String staff, int day, int minute) {
    return Issued.by(StaffId.of(staff), T0.plusSeconds(86_400L * day + 60L * minute));
  }

  static LocalDate day(int n) {
    return DAY0.plusDays(n);
  }

  static Provider provider(String id, ServiceKind kind) {
    return Provider.of(ProviderId.of(id), MARKER + " provider", ResourceType.PUBLIC_SERVICE, kind);
  }

  /**
   * A case closed early by the client: at the closure one intervention is running and one not started yet, one
   * referral is accepted and one still awaits an answer — the closure ends all four. A monitoring review with
   * findings comes before.
   */
  static Seq<RecordedEvent> closedEarly(String caseId) {
    NeedId n1 = NeedId.of("N-1");
    NeedId n2 = NeedId.of("N-2");
    GoalId g1 = GoalId.of("G-1");
    InterventionId i1 = InterventionId.of("I-1");
    InterventionId i2 = InterventionId.of("I-2");
    Provider counselling = provider("P-1", ServiceKind.COUNSELLING);
    Provider housing = provider("P-2", ServiceKind.HOUSING);
    return run(caseId, "anna", List.of(
        new StartAssessment(),
        new RecordNeed(n1, LifeDomain.HOUSING, MARKER + " need", Priority.HIGH, IdentifiedBy.CLIENT),
        new RecordNeed(n2, LifeDomain.WORK, MARKER + " need", Priority.MEDIUM, IdentifiedBy.CASE_MANAGER),
        new CompleteAssessment(),
        StartPlanning.of(DayWindow.ofDays(day(1), 180)),
        new AddGoal(g1, HashSet.of(n1, n2), MARKER + " goal", MARKER + " target", day(90)),
        PlanIntervention.of(i1, n1, counselling, ServiceKind.COUNSELLING, DayWindow.ofDays(day(2), 60),
            Money.of("250.50")).serving(g1),
        PlanIntervention.of(i2, n2, housing, ServiceKind.HOUSING, DayWindow.ofDays(day(30), 60), Money.of(400))
            .serving(g1),
        new SetBudgetCap(Money.of(1000)),
        RequestReferral.of(ReferralId.of("R-1"), n1, housing, ServiceKind.HOUSING, day(1)),
        RequestReferral.of(ReferralId.of("R-2"), n2, counselling, ServiceKind.COUNSELLING, day(1)),
        new RecordAgreement(day(1)),
        new ApprovePlan(day(1)),
        new StartImplementation(),
        new StartIntervention(i1, day(2)),
        new AcceptReferral(ReferralId.of("R-1"), day(3)),
        new RecordReview(day(20), HashMap.of(i1, Finding.ON_TRACK), ReviewDecision.CONTINUE),
        new CloseCase(ClosureReason.CLIENT_WITHDREW, day(21), MARKER + " note")));
  }

  /** A case that runs its course: its implementation ends with a review that only moves it to evaluation. */
  static Seq<RecordedEvent> completed(String caseId) {
    NeedId n1 = NeedId.of("N-1");
    GoalId g1 = GoalId.of("G-1");
    InterventionId i1 = InterventionId.of("I-1");
    return run(caseId, "bruno", List.of(
        new StartAssessment(),
        new RecordNeed(n1, LifeDomain.WORK, MARKER + " need", Priority.HIGH, IdentifiedBy.CLIENT),
        new CompleteAssessment(),
        StartPlanning.of(DayWindow.ofDays(day(1), 90)),
        new AddGoal(g1, HashSet.of(n1), MARKER + " goal", MARKER + " target", day(60)),
        PlanIntervention.of(i1, n1, provider("P-3", ServiceKind.JOB_COACHING), ServiceKind.JOB_COACHING,
            DayWindow.ofDays(day(2), 30), Money.of(300)).serving(g1),
        new RecordAgreement(day(1)),
        new ApprovePlan(day(1)),
        new StartImplementation(),
        new StartIntervention(i1, day(2)),
        new CompleteIntervention(i1, day(31)),
        new RecordReview(day(31), HashMap.empty(), ReviewDecision.PROCEED_TO_EVALUATION),
        new RecordOutcome(g1, GoalAchievement.ACHIEVED),
        new CloseCase(ClosureReason.GOALS_ACHIEVED, day(40), MARKER + " note")));
  }

  /**
   * A case that runs its course with a referral the provider accepts and completes successfully — the only
   * history here with a referral's outcome ({@code cm:successful} in the XES).
   */
  static Seq<RecordedEvent> referralCompleted(String caseId) {
    NeedId n1 = NeedId.of("N-1");
    GoalId g1 = GoalId.of("G-1");
    InterventionId i1 = InterventionId.of("I-1");
    ReferralId r1 = ReferralId.of("R-1");
    Provider coaching = provider("P-3", ServiceKind.JOB_COACHING);
    return run(caseId, "carla", List.of(
        new StartAssessment(),
        new RecordNeed(n1, LifeDomain.WORK, MARKER + " need", Priority.HIGH, IdentifiedBy.CLIENT),
        new CompleteAssessment(),
        StartPlanning.of(DayWindow.ofDays(day(1), 90)),
        new AddGoal(g1, HashSet.of(n1), MARKER + " goal", MARKER + " target", day(60)),
        PlanIntervention.of(i1, n1, coaching, ServiceKind.JOB_COACHING, DayWindow.ofDays(day(2), 30),
            Money.of(300)).serving(g1),
        RequestReferral.of(r1, n1, provider("P-4", ServiceKind.TRAINING), ServiceKind.TRAINING, day(1)),
        new RecordAgreement(day(1)),
        new ApprovePlan(day(1)),
        new StartImplementation(),
        new StartIntervention(i1, day(2)),
        new AcceptReferral(r1, day(3)),
        CompleteReferral.successful(r1, day(25)),
        new CompleteIntervention(i1, day(31)),
        new RecordReview(day(31), HashMap.empty(), ReviewDecision.PROCEED_TO_EVALUATION),
        new RecordOutcome(g1, GoalAchievement.ACHIEVED),
        new CloseCase(ClosureReason.GOALS_ACHIEVED, day(40), MARKER + " note")));
  }

  /** A case whose team gains a nurse, who then leaves: the team's own events, issued by the case manager. */
  static Seq<RecordedEvent> teamChanged(String caseId) {
    return run(caseId, "cm-7", List.of(
        new JoinTeam(TeamMember.of(StaffId.of("nurse-1"), TeamRole.NURSE, DAY0)),
        new StartAssessment(),
        new LeaveTeam(StaffId.of("nurse-1"), day(1))));
  }

  /** A case whose client shares housing with a provider, then withdraws that consent. */
  static Seq<RecordedEvent> consentChanged(String caseId) {
    org.casemgmt.resource.ProviderId centre = org.casemgmt.resource.ProviderId.of("P-9");
    return run(caseId, "cm-7", List.of(
        new GrantConsent(centre, io.vavr.collection.HashSet.of(LifeDomain.HOUSING), DAY0),
        new WithdrawConsent(centre, io.vavr.collection.HashSet.of(LifeDomain.HOUSING), day(1))));
  }

  /** Opens the case and runs the commands, one every hour of consecutive days, every one accepted. */
  private static Seq<RecordedEvent> run(String caseId, String staff, List<Command> commands) {
    Issued opener = by(staff, 0, 0);
    OpenCase opening = OpenCase.of(CaseId.of(caseId),
        Client.of(ClientId.of("C-" + caseId), MARKER + " client", LocalDate.of(1980, 4, 12)), DAY0,
        LifeDomain.HOUSING, LifeDomain.WORK);
    Vector<RecordedEvent> history = CaseFile.decideOpening(opener, opening)
        .getOrElseThrow(r -> new AssertionError(r.rule())).toVector();
    CaseFile file = CaseFile.replay(history).getOrElseThrow(h -> new AssertionError(h.toString()));
    int step = 0;
    for (Command command : commands) {
      step++;
      IssuedCommand issued = IssuedCommand.of(by(staff, step / 4, 60 * (step % 4)), command);
      Seq<RecordedEvent> events = file.decide(issued.issued(), command)
          .getOrElseThrow(r -> new AssertionError(command.kind() + " refused: " + r.rule()));
      history = history.appendAll(events);
      file = file.evolve(events);
    }
    return history;
  }
}
