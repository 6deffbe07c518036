package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.casemgmt.casefile.Command.*;
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
import org.casemgmt.plan.GoalLifecycle;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.junit.jupiter.api.Test;

/**
 * A story from a public employment centre (seed 004): a long-term unemployed man is enrolled, profiled, given an
 * individual action plan with a training provider and an interview coach, followed through implementation and
 * monitoring; the path does not produce the expected result, so instead of closing the case manager re-plans
 * in a new plan version; the second path works, he finds a job, and the case is closed with goals achieved.
 */
class EmploymentCentreScenarioTest {

  static final LocalDate ENROLMENT = LocalDate.of(2026, 2, 2);
  static final CaseId CASE = CaseId.of("CPI-2026-0542");
  static final StaffId ELENA = StaffId.of("elena.conti");   // the case manager at the employment centre
  static final NeedId JOB = NeedId.of("N-1");
  static final NeedId DIGITAL_SKILLS = NeedId.of("N-2");
  static final NeedId INTERVIEWS = NeedId.of("N-3");
  static final GoalId CERTIFICATE = GoalId.of("G-1");
  static final GoalId EMPLOYED = GoalId.of("G-2");
  static final InterventionId COURSE = InterventionId.of("I-1");
  static final InterventionId COACHING = InterventionId.of("I-2");
  static final InterventionId COACHING_AGAIN = InterventionId.of("I-3");
  static final InterventionId PLACEMENT = InterventionId.of("I-4");
  static final ServiceKind WORK_PLACEMENT = ServiceKind.of("WORK_PLACEMENT");

  private CaseFile file;
  private Seq<RecordedEvent> history = List.empty();

  @Test
  void a_jobseeker_is_profiled_planned_replanned_after_a_failed_path_and_closed_when_he_finds_a_job() {
    // Enrolment ("presa in carico: si accoglie la persona e si procede all'iscrizione"). Signor Moretti, 52, lost
    // his warehouse job eighteen months ago. Elena takes charge; the scope is work, training and how he copes.
    Client moretti = Client.of(ClientId.of("JS-88120"), "Davide Moretti", LocalDate.of(1974, 6, 30));
    open(by(day(0)), OpenCase.of(CASE, moretti, day(0),
        LifeDomain.WORK, LifeDomain.EDUCATION_TRAINING, LifeDomain.PSYCHOLOGICAL_WELLBEING));
    assertEquals(Phase.INTAKE, file.phase());

    // Profiling: interviews, a skills test, his work history. Elena looks at what he can do, not only at what
    // keeps him out of work: ten years of warehouse experience, and no digital skills for today's warehouses.
    accept(by(day(7)), new StartAssessment());
    accept(by(day(7)), new RecordNeed(JOB, LifeDomain.WORK, "Unemployed for eighteen months", Priority.HIGH,
        IdentifiedBy.CLIENT));
    accept(by(day(7)), new RecordNeed(DIGITAL_SKILLS, LifeDomain.EDUCATION_TRAINING,
        "Cannot use warehouse management software", Priority.HIGH, IdentifiedBy.CASE_MANAGER));
    accept(by(day(7)), new RecordNeed(INTERVIEWS, LifeDomain.WORK, "Freezes in job interviews", Priority.MEDIUM,
        IdentifiedBy.CLIENT));
    accept(by(day(7)), new RecordStrength(LifeDomain.WORK, "Ten years as a reliable warehouse worker"));
    accept(by(day(9)), new CompleteAssessment());
    assertEquals(3, file.openNeeds().size());
    assertTrue(file.assessmentCompleted());

    // The individual action plan. A training body teaches the software; an interview coach prepares him
    // ("se il cliente ha difficoltà nella preparazione ad un colloquio, il case manager lo indirizzerà verso un
    // esperto"). The centre's budget for his path is capped; he agrees; Elena's manager approves.
    Provider trainingBody = Provider.of(ProviderId.of("P-ENTE-FORM"), "Ente di formazione", ResourceType.PRIVATE_SERVICE,
        HashSet.of(ServiceKind.TRAINING));
    Provider coach = Provider.of(ProviderId.of("P-COACH"), "Interview coaching service", ResourceType.THIRD_SECTOR,
        HashSet.of(ServiceKind.JOB_COACHING));
    DayWindow period = DayWindow.ofDays(day(14), 240);
    accept(by(day(14)), StartPlanning.of(period));
    accept(by(day(14)), new AddGoal(CERTIFICATE, HashSet.of(DIGITAL_SKILLS), "Warehouse software certificate",
        "Certificate obtained", day(80)));
    accept(by(day(14)), new AddGoal(EMPLOYED, HashSet.of(JOB, INTERVIEWS), "Back in work",
        "A contract of at least six months", day(200)));
    accept(by(day(14)), new PlanIntervention(COURSE, HashSet.of(DIGITAL_SKILLS), HashSet.of(CERTIFICATE),
        trainingBody, ServiceKind.TRAINING, DayWindow.ofDays(day(21), 56), Money.of(1200)));
    accept(by(day(14)), new PlanIntervention(COACHING, HashSet.of(JOB, INTERVIEWS), HashSet.of(EMPLOYED), coach,
        ServiceKind.JOB_COACHING, DayWindow.ofDays(day(49), 42), Money.of(400)));
    accept(by(day(14)), new SetBudgetCap(Money.of(2000)));
    accept(by(day(15)), new RecordAgreement(day(15)));
    accept(by(day(16)), new ApprovePlan(day(16)));
    PlanVersion first = file.currentPlan().getOrNull();
    assertEquals(1, first.number());
    assertTrue(first.isApproved());
    assertEquals(Money.of(1600), first.plannedCost());
    assertEquals(HashSet.of(GoalLifecycle.ACTIVE), first.goals().values().map(g -> g.lifecycle()).toSet());

    // Implementation: Elena links him with the providers; the course starts, then the coaching.
    accept(by(day(21)), new StartImplementation());
    accept(by(day(21)), new StartIntervention(COURSE, day(21)));
    accept(by(day(49)), new StartIntervention(COACHING, day(49)));
    assertEquals(Phase.IMPLEMENTATION, file.phase());

    // Monitoring: the course is on track, the coaching is late to bite. Both are delivered.
    accept(by(day(56)), new RecordReview(day(56), HashMap.of(COURSE, Finding.ON_TRACK, COACHING, Finding.DELAYED),
        ReviewDecision.CONTINUE));
    assertEquals(Phase.MONITORING, file.phase());
    accept(by(day(77)), new CompleteIntervention(COURSE, day(77)));
    accept(by(day(91)), new CompleteIntervention(COACHING, day(91)));
    accept(by(day(95)), new RecordReview(day(95), HashMap.of(COURSE, Finding.COMPLETED, COACHING, Finding.COMPLETED),
        ReviewDecision.PROCEED_TO_EVALUATION));

    // Evaluation: he has the certificate, but six interviews produced no job. The goals are not all met, so the
    // case cannot be closed as a success.
    assertEquals(Phase.EVALUATION, file.phase());
    accept(by(day(96)), new RecordOutcome(CERTIFICATE, GoalAchievement.ACHIEVED));
    accept(by(day(96)), new RecordOutcome(EMPLOYED, GoalAchievement.NOT_ACHIEVED));
    assertEquals(new Rejection.GoalsNotAchieved(HashSet.empty(), HashSet.of(EMPLOYED)),
        refuse(by(day(96)), new CloseCase(ClosureReason.GOALS_ACHIEVED, day(96), "Closing report")));

    // "Se il percorso non ha prodotto i risultati attesi, il case manager attraverso un'ulteriore intervista
    // cerca di comprendere cosa non è andato e riprogetta il percorso": re-plan, in a new version of the plan.
    PlanVersion firstAsEvaluated = file.currentPlan().getOrNull();
    accept(by(day(98)), new Replan("Interviews go well but employers want recent experience"));
    assertEquals(Phase.PLANNING, file.phase());
    assertEquals(2, file.planVersions().size());
    PlanVersion second = file.currentPlan().getOrNull();
    assertEquals(2, second.number());
    assertTrue(second.agreedOn().isEmpty() && !second.isApproved(), "a new version needs a new agreement");
    // The certificate is already achieved and stays so; the job goal is proposed again.
    assertEquals(GoalLifecycle.COMPLETED, second.goals().get(CERTIFICATE).map(g -> g.lifecycle()).getOrNull());
    assertEquals(GoalLifecycle.PROPOSED, second.goals().get(EMPLOYED).map(g -> g.lifecycle()).getOrNull());

    // The second path: more coaching, and a work placement with a logistics company, paid by the company.
    Provider company = Provider.of(ProviderId.of("P-LOGISTICA"), "Logistics company", ResourceType.PRIVATE_SERVICE,
        HashSet.of(WORK_PLACEMENT));
    accept(by(day(98)), new PlanIntervention(COACHING_AGAIN, HashSet.of(INTERVIEWS), HashSet.of(EMPLOYED), coach,
        ServiceKind.JOB_COACHING, DayWindow.ofDays(day(105), 28), Money.of(300)));
    accept(by(day(98)), new PlanIntervention(PLACEMENT, HashSet.of(JOB), HashSet.of(EMPLOYED), company,
        WORK_PLACEMENT, DayWindow.ofDays(day(112), 90), Money.of(0)));
    accept(by(day(100)), new RecordAgreement(day(100)));
    accept(by(day(101)), new ApprovePlan(day(101)));
    assertEquals(Money.of(1900), file.currentPlan().map(PlanVersion::plannedCost).getOrNull(),
        "still within the cap of 2000");

    // Implementation again.
    accept(by(day(105)), new StartImplementation());
    accept(by(day(105)), new StartIntervention(COACHING_AGAIN, day(105)));
    accept(by(day(112)), new StartIntervention(PLACEMENT, day(112)));
    accept(by(day(126)), new RecordReview(day(126), HashMap.of(PLACEMENT, Finding.ON_TRACK), ReviewDecision.CONTINUE));
    accept(by(day(133)), new CompleteIntervention(COACHING_AGAIN, day(133)));

    // The company hires him at the end of the placement. Job found: evaluation, and closure with a report.
    accept(by(day(200)), new CompleteIntervention(PLACEMENT, day(200)));
    accept(by(day(201)), new RecordReview(day(201), HashMap.of(PLACEMENT, Finding.COMPLETED),
        ReviewDecision.PROCEED_TO_EVALUATION));
    accept(by(day(202)), new RecordOutcome(EMPLOYED, GoalAchievement.ACHIEVED));
    accept(by(day(203)), new CloseCase(ClosureReason.GOALS_ACHIEVED, day(203),
        "Hired on a twelve-month contract by the placement company"));
    assertEquals(Phase.CLOSED, file.phase());
    assertEquals(Option.some(ClosureReason.GOALS_ACHIEVED), file.closure());

    // The first plan is on the record exactly as it stood when it was evaluated: approved on day 16, both
    // interventions delivered, the job goal not achieved. Nothing of the second path leaked into it.
    assertEquals(2, file.planVersions().size());
    PlanVersion firstAtClosure = file.planVersions().get(0);
    assertEquals(firstAsEvaluated, firstAtClosure);
    assertEquals(first.approvedOn(), firstAtClosure.approvedOn());
    assertEquals(HashSet.of(COURSE, COACHING), firstAtClosure.interventions().keySet());
    assertEquals(Option.some(GoalAchievement.NOT_ACHIEVED),
        firstAtClosure.goals().get(EMPLOYED).map(g -> g.achievement()));
    assertEquals(Money.of(1600), firstAtClosure.plannedCost());
    assertEquals(InterventionStatus.COMPLETED, file.currentPlan()
        .flatMap(p -> p.interventions().get(PLACEMENT)).map(i -> i.status()).getOrNull());

    // And the history rebuilds the same case file.
    assertEquals(file, CaseFile.replay(history).getOrNull());
  }

  // ---------------------------------------------------------------- the storyteller's tools

  static LocalDate day(int n) {
    return ENROLMENT.plusDays(n);
  }

  /** A command issued by Elena at nine in the morning of a day. */
  static Issued by(LocalDate on) {
    return Issued.by(ELENA, on.atTime(9, 0).toInstant(ZoneOffset.UTC));
  }

  private void open(Issued issued, OpenCase command) {
    history = CaseFile.decideOpening(issued, command).getOrElseThrow(r -> new AssertionError("opening refused: " + r.rule()));
    file = CaseFile.replay(history).getOrElseThrow(h -> new AssertionError(h.problem()));
  }

  private void accept(Issued issued, Command command) {
    Seq<RecordedEvent> events = file.decide(issued, command)
        .getOrElseThrow(r -> new AssertionError(command.kind() + " refused: " + r));
    history = history.appendAll(events);
    file = file.evolve(events);
  }

  private Rejection refuse(Issued issued, Command command) {
    CaseFile before = file;
    Rejection rejection = file.handle(issued, command).swap()
        .getOrElseThrow(f -> new AssertionError(command.kind() + " was accepted"));
    assertEquals(before, CaseFile.replay(history).getOrNull(), "a refusal changes nothing");
    return rejection;
  }
}
