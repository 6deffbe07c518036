package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
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
import org.casemgmt.plan.Participant;
import org.casemgmt.plan.ParticipantRole;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReferralStatus;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.junit.jupiter.api.Test;

/**
 * Humanitarian protection (seed 002, INTERSOS and UNHCR's Protection Case Management): a survivor of
 * violence is taken in charge, referred to psychological support — the first service declines, a second one
 * accepts — and the referral is followed until it is over. Every step is on the record, and the record
 * replays to the same case file.
 */
class HumanitarianProtectionScenarioTest {

  static final LocalDate DAY0 = LocalDate.of(2026, 4, 6);
  static final StaffId AMINA = StaffId.of("amina");
  static final NeedId SAFETY = NeedId.of("N-safety");
  static final NeedId WELLBEING = NeedId.of("N-wellbeing");
  static final Provider CLINIC = Provider.of(ProviderId.of("P-clinic"), "Community mental-health clinic",
      ResourceType.PUBLIC_SERVICE, HashSet.of(ServiceKind.PSYCHOLOGICAL_SUPPORT));
  static final Provider NGO = Provider.of(ProviderId.of("P-ngo"), "Psychosocial NGO", ResourceType.THIRD_SECTOR,
      HashSet.of(ServiceKind.PSYCHOLOGICAL_SUPPORT, ServiceKind.COUNSELLING));
  static final Provider SHELTER = Provider.of(ProviderId.of("P-shelter"), "Safe house", ResourceType.THIRD_SECTOR,
      HashSet.of(ServiceKind.RESIDENTIAL_PLACEMENT));

  private CaseFile file;
  private Seq<RecordedEvent> history = List.empty();
  private int minutes;

  private Issued now() {
    return Issued.by(AMINA, Instant.parse("2026-04-06T08:00:00Z").plusSeconds(60L * minutes++));
  }

  private void accept(Issued issued, Command command) {
    Either<Rejection, Seq<RecordedEvent>> events = file == null
        ? CaseFile.decideOpening(issued, (OpenCase) command)
        : file.decide(issued, command);
    assertTrue(events.isRight(), () -> command.kind() + " refused: " + events.swap().getOrNull());
    history = history.appendAll(events.getOrElse(List.empty()));
    file = CaseFile.replay(history).getOrElseThrow(problem -> new AssertionError(problem.toString()));
  }

  private Rejection refuse(Issued issued, Command command) {
    CaseFile before = file;
    Rejection rejection = file.decide(issued, command).swap().getOrElseThrow(() -> new AssertionError(command.kind() + " accepted"));
    assertEquals(before, file);
    return rejection;
  }

  @Test
  void a_referral_declined_by_one_service_is_accepted_by_another_and_followed_to_its_end() {
    // Amina, a protection case worker, takes in charge a woman who fled violence. The agreed scope is her
    // safety and her psychological wellbeing: nothing else of her life goes on the record.
    accept(now(), OpenCase.of(CaseId.of("PCM-2021-043"),
        Client.of(ClientId.of("B-43"), "Name withheld", LocalDate.of(1995, 7, 1)), DAY0,
        LifeDomain.SAFETY, LifeDomain.PSYCHOLOGICAL_WELLBEING));
    accept(now(), new StartAssessment());
    accept(now(), new RecordNeed(SAFETY, LifeDomain.SAFETY, "Needs a safe place away from the aggressor",
        Priority.URGENT, IdentifiedBy.CLIENT));
    accept(now(), new RecordNeed(WELLBEING, LifeDomain.PSYCHOLOGICAL_WELLBEING, "Nightmares, anxiety",
        Priority.HIGH, IdentifiedBy.CASE_MANAGER));

    // Her housing is outside the agreed boundaries: the case file refuses to record it.
    assertTrue(refuse(now(), new RecordNeed(NeedId.of("N-house"), LifeDomain.HOUSING, "Rent arrears",
        Priority.LOW, IdentifiedBy.CLIENT)) instanceof Rejection.NeedOutsideScope);

    accept(now(), new CompleteAssessment());
    accept(now(), StartPlanning.of(DayWindow.ofDays(DAY0, 180)));

    // The plan: a goal for each need, a safe house now, and psychological support by referral.
    accept(now(), new AddGoal(GoalId.of("G-safe"), HashSet.of(SAFETY), "Live in safety", "no contact with the aggressor",
        DAY0.plusDays(90)));
    accept(now(), new AddGoal(GoalId.of("G-calm"), HashSet.of(WELLBEING), "Sleep again", "PHQ-9 below 10",
        DAY0.plusDays(150)));
    accept(now(), new PlanIntervention(InterventionId.of("I-shelter"), HashSet.of(SAFETY), HashSet.of(GoalId.of("G-safe")),
        SHELTER, ServiceKind.RESIDENTIAL_PLACEMENT, DayWindow.ofDays(DAY0, 90), Money.of(2700)));
    // A second placement at the same time would be a second home: refused, whatever the need.
    Rejection second = refuse(now(), new PlanIntervention(InterventionId.of("I-shelter-2"), HashSet.of(WELLBEING),
        HashSet.empty(), SHELTER, ServiceKind.RESIDENTIAL_PLACEMENT, DayWindow.ofDays(DAY0.plusDays(30), 30),
        Money.of(900)));
    assertEquals(new Rejection.ExclusiveServiceOverlap(InterventionId.of("I-shelter-2"), InterventionId.of("I-shelter"),
        ServiceKind.RESIDENTIAL_PLACEMENT, DayWindow.ofDays(DAY0.plusDays(30), 30)), second);

    // The referral to psychological support: the clinic first.
    accept(now(), new RequestReferral(ReferralId.of("REF-1"), HashSet.of(WELLBEING), CLINIC,
        ServiceKind.PSYCHOLOGICAL_SUPPORT, DAY0.plusDays(1)));
    // Sending the same request to the NGO while the clinic has not answered would be redundant.
    assertEquals(new Rejection.ReferralAlreadyPending(ReferralId.of("REF-2"), ReferralId.of("REF-1"), WELLBEING,
            ServiceKind.PSYCHOLOGICAL_SUPPORT),
        refuse(now(), new RequestReferral(ReferralId.of("REF-2"), HashSet.of(WELLBEING), NGO,
            ServiceKind.PSYCHOLOGICAL_SUPPORT, DAY0.plusDays(1))));
    // The clinic declines: no Arabic-speaking psychologist. The loop is closed, and the NGO is asked.
    accept(now(), new DeclineReferral(ReferralId.of("REF-1"), DAY0.plusDays(8), "No interpreter available"));
    accept(now(), new RequestReferral(ReferralId.of("REF-2"), HashSet.of(WELLBEING), NGO,
        ServiceKind.PSYCHOLOGICAL_SUPPORT, DAY0.plusDays(9)));
    accept(now(), new AcceptReferral(ReferralId.of("REF-2"), DAY0.plusDays(12)));
    accept(now(), new PlanIntervention(InterventionId.of("I-psy"), HashSet.of(WELLBEING), HashSet.of(GoalId.of("G-calm")),
        NGO, ServiceKind.PSYCHOLOGICAL_SUPPORT, DayWindow.ofDays(DAY0.plusDays(14), 120), Money.of(1200)));

    accept(now(), new AddParticipant(Participant.of(ParticipantRole.CLIENT, "B-43", "Attend the weekly sessions")));
    accept(now(), new AddParticipant(Participant.of(ParticipantRole.SERVICE_REPRESENTATIVE, "P-ngo",
        "Weekly sessions with an interpreter")));
    accept(now(), new RecordAgreement(DAY0.plusDays(13)));
    accept(now(), new ApprovePlan(DAY0.plusDays(13)));
    accept(now(), new StartImplementation());
    accept(now(), new StartIntervention(InterventionId.of("I-shelter"), DAY0.plusDays(13)));
    accept(now(), new StartIntervention(InterventionId.of("I-psy"), DAY0.plusDays(14)));

    // Thirty days after the first start, with no review yet, monitoring is overdue.
    assertEquals(DAY0.plusDays(43), file.overdue(DAY0.plusDays(50), 30).reviewDueSince().getOrNull());
    accept(now(), new RecordReview(DAY0.plusDays(45), HashMap.of(InterventionId.of("I-psy"), org.casemgmt.plan.Finding.ON_TRACK),
        ReviewDecision.CONTINUE));
    assertTrue(file.overdue(DAY0.plusDays(50), 30).reviewDueSince().isEmpty());

    accept(now(), CompleteReferral.successful(ReferralId.of("REF-2"), DAY0.plusDays(134)));
    accept(now(), new CompleteIntervention(InterventionId.of("I-psy"), DAY0.plusDays(134)));
    accept(now(), new CompleteIntervention(InterventionId.of("I-shelter"), DAY0.plusDays(90)));
    accept(now(), new RecordReview(DAY0.plusDays(135), HashMap.empty(), ReviewDecision.PROCEED_TO_EVALUATION));
    accept(now(), new RecordOutcome(GoalId.of("G-safe"), GoalAchievement.ACHIEVED));
    accept(now(), new RecordOutcome(GoalId.of("G-calm"), GoalAchievement.ACHIEVED));
    accept(now(), new CloseCase(ClosureReason.GOALS_ACHIEVED, DAY0.plusDays(140), "Living safely, sleeping again"));

    // The record: both referrals and how each ended, the plan's participants, the whole cost delivered.
    assertEquals(Phase.CLOSED, file.phase());
    assertEquals(ReferralStatus.DECLINED, file.referrals().get(ReferralId.of("REF-1")).map(r -> r.status()).getOrNull());
    assertEquals(ReferralStatus.COMPLETED_SUCCESSFULLY,
        file.referrals().get(ReferralId.of("REF-2")).map(r -> r.status()).getOrNull());
    PlanVersion plan = file.currentPlan().getOrElseThrow(AssertionError::new);
    assertEquals(2, plan.participants().size());
    assertEquals(Money.of(3900), plan.costToDate(DAY0.plusDays(180)));
    assertEquals(history.size(), file.version());
    ClosingReport report = file.closingReport().getOrElseThrow(AssertionError::new);
    assertEquals(ClosureReason.GOALS_ACHIEVED, report.reason());
    assertEquals(Phase.EVALUATION, report.closedFrom());
    assertEquals(2, report.interventionsCompleted());
    assertEquals(Money.of(3900), report.completedCost());
    assertEquals(2, report.referrals());
    assertEquals(GoalAchievement.ACHIEVED, report.goalOutcomes().get(GoalId.of("G-calm")).getOrNull());
    assertFalse(report.toString().contains("sleeping"), "the closing note never shows in toString");
    assertFalse(file.toString().contains("interpreter"), "free text never shows in toString");
  }
}
