package org.casemgmt.simulation;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeMap;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.PlanVersion;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.ReviewDecision;

/**
 * One simulation run: a single-threaded event loop over a time-ordered queue. Each simulated case is a real
 * {@link CaseFile}; every step is a command handled by the case file's rules: {@link CaseFile#handle} when
 * nobody listens, {@link CaseFile#decide} then {@link CaseFile#evolve} when a listener streams the recorded
 * events (the same rules and the same evolution either way). Closed cases are dropped as soon as they close.
 *
 * <p><b>What the engine itself spends</b> is kept small, so that a run costs little more than its commands:
 * the future-event list ({@link Agenda}) files occurrences as primitives by day (no object per occurrence, a
 * small heap for the current day that stays in cache), naming its case by a slot of the table of open cases;
 * open cases are also an intrusive list, in arrival order; everything that does not change during a run (ids,
 * the singleton sets of a need or a goal, costs, profiles) is built once; the instant and the day of the current time are built once per
 * time, not per command; and with {@link SimulationListener#NONE} nothing is prepared for a listener (no
 * daily ticks, no event streaming). None of this touches a decision: every command is still built, decided
 * and applied, and a refusal is still counted by rule.
 */
final class Run {

  private static final long MS_PER_DAY = 86_400_000L;
  private static final long EPOCH_DAY = LocalDate.of(2026, 1, 1).toEpochDay();
  private static final long EPOCH_MS = EPOCH_DAY * MS_PER_DAY;
  private static final long PLAN_PERIOD_DAYS = 36_500;
  private static final StaffId INTAKE = StaffId.of("intake");
  private static final LocalDate BIRTH_DATE = LocalDate.of(1980, 1, 1);
  private static final ClosureReason[] EARLY = {
      ClosureReason.CLIENT_WITHDREW, ClosureReason.MOVED_AWAY, ClosureReason.UNREACHABLE};
  private static final Phase[] PHASES = Phase.values();
  private static final LoopBack[] LOOP_BACKS = LoopBack.values();
  private static final ClosureReason[] CLOSURE_REASONS = ClosureReason.values();
  private static final Map<org.casemgmt.plan.InterventionId, org.casemgmt.plan.Finding> NO_FINDINGS =
      HashMap.empty();
  private static final Set<GoalId> NO_GOALS = HashSet.empty();

  // Kinds of scheduled occurrences.
  private static final int ARRIVAL = 0;
  private static final int ASSESSMENT_END = 1;
  private static final int PLANNING_END = 2;
  private static final int REVIEW = 3;
  private static final int INTERVENTION_START = 4;
  private static final int INTERVENTION_END = 5;
  private static final int EVALUATION_END = 6;
  private static final int DAY = 7;
  private static final int KIND_BITS = 3;

  /** An intervention as the world delivers it; the case file records it (possibly later, see deferred). */
  private static final class SimIntervention {
    final int index;
    final InterventionId id;
    final double start;
    final double duration;

    SimIntervention(int index, InterventionId id, double start, double duration) {
      this.index = index;
      this.id = id;
      this.start = start;
      this.duration = duration;
    }
  }

  /** A start or completion delivered while the case was back in planning or assessment, recorded later. */
  private record Deferred(SimIntervention intervention, boolean start, double when) {}

  /** What the simulator knows about an open case besides its case file. */
  private static final class SimCase {
    final long number;
    final double arrivedAt;
    /** The case's place in the table of open cases, and how many cases held it before: scheduled occurrences
     * name the case by both, so those of a closed case are recognised after its slot is reused. */
    final int slot;
    final int generation;
    CaseFile file;
    Phase phase = Phase.INTAKE;
    double phaseSince;
    int manager = -1;
    boolean assessedOnce;
    boolean waiting;
    int epoch;
    int running;
    int active;
    int interventionCount;
    final boolean[] hasNeed;
    final boolean[] planned;
    final boolean[] goal;
    /** The day after the last window planned per need and service kind, or {@link Long#MIN_VALUE}. */
    long[] lastEndDay;
    ArrayList<Deferred> deferred;
    /** The interventions planned so far, by their number in the case ({@code I-k} at index k). */
    SimIntervention[] interventions;
    // The intrusive list of open cases, in arrival order.
    SimCase previous;
    SimCase next;

    SimCase(long number, double arrivedAt, int slot, int generation, int needs) {
      this.number = number;
      this.arrivedAt = arrivedAt;
      this.slot = slot;
      this.generation = generation;
      this.phaseSince = arrivedAt;
      this.hasNeed = new boolean[needs];
      this.planned = new boolean[needs];
      this.goal = new boolean[needs];
    }
  }

  private final Scenario scenario;
  private final RandomGenerator random;
  private final SimulationListener listener;
  /** False for {@link SimulationListener#NONE}: nothing is prepared for a listener that ignores everything. */
  private final boolean listening;
  private final ArrayDeque<SimCase> waiting = new ArrayDeque<>();
  private final int[] load;
  private final StaffId[] managerIds;
  private final Set<LifeDomain> scope;
  private final double horizon;
  private final int slots;
  private final int caseload;
  private final boolean releaseAfterAssessment;
  private final int reviewInterval;
  private final double earlyClosure;
  private final double adjustPlan;
  private final double reassess;
  private final double goalsAchieved;
  private final Distribution assessment;
  private final Distribution planning;
  private final Distribution evaluation;
  private final Seq<Double> arrivalDays;
  private final boolean explicitArrivals;
  private final double arrivalsPerDay;

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
  private final long[][] costCentsOf;
  private final int lastEndKeys;
  /** The needs in the order of their goal ids, the order outcomes are recorded in. */
  private final int[] byGoalId;
  private final ArrayList<SimIntervention> plannedNow = new ArrayList<>();
  private InterventionId[] interventionIds = new InterventionId[8];

  // The future-event list. An occurrence is its time, order << KIND_BITS | kind, slot << 32 | generation of its
  // case (-1 for none), and epoch << 32 | the number of its intervention (0 for none).
  private final Agenda agenda = new Agenda();
  private long order;

  // Open cases: a table by slot (free slots reused), and an intrusive list in arrival order.
  private SimCase[] cases = new SimCase[256];
  private int[] generations = new int[256];
  private int[] freeSlots = new int[256];
  private int freeCount;
  private int slotCount;
  private SimCase first;
  private SimCase last;
  private int openCount;

  // The current time, and what is built from it once per time rather than once per command.
  private double now;
  private double instantOf = Double.NaN;
  private Instant instant;
  private double todayOf = Double.NaN;
  private LocalDate today;
  private StaffId issuedBy;
  private Issued issued;

  // Statistics.
  private long arrived;
  private long closedCount;
  private long modelEvents;
  private long reviews;
  private long commandsAccepted;
  private long assessedCases;
  private double waitSum;
  private double timeInSystemSum;
  private final Histogram timesInSystem = new Histogram(0.25);
  private final double[] phaseStaySum = new double[PHASES.length];
  private final long[] phaseStayCount = new long[PHASES.length];
  private final long[] loopBacks = new long[LOOP_BACKS.length];
  private final long[] closures = new long[CLOSURE_REASONS.length];
  private final java.util.TreeMap<String, Long> rejections = new java.util.TreeMap<>();
  private long costCents;
  private int busy;
  private double busyArea;
  private double busySince;
  private double openArea;
  private double openSince;
  private int activeInterventions;
  private int explicitArrival;

  @SuppressWarnings("unchecked")
  Run(Scenario scenario, RandomGenerator random, SimulationListener listener) {
    this.scenario = scenario;
    this.random = random;
    this.listener = listener;
    this.listening = listener != SimulationListener.NONE;
    this.horizon = scenario.horizonDays();
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
    this.explicitArrivals = scenario.arrivalDays().isDefined();
    this.arrivalDays = scenario.arrivalDays().getOrElse(Vector.empty());
    this.arrivalsPerDay = scenario.arrivalsPerDay();
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
    this.costCentsOf = new long[count][];
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
      costCentsOf[n] = new long[profiles[n].length];
      for (int j = 0; j < profiles[n].length; j++) {
        // Windows of the same need and the same service kind follow one another: they share a key.
        int key = -1;
        for (int k = 0; k < j; k++) {
          if (profiles[n][k].service().code().equals(profiles[n][j].service().code())) {
            key = lastEndKey[n][k];
          }
        }
        lastEndKey[n][j] = key >= 0 ? key : keys++;
        costCentsOf[n][j] = profiles[n][j].cost().amount().movePointRight(2).longValueExact();
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

  SimulationResult execute() {
    scheduleNextArrival();
    if (listening) {
      schedule(0, DAY, null, null, 0); // daily ticks exist only to tell a listener
    } else {
      order++; // keeps the scheduling order of every other occurrence as it is with a listener
    }
    while (agenda.hasNext() && agenda.firstTime() <= horizon) {
      now = agenda.firstTime();
      int kind = (int) (agenda.firstKey() & ((1 << KIND_BITS) - 1));
      long subject = agenda.firstSubject();
      long detail = agenda.firstDetail();
      agenda.removeFirst();
      SimCase c = null;
      if (subject != -1) {
        int slot = (int) (subject >>> 32);
        if (generations[slot] != (int) subject) {
          continue; // the case closed early: what was scheduled for it no longer happens
        }
        c = cases[slot];
      }
      int aux = (int) detail;
      dispatch(kind, c, aux == 0 ? null : c.interventions[aux], (int) (detail >>> 32));
    }
    now = horizon;
    accrue();
    if (listening) {
      ArrayList<CaseFile> files = new ArrayList<>(openCount);
      for (SimCase c = first; c != null; c = c.next) {
        files.add(c.file);
      }
      listener.onEnd(Vector.ofAll(files));
    }
    return result();
  }

  // ---------------------------------------------------------------- the event loop

  private void dispatch(int kind, SimCase c, SimIntervention i, int epoch) {
    switch (kind) {
      case ARRIVAL -> arrive();
      case ASSESSMENT_END -> endAssessment(c);
      case PLANNING_END -> endPlanning(c);
      case REVIEW -> {
        if (epoch == c.epoch) {
          review(c);
        }
      }
      case INTERVENTION_START -> startIntervention(c, i);
      case INTERVENTION_END -> endIntervention(c, i);
      case EVALUATION_END -> endEvaluation(c);
      case DAY -> {
        listener.onDay(new DailyStatus((long) now, openCount, waiting.size(), activeInterventions));
        schedule(now + 1, DAY, null, null, 0);
      }
      default -> throw new IllegalStateException("unknown occurrence " + kind);
    }
  }

  private void scheduleNextArrival() {
    if (explicitArrivals) {
      if (explicitArrival < arrivalDays.size()) {
        schedule(arrivalDays.get(explicitArrival++), ARRIVAL, null, null, 0);
      }
    } else if (arrivalsPerDay > 0) {
      schedule(now - Math.log(1.0 - random.nextDouble()) / arrivalsPerDay, ARRIVAL, null, null, 0);
    }
  }

  // ---------------------------------------------------------------- the future-event list

  /** Schedules an occurrence; ties in time are broken by scheduling order, so runs are deterministic. */
  private void schedule(double time, int kind, SimCase c, SimIntervention intervention, int epoch) {
    agenda.add(time, (order++ << KIND_BITS) | kind,
        c == null ? -1 : ((long) c.slot << 32) | (c.generation & 0xFFFF_FFFFL),
        ((long) epoch << 32) | (intervention == null ? 0 : intervention.index));
  }

  // ---------------------------------------------------------------- intake and the case-manager pool

  private void arrive() {
    modelEvents++;
    arrived++;
    scheduleNextArrival();
    long n = arrived;
    int slot = newSlot();
    SimCase c = new SimCase(n, now, slot, generations[slot], needIds.length);
    cases[slot] = c;
    Issued opener = issued(INTAKE);
    Command.OpenCase opening = new Command.OpenCase(CaseId.of("CASE-" + n),
        Client.of(ClientId.of("C-" + n), "Simulated client " + n, BIRTH_DATE), Option.none(), scope, today());
    if (listening) {
      Either<Rejection, Seq<RecordedEvent>> decided = CaseFile.decideOpening(opener, opening);
      if (decided.isLeft()) {
        throw refusedOpening(decided.swap().map(Rejection::rule).getOrElse("?"));
      }
      Seq<RecordedEvent> events = decided.getOrElse(List.empty());
      c.file = CaseFile.replay(events).getOrElseThrow(h -> new IllegalStateException(h.toString()));
      for (RecordedEvent e : events) {
        listener.onEvent(e);
      }
    } else {
      // The same decision and evolution, without the history check replay makes: decide just numbered them.
      Either<Rejection, CaseFile> opened = CaseFile.open(opener, opening);
      if (opened.isLeft()) {
        throw refusedOpening(opened.swap().map(Rejection::rule).getOrElse("?"));
      }
      c.file = opened.getOrNull();
    }
    commandsAccepted++;
    accrue();
    c.previous = last;
    if (last == null) {
      first = c;
    } else {
      last.next = c;
    }
    last = c;
    openCount++;
    requestManager(c);
  }

  private int newSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotCount == cases.length) {
      cases = Arrays.copyOf(cases, slotCount * 2);
      generations = Arrays.copyOf(generations, slotCount * 2);
      freeSlots = Arrays.copyOf(freeSlots, slotCount * 2);
    }
    return slotCount++;
  }

  private void freeSlot(int slot) {
    cases[slot] = null;
    generations[slot]++;
    freeSlots[freeCount++] = slot;
  }

  private static IllegalStateException refusedOpening(String rule) {
    return new IllegalStateException("opening a simulated case was refused: " + rule);
  }

  private void requestManager(SimCase c) {
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

  private void assign(SimCase c) {
    for (int m = 0; m < load.length; m++) {
      if (load[m] < caseload) {
        accrue();
        load[m]++;
        busy++;
        c.manager = m;
        startAssessment(c);
        return;
      }
    }
    throw new IllegalStateException("no free place although " + busy + " < " + slots);
  }

  private void release(SimCase c) {
    if (c.manager < 0) {
      return;
    }
    accrue();
    load[c.manager]--;
    busy--;
    c.manager = -1;
    while (busy < slots && !waiting.isEmpty()) {
      SimCase next = waiting.poll();
      next.waiting = false;
      assign(next);
    }
  }

  /** Keeps the time integrals of busy places and open cases up to date before either changes. */
  private void accrue() {
    busyArea += busy * (now - busySince);
    busySince = now;
    openArea += openCount * (now - openSince);
    openSince = now;
  }

  // ---------------------------------------------------------------- assessment

  private void startAssessment(SimCase c) {
    modelEvents++;
    if (!c.assessedOnce) {
      c.assessedOnce = true;
      assessedCases++;
      waitSum += now - c.arrivedAt;
    }
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
        if (issue(c, new Command.RecordNeed(needIds[n], needDomains[n], "Simulated need",
            needPriorities[n], IdentifiedBy.CASE_MANAGER))) {
          c.hasNeed[n] = true;
        }
      }
    }
    schedule(now + assessment.sample(random), ASSESSMENT_END, c, null, 0);
  }

  private void endAssessment(SimCase c) {
    modelEvents++;
    if (releaseAfterAssessment) {
      release(c);
    }
    if (!hasOpenNeed(c)) {
      close(c, ClosureReason.NO_NEEDS_IDENTIFIED);
      return;
    }
    // After a reassessment the new plan version carries the live interventions over: keep the period they lie in.
    PlanVersion plan = c.file.currentPlan().getOrNull();
    LocalDate periodStart = plan == null ? today() : plan.period().start();
    if (!issue(c, new Command.CompleteAssessment())
        || !issue(c, new Command.StartPlanning(DayWindow.ofDays(periodStart, PLAN_PERIOD_DAYS),
            Priority.LOW))) {
      stuck(c);
      return;
    }
    schedule(now + planning.sample(random), PLANNING_END, c, null, 0);
  }

  /**
   * Whether the case file holds an open need: what {@code openNeeds().isEmpty()} says, without filtering and
   * sorting every need. Needs only enter a case file through the simulator's {@code RecordNeed}s, with the ids
   * of {@link #needIds} it marked in {@code hasNeed}, so looking those up asks the case file about all of them.
   */
  private boolean hasOpenNeed(SimCase c) {
    for (int n = 0; n < needIds.length; n++) {
      if (c.hasNeed[n] && c.file.need(needIds[n]).exists(Need::isOpen)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- planning and implementation

  private void endPlanning(SimCase c) {
    modelEvents++;
    LocalDate today = today();
    for (int n = 0; n < needIds.length; n++) {
      if (c.hasNeed[n] && !c.goal[n]) {
        c.goal[n] = issue(c, new Command.AddGoal(goalIds[n], needSets[n], "Simulated goal",
            "Simulated target", today.plusDays(reviewInterval * 3L)));
      }
    }
    ArrayList<SimIntervention> planned = plannedNow;
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
        double start = previousEnd == Long.MIN_VALUE ? now : Math.max(now, previousEnd - EPOCH_DAY);
        long startDay = EPOCH_DAY + (long) Math.floor(start);
        long endDay = EPOCH_DAY + (long) Math.floor(start + duration) + 1;
        InterventionId id = interventionId(++c.interventionCount);
        Set<GoalId> goals = c.goal[n] ? goalSets[n] : NO_GOALS;
        if (issue(c, new Command.PlanIntervention(id, needSets[n], goals, p.provider(),
            p.service(), DayWindow.of(LocalDate.ofEpochDay(startDay), LocalDate.ofEpochDay(endDay)), p.cost()))) {
          if (c.lastEndDay == null) {
            c.lastEndDay = new long[lastEndKeys];
            Arrays.fill(c.lastEndDay, Long.MIN_VALUE);
          }
          c.lastEndDay[key] = endDay;
          costCents += costCentsOf[n][j];
          SimIntervention planned1 = new SimIntervention(c.interventionCount, id, start, duration);
          if (c.interventions == null) {
            c.interventions = new SimIntervention[Math.max(4, c.interventionCount + 1)];
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
        issue(c, new Command.DeferNeed(need, "No intervention could be planned"));
      }
    }
    if (!issue(c, new Command.RecordAgreement(today))
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
      SimIntervention i = planned.get(k);
      c.running++;
      if (i.start <= now) {
        startIntervention(c, i);
      } else {
        schedule(i.start, INTERVENTION_START, c, i, 0);
      }
    }
    planned.clear();
    if (c.running == 0) {
      endImplementation(c);
    } else {
      schedule(now + reviewInterval, REVIEW, c, null, c.epoch);
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

  private void startIntervention(SimCase c, SimIntervention i) {
    c.active++;
    activeInterventions++;
    schedule(i.start + i.duration, INTERVENTION_END, c, i, 0);
    deliver(c, i, true);
  }

  private void endIntervention(SimCase c, SimIntervention i) {
    c.active--;
    activeInterventions--;
    c.running--;
    deliver(c, i, false);
    if (c.running == 0 && delivering(c)) {
      endImplementation(c);
    }
  }

  /** Records a start or completion now, or later if the case is back in planning or assessment meanwhile. */
  private void deliver(SimCase c, SimIntervention i, boolean start) {
    if (delivering(c)) {
      record(c, i, start, now);
    } else {
      if (c.deferred == null) {
        c.deferred = new ArrayList<>(4);
      }
      c.deferred.add(new Deferred(i, start, now));
    }
  }

  private void record(SimCase c, SimIntervention i, boolean start, double when) {
    LocalDate on = when == now ? today() : day(when);
    issue(c, start ? new Command.StartIntervention(i.id, on)
        : new Command.CompleteIntervention(i.id, on));
  }

  private static boolean delivering(SimCase c) {
    Phase phase = c.file.phase();
    return phase == Phase.IMPLEMENTATION || phase == Phase.MONITORING;
  }

  private void endImplementation(SimCase c) {
    modelEvents++;
    c.epoch++; // no more reviews for this implementation
    boolean moved = c.file.phase() == Phase.MONITORING
        ? issue(c, new Command.StartEvaluation())
        : issue(c, new Command.RecordReview(today(), NO_FINDINGS, ReviewDecision.PROCEED_TO_EVALUATION));
    if (!moved) {
      stuck(c);
      return;
    }
    schedule(now + evaluation.sample(random), EVALUATION_END, c, null, 0);
  }

  // ---------------------------------------------------------------- monitoring and evaluation

  private void review(SimCase c) {
    if (random.nextDouble() < earlyClosure) {
      close(c, EARLY[random.nextInt(EARLY.length)]);
      return;
    }
    double u = random.nextDouble();
    ReviewDecision decision = u < adjustPlan ? ReviewDecision.ADJUST_PLAN
        : u < adjustPlan + reassess ? ReviewDecision.REASSESS
        : ReviewDecision.CONTINUE;
    if (!issue(c, new Command.RecordReview(today(), NO_FINDINGS, decision))) {
      stuck(c);
      return;
    }
    modelEvents++;
    reviews++;
    switch (decision) {
      case CONTINUE -> schedule(now + reviewInterval, REVIEW, c, null, c.epoch);
      case ADJUST_PLAN -> {
        loopBacks[LoopBack.ADJUST_PLAN.ordinal()]++;
        c.epoch++;
        schedule(now + planning.sample(random), PLANNING_END, c, null, 0);
      }
      case REASSESS -> {
        loopBacks[LoopBack.REASSESS.ordinal()]++;
        c.epoch++;
        requestManager(c);
      }
      default -> throw new IllegalStateException("unexpected decision " + decision);
    }
  }

  private void endEvaluation(SimCase c) {
    modelEvents++;
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
    if (!issue(c, new Command.Replan("Goals not achieved at evaluation"))) {
      stuck(c);
      return;
    }
    loopBacks[LoopBack.REPLAN.ordinal()]++;
    Arrays.fill(c.planned, false); // the needs get new interventions in the new plan version
    schedule(now + planning.sample(random), PLANNING_END, c, null, 0);
  }

  // ---------------------------------------------------------------- closure

  /** A required step was refused (and counted): the path cannot go on here, the case is referred elsewhere. */
  private void stuck(SimCase c) {
    close(c, ClosureReason.TRANSFERRED);
  }

  private void close(SimCase c, ClosureReason reason) {
    if (!issue(c, new Command.CloseCase(reason, today(), "Simulated closure"))) {
      throw new IllegalStateException("closing simulated case " + c.number + " was refused");
    }
    closedCount++;
    closures[reason.ordinal()]++;
    double time = now - c.arrivedAt;
    timeInSystemSum += time;
    timesInSystem.add(time);
    activeInterventions -= c.active;
    release(c);
    if (c.waiting) {
      c.waiting = false;
      waiting.remove(c);
    }
    accrue();
    unlink(c);
    freeSlot(c.slot);
    if (listening) {
      listener.onCaseClosed(c.file);
    }
  }

  private void unlink(SimCase c) {
    if (c.previous == null) {
      first = c.next;
    } else {
      c.previous.next = c.next;
    }
    if (c.next == null) {
      last = c.previous;
    } else {
      c.next.previous = c.previous;
    }
    c.previous = null;
    c.next = null;
    openCount--;
  }

  // ---------------------------------------------------------------- commands

  /** Decides a command on the case file and applies its events; a refusal is counted by rule. */
  private boolean issue(SimCase c, Command command) {
    Issued stamp = issued(c);
    if (listening) {
      // The listener streams the recorded events: decide, then evolve with them.
      Either<Rejection, Seq<RecordedEvent>> decided = c.file.decide(stamp, command);
      if (decided.isLeft()) {
        return refused(decided.swap().getOrNull());
      }
      Seq<RecordedEvent> events = decided.getOrNull();
      c.file = c.file.evolve(events);
      for (RecordedEvent e : events) {
        listener.onEvent(e);
      }
    } else {
      // The same rules and the same evolution, without materialising the events nobody reads.
      Either<Rejection, CaseFile> handled = c.file.handle(stamp, command);
      if (handled.isLeft()) {
        return refused(handled.swap().getOrNull());
      }
      c.file = handled.getOrNull();
    }
    commandsAccepted++;
    Phase phase = c.file.phase();
    if (phase != c.phase) {
      int p = c.phase.ordinal();
      phaseStaySum[p] += now - c.phaseSince;
      phaseStayCount[p]++;
      c.phase = phase;
      c.phaseSince = now;
    }
    return true;
  }

  /** Counts a refusal by its rule; the command had no effect. */
  private boolean refused(Rejection rejection) {
    rejections.merge(rejection.rule(), 1L, Long::sum);
    return false;
  }

  private Issued issued(SimCase c) {
    return issued(c.manager >= 0 ? managerIds[c.manager] : c.file.caseManager());
  }

  /** Who issues a command now; the same actor at the same time gets the same (immutable) value. */
  private Issued issued(StaffId actor) {
    if (issued == null || actor != issuedBy || instantOf != now) {
      issuedBy = actor;
      issued = Issued.by(actor, instant());
    }
    return issued;
  }

  private Instant instant() {
    if (instantOf != now) {
      instantOf = now;
      instant = Instant.ofEpochMilli(EPOCH_MS + Math.round(now * MS_PER_DAY));
    }
    return instant;
  }

  private LocalDate today() {
    if (todayOf != now) {
      todayOf = now;
      today = day(now);
    }
    return today;
  }

  /** The day of an instant of simulated time, consistent with the instant a command carries. */
  private static LocalDate day(double time) {
    return LocalDate.ofEpochDay(Math.floorDiv(EPOCH_MS + Math.round(time * MS_PER_DAY), MS_PER_DAY));
  }

  // ---------------------------------------------------------------- the result

  private SimulationResult result() {
    Map<Phase, Double> perPhase = TreeMap.empty();
    for (int p = 0; p < PHASES.length; p++) {
      if (phaseStayCount[p] > 0) {
        perPhase = perPhase.put(PHASES[p], phaseStaySum[p] / phaseStayCount[p]);
      }
    }
    Map<LoopBack, Long> loops = TreeMap.empty();
    for (int k = 0; k < LOOP_BACKS.length; k++) {
      if (loopBacks[k] > 0) {
        loops = loops.put(LOOP_BACKS[k], loopBacks[k]);
      }
    }
    Map<ClosureReason, Long> reasons = TreeMap.empty();
    for (int k = 0; k < CLOSURE_REASONS.length; k++) {
      if (closures[k] > 0) {
        reasons = reasons.put(CLOSURE_REASONS[k], closures[k]);
      }
    }
    return new SimulationResult(
        horizon, arrived, closedCount, openCount,
        closedCount == 0 ? 0 : timeInSystemSum / closedCount,
        timesInSystem.quantile(0.5), timesInSystem.quantile(0.9), timesInSystem.quantile(0.95),
        perPhase,
        assessedCases == 0 ? 0 : waitSum / assessedCases,
        busyArea / (slots * horizon),
        openArea / horizon,
        loops,
        reviews,
        reasons,
        new Money(BigDecimal.valueOf(costCents, 2)),
        TreeMap.ofAll(rejections),
        modelEvents,
        commandsAccepted);
  }
}
