package org.casemgmt.examples;

import static org.casemgmt.examples.Story.Step.accepted;
import static org.casemgmt.examples.Story.Step.refused;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.Rejection;
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
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;

/**
 * A social-services case in the spirit of seeds 000 and 003: an older woman living alone, widowed, in a cold
 * flat she may lose, is taken charge of by the municipal social service. Her needs span several life domains;
 * the assessment also records what she can still do and the informal help around her (her daughter, a
 * neighbour). The intake worker hands the case over to the case manager, who negotiates a plan that builds a
 * "package of services" from formal and informal sources — and the library refuses a second, uncoordinated
 * psychological support that would overlap the first ("evitando sovrapposizioni", seed 001). Monitoring finds
 * the housing support delayed and sends the case back to planning; a second plan version replaces the
 * provider; the final evaluation finds every goal achieved and the case is closed.
 *
 * <p>Everything is fixed: the days, the instants, the ids. The person and the texts are invented, and they
 * are here only because the commands need them: {@link Main} never prints them.
 */
public final class SocialServicesScenario {

  /** The day the case is opened; every other day is counted from it. */
  public static final LocalDate DAY0 = LocalDate.of(2026, 2, 2);

  /** The social worker who receives the person and assesses the case. */
  public static final StaffId INTAKE_WORKER = StaffId.of("sw-01");
  /** The social worker who takes over as case manager for planning and after. */
  public static final StaffId CASE_MANAGER = StaffId.of("sw-02");
  /** The team lead who approves plans (the case manager has budget responsibility, the lead signs off). */
  public static final StaffId TEAM_LEAD = StaffId.of("tl-01");

  private static final NeedId HOUSING_NEED = NeedId.of("N-1");
  private static final NeedId LOW_MOOD = NeedId.of("N-2");
  private static final NeedId ISOLATION = NeedId.of("N-3");
  private static final NeedId DAILY_LIVING = NeedId.of("N-4");
  private static final NeedId UNCLAIMED_BENEFIT = NeedId.of("N-5");
  private static final NeedId EXERCISE = NeedId.of("N-6");

  private static final GoalId SAFE_HOME = GoalId.of("G-1");
  private static final GoalId LESS_ALONE = GoalId.of("G-2");
  private static final GoalId DAILY_LIFE = GoalId.of("G-3");

  private static final ServiceKind DAY_CENTRE = ServiceKind.of("DAY_CENTRE");
  private static final ServiceKind BENEFITS_ADVICE = ServiceKind.of("BENEFITS_ADVICE");

  private static final Provider HOUSING_NGO = Provider.of(ProviderId.of("P-HOUS-1"), "Housing association",
      ResourceType.THIRD_SECTOR, ServiceKind.HOUSING);
  private static final Provider HOUSING_AGENCY = Provider.of(ProviderId.of("P-HOUS-2"), "Municipal housing agency",
      ResourceType.PUBLIC_SERVICE, ServiceKind.HOUSING);
  private static final Provider MENTAL_HEALTH_CENTRE = Provider.of(ProviderId.of("P-PSY-1"),
      "Community mental health centre", ResourceType.PUBLIC_SERVICE, ServiceKind.PSYCHOLOGICAL_SUPPORT);
  private static final Provider PRIVATE_PRACTICE = Provider.of(ProviderId.of("P-PSY-2"), "Private psychology practice",
      ResourceType.PRIVATE_SERVICE, ServiceKind.PSYCHOLOGICAL_SUPPORT, ServiceKind.COUNSELLING);
  private static final Provider PARISH_CENTRE = Provider.of(ProviderId.of("P-DAY-1"), "Parish day centre",
      ResourceType.THIRD_SECTOR, DAY_CENTRE);
  private static final Provider FAMILY = Provider.of(ProviderId.of("P-FAM-1"), "Family caregiver",
      ResourceType.FAMILY_CAREGIVER, ServiceKind.HOME_CARE);
  private static final Provider SOCIAL_SERVICE = Provider.of(ProviderId.of("P-MUN-1"), "Municipal social service",
      ResourceType.PUBLIC_SERVICE, BENEFITS_ADVICE, ServiceKind.COUNSELLING);

  private SocialServicesScenario() {}

  /** The whole story, intake to closure. */
  public static Story story() {
    return new Story("Social services: an older woman living alone (seeds 000, 003)", by(INTAKE_WORKER, 0),
        opening(), List.of(assessment(), handOver(), planning(), implementation(), monitoring(), replanning(),
            implementationAgain(), evaluation(), closure()));
  }

  /** Opened by the intake worker, who is the case manager until the hand-over. */
  private static OpenCase opening() {
    return OpenCase.of(CaseId.of("CASE-SS-0001"),
        Client.of(ClientId.of("C-0001"), "Giovanna Esposito", LocalDate.of(1949, 11, 23)), DAY0,
        LifeDomain.HOUSING, LifeDomain.PSYCHOLOGICAL_WELLBEING, LifeDomain.SOCIAL_INCLUSION, LifeDomain.AUTONOMY,
        LifeDomain.PHYSICAL_HEALTH);
  }

  private static Story.Chapter assessment() {
    Issued sw = by(INTAKE_WORKER, 1);
    return Story.Chapter.of("Assessment: needs in several life domains, strengths, informal help",
        accepted(sw, new StartAssessment()),
        accepted(sw, new RecordNeed(HOUSING_NEED, LifeDomain.HOUSING,
            "Flat unheated since October; the landlord has announced an eviction", Priority.URGENT,
            IdentifiedBy.CASE_MANAGER)),
        accepted(sw, new RecordNeed(LOW_MOOD, LifeDomain.PSYCHOLOGICAL_WELLBEING,
            "Low mood and anxiety since her husband died last spring", Priority.HIGH, IdentifiedBy.CLIENT)),
        accepted(sw, new RecordNeed(ISOLATION, LifeDomain.SOCIAL_INCLUSION,
            "Leaves the house less than once a week", Priority.MEDIUM, IdentifiedBy.CAREGIVER)),
        accepted(sw, new RecordNeed(DAILY_LIVING, LifeDomain.AUTONOMY,
            "Needs help with the shopping and with heavy housework", Priority.MEDIUM, IdentifiedBy.CAREGIVER)),
        accepted(sw, new RecordNeed(EXERCISE, LifeDomain.PHYSICAL_HEALTH,
            "Would like to go back to the swimming group for seniors", Priority.LOW, IdentifiedBy.CLIENT)),
        // Money was not part of the agreed scope: the rule keeps it private until she consents.
        refused(by(INTAKE_WORKER, 3), new RecordNeed(UNCLAIMED_BENEFIT, LifeDomain.ECONOMIC,
            "May be entitled to a pension supplement she never claimed", Priority.MEDIUM, IdentifiedBy.OTHER_OPERATOR),
            Rejection.NeedOutsideScope.class),
        accepted(by(INTAKE_WORKER, 3), ExtendScope.of(DAY0.plusDays(3), LifeDomain.ECONOMIC)),
        accepted(by(INTAKE_WORKER, 3), new RecordNeed(UNCLAIMED_BENEFIT, LifeDomain.ECONOMIC,
            "May be entitled to a pension supplement she never claimed", Priority.MEDIUM, IdentifiedBy.OTHER_OPERATOR)),
        accepted(by(INTAKE_WORKER, 3), new RecordStrength(LifeDomain.AUTONOMY,
            "Still cooks for herself when the ingredients are at hand")),
        accepted(by(INTAKE_WORKER, 3), new RecordStrength(LifeDomain.SOCIAL_INCLUSION,
            "Sang for thirty years in the parish choir and is still welcome there")),
        accepted(by(INTAKE_WORKER, 3), new RecordResource(ResourceId.of("R-1"), ResourceType.FAMILY_CAREGIVER,
            "Her daughter, who lives twenty kilometres away and visits every Saturday")),
        accepted(by(INTAKE_WORKER, 3), new RecordResource(ResourceId.of("R-2"), ResourceType.NEIGHBOUR,
            "The neighbour on the same floor, who knocks on her door every evening")),
        accepted(by(INTAKE_WORKER, 7), new CompleteAssessment()));
  }

  private static Story.Chapter handOver() {
    return Story.Chapter.of("The team and the hand-over: a supervisor who signs plans off, one reference person",
        accepted(by(INTAKE_WORKER, 10), new JoinTeam(TeamMember.of(TEAM_LEAD, TeamRole.SUPERVISOR, DAY0.plusDays(10)))),
        accepted(by(INTAKE_WORKER, 10), new HandOver(CASE_MANAGER)));
  }

  private static Story.Chapter planning() {
    Issued cm = by(CASE_MANAGER, 14);
    return Story.Chapter.of("Care planning: goals and a package of formal and informal services",
        accepted(cm, StartPlanning.of(DayWindow.ofDays(DAY0.plusDays(14), 180))),
        accepted(cm, AddGoal.of(SAFE_HOME, HOUSING_NEED, "A safe, heated home", "No eviction and working heating",
            DAY0.plusDays(120))),
        accepted(cm, new AddGoal(LESS_ALONE, HashSet.of(LOW_MOOD, ISOLATION), "Feel less alone",
            "Out of the house at least three times a week", DAY0.plusDays(180))),
        accepted(cm, new AddGoal(DAILY_LIFE, HashSet.of(DAILY_LIVING, UNCLAIMED_BENEFIT), "Manage daily life at home",
            "Shopping done every week; supplement claimed", DAY0.plusDays(180))),
        accepted(cm, plan("I-1", HOUSING_NEED, SAFE_HOME, HOUSING_NGO, ServiceKind.HOUSING, 14, 104, 1800)),
        accepted(cm, plan("I-2", LOW_MOOD, LESS_ALONE, MENTAL_HEALTH_CENTRE, ServiceKind.PSYCHOLOGICAL_SUPPORT,
            14, 74, 1200)),
        // A second psychological support from another provider, in the same weeks, for the same need.
        refused(cm, plan("I-3", LOW_MOOD, LESS_ALONE, PRIVATE_PRACTICE, ServiceKind.PSYCHOLOGICAL_SUPPORT,
            44, 104, 900), Rejection.OverlappingIntervention.class),
        // The same support planned to follow the first one: windows are half-open, so they touch without overlap.
        accepted(cm, plan("I-3", LOW_MOOD, LESS_ALONE, MENTAL_HEALTH_CENTRE, ServiceKind.PSYCHOLOGICAL_SUPPORT,
            74, 104, 600)),
        accepted(cm, plan("I-4", ISOLATION, LESS_ALONE, PARISH_CENTRE, DAY_CENTRE, 21, 181, 600)),
        accepted(cm, plan("I-5", DAILY_LIVING, DAILY_LIFE, FAMILY, ServiceKind.HOME_CARE, 14, 194, 0)),
        accepted(cm, plan("I-6", UNCLAIMED_BENEFIT, DAILY_LIFE, SOCIAL_SERVICE, BENEFITS_ADVICE, 14, 44, 150)),
        accepted(cm, new DeferNeed(EXERCISE, "To be taken up once the housing situation is settled")),
        accepted(cm, new SetBudgetCap(Money.of(5000))))
        .thenShowPermittedCommands();
  }

  private static Story.Chapter implementation() {
    Issued cm = by(CASE_MANAGER, 21);
    return Story.Chapter.of("Agreement, approval and implementation",
        accepted(by(CASE_MANAGER, 20), new RecordAgreement(DAY0.plusDays(20))),
        accepted(by(TEAM_LEAD, 21), new ApprovePlan(DAY0.plusDays(21))),
        accepted(cm, new StartImplementation()),
        accepted(cm, new StartIntervention(InterventionId.of("I-1"), DAY0.plusDays(21))),
        accepted(cm, new StartIntervention(InterventionId.of("I-2"), DAY0.plusDays(21))),
        accepted(cm, new StartIntervention(InterventionId.of("I-4"), DAY0.plusDays(21))),
        accepted(cm, new StartIntervention(InterventionId.of("I-5"), DAY0.plusDays(21))),
        accepted(cm, new StartIntervention(InterventionId.of("I-6"), DAY0.plusDays(21))),
        accepted(by(CASE_MANAGER, 40), new CompleteIntervention(InterventionId.of("I-6"), DAY0.plusDays(40))));
  }

  private static Story.Chapter monitoring() {
    return Story.Chapter.of("Monitoring: the housing support is late, the plan must change",
        accepted(by(CASE_MANAGER, 51), new RecordReview(DAY0.plusDays(51),
            HashMap.of(InterventionId.of("I-1"), Finding.DELAYED, InterventionId.of("I-2"), Finding.ON_TRACK,
                InterventionId.of("I-6"), Finding.COMPLETED),
            ReviewDecision.CONTINUE)),
        accepted(by(CASE_MANAGER, 74), new CompleteIntervention(InterventionId.of("I-2"), DAY0.plusDays(74))),
        accepted(by(CASE_MANAGER, 81), new RecordReview(DAY0.plusDays(81),
            HashMap.of(InterventionId.of("I-1"), Finding.NOT_APPROPRIATE, InterventionId.of("I-2"), Finding.COMPLETED),
            ReviewDecision.ADJUST_PLAN)));
  }

  private static Story.Chapter replanning() {
    Issued cm = by(CASE_MANAGER, 81);
    return Story.Chapter.of("Re-planning: a second plan version replaces the housing provider",
        accepted(cm, new CancelIntervention(InterventionId.of("I-1"), DAY0.plusDays(81),
            "The association has no flat available before the summer")),
        accepted(cm, plan("I-7", HOUSING_NEED, SAFE_HOME, HOUSING_AGENCY, ServiceKind.HOUSING, 84, 164, 2000)),
        // A deferral is a decision about one plan version: the new version defers the exercise need again.
        accepted(cm, new DeferNeed(EXERCISE, "Still to be taken up once the housing situation is settled")),
        accepted(by(CASE_MANAGER, 82), new RecordAgreement(DAY0.plusDays(82))),
        accepted(by(TEAM_LEAD, 83), new ApprovePlan(DAY0.plusDays(83))),
        accepted(by(CASE_MANAGER, 84), new StartImplementation()));
  }

  private static Story.Chapter implementationAgain() {
    return Story.Chapter.of("Implementation and monitoring of the second plan",
        accepted(by(CASE_MANAGER, 84), new StartIntervention(InterventionId.of("I-7"), DAY0.plusDays(84))),
        accepted(by(CASE_MANAGER, 84), new StartIntervention(InterventionId.of("I-3"), DAY0.plusDays(84))),
        accepted(by(CASE_MANAGER, 104), new CompleteIntervention(InterventionId.of("I-3"), DAY0.plusDays(104))),
        accepted(by(CASE_MANAGER, 120), new RecordReview(DAY0.plusDays(120),
            HashMap.of(InterventionId.of("I-7"), Finding.ON_TRACK, InterventionId.of("I-4"), Finding.ON_TRACK),
            ReviewDecision.CONTINUE)),
        accepted(by(CASE_MANAGER, 164), new CompleteIntervention(InterventionId.of("I-7"), DAY0.plusDays(164))),
        accepted(by(CASE_MANAGER, 180), new CompleteIntervention(InterventionId.of("I-4"), DAY0.plusDays(180))),
        accepted(by(CASE_MANAGER, 180), new CompleteIntervention(InterventionId.of("I-5"), DAY0.plusDays(180))));
  }

  private static Story.Chapter evaluation() {
    Issued cm = by(CASE_MANAGER, 185);
    return Story.Chapter.of("Final evaluation",
        accepted(cm, new StartEvaluation()),
        accepted(cm, new RecordOutcome(SAFE_HOME, GoalAchievement.ACHIEVED)),
        accepted(cm, new RecordOutcome(LESS_ALONE, GoalAchievement.ACHIEVED)),
        accepted(cm, new RecordOutcome(DAILY_LIFE, GoalAchievement.ACHIEVED)));
  }

  private static Story.Chapter closure() {
    return Story.Chapter.of("Closure",
        accepted(by(CASE_MANAGER, 186), new CloseCase(ClosureReason.GOALS_ACHIEVED, DAY0.plusDays(186),
            "Rehoused in a heated flat; attends the day centre twice a week; supplement granted")));
  }

  /** An intervention for one need, serving one goal, over days counted from {@link #DAY0}. */
  private static PlanIntervention plan(String id, NeedId need, GoalId goal, Provider provider, ServiceKind kind,
      int fromDay, int toDay, long cost) {
    return PlanIntervention.of(InterventionId.of(id), need, provider, kind,
        DayWindow.of(DAY0.plusDays(fromDay), DAY0.plusDays(toDay)), Money.of(cost)).serving(goal);
  }

  /** Issued by a member of the team at nine in the morning (UTC) of a day counted from {@link #DAY0}. */
  private static Issued by(StaffId actor, int day) {
    return Issued.by(actor, DAY0.plusDays(day).atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC));
  }
}
