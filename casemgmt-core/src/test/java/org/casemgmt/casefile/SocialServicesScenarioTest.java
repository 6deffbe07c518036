package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.Resource;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.junit.jupiter.api.Test;

/**
 * A story from the municipal social services (seeds 000 and 003): a social worker takes charge of a woman whose
 * needs span several life domains, assesses her needs <em>and</em> her own and her family's resources, hands the
 * case over to a colleague without leaving a gap, pauses it while she is in hospital, and closes it early when
 * she moves to live with her daughter in another town.
 */
class SocialServicesScenarioTest {

  static final LocalDate REFERRAL = LocalDate.of(2026, 3, 2);
  static final CaseId CASE = CaseId.of("SS-2026-0117");
  static final StaffId PAOLA = StaffId.of("paola.ferri");   // social worker, the first case manager
  static final StaffId MARCO = StaffId.of("marco.gallo");   // the colleague who takes over
  static final NeedId HOUSING = NeedId.of("N-1");
  static final NeedId INCOME = NeedId.of("N-2");
  static final NeedId ISOLATION = NeedId.of("N-3");
  static final NeedId DAILY_LIVING = NeedId.of("N-4");
  static final ResourceId DAUGHTER = ResourceId.of("R-1");
  static final ResourceId NEIGHBOUR = ResourceId.of("R-2");
  static final ResourceId FOOD_BANK = ResourceId.of("R-3");

  private CaseFile file;
  private Seq<RecordedEvent> history = List.empty();

  @Test
  void a_client_is_taken_in_charge_assessed_handed_over_suspended_and_closed_early_when_she_moves_away() {
    // Day 1, intake. Signora Esposito, 71, is referred by her GP: rent arrears, a small pension, alone since her
    // husband died. Paola, a social worker, becomes her reference person. Together they agree which parts of
    // her life the services will deal with; her health stays with her GP, outside the case's boundaries.
    Client esposito = Client.of(ClientId.of("CL-4411"), "Carla Esposito", LocalDate.of(1955, 2, 14));
    open(by(PAOLA, REFERRAL), OpenCase.of(CASE, esposito, REFERRAL,
        LifeDomain.HOUSING, LifeDomain.ECONOMIC, LifeDomain.SOCIAL_INCLUSION, LifeDomain.AUTONOMY));
    assertEquals(Phase.INTAKE, file.phase());
    assertEquals(PAOLA, file.caseManager());
    assertEquals(1, file.version());

    // Day 3, assessment. Paola looks at the whole situation, not one problem at a time: the needs come from
    // Signora Esposito herself, from her daughter, and from the home-care nurse who already visits her.
    accept(by(PAOLA, day(2)), new StartAssessment());
    accept(by(PAOLA, day(2)), new RecordNeed(HOUSING, LifeDomain.HOUSING,
        "Three months of rent arrears, eviction letter received", Priority.URGENT, IdentifiedBy.CLIENT));
    accept(by(PAOLA, day(2)), new RecordNeed(INCOME, LifeDomain.ECONOMIC,
        "Pension does not cover rent and bills; not claiming the benefits she is entitled to", Priority.HIGH,
        IdentifiedBy.CASE_MANAGER));
    accept(by(PAOLA, day(2)), new RecordNeed(ISOLATION, LifeDomain.SOCIAL_INCLUSION,
        "Rarely leaves the flat since her husband died", Priority.MEDIUM, IdentifiedBy.CAREGIVER));
    accept(by(PAOLA, day(2)), new RecordNeed(DAILY_LIVING, LifeDomain.AUTONOMY,
        "Struggles with shopping and heavy housework", Priority.MEDIUM, IdentifiedBy.OTHER_OPERATOR));
    assertEquals(Phase.ASSESSMENT, file.phase());
    assertEquals(List.of(HOUSING, INCOME, ISOLATION, DAILY_LIVING), file.openNeeds().map(Need::id).toList());
    assertEquals(4, file.needs().values().map(Need::domain).distinct().size(), "needs in four life domains");

    // Not only deficits: she still cooks for herself and used to sing in the parish choir; her daughter and a
    // neighbour help, and the local food bank already knows her.
    accept(by(PAOLA, day(2)), new RecordStrength(LifeDomain.AUTONOMY, "Cooks for herself every day"));
    accept(by(PAOLA, day(2)), new RecordStrength(LifeDomain.SOCIAL_INCLUSION, "Sang in the parish choir for years"));
    accept(by(PAOLA, day(2)), new RecordResource(DAUGHTER, ResourceType.FAMILY_CAREGIVER,
        "Daughter, visits at weekends, handles the paperwork"));
    accept(by(PAOLA, day(2)), new RecordResource(NEIGHBOUR, ResourceType.NEIGHBOUR, "Neighbour on the same floor"));
    accept(by(PAOLA, day(2)), new RecordResource(FOOD_BANK, ResourceType.THIRD_SECTOR, "Parish food bank"));
    assertEquals(2, file.strengths().size());
    assertEquals(HashSet.of(DAUGHTER, NEIGHBOUR),
        file.resources().values().filter(r -> !r.type().isFormal()).map(Resource::id).toSet(),
        "two informal resources, the daughter a caregiver");
    assertEquals(ResourceType.FAMILY_CAREGIVER, file.resources().get(DAUGHTER).map(Resource::type).getOrNull());

    // Day 10, hand-over. Paola moves to the child-protection team; Marco takes the case. There is never a moment
    // without a reference person: the hand-over is one event, from Paola to Marco.
    accept(by(PAOLA, day(9)), new HandOver(MARCO));
    assertEquals(MARCO, file.caseManager());
    assertEquals(new CaseEvent.CaseHandedOver(PAOLA, MARCO), history.last().event());
    // Handing the case to Marco a second time would not be a hand-over at all.
    assertEquals(new Rejection.AlreadyCaseManager(MARCO), refuse(by(MARCO, day(9)), new HandOver(MARCO)));

    // Marco meets Signora Esposito and her daughter and concludes the assessment.
    accept(by(MARCO, day(12)), new CompleteAssessment());
    assertTrue(file.assessmentCompleted());

    // Day 15, suspension. She falls and is admitted to hospital for a hip operation. The case is paused, in the
    // phase it was in; while it is paused only resuming or closing it is accepted, so nobody starts planning a
    // package of services for a person who cannot take part in it.
    accept(by(MARCO, day(14)), new SuspendCase("Admitted to hospital after a fall"));
    assertTrue(file.suspended());
    assertEquals(Phase.ASSESSMENT, file.phase());
    assertEquals(HashSet.of(CommandKind.HAND_OVER, CommandKind.RESUME_CASE, CommandKind.CLOSE_CASE),
        file.permittedCommands());
    Rejection refused = refuse(by(MARCO, day(16)), StartPlanning.of(DayWindow.ofDays(day(16), 180)));
    assertEquals(new Rejection.CommandNotPermitted(CommandKind.START_PLANNING, Phase.ASSESSMENT, true,
        HashSet.of(CommandKind.HAND_OVER, CommandKind.RESUME_CASE, CommandKind.CLOSE_CASE), HashSet.of(Phase.CLOSED)),
        refused);

    // Day 36, she is home again and the case resumes where it stopped.
    accept(by(MARCO, day(35)), new ResumeCase());
    assertFalse(file.suspended());
    assertEquals(Phase.ASSESSMENT, file.phase());

    // Marco builds the plan with her: "where we will go together" (seed 000). The housing arrears are covered
    // by the housing office, the benefits by a welfare-rights adviser; the home help waits until she has
    // recovered, and the choir is her own resource, so those two needs are consciously deferred.
    Provider housingOffice = Provider.of(ProviderId.of("P-HOUSING-OFFICE"), "Ufficio casa", ResourceType.PUBLIC_SERVICE,
        HashSet.of(ServiceKind.HOUSING));
    Provider welfareRights = Provider.of(ProviderId.of("P-PATRONATO"), "Patronato", ResourceType.THIRD_SECTOR,
        HashSet.of(ServiceKind.COUNSELLING));
    DayWindow period = DayWindow.ofDays(day(36), 180);
    accept(by(MARCO, day(36)), StartPlanning.of(period));
    accept(by(MARCO, day(36)), new AddGoal(GoalId.of("G-1"), HashSet.of(HOUSING, INCOME),
        "Keep her home", "Arrears settled and benefits paid", day(126)));
    accept(by(MARCO, day(36)), new PlanIntervention(InterventionId.of("I-1"), HashSet.of(HOUSING),
        HashSet.of(GoalId.of("G-1")), housingOffice, ServiceKind.HOUSING, DayWindow.ofDays(day(40), 90),
        Money.of(1800)));
    accept(by(MARCO, day(36)), new PlanIntervention(InterventionId.of("I-2"), HashSet.of(INCOME),
        HashSet.of(GoalId.of("G-1")), welfareRights, ServiceKind.COUNSELLING, DayWindow.ofDays(day(40), 30),
        Money.of(0)));
    accept(by(MARCO, day(36)), new DeferNeed(ISOLATION, "Choir again once she walks without help"));
    accept(by(MARCO, day(36)), new DeferNeed(DAILY_LIVING, "Reassess home help after physiotherapy"));
    accept(by(MARCO, day(37)), new RecordAgreement(day(37)));
    accept(by(MARCO, day(38)), new ApprovePlan(day(38)));
    accept(by(MARCO, day(40)), new StartImplementation());
    accept(by(MARCO, day(40)), new StartIntervention(InterventionId.of("I-1"), day(40)));
    assertEquals(Phase.IMPLEMENTATION, file.phase());
    assertEquals(InterventionStatus.ACTIVE, file.currentPlan()
        .flatMap(p -> p.interventions().get(InterventionId.of("I-1"))).map(i -> i.status()).getOrNull());

    // Day 56, early closure. Her daughter offers her a room in her flat in another town, and she accepts. The
    // case is closed for that reason, with a closing note; the plan and every decision stay on the record.
    accept(by(MARCO, day(55)), new CloseCase(ClosureReason.MOVED_AWAY, day(55),
        "Moved to her daughter's; file sent to the social services of her new town with her consent"));
    assertEquals(Phase.CLOSED, file.phase());
    assertEquals(Option.some(ClosureReason.MOVED_AWAY), file.closure());
    assertEquals(MARCO, file.caseManager());
    assertEquals(1, file.planVersions().size());

    // The record is the history: replaying it rebuilds exactly the same case file.
    assertEquals(file.version(), history.size());
    assertEquals(file, CaseFile.replay(history).getOrNull());
  }

  // ---------------------------------------------------------------- the storyteller's tools

  static LocalDate day(int n) {
    return REFERRAL.plusDays(n);
  }

  /** A command issued by a member of staff at nine in the morning of a day. */
  static Issued by(StaffId who, LocalDate on) {
    return Issued.by(who, on.atTime(9, 0).toInstant(ZoneOffset.UTC));
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
