package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReferralStatus;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReferralAndOverdueTest {

  static final LocalDate DAY0 = LocalDate.of(2026, 2, 2);
  static final Issued ANNA = Issued.by(StaffId.of("anna"), Instant.parse("2026-02-02T09:00:00Z"));
  static final NeedId N1 = NeedId.of("N-1");
  static final ReferralId R1 = ReferralId.of("R-1");
  static final Provider TRAINING = Provider.of(ProviderId.of("P-train"), "Training body", ResourceType.PRIVATE_SERVICE,
      HashSet.of(ServiceKind.TRAINING));

  /** A case in planning with one open need N-1 (work) and a goal G-1 due after 60 days. */
  static CaseFile planning() {
    Client someone = Client.of(ClientId.of("X"), "Someone", DAY0.minusYears(30));
    return CaseFile.open(ANNA, OpenCase.of(CaseId.of("C-1"), someone, DAY0, LifeDomain.WORK))
        .flatMap(c -> c.handle(ANNA, new StartAssessment()))
        .flatMap(c -> c.handle(ANNA, new RecordNeed(N1, LifeDomain.WORK, "Unemployed", Priority.HIGH, IdentifiedBy.CLIENT)))
        .flatMap(c -> c.handle(ANNA, new CompleteAssessment()))
        .flatMap(c -> c.handle(ANNA, StartPlanning.of(DayWindow.ofDays(DAY0, 365))))
        .flatMap(c -> c.handle(ANNA, AddGoal.of(GoalId.of("G-1"), N1, "Work", "a contract", DAY0.plusDays(60))))
        .getOrElseThrow(r -> new AssertionError(r.toString()));
  }

  /** The rejection of a command Anna issues, checking that the refusal changed nothing. */
  static Rejection refused(CaseFile file, Command command) {
    Rejection rejection = file.decide(ANNA, command).swap().getOrElseThrow(() -> new AssertionError("accepted"));
    assertEquals(file, file.handle(ANNA, command).fold(r -> file, c -> c), "a refusal changes nothing");
    return rejection;
  }

  /** The case file after commands Anna issues, each of which must be accepted. */
  static CaseFile accepted(CaseFile file, Command... commands) {
    return file.handleAll(ANNA, commands).getOrElseThrow(refused -> new AssertionError(refused.toString()));
  }

  static RequestReferral request(ReferralId id, LocalDate on) {
    return RequestReferral.of(id, N1, TRAINING, ServiceKind.TRAINING, on);
  }

  @Nested
  class Referrals {

    @Test
    void a_referral_to_a_provider_that_does_not_offer_the_service_is_rejected() {
      assertEquals(new Rejection.ServiceNotOffered(TRAINING.id(), ServiceKind.COUNSELLING),
          refused(planning(), RequestReferral.of(R1, N1, TRAINING, ServiceKind.COUNSELLING, DAY0)));
    }

    @Test
    void a_referral_for_an_unknown_need_is_rejected() {
      assertEquals(new Rejection.UnknownNeed(NeedId.of("N-9")), refused(planning(),
          RequestReferral.of(R1, NeedId.of("N-9"), TRAINING, ServiceKind.TRAINING, DAY0)));
    }

    @Test
    void a_declined_referral_cannot_be_accepted_afterwards() {
      CaseFile file = accepted(planning(), request(R1, DAY0), new DeclineReferral(R1, DAY0, "full"));
      assertEquals(new Rejection.ReferralNotInStatus(R1, ReferralStatus.DECLINED, ReferralStatus.REQUESTED),
          refused(file, new AcceptReferral(R1, DAY0)));
    }

    @Test
    void a_new_referral_for_the_same_need_and_service_is_possible_once_the_first_has_ended() {
      CaseFile file = accepted(planning(), request(R1, DAY0));
      file = accepted(file, new AcceptReferral(R1, DAY0.plusDays(1)));
      assertTrue(file.decide(ANNA, request(ReferralId.of("R-2"), DAY0.plusDays(2))).isLeft(), "still pending when accepted");
      file = accepted(file, CompleteReferral.unsuccessful(R1, DAY0.plusDays(30), "dropped out"));
      file = accepted(file, request(ReferralId.of("R-2"), DAY0.plusDays(31)));
      assertEquals(ReferralStatus.COMPLETED_UNSUCCESSFULLY, file.referrals().get(R1).map(r -> r.status()).getOrNull());
    }

    @Test
    void an_unsuccessful_completion_needs_a_reason() {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> new CompleteReferral(R1, DAY0, false, Option.none()));
      assertEquals(List.of("reason"), e.errors().map(err -> err.field()));
      assertTrue(CompleteReferral.unsuccessful(R1, DAY0, "a private reason").toString().contains("***"));
      assertTrue(!CompleteReferral.unsuccessful(R1, DAY0, "a private reason").toString().contains("private"));
    }
  }

  @Nested
  class Closure {

    CaseFile delivering() {
      return accepted(planning(),
          PlanIntervention.of(InterventionId.of("I-1"), N1, TRAINING, ServiceKind.TRAINING,
              DayWindow.ofDays(DAY0.plusDays(10), 60), Money.of(600)).serving(GoalId.of("G-1")),
          new RecordAgreement(DAY0),
          new ApprovePlan(DAY0),
          new StartImplementation(),
          new StartIntervention(InterventionId.of("I-1"), DAY0.plusDays(10)),
          request(R1, DAY0.plusDays(12)));
    }

    @Test
    void closing_ends_the_open_work_on_the_closing_day() {
      CaseFile closed = accepted(delivering(),
          new CloseCase(ClosureReason.MOVED_AWAY, DAY0.plusDays(20), "Moved to another region"));
      org.casemgmt.plan.Intervention i = closed.currentPlan().flatMap(p -> p.interventions().get(InterventionId.of("I-1")))
          .getOrElseThrow(AssertionError::new);
      assertEquals(org.casemgmt.plan.InterventionStatus.CANCELLED, i.status());
      assertEquals(Option.some(DAY0.plusDays(20)), i.endedOn());
      assertEquals(ReferralStatus.WITHDRAWN, closed.referrals().get(R1).map(r -> r.status()).getOrNull());
      assertEquals(1, closed.closingReport().map(ClosingReport::interventionsCancelled).getOrElse(0));
      assertEquals(Money.ZERO, closed.currentPlan().map(PlanVersion::plannedCost).getOrNull(), "nothing live is left");
    }

    @Test
    void closing_before_open_work_started_is_rejected() {
      assertEquals(new Rejection.BeforeInterventionStart(InterventionId.of("I-1"), DAY0.plusDays(5), DAY0.plusDays(10)),
          refused(delivering(), new CloseCase(ClosureReason.MOVED_AWAY, DAY0.plusDays(5), "Moved")));
      assertEquals(new Rejection.BeforeReferralStep(R1, DAY0.plusDays(11), DAY0.plusDays(12)),
          refused(delivering(), new CloseCase(ClosureReason.MOVED_AWAY, DAY0.plusDays(11), "Moved")));
    }
  }

  @Nested
  class Overdue {

    @Test
    void nothing_is_overdue_before_implementation() {
      assertTrue(planning().overdue(DAY0.plusDays(10), 30).isEmpty());
    }

    @Test
    void goals_past_due_and_interventions_past_their_window_are_listed() {
      CaseFile file = accepted(planning(), PlanIntervention.of(InterventionId.of("I-1"), N1, TRAINING,
          ServiceKind.TRAINING, DayWindow.ofDays(DAY0, 20), Money.of(500)));
      org.casemgmt.casefile.Overdue overdue = file.overdue(DAY0.plusDays(61), 30);
      assertEquals(List.of(GoalId.of("G-1")), overdue.goalsPastDue().toList());
      assertEquals(List.of(InterventionId.of("I-1")), overdue.interventionsPastWindow().toList());
      assertTrue(file.overdue(DAY0.plusDays(20), 30).goalsPastDue().isEmpty(), "due on day 60, not yet past");
    }

    @Test
    void the_review_interval_must_be_at_least_one_day() {
      assertThrows(InvalidInputException.class, () -> planning().overdue(DAY0, 0));
    }
  }
}
