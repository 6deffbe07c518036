package org.casemgmt.simulation;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeMap;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.casefile.Issued;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
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
 * {@link CaseFile}; every step is a command decided by the case file's rules and applied with
 * {@link CaseFile#evolve} (decide then evolve is exactly what {@link CaseFile#handle} does; the run needs the
 * recorded event itself to stream it). Closed cases are dropped as soon as they close.
 */
final class Run {

  private static final long MS_PER_DAY = 86_400_000L;
  private static final long EPOCH_DAY = LocalDate.of(2026, 1, 1).toEpochDay();
  private static final long EPOCH_MS = EPOCH_DAY * MS_PER_DAY;
  private static final long PLAN_PERIOD_DAYS = 36_500;
  private static final StaffId INTAKE = StaffId.of("intake");
  private static final ClosureReason[] EARLY = {
      ClosureReason.CLIENT_WITHDREW, ClosureReason.MOVED_AWAY, ClosureReason.UNREACHABLE};

  // Kinds of scheduled occurrences.
  private static final int ARRIVAL = 0;
  private static final int ASSESSMENT_END = 1;
  private static final int PLANNING_END = 2;
  private static final int REVIEW = 3;
  private static final int INTERVENTION_START = 4;
  private static final int INTERVENTION_END = 5;
  private static final int EVALUATION_END = 6;
  private static final int DAY = 7;

  /** A scheduled occurrence; ties in time are broken by scheduling order, so runs are deterministic. */
  private record Occurrence(double time, long order, int kind, SimCase subject, SimIntervention intervention,
      int epoch) implements Comparable<Occurrence> {
    @Override
    public int compareTo(Occurrence o) {
      int byTime = Double.compare(time, o.time);
      return byTime != 0 ? byTime : Long.compare(order, o.order);
    }
  }

  /** An intervention as the world delivers it; the case file records it (possibly later, see deferred). */
  private static final class SimIntervention {
    final InterventionId id;
    final double start;
    final double duration;

    SimIntervention(InterventionId id, double start, double duration) {
      this.id = id;
      this.start = start;
      this.duration = duration;
    }
  }

  /** What the simulator knows about an open case besides its case file. */
  private static final class SimCase {
    final long number;
    final double arrivedAt;
    CaseFile file;
    Phase phase = Phase.INTAKE;
    double phaseSince;
    int manager = -1;
    boolean assessedOnce;
    boolean closed;
    int epoch;
    int running;
    int active;
    int interventionCount;
    final boolean[] hasNeed;
    final boolean[] planned;
    final boolean[] goal;
    final java.util.HashMap<String, Long> lastEndDay = new java.util.HashMap<>();
    final ArrayList<Object[]> deferred = new ArrayList<>();

    SimCase(long number, double arrivedAt, int needs) {
      this.number = number;
      this.arrivedAt = arrivedAt;
      this.phaseSince = arrivedAt;
      this.hasNeed = new boolean[needs];
      this.planned = new boolean[needs];
      this.goal = new boolean[needs];
    }
  }

  private final Scenario scenario;
  private final RandomGenerator random;
  private final SimulationListener listener;
  private final PriorityQueue<Occurrence> queue = new PriorityQueue<>();
  private final ArrayDeque<SimCase> waiting = new ArrayDeque<>();
  private final LinkedHashMap<Long, SimCase> open = new LinkedHashMap<>();
  private final int[] load;
  private final StaffId[] managerIds;
  private final NeedId[] needIds;
  private final GoalId[] goalIds;
  private final Set<LifeDomain> scope;
  private final double horizon;
  private final int slots;
  private long order;
  private double now;

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
  private final EnumMap<Phase, double[]> phaseStays = new EnumMap<>(Phase.class);
  private final EnumMap<LoopBack, Long> loopBacks = new EnumMap<>(LoopBack.class);
  private final EnumMap<ClosureReason, Long> closures = new EnumMap<>(ClosureReason.class);
  private final java.util.TreeMap<String, Long> rejections = new java.util.TreeMap<>();
  private long costCents;
  private int busy;
  private double busyArea;
  private double busySince;
  private double openArea;
  private double openSince;
  private int activeInterventions;
  private int explicitArrival;

  Run(Scenario scenario, RandomGenerator random, SimulationListener listener) {
    this.scenario = scenario;
    this.random = random;
    this.listener = listener;
    this.horizon = scenario.horizonDays();
    this.load = new int[scenario.managers()];
    this.slots = scenario.managers() * scenario.caseload();
    this.managerIds = new StaffId[scenario.managers()];
    for (int m = 0; m < managerIds.length; m++) {
      managerIds[m] = StaffId.of("CM-" + (m + 1));
    }
    int needs = scenario.needs().size();
    this.needIds = new NeedId[needs];
    this.goalIds = new GoalId[needs];
    for (int n = 0; n < needs; n++) {
      needIds[n] = NeedId.of("N-" + (n + 1));
      goalIds[n] = GoalId.of("G-" + (n + 1));
    }
    this.scope = HashSet.ofAll(scenario.needs().map(NeedProfile::domain));
  }

  SimulationResult execute() {
    scheduleNextArrival();
    schedule(0, DAY, null, null, 0);
    while (!queue.isEmpty() && queue.peek().time() <= horizon) {
      Occurrence o = queue.poll();
      now = o.time();
      dispatch(o);
    }
    now = horizon;
    accrue();
    listener.onEnd(Vector.ofAll(open.values()).map(c -> c.file));
    return result();
  }

  // ---------------------------------------------------------------- the event loop

  private void dispatch(Occurrence o) {
    SimCase c = o.subject();
    if (c != null && c.closed) {
      return; // the case closed early: what was scheduled for it no longer happens
    }
    switch (o.kind()) {
      case ARRIVAL -> arrive();
      case ASSESSMENT_END -> endAssessment(c);
      case PLANNING_END -> endPlanning(c);
      case REVIEW -> {
        if (o.epoch() == c.epoch) {
          review(c);
        }
      }
      case INTERVENTION_START -> startIntervention(c, o.intervention());
      case INTERVENTION_END -> endIntervention(c, o.intervention());
      case EVALUATION_END -> endEvaluation(c);
      case DAY -> {
        listener.onDay(new DailyStatus((long) now, open.size(), waiting.size(), activeInterventions));
        schedule(now + 1, DAY, null, null, 0);
      }
      default -> throw new IllegalStateException("unknown occurrence " + o.kind());
    }
  }

  private void schedule(double time, int kind, SimCase c, SimIntervention i, int epoch) {
    queue.add(new Occurrence(time, order++, kind, c, i, epoch));
  }

  private void scheduleNextArrival() {
    io.vavr.control.Option<Seq<Double>> days = scenario.arrivalDays();
    if (days.isDefined()) {
      Seq<Double> list = days.getOrElse(Vector.empty());
      if (explicitArrival < list.size()) {
        schedule(list.get(explicitArrival++), ARRIVAL, null, null, 0);
      }
    } else if (scenario.arrivalsPerDay() > 0) {
      schedule(now - Math.log(1.0 - random.nextDouble()) / scenario.arrivalsPerDay(), ARRIVAL, null, null, 0);
    }
  }

  // ---------------------------------------------------------------- intake and the case-manager pool

  private void arrive() {
    modelEvents++;
    arrived++;
    scheduleNextArrival();
    long n = arrived;
    SimCase c = new SimCase(n, now, needIds.length);
    CaseId id = CaseId.of("CASE-" + n);
    Command.OpenCase opening = new Command.OpenCase(issued(INTAKE), id,
        Client.of(ClientId.of("C-" + n), "Simulated client " + n, LocalDate.of(1980, 1, 1)), INTAKE, scope, today());
    Either<Rejection, Seq<RecordedEvent>> decided = CaseFile.decideOpening(opening);
    if (decided.isLeft()) {
      throw new IllegalStateException("opening a simulated case was refused: " + decided.swap().map(Rejection::rule));
    }
    Seq<RecordedEvent> events = decided.getOrElse(List.empty());
    c.file = CaseFile.replay(events).getOrElseThrow(h -> new IllegalStateException(h.toString()));
    commandsAccepted++;
    events.forEach(listener::onEvent);
    accrue();
    open.put(n, c);
    requestManager(c);
  }

  private void requestManager(SimCase c) {
    if (c.manager >= 0) {
      startAssessment(c); // the case keeps its place (held until closure): reassess at once
      return;
    }
    if (busy < slots) {
      assign(c);
    } else {
      waiting.add(c);
    }
  }

  private void assign(SimCase c) {
    int caseload = scenario.caseload();
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
      assign(waiting.poll());
    }
  }

  /** Keeps the time integrals of busy places and open cases up to date before either changes. */
  private void accrue() {
    busyArea += busy * (now - busySince);
    busySince = now;
    openArea += open.size() * (now - openSince);
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
    if (!c.file.caseManager().equals(manager) && !issue(c, new Command.HandOver(issued(c), manager))) {
      stuck(c);
      return;
    }
    if (c.file.phase() == Phase.INTAKE && !issue(c, new Command.StartAssessment(issued(c)))) {
      stuck(c);
      return;
    }
    Seq<NeedProfile> profiles = scenario.needs();
    for (int n = 0; n < needIds.length; n++) {
      if (!c.hasNeed[n] && random.nextDouble() < profiles.get(n).incidence()) {
        NeedProfile p = profiles.get(n);
        if (issue(c, new Command.RecordNeed(issued(c), needIds[n], p.domain(), "Simulated need", p.priority(),
            IdentifiedBy.CASE_MANAGER))) {
          c.hasNeed[n] = true;
        }
      }
    }
    schedule(now + scenario.assessment().sample(random), ASSESSMENT_END, c, null, 0);
  }

  private void endAssessment(SimCase c) {
    modelEvents++;
    if (scenario.managerHold() == ManagerHold.DURING_ASSESSMENT) {
      release(c);
    }
    if (c.file.openNeeds().isEmpty()) {
      close(c, ClosureReason.NO_NEEDS_IDENTIFIED);
      return;
    }
    // After a reassessment the new plan version carries the live interventions over: keep the period they lie in.
    LocalDate periodStart = c.file.currentPlan().map(p -> p.period().start()).getOrElse(today());
    if (!issue(c, new Command.CompleteAssessment(issued(c)))
        || !issue(c, new Command.StartPlanning(issued(c), DayWindow.ofDays(periodStart, PLAN_PERIOD_DAYS),
            org.casemgmt.need.Priority.LOW))) {
      stuck(c);
      return;
    }
    schedule(now + scenario.planning().sample(random), PLANNING_END, c, null, 0);
  }

  // ---------------------------------------------------------------- planning and implementation

  private void endPlanning(SimCase c) {
    modelEvents++;
    LocalDate today = today();
    Seq<NeedProfile> profiles = scenario.needs();
    for (int n = 0; n < needIds.length; n++) {
      if (c.hasNeed[n] && !c.goal[n]) {
        c.goal[n] = issue(c, new Command.AddGoal(issued(c), goalIds[n], HashSet.of(needIds[n]), "Simulated goal",
            "Simulated target", today.plusDays(scenario.reviewIntervalDays() * 3L)));
      }
    }
    ArrayList<SimIntervention> planned = new ArrayList<>();
    for (int n = 0; n < needIds.length; n++) {
      if (!c.hasNeed[n] || c.planned[n]) {
        continue;
      }
      c.planned[n] = true;
      for (InterventionProfile p : profiles.get(n).interventions()) {
        String key = n + "/" + p.service().code();
        double duration = p.duration().sample(random);
        Long previousEnd = c.lastEndDay.get(key);
        // Same need, same kind: start after the previous window, as a planner would, so the windows never overlap.
        double start = previousEnd == null ? now : Math.max(now, previousEnd - EPOCH_DAY);
        long startDay = EPOCH_DAY + (long) Math.floor(start);
        long endDay = EPOCH_DAY + (long) Math.floor(start + duration) + 1;
        InterventionId id = InterventionId.of("I-" + (++c.interventionCount));
        Set<GoalId> goals = c.goal[n] ? HashSet.of(goalIds[n]) : HashSet.empty();
        if (issue(c, new Command.PlanIntervention(issued(c), id, HashSet.of(needIds[n]), goals, p.provider(),
            p.service(), DayWindow.of(LocalDate.ofEpochDay(startDay), LocalDate.ofEpochDay(endDay)), p.cost()))) {
          c.lastEndDay.put(key, endDay);
          costCents += p.cost().amount().movePointRight(2).longValueExact();
          planned.add(new SimIntervention(id, start, duration));
        }
      }
    }
    // A need no intervention could be planned for (the rules refused them all) is deferred, consciously and on
    // the record, as a planner must before the plan can be approved.
    for (int n = 0; n < needIds.length; n++) {
      NeedId need = needIds[n];
      boolean uncovered = c.hasNeed[n] && c.file.currentPlan()
          .exists(p -> !p.covers(need) && !p.deferrals().containsKey(need));
      if (uncovered) {
        issue(c, new Command.DeferNeed(issued(c), need, "No intervention could be planned"));
      }
    }
    if (!issue(c, new Command.RecordAgreement(issued(c), today))
        || !issue(c, new Command.ApprovePlan(issued(c), today))
        || !issue(c, new Command.StartImplementation(issued(c)))) {
      stuck(c);
      return;
    }
    c.epoch++;
    // What was delivered while the plan was being revised is recorded now, in order, with its own day.
    ArrayList<Object[]> deferred = new ArrayList<>(c.deferred);
    c.deferred.clear();
    for (Object[] d : deferred) {
      record(c, (SimIntervention) d[0], (Boolean) d[1], (Double) d[2]);
    }
    for (SimIntervention i : planned) {
      c.running++;
      if (i.start <= now) {
        startIntervention(c, i);
      } else {
        schedule(i.start, INTERVENTION_START, c, i, 0);
      }
    }
    if (c.running == 0) {
      endImplementation(c);
    } else {
      schedule(now + scenario.reviewIntervalDays(), REVIEW, c, null, c.epoch);
    }
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
      c.deferred.add(new Object[] {i, start, now});
    }
  }

  private void record(SimCase c, SimIntervention i, boolean start, double when) {
    LocalDate on = day(when);
    issue(c, start ? new Command.StartIntervention(issued(c), i.id, on)
        : new Command.CompleteIntervention(issued(c), i.id, on));
  }

  private static boolean delivering(SimCase c) {
    return c.file.phase() == Phase.IMPLEMENTATION || c.file.phase() == Phase.MONITORING;
  }

  private void endImplementation(SimCase c) {
    modelEvents++;
    c.epoch++; // no more reviews for this implementation
    boolean moved = c.file.phase() == Phase.MONITORING
        ? issue(c, new Command.StartEvaluation(issued(c)))
        : issue(c, new Command.RecordReview(issued(c), today(), HashMap.empty(), ReviewDecision.PROCEED_TO_EVALUATION));
    if (!moved) {
      stuck(c);
      return;
    }
    schedule(now + scenario.evaluation().sample(random), EVALUATION_END, c, null, 0);
  }

  // ---------------------------------------------------------------- monitoring and evaluation

  private void review(SimCase c) {
    if (random.nextDouble() < scenario.earlyClosureProbability()) {
      close(c, EARLY[random.nextInt(EARLY.length)]);
      return;
    }
    double u = random.nextDouble();
    ReviewDecision decision = u < scenario.adjustPlanProbability() ? ReviewDecision.ADJUST_PLAN
        : u < scenario.adjustPlanProbability() + scenario.reassessProbability() ? ReviewDecision.REASSESS
        : ReviewDecision.CONTINUE;
    if (!issue(c, new Command.RecordReview(issued(c), today(), HashMap.empty(), decision))) {
      stuck(c);
      return;
    }
    modelEvents++;
    reviews++;
    switch (decision) {
      case CONTINUE -> schedule(now + scenario.reviewIntervalDays(), REVIEW, c, null, c.epoch);
      case ADJUST_PLAN -> {
        loopBacks.merge(LoopBack.ADJUST_PLAN, 1L, Long::sum);
        c.epoch++;
        schedule(now + scenario.planning().sample(random), PLANNING_END, c, null, 0);
      }
      case REASSESS -> {
        loopBacks.merge(LoopBack.REASSESS, 1L, Long::sum);
        c.epoch++;
        requestManager(c);
      }
      default -> throw new IllegalStateException("unexpected decision " + decision);
    }
  }

  private void endEvaluation(SimCase c) {
    modelEvents++;
    boolean achieved = random.nextDouble() < scenario.goalsAchievedProbability();
    Seq<Goal> goals = c.file.currentPlan().map(p -> p.goals().values().toList().sortBy(Goal::id))
        .getOrElse(List.empty());
    for (Goal g : goals) {
      if (!g.isAchieved()) {
        issue(c, new Command.RecordOutcome(issued(c), g.id(),
            achieved ? GoalAchievement.ACHIEVED : GoalAchievement.NOT_ACHIEVED));
      }
    }
    if (achieved) {
      close(c, ClosureReason.GOALS_ACHIEVED);
      return;
    }
    if (!issue(c, new Command.Replan(issued(c), "Goals not achieved at evaluation"))) {
      stuck(c);
      return;
    }
    loopBacks.merge(LoopBack.REPLAN, 1L, Long::sum);
    for (int n = 0; n < needIds.length; n++) {
      c.planned[n] = false; // the needs get new interventions in the new plan version
    }
    schedule(now + scenario.planning().sample(random), PLANNING_END, c, null, 0);
  }

  // ---------------------------------------------------------------- closure

  /** A required step was refused (and counted): the path cannot go on here, the case is referred elsewhere. */
  private void stuck(SimCase c) {
    close(c, ClosureReason.TRANSFERRED);
  }

  private void close(SimCase c, ClosureReason reason) {
    if (!issue(c, new Command.CloseCase(issued(c), reason, today(), "Simulated closure"))) {
      throw new IllegalStateException("closing simulated case " + c.number + " was refused");
    }
    c.closed = true;
    closedCount++;
    closures.merge(reason, 1L, Long::sum);
    double time = now - c.arrivedAt;
    timeInSystemSum += time;
    timesInSystem.add(time);
    activeInterventions -= c.active;
    release(c);
    waiting.remove(c);
    accrue();
    open.remove(c.number);
    listener.onCaseClosed(c.file);
  }

  // ---------------------------------------------------------------- commands

  /** Decides a command on the case file and applies its events; a refusal is counted by rule. */
  private boolean issue(SimCase c, Command command) {
    Either<Rejection, Seq<RecordedEvent>> decided = c.file.decide(command);
    if (decided.isLeft()) {
      rejections.merge(decided.swap().map(Rejection::rule).getOrElse("?"), 1L, Long::sum);
      return false;
    }
    Seq<RecordedEvent> events = decided.getOrElse(List.empty());
    c.file = c.file.evolve(events);
    commandsAccepted++;
    for (RecordedEvent e : events) {
      listener.onEvent(e);
    }
    Phase phase = c.file.phase();
    if (phase != c.phase) {
      double[] stays = phaseStays.computeIfAbsent(c.phase, p -> new double[2]);
      stays[0] += now - c.phaseSince;
      stays[1]++;
      c.phase = phase;
      c.phaseSince = now;
    }
    return true;
  }

  private Issued issued(SimCase c) {
    return issued(c.manager >= 0 ? managerIds[c.manager] : c.file.caseManager());
  }

  private Issued issued(StaffId actor) {
    return Issued.by(actor, Instant.ofEpochMilli(EPOCH_MS + Math.round(now * MS_PER_DAY)));
  }

  private LocalDate today() {
    return day(now);
  }

  /** The day of an instant of simulated time, consistent with the instant a command carries. */
  private static LocalDate day(double time) {
    return LocalDate.ofEpochDay(Math.floorDiv(EPOCH_MS + Math.round(time * MS_PER_DAY), MS_PER_DAY));
  }

  // ---------------------------------------------------------------- the result

  private SimulationResult result() {
    io.vavr.collection.Map<Phase, Double> perPhase = TreeMap.empty();
    for (java.util.Map.Entry<Phase, double[]> e : phaseStays.entrySet()) {
      perPhase = perPhase.put(e.getKey(), e.getValue()[0] / e.getValue()[1]);
    }
    return new SimulationResult(
        horizon, arrived, closedCount, open.size(),
        closedCount == 0 ? 0 : timeInSystemSum / closedCount,
        timesInSystem.quantile(0.5), timesInSystem.quantile(0.9), timesInSystem.quantile(0.95),
        perPhase,
        assessedCases == 0 ? 0 : waitSum / assessedCases,
        busyArea / (slots * horizon),
        openArea / horizon,
        TreeMap.ofAll(loopBacks),
        reviews,
        TreeMap.ofAll(closures),
        new Money(BigDecimal.valueOf(costCents, 2)),
        TreeMap.ofAll(rejections),
        modelEvents,
        commandsAccepted);
  }
}
