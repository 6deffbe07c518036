package org.casemgmt.simulation;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.casemgmt.FreeText;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.Permissions;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.PlanVersion;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
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
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.service.ServiceSettings;

/**
 * The simulated practitioners of a {@link Run}: the intake worker who opens a case when a client arrives, and the
 * pool of case managers, each holding up to a caseload of places. At every occurrence of a case the run hands
 * over, this decides which commands the case manager issues — hand-over, assessment, the needs found, goals,
 * interventions planned after one another, agreement, approval, deliveries, reviews, evaluation, re-planning,
 * closure — draws what the scenario leaves to chance, and schedules what happens next with the run. Every
 * command goes to the case file; what the rules refuse is counted, an intervention refused is simply not
 * planned, and a case whose required step is refused is closed as transferred.
 *
 * <p>Everything that does not change during a run (ids, the singleton sets of a need or a goal, costs, profiles)
 * is built once, here, so that a command costs little more than its decision.
 */
final class Practitioner {

  private static final long PLAN_PERIOD_DAYS = 36_500;
  /** The last day a window may end on, in days from the simulation's day 0. */
  private static final double LAST_END_OFFSET = DayWindow.LAST_DAY.toEpochDay() - Run.EPOCH_DAY;
  private static final StaffId INTAKE = StaffId.of("intake");
  private static final LocalDate BIRTH_DATE = LocalDate.of(1980, 1, 1);
  private static final ClosureReason[] EARLY = {
      ClosureReason.CLIENT_WITHDREW, ClosureReason.MOVED_AWAY, ClosureReason.UNREACHABLE};
  private static final Map<InterventionId, Finding> NO_FINDINGS = HashMap.empty();
  private static final Set<GoalId> NO_GOALS = HashSet.empty();
  // The free texts of the simulated commands, checked once: a text built from a string on every command is checked
  // again by each value that holds it (the command, its event, the goal).
  private static final FreeText SIMULATED_NEED = FreeText.of("Simulated need");
  private static final FreeText SIMULATED_GOAL = FreeText.of("Simulated goal");
  private static final FreeText SIMULATED_TARGET = FreeText.of("Simulated target");
  private static final FreeText NOT_PLANNED = FreeText.of("No intervention could be planned");
  private static final FreeText GOALS_NOT_ACHIEVED = FreeText.of("Goals not achieved at evaluation");
  private static final FreeText SIMULATED_CLOSURE = FreeText.of("Simulated closure");

  /** A start or completion delivered while the case was back in planning or assessment, recorded later. */
  record Deferred(SimulatedIntervention intervention, boolean start, double when) {}

  private final Run run;
  private final RandomGenerator random;
  private final ListenerFeed feed;
  private final RunStatistics stats;

  // The case-manager pool: places held per manager, the busy places, and the cases waiting for one, in order.
  private final ArrayDeque<SimulatedCase> waiting = new ArrayDeque<>();
  private final int[] load;
  private final StaffId[] managerIds;
  private final int slots;
  private final int caseload;
  private int busy;
  /** Interventions under way in all open cases, for the daily status. */
  private int activeInterventions;

  private final Set<LifeDomain> scope;
  // The team, when the scenario has supervisors: who countersigns, and each provider's representative.
  private final StaffId[] supervisorIds;
  private final Permissions permissions;
  private final java.util.HashMap<ProviderId, StaffId> representatives = new java.util.HashMap<>();
  private final boolean releaseAfterAssessment;
  private final int reviewInterval;
  private final double earlyClosure;
  private final double adjustPlan;
  private final double reassess;
  private final double goalsAchieved;
  private final Distribution assessment;
  private final Distribution planning;
  private final Distribution evaluation;

  // Per need, built once: ids, singleton sets, profiles; per intervention profile: key slot and cost.
  private final NeedId[] needIds;
  private final GoalId[] goalIds;
  private final Set<NeedId>[] needSets;
  private final Set<GoalId>[] goalSets;
  private final LifeDomain[] needDomains;
  private final Priority[] needPriorities;
  private final double[] needIncidence;
  private final InterventionProfile[][] profiles;
  private final int[][] lastEndKey;
  private final int lastEndKeys;
  /** The needs in the order of their goal ids, the order outcomes are recorded in. */
  private final int[] byGoalId;
  private final ArrayList<SimulatedIntervention> plannedNow = new ArrayList<>();
  private InterventionId[] interventionIds = new InterventionId[8];

  @SuppressWarnings("unchecked")
  Practitioner(Scenario scenario, Run run, RandomGenerator random, ListenerFeed feed, RunStatistics stats) {
    this.run = run;
    this.random = random;
    this.feed = feed;
    this.stats = stats;
    this.load = new int[scenario.managers()];
    this.caseload = scenario.caseload();
    this.slots = scenario.managers() * caseload;
    this.releaseAfterAssessment = scenario.managerHold() == ManagerHold.DURING_ASSESSMENT;
    this.reviewInterval = scenario.reviewIntervalDays();
    this.earlyClosure = scenario.earlyClosureProbability();
    this.adjustPlan = scenario.adjustPlanProbability();
    this.reassess = scenario.reassessProbability();
    this.goalsAchieved = scenario.goalsAchievedProbability();
    this.assessment = scenario.assessment();
    this.planning = scenario.planning();
    this.evaluation = scenario.evaluation();
    this.supervisorIds = new StaffId[scenario.supervisors()];
    for (int k = 0; k < supervisorIds.length; k++) {
      supervisorIds[k] = StaffId.of("SUP-" + (k + 1));
    }
    this.permissions = supervisorIds.length == 0 ? Permissions.socialServices()
        : Permissions.socialServices().withCountersignature(CommandKind.APPROVE_PLAN, CommandKind.CLOSE_CASE);
    this.managerIds = new StaffId[scenario.managers()];
    for (int m = 0; m < managerIds.length; m++) {
      managerIds[m] = StaffId.of("CM-" + (m + 1));
    }
    Seq<NeedProfile> needs = scenario.needs();
    int count = needs.size();
    this.needIds = new NeedId[count];
    this.goalIds = new GoalId[count];
    this.needSets = new Set[count];
    this.goalSets = new Set[count];
    this.needDomains = new LifeDomain[count];
    this.needPriorities = new Priority[count];
    this.needIncidence = new double[count];
    this.profiles = new InterventionProfile[count][];
    this.lastEndKey = new int[count][];
    int keys = 0;
    for (int n = 0; n < count; n++) {
      NeedProfile need = needs.get(n);
      needIds[n] = NeedId.of("N-" + (n + 1));
      goalIds[n] = GoalId.of("G-" + (n + 1));
      needSets[n] = HashSet.of(needIds[n]);
      goalSets[n] = HashSet.of(goalIds[n]);
      needDomains[n] = need.domain();
      needPriorities[n] = need.priority();
      needIncidence[n] = need.incidence();
      profiles[n] = need.interventions().toJavaArray(InterventionProfile[]::new);
      lastEndKey[n] = new int[profiles[n].length];
      for (int j = 0; j < profiles[n].length; j++) {
        // Windows of the same need and the same service kind follow one another: they share a key.
        int key = -1;
        for (int k = 0; k < j; k++) {
          if (profiles[n][k].service().code().equals(profiles[n][j].service().code())) {
            key = lastEndKey[n][k];
          }
        }
        lastEndKey[n][j] = key >= 0 ? key : keys++;
      }
    }
    this.lastEndKeys = keys;
    Integer[] order = new Integer[count];
    for (int n = 0; n < count; n++) {
      order[n] = n;
    }
    Arrays.sort(order, (a, b) -> goalIds[a].compareTo(goalIds[b]));
    this.byGoalId = new int[count];
    for (int n = 0; n < count; n++) {
      byGoalId[n] = order[n];
    }
    this.scope = HashSet.ofAll(needs.map(NeedProfile::domain));
  }

  /** {@return how many needs the scenario knows: a case keeps a flag per need} */
  int needCount() {
    return needIds.length;
  }

  /** {@return how many cases wait for a case manager} */
  int waitingForManager() {
    return waiting.size();
  }

  /** {@return how many interventions are under way in all open cases} */
  int activeInterventions() {
    return activeInterventions;
  }

  // ---------------------------------------------------------------- intake and the case-manager pool

  /** The intake worker opens the case of a client who just arrived. */
  void open(SimulatedCase c) {
    long n = c.number;
    Issued opener = run.issued(INTAKE);
    Command.OpenCase opening = new Command.OpenCase(CaseId.of("CASE-" + n),
        Client.of(ClientId.of("C-" + n), "Simulated client " + n, BIRTH_DATE), Option.none(), scope, run.today());
    feed.open(c, opener, opening, permissions);
    stats.opened();
    if (supervisorIds.length > 0) {
      issue(c, new Command.JoinTeam(TeamMember.of(supervisor(c), TeamRole.SUPERVISOR, run.today())));
    }
  }

  /** The supervisor of a case, when the scenario has supervisors: they take the cases in turn. */
  private StaffId supervisor(SimulatedCase c) {
    return supervisorIds[(int) ((c.number - 1) % supervisorIds.length)];
  }

  /**
   * Before a step the policy wants countersigned, the case's supervisor countersigns it (when the scenario has
   * supervisors); {@return whether the step may go on}
   */
  private boolean countersigned(SimulatedCase c, CommandKind what) {
    return supervisorIds.length == 0
        || issueAs(c, supervisor(c), new Command.Countersign(what, run.today()));
  }

  /**
   * A provider's first intervention in a case brings its representative onto the team, and the client shares the
   * life domain of the need with that provider (when the scenario has supervisors, i.e. a team); {@return who
   * records the intervention's start and completion: the representative, or null for the case manager}
   */
  private StaffId representative(SimulatedCase c, ProviderId provider, LifeDomain domain) {
    if (supervisorIds.length == 0) {
      return null;
    }
    StaffId rep = representatives.computeIfAbsent(provider, p -> StaffId.of("REP-" + p.value()));
    if (!c.file.team().containsKey(rep)) {
      issue(c, new Command.JoinTeam(TeamMember.representing(rep, provider, run.today())));
    }
    if (!c.file.consents().get(provider).exists(shared -> shared.contains(domain))) {
      issue(c, new Command.GrantConsent(provider, HashSet.of(domain), run.today()));
    }
    return rep;
  }

  /** The case needs a case manager: the one it holds, a free place, or its turn in the waiting line. */
  void requestManager(SimulatedCase c) {
    if (c.manager >= 0) {
      startAssessment(c); // the case keeps its place (held until closure): reassess at once
      return;
    }
    if (busy < slots) {
      assign(c);
    } else {
      c.waiting = true;
      waiting.add(c);
    }
  }

  private void assign(SimulatedCase c) {
    for (int m = 0; m < load.length; m++) {
      if (load[m] < caseload) {
        load[m]++;
        busy++;
        c.manager = m;
        startAssessment(c);
        return;
      }
    }
    throw new IllegalStateException("no free place although " + busy + " < " + slots);
  }

  /**
   * The assessment is over and the place is freed ({@link ManagerHold#DURING_ASSESSMENT}): the case goes back to the
   * intake desk, which holds it without a place until it needs a case manager again. The hand-over puts on the
   * record what the pool measures, so that a caseload read from the events is the places held.
   */
  private void handBack(SimulatedCase c) {
    if (!c.file.caseManager().equals(INTAKE)) {
      issue(c, new Command.HandOver(INTAKE)); // counted by rule if refused; the case then keeps its manager
    }
  }

  /**
   * What the service projection of a run needs to know: the review interval, the intake desk that holds the
   * waiting list, each case manager's places, and the start of simulated time.
   */
  ServiceSettings serviceSettings(Instant origin) {
    // The places in one map, built once (a scenario may have thousands of case managers).
    java.util.TreeMap<StaffId, Integer> places = new java.util.TreeMap<>();
    for (StaffId manager : managerIds) {
      places.put(manager, caseload);
    }
    return new ServiceSettings(reviewInterval, reviewInterval, Option.some(INTAKE), TreeMap.ofAll(places),
        Option.some(origin), false);
  }

  private void release(SimulatedCase c) {
    if (c.manager < 0) {
      return;
    }
    load[c.manager]--;
    busy--;
    c.manager = -1;
    while (busy < slots && !waiting.isEmpty()) {
      SimulatedCase next = waiting.poll();
      next.waiting = false;
      assign(next);
    }
  }

  // ---------------------------------------------------------------- assessment

  private void startAssessment(SimulatedCase c) {
    stats.modelEvent();
    StaffId manager = managerIds[c.manager];
    if (!c.file.caseManager().equals(manager) && !issue(c, new Command.HandOver(manager))) {
      stuck(c);
      return;
    }
    if (c.file.phase() == Phase.INTAKE && !issue(c, new Command.StartAssessment())) {
      stuck(c);
      return;
    }
    for (int n = 0; n < needIds.length; n++) {
      if (!c.hasNeed[n] && random.nextDouble() < needIncidence[n]) {
        if (issue(c, new Command.RecordNeed(needIds[n], needDomains[n], SIMULATED_NEED,
            needPriorities[n], IdentifiedBy.CASE_MANAGER))) {
          c.hasNeed[n] = true;
        }
      }
    }
    run.schedule(run.now + assessment.sample(random), Run.ASSESSMENT_END, c, null, 0);
  }

  void endAssessment(SimulatedCase c) {
    stats.modelEvent();
    if (releaseAfterAssessment) {
      handBack(c);
      release(c);
    }
    if (!hasOpenNeed(c)) {
      close(c, ClosureReason.NO_NEEDS_IDENTIFIED);
      return;
    }
    // After a reassessment the new plan version carries the live interventions over: keep the period they lie in.
    PlanVersion plan = c.file.currentPlan().getOrNull();
    LocalDate periodStart = plan == null ? run.today() : plan.period().start();
    if (!issue(c, new Command.CompleteAssessment())
        || !issue(c, new Command.StartPlanning(DayWindow.ofDays(periodStart, PLAN_PERIOD_DAYS),
            Priority.LOW))) {
      stuck(c);
      return;
    }
    run.schedule(run.now + planning.sample(random), Run.PLANNING_END, c, null, 0);
  }

  /**
   * Whether the case file holds an open need: what {@code openNeeds().isEmpty()} says, without filtering and
   * sorting every need. Needs only enter a case file through the simulator's {@code RecordNeed}s, with the ids
   * of {@link #needIds} it marked in {@code hasNeed}, so looking those up asks the case file about all of them.
   */
  private boolean hasOpenNeed(SimulatedCase c) {
    for (int n = 0; n < needIds.length; n++) {
      if (c.hasNeed[n] && c.file.need(needIds[n]).exists(Need::isOpen)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- planning and implementation

  void endPlanning(SimulatedCase c) {
    stats.modelEvent();
    double now = run.now;
    LocalDate today = run.today();
    for (int n = 0; n < needIds.length; n++) {
      if (c.hasNeed[n] && !c.goal[n]) {
        c.goal[n] = issue(c, new Command.AddGoal(goalIds[n], needSets[n], SIMULATED_GOAL,
            SIMULATED_TARGET, today.plusDays(reviewInterval * 3L)));
      }
    }
    ArrayList<SimulatedIntervention> planned = plannedNow;
    planned.clear();
    for (int n = 0; n < needIds.length; n++) {
      if (!c.hasNeed[n] || c.planned[n]) {
        continue;
      }
      c.planned[n] = true;
      InterventionProfile[] ofNeed = profiles[n];
      for (int j = 0; j < ofNeed.length; j++) {
        InterventionProfile p = ofNeed[j];
        int key = lastEndKey[n][j];
        double duration = p.duration().sample(random);
        long previousEnd = c.lastEndDay == null ? Long.MIN_VALUE : c.lastEndDay[key];
        // Same need, same kind: start after the previous window, as a planner would, so the windows never overlap.
        double start = previousEnd == Long.MIN_VALUE ? now : Math.max(now, previousEnd - Run.EPOCH_DAY);
        long startDay = Run.EPOCH_DAY + (long) Math.floor(start);
        // A duration drawn far beyond the horizon (a long-tailed distribution) ends the window on the last supported
        // day: the plan's period refuses it all the same, and no day overflows.
        long endDay = Run.EPOCH_DAY + (long) Math.min(Math.floor(start + duration) + 1, LAST_END_OFFSET);
        InterventionId id = interventionId(++c.interventionCount);
        Set<GoalId> goals = c.goal[n] ? goalSets[n] : NO_GOALS;
        if (issue(c, new Command.PlanIntervention(id, needSets[n], goals, p.provider(),
            p.service(), DayWindow.of(LocalDate.ofEpochDay(startDay), LocalDate.ofEpochDay(endDay)), p.cost()))) {
          if (c.lastEndDay == null) {
            c.lastEndDay = new long[lastEndKeys];
            Arrays.fill(c.lastEndDay, Long.MIN_VALUE);
          }
          c.lastEndDay[key] = endDay;
          SimulatedIntervention planned1 = new SimulatedIntervention(c.interventionCount, id, start, duration,
              representative(c, p.provider().id(), needDomains[n]));
          if (c.interventions == null) {
            c.interventions = new SimulatedIntervention[Math.max(4, c.interventionCount + 1)];
          } else if (c.interventionCount >= c.interventions.length) {
            c.interventions = Arrays.copyOf(c.interventions, 2 * (c.interventionCount + 1));
          }
          c.interventions[c.interventionCount] = planned1;
          planned.add(planned1);
        }
      }
    }
    // A need no intervention could be planned for (the rules refused them all) is deferred, consciously and on
    // the record, as a planner must before the plan can be approved.
    for (int n = 0; n < needIds.length; n++) {
      if (!c.hasNeed[n]) {
        continue;
      }
      NeedId need = needIds[n];
      PlanVersion plan = c.file.currentPlan().getOrNull();
      if (plan != null && !plan.covers(need) && !plan.isDeferred(need)) {
        issue(c, new Command.DeferNeed(need, NOT_PLANNED));
      }
    }
    if (!issue(c, new Command.RecordAgreement(today))
        || !countersigned(c, CommandKind.APPROVE_PLAN)
        || !issue(c, new Command.ApprovePlan(today))
        || !issue(c, new Command.StartImplementation())) {
      stuck(c);
      return;
    }
    c.epoch++;
    // What was delivered while the plan was being revised is recorded now, in order, with its own day.
    if (c.deferred != null && !c.deferred.isEmpty()) {
      ArrayList<Deferred> deferred = new ArrayList<>(c.deferred);
      c.deferred.clear();
      for (Deferred d : deferred) {
        record(c, d.intervention(), d.start(), d.when());
      }
    }
    for (int k = 0, size = planned.size(); k < size; k++) {
      SimulatedIntervention i = planned.get(k);
      c.running++;
      if (i.start <= now) {
        startIntervention(c, i);
      } else {
        run.schedule(i.start, Run.INTERVENTION_START, c, i, 0);
      }
    }
    planned.clear();
    if (c.running == 0) {
      endImplementation(c);
    } else {
      run.schedule(now + reviewInterval, Run.REVIEW, c, null, c.epoch);
    }
  }

  /** {@code I-k}, built once per run for each k and shared by the cases (ids are per case). */
  private InterventionId interventionId(int k) {
    if (k >= interventionIds.length) {
      interventionIds = Arrays.copyOf(interventionIds, Math.max(k + 1, interventionIds.length * 2));
    }
    InterventionId id = interventionIds[k];
    if (id == null) {
      id = InterventionId.of("I-" + k);
      interventionIds[k] = id;
    }
    return id;
  }

  void startIntervention(SimulatedCase c, SimulatedIntervention i) {
    c.active++;
    activeInterventions++;
    run.schedule(i.start + i.duration, Run.INTERVENTION_END, c, i, 0);
    deliver(c, i, true);
  }

  void endIntervention(SimulatedCase c, SimulatedIntervention i) {
    c.active--;
    activeInterventions--;
    c.running--;
    deliver(c, i, false);
    if (c.running == 0 && delivering(c)) {
      endImplementation(c);
    }
  }

  /** Records a start or completion now, or later if the case is back in planning or assessment meanwhile. */
  private void deliver(SimulatedCase c, SimulatedIntervention i, boolean start) {
    if (delivering(c)) {
      record(c, i, start, run.now);
    } else {
      if (c.deferred == null) {
        c.deferred = new ArrayList<>(4);
      }
      c.deferred.add(new Deferred(i, start, run.now));
    }
  }

  private void record(SimulatedCase c, SimulatedIntervention i, boolean start, double when) {
    LocalDate on = when == run.now ? run.today() : Run.day(when);
    Command delivery = start ? new Command.StartIntervention(i.id, on) : new Command.CompleteIntervention(i.id, on);
    if (i.representative == null) {
      issue(c, delivery);
    } else {
      issueAs(c, i.representative, delivery);
    }
  }

  private static boolean delivering(SimulatedCase c) {
    Phase phase = c.file.phase();
    return phase == Phase.IMPLEMENTATION || phase == Phase.MONITORING;
  }

  private void endImplementation(SimulatedCase c) {
    stats.modelEvent();
    c.epoch++; // no more reviews for this implementation
    boolean moved = c.file.phase() == Phase.MONITORING
        ? issue(c, new Command.StartEvaluation())
        : issue(c, new Command.RecordReview(run.today(), NO_FINDINGS, ReviewDecision.PROCEED_TO_EVALUATION));
    if (!moved) {
      stuck(c);
      return;
    }
    run.schedule(run.now + evaluation.sample(random), Run.EVALUATION_END, c, null, 0);
  }

  // ---------------------------------------------------------------- monitoring and evaluation

  /** A monitoring review of the implementation under way (the run drops reviews of an earlier one). */
  void review(SimulatedCase c) {
    if (random.nextDouble() < earlyClosure) {
      close(c, EARLY[random.nextInt(EARLY.length)]);
      return;
    }
    double u = random.nextDouble();
    ReviewDecision decision = u < adjustPlan ? ReviewDecision.ADJUST_PLAN
        : u < adjustPlan + reassess ? ReviewDecision.REASSESS
        : ReviewDecision.CONTINUE;
    if (!issue(c, new Command.RecordReview(run.today(), NO_FINDINGS, decision))) {
      stuck(c);
      return;
    }
    stats.modelEvent();
    switch (decision) {
      case CONTINUE -> run.schedule(run.now + reviewInterval, Run.REVIEW, c, null, c.epoch);
      case ADJUST_PLAN -> {
        c.epoch++;
        run.schedule(run.now + planning.sample(random), Run.PLANNING_END, c, null, 0);
      }
      case REASSESS -> {
        c.epoch++;
        requestManager(c);
      }
      default -> throw new IllegalStateException("unexpected decision " + decision);
    }
  }

  void endEvaluation(SimulatedCase c) {
    stats.modelEvent();
    boolean achieved = random.nextDouble() < goalsAchieved;
    PlanVersion plan = c.file.currentPlan().getOrNull();
    if (plan != null) {
      // The plan's goals in the order of their ids: the simulator gives every goal the id of its need.
      for (int k = 0; k < byGoalId.length; k++) {
        Goal g = plan.goal(goalIds[byGoalId[k]]).getOrNull();
        if (g != null && !g.isAchieved()) {
          issue(c, new Command.RecordOutcome(g.id(),
              achieved ? GoalAchievement.ACHIEVED : GoalAchievement.NOT_ACHIEVED));
        }
      }
    }
    if (achieved) {
      close(c, ClosureReason.GOALS_ACHIEVED);
      return;
    }
    if (!issue(c, new Command.Replan(GOALS_NOT_ACHIEVED))) {
      stuck(c);
      return;
    }
    Arrays.fill(c.planned, false); // the needs get new interventions in the new plan version
    run.schedule(run.now + planning.sample(random), Run.PLANNING_END, c, null, 0);
  }

  // ---------------------------------------------------------------- closure

  /** A required step was refused (and counted): the path cannot go on here, the case is referred elsewhere. */
  private void stuck(SimulatedCase c) {
    close(c, ClosureReason.TRANSFERRED);
  }

  private void close(SimulatedCase c, ClosureReason reason) {
    if (!countersigned(c, CommandKind.CLOSE_CASE)
        || !issue(c, new Command.CloseCase(reason, run.today(), SIMULATED_CLOSURE))) {
      throw new IllegalStateException("closing simulated case " + c.number + " was refused");
    }
    activeInterventions -= c.active;
    release(c);
    if (c.waiting) {
      c.waiting = false;
      waiting.remove(c);
    }
    run.discharge(c);
  }

  // ---------------------------------------------------------------- commands

  /**
   * Issues a command on the case: the case file decides it, and it is counted, accepted or refused by rule. The case
   * manager on the file issues it, as the permission table has it: the one who opened it until the hand-over to the
   * practitioner assigned, who issues everything after (and the intake desk again after a hand-back).
   */
  private boolean issue(SimulatedCase c, Command command) {
    return issueAs(c, c.file.caseManager(), command);
  }

  /** Issues a command on the case as a member of its team. */
  private boolean issueAs(SimulatedCase c, StaffId actor, Command command) {
    Rejection refusal = feed.apply(c, run.issued(actor), command);
    if (refusal != null) {
      stats.refused(refusal);
      return false;
    }
    stats.accepted();
    return true;
  }

}
