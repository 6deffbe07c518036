package org.casemgmt.service;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeMap;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import org.casemgmt.InputError;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Overdue;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.PlanVersion;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.internal.Check;
import org.casemgmt.internal.Projections;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReferralStatus;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.ServiceKind;

/**
 * The service's view across its cases: a pure fold over the recorded events of many cases, in the order they were
 * stored. It answers what monitoring asks of a whole service (seed 001: "feedback on the work, a progressive
 * picture of the costs of services") — caseloads and the waiting list, what is overdue on a day, costs by provider,
 * service kind and month against the plans' caps, outcomes by life domain, loop-back rates, time spent in each
 * phase, and the clients served by open interventions of one kind in more than one case.
 *
 * <pre>{@code
 * ServiceProjection service = ServiceProjection.empty(ServiceSettings.of(30, 10));
 * for (RecordedEvent event : newEvents) {
 *   service = service.apply(event);        // one event at a time, as they are stored
 * }
 * service.overdue(LocalDate.of(2026, 6, 1));   // ids and days, across every open case
 * service.timeInPhase().get(Phase.ASSESSMENT); // count, mean, median, 90th percentile
 * }</pre>
 *
 * <p><b>One definition.</b> The projection keeps each open case's {@link CaseFile} (built from the events, as
 * {@link CaseFile#evolve} does), so a case's overdue items, costs and interventions are exactly what the case
 * file answers; what happened over time (stays in phases, waits, closures, outcomes, reviews) is counted as the
 * events arrive. The simulation computes its summary with this projection too, so real and simulated services are
 * measured the same way.
 *
 * <p><b>Incremental and batch.</b> {@link #apply} answers a new projection and leaves this one as it was;
 * {@link #of} folds many events through one transient projection. Both give equal projections ({@code equals})
 * for the same events. Events of one case must come in their order, from its {@code CaseOpened}, without gaps or
 * repeats; cases may interleave. A projection is not thread-safe to build but, once built, is immutable.
 *
 * <p><b>Time.</b> Durations are measured between the events' instants, in days. Time averages (open cases,
 * utilisation) run from {@link ServiceSettings#observedFrom()} (or the first event) to the instant asked about, so
 * they need the events of all cases in the order they happened — a store's global order, not one case after
 * another: an event stamped earlier than one before it adds no time, and {@link #lateEvents()} counts such events.
 * Questions about a day ({@link #overdue}, {@link #costs}) take a day on or after the last event's.
 *
 * <p><b>Privacy.</b> Answers hold ids, days, amounts and counts, never a name or a free text; {@link #toString()}
 * shows counts only.
 */
public final class ServiceProjection {

  private static final double MS_PER_DAY = 86_400_000.0;
  private static final Phase[] PHASES = Phase.values();
  private static final ClosureReason[] REASONS = ClosureReason.values();
  private static final ReviewDecision[] DECISIONS = ReviewDecision.values();
  private static final LifeDomain[] DOMAINS = LifeDomain.values();
  private static final GoalAchievement[] ACHIEVEMENTS = GoalAchievement.values();
  private static final int TIME_IN_SYSTEM = PHASES.length;
  private static final int WAIT = PHASES.length + 1;

  static {
    Projections.register(new Projections.Access() {
      @Override
      public ServiceProjection draft(ServiceSettings settings) {
        return ServiceProjection.empty(settings).draft();
      }

      @Override
      public Object accept(ServiceProjection draft, Object tracked, CaseId caseId, long sequence, Instant at,
          CaseEvent event, CaseFile after) {
        return draft.accept(caseId, sequence, at.toEpochMilli(), event, after, null, tracked);
      }

      @Override
      public ServiceProjection freeze(ServiceProjection draft) {
        return draft.freeze();
      }
    });
  }

  /**
   * What the projection keeps of one case: its file, and what it must compare the next event's file with, kept
   * apart from the file (the simulation's steps change a transient file in place): its version, phase, whether it
   * is closed, its case manager and whether they hold it in a counted caseload, when it opened, since when it is in
   * its phase, and whether it was assessed. A transient projection changes the ones it owns in place; an immutable
   * one replaces them.
   */
  private static final class Tracked {
    private CaseFile file;
    private long version;
    private Phase phase;
    private boolean closed;
    private boolean held;
    private StaffId manager;
    private final long openedMs;
    private long phaseSince;
    private boolean assessed;

    Tracked(CaseFile file, long version, Phase phase, boolean closed, boolean held, StaffId manager, long openedMs,
        long phaseSince, boolean assessed) {
      this.file = file;
      this.manager = manager;
      this.version = version;
      this.phase = phase;
      this.closed = closed;
      this.held = held;
      this.openedMs = openedMs;
      this.phaseSince = phaseSince;
      this.assessed = assessed;
    }

    Tracked copy() {
      return new Tracked(file, version, phase, closed, held, manager, openedMs, phaseSince, assessed);
    }

    CaseFile file() {
      return file;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Tracked t && file.equals(t.file) && version == t.version && phase == t.phase
          && closed == t.closed && held == t.held && manager.equals(t.manager) && openedMs == t.openedMs && phaseSince == t.phaseSince
          && assessed == t.assessed;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(version) * 31 + Long.hashCode(openedMs);
    }
  }

  private final ServiceSettings settings;
  /** The case managers whose places count, for a constant-time look-up per event. */
  private final java.util.Set<StaffId> places;
  /** True while a transient projection is built in place (never handed out before {@link #freeze}). */
  private boolean draft;
  private HashMap<CaseId, Tracked> cases;
  private java.util.HashMap<CaseId, Tracked> draftCases;
  /** The costs of the closed cases whose files were dropped; shared with earlier projections until changed. */
  private CostTable closedCosts;
  private boolean ownsClosedCosts;
  private long events;
  private long opened;
  private long replans;
  private long reopenings;
  private long[] closures;
  private long[] reviews;
  private long[] entries;
  private long[] outcomes;
  /** A tally per phase, then time in system, then wait for a case manager. */
  private Tally[] tallies;
  /** Which tallies this projection owns (may change in place); the others it shares with an earlier one. */
  private long ownedTallies;
  private int openNow;
  private int heldNow;
  private double openArea;
  private double heldArea;
  private long fromMs;
  private long lastMs;
  /** The first and the latest instant of an event folded (Long.MIN_VALUE before any), and the events stamped
   * before one folded earlier. */
  private long firstEventMs = Long.MIN_VALUE;
  private long lastEventMs = Long.MIN_VALUE;
  private long lateEvents;

  private ServiceProjection(ServiceSettings settings) {
    this.settings = settings;
    this.places = java.util.Set.copyOf(settings.capacity().keySet().toJavaSet());
    this.cases = HashMap.empty();
    this.closedCosts = new CostTable();
    this.closures = new long[REASONS.length];
    this.reviews = new long[DECISIONS.length];
    this.entries = new long[PHASES.length];
    this.outcomes = new long[DOMAINS.length * ACHIEVEMENTS.length];
    this.tallies = new Tally[PHASES.length + 2];
    for (int k = 0; k < tallies.length; k++) {
      tallies[k] = new Tally();
    }
    this.ownedTallies = 0; // shared by nobody yet, but copied on first change all the same
    this.fromMs = settings.observedFrom().map(Instant::toEpochMilli).getOrElse(Long.MIN_VALUE);
    this.lastMs = fromMs;
  }

  private ServiceProjection(ServiceProjection from) {
    this.settings = from.settings;
    this.places = from.places;
    this.cases = from.cases;
    this.closedCosts = from.closedCosts;
    this.ownsClosedCosts = false;
    this.events = from.events;
    this.opened = from.opened;
    this.replans = from.replans;
    this.reopenings = from.reopenings;
    this.closures = from.closures.clone();
    this.reviews = from.reviews.clone();
    this.entries = from.entries.clone();
    this.outcomes = from.outcomes.clone();
    this.tallies = from.tallies.clone();
    this.ownedTallies = 0;
    this.openNow = from.openNow;
    this.heldNow = from.heldNow;
    this.openArea = from.openArea;
    this.heldArea = from.heldArea;
    this.fromMs = from.fromMs;
    this.lastMs = from.lastMs;
    this.firstEventMs = from.firstEventMs;
    this.lastEventMs = from.lastEventMs;
    this.lateEvents = from.lateEvents;
  }

  /**
   * A projection of no events.
   *
   * @param settings the service's settings
   * @return the empty projection
   * @throws InvalidInputException if the settings are missing
   */
  public static ServiceProjection empty(ServiceSettings settings) {
    Check.orThrow(Check.present("settings", settings));
    return new ServiceProjection(settings);
  }

  /**
   * Folds events into a new projection in one pass, through one transient projection; equal to applying them one
   * by one to {@link #empty}.
   *
   * <pre>{@code ServiceProjection service = ServiceProjection.of(settings, events); // in the order they happened }</pre>
   *
   * @param settings the service's settings
   * @param events   recorded events of many cases, each case's in its order
   * @return the projection of the events
   * @throws InvalidInputException if an argument or an event is missing, or an event cannot follow its case as
   *     the projection holds it (see {@link #apply})
   */
  public static ServiceProjection of(ServiceSettings settings, Iterable<RecordedEvent> events) {
    Check.orThrow(Check.present("settings", settings), Check.present("events", events));
    return empty(settings).applyAll(events);
  }

  /**
   * The projection after one more event; this projection does not change.
   *
   * @param event the next recorded event
   * @return the new projection
   * @throws InvalidInputException if the event is missing; if it opens a case the projection holds; if its case
   *     was never opened here, or was closed and dropped ({@link ServiceSettings#keepClosedCases} false); if it is
   *     not the case's next event; or if it cannot follow the case file (as {@link CaseFile#evolve})
   */
  public ServiceProjection apply(RecordedEvent event) {
    Check.orThrow(Check.present("event", event));
    ServiceProjection next = new ServiceProjection(this);
    next.accept(event);
    return next.published();
  }

  /**
   * The fields are not final (a transient projection changes them in place), so what a projection was built with
   * is released before it is handed out, as a final field's would be: another thread that receives it, even
   * through a data race, sees it whole.
   */
  private ServiceProjection published() {
    java.lang.invoke.VarHandle.releaseFence();
    return this;
  }

  /**
   * The projection after more events, built through one transient projection; this projection does not change.
   *
   * @param events the next recorded events
   * @return the new projection
   * @throws InvalidInputException as {@link #apply}, naming the first event that cannot be applied; nothing is
   *     half-applied (this projection stays as it was)
   */
  public ServiceProjection applyAll(Iterable<RecordedEvent> events) {
    Check.orThrow(Check.present("events", events));
    ServiceProjection next = new ServiceProjection(this).draft();
    long position = 0;
    for (RecordedEvent event : events) {
      if (event == null) {
        throw new InvalidInputException(List.of(new InputError("events", InputError.Problem.NULL_ELEMENT,
            "event " + position + " is null")));
      }
      next.accept(event);
      position++;
    }
    return next.freeze();
  }

  /** Makes this fresh copy a transient projection that changes in place. */
  private ServiceProjection draft() {
    draft = true;
    draftCases = new java.util.HashMap<>(Math.max(16, cases.size() * 2));
    cases.forEach((id, t) -> draftCases.put(id, t.copy()));
    closedCosts = closedCosts.copy();
    ownsClosedCosts = true;
    for (int k = 0; k < tallies.length; k++) {
      tallies[k] = tallies[k].copy();
    }
    ownedTallies = -1L;
    return this;
  }

  /** Ends a transient projection: it becomes immutable (a later change copies it). */
  private ServiceProjection freeze() {
    if (draft) {
      cases = HashMap.ofAll(draftCases);
      draftCases = null;
      draft = false;
      ownsClosedCosts = false;
      ownedTallies = 0;
    }
    return published();
  }

  // ---------------------------------------------------------------- the fold

  private Tracked tracked(CaseId id) {
    return draft ? draftCases.get(id) : cases.get(id).getOrNull();
  }

  private void track(CaseId id, Tracked t) {
    if (draft) {
      draftCases.put(id, t);
    } else {
      cases = cases.put(id, t);
    }
  }

  private void forget(CaseId id) {
    if (draft) {
      draftCases.remove(id);
    } else {
      cases = cases.remove(id);
    }
  }

  private Tally tally(int k) {
    long bit = 1L << k;
    if ((ownedTallies & bit) == 0) {
      tallies[k] = tallies[k].copy();
      ownedTallies |= bit;
    }
    return tallies[k];
  }

  private void accept(RecordedEvent e) {
    accept(e.caseId(), e.sequence(), e.at().toEpochMilli(), e.event(), null, e, null);
  }

  /**
   * Applies one event in place. {@code given} is the case file after the event when the caller already has it
   * (the simulation, which just decided the event on that file; {@code recorded} is then null); otherwise the
   * file is built here from {@code recorded}. {@code known} is what this transient projection keeps of the case,
   * when the caller kept it from the last call (the simulation keeps it with its case, sparing a look-up); the
   * answer is what to keep for the next event, null once the case is dropped.
   */
  private Object accept(CaseId id, long sequence, long ms, CaseEvent event, CaseFile given, RecordedEvent recorded,
      Object known) {
    Tracked t = known != null && draft ? (Tracked) known : tracked(id);
    if (event instanceof CaseEvent.CaseOpened) {
      if (t != null) {
        throw cannotApply(id, sequence, event, "the case was opened before");
      }
      CaseFile file = given != null ? given : CaseFile.replayTrusted(List.of(recorded))
          .getOrElseThrow(problem -> cannotApply(id, sequence, event, problem.problem().name()));
      accrue(ms);
      events++;
      opened++;
      entries[file.phase().ordinal()]++;
      openNow++;
      boolean held = held(file);
      heldNow += held ? 1 : 0;
      Tracked opened = new Tracked(file, file.version(), file.phase(), false, held, file.caseManager(), ms, ms,
          file.phase() == Phase.ASSESSMENT);
      track(id, opened);
      return opened;
    }
    if (t == null) {
      throw cannotApply(id, sequence, event, settings.keepClosedCases() ? "the case was not opened before"
          : "the case was not opened before, or was closed and its file dropped (keepClosedCases is false)");
    }
    if (sequence != t.version + 1) {
      throw cannotApply(id, sequence, event, "the case's next event is number " + (t.version + 1));
    }
    CaseFile after = given != null ? given : t.file().evolve(List.of(recorded));
    accrue(ms);
    events++;
    long since = t.phaseSince;
    boolean assessed = t.assessed;
    Phase from = t.phase;
    Phase to = after.phase();
    if (to != from) {
      if (from != Phase.CLOSED) { // the time a case spent closed before it was reopened is no stay in a phase
        tally(from.ordinal()).add((ms - since) / MS_PER_DAY);
      }
      since = ms;
      entries[to.ordinal()]++;
      if (to == Phase.ASSESSMENT && !assessed) {
        tally(WAIT).add((ms - t.openedMs) / MS_PER_DAY);
        assessed = true;
      }
    }
    boolean closed = after.isClosed();
    // Whether a case manager with places holds the case: it changes only with the manager or the closure.
    StaffId manager = after.caseManager();
    boolean held = closed ? false : manager == t.manager && !t.closed ? t.held : held(after);
    openNow += (closed ? 0 : 1) - (t.closed ? 0 : 1);
    heldNow += (held ? 1 : 0) - (t.held ? 1 : 0);
    switch (event.kind()) {
      case REVIEW_RECORDED -> reviews[((CaseEvent.ReviewRecorded) event).decision().ordinal()]++;
      case REPLANNING_STARTED -> replans++;
      case CASE_REOPENED -> reopenings++;
      case OUTCOME_RECORDED -> outcome(after, (CaseEvent.OutcomeRecorded) event);
      case CASE_CLOSED -> {
        closures[((CaseEvent.CaseClosed) event).reason().ordinal()]++;
        tally(TIME_IN_SYSTEM).add((ms - t.openedMs) / MS_PER_DAY);
      }
      default -> {
        // every other event changes only the case file
      }
    }
    if (closed && !settings.keepClosedCases()) {
      if (!ownsClosedCosts) {
        closedCosts = closedCosts.copy();
        ownsClosedCosts = true;
      }
      closedCosts.addCase(after, finalDay(after));
      forget(id);
      return null;
    } else if (draft) {
      t.file = after;
      t.version = sequence;
      t.phase = to;
      t.closed = closed;
      t.held = held;
      t.manager = manager;
      t.phaseSince = since;
      t.assessed = assessed;
      return t;
    } else {
      Tracked next = new Tracked(after, sequence, to, closed, held, manager, t.openedMs, since, assessed);
      track(id, next);
      return next;
    }
  }

  private boolean held(CaseFile file) {
    return !file.isClosed() && places.contains(file.caseManager());
  }

  /** Adds the time since the last event at the levels until now; time never runs backwards here. */
  private void accrue(long ms) {
    if (fromMs == Long.MIN_VALUE) {
      fromMs = ms;
      lastMs = ms;
    }
    if (firstEventMs == Long.MIN_VALUE) {
      firstEventMs = ms;
      lastEventMs = ms;
    } else if (ms < lastEventMs) {
      lateEvents++;
    } else {
      lastEventMs = ms;
    }
    if (ms > lastMs) {
      double days = (ms - lastMs) / MS_PER_DAY;
      openArea += openNow * days;
      heldArea += heldNow * days;
      lastMs = ms;
    }
  }

  private void outcome(CaseFile after, CaseEvent.OutcomeRecorded o) {
    Goal goal = after.currentPlan().flatMap(plan -> plan.goal(o.goal())).getOrNull();
    if (goal == null) {
      return; // evolve refuses an outcome for a goal the plan does not hold
    }
    long seen = 0; // domains counted, as bits (fewer than 64 life domains)
    for (NeedId need : goal.needs()) {
      Need n = after.need(need).getOrNull();
      long bit = n == null ? 0 : 1L << n.domain().ordinal();
      if (n != null && (seen & bit) == 0) {
        seen |= bit;
        outcomes[n.domain().ordinal() * ACHIEVEMENTS.length + o.achievement().ordinal()]++;
      }
    }
  }

  private static InvalidInputException cannotApply(CaseId id, long sequence, CaseEvent event, String why) {
    // Ids, numbers and the rule only: never the event's content.
    return new InvalidInputException(List.of(new InputError("event", InputError.Problem.MALFORMED,
        "event " + sequence + " of case " + id.value() + " (" + event.kind() + ") cannot be applied: " + why)));
  }

  // ---------------------------------------------------------------- what happened

  /** {@return the settings the projection was built with} */
  public ServiceSettings settings() {
    return settings;
  }

  /** {@return how many events the projection has folded} */
  public long eventCount() {
    return events;
  }

  /** {@return how many cases were opened} */
  public long opened() {
    return opened;
  }

  /** {@return how many cases are open now} */
  public int openCount() {
    return openNow;
  }

  /** {@return how many closures happened (a case reopened and closed again counts twice)} */
  public long closed() {
    return java.util.Arrays.stream(closures).sum();
  }

  /** {@return closures by reason (reasons with none left out)} */
  public Map<ClosureReason, Long> closures() {
    Map<ClosureReason, Long> byReason = TreeMap.empty();
    for (ClosureReason reason : REASONS) {
      if (closures[reason.ordinal()] > 0) {
        byReason = byReason.put(reason, closures[reason.ordinal()]);
      }
    }
    return byReason;
  }

  /** {@return the days from a case's opening to its closure, over the closures} */
  public DurationSummary timeInSystem() {
    return tallies[TIME_IN_SYSTEM].summary();
  }

  /** {@return the days from a case's opening to the start of its first assessment, over the cases assessed} */
  public DurationSummary waitForManager() {
    return tallies[WAIT].summary();
  }

  /**
   * The days of one stay in each phase, over the stays that ended (phases with none left out). A stay ends when
   * the case moves to another phase; a suspension does not end it; the time a case spent closed before it was
   * reopened is not counted.
   *
   * @return the stays by phase
   */
  public Map<Phase, DurationSummary> timeInPhase() {
    Map<Phase, DurationSummary> byPhase = TreeMap.empty();
    for (Phase phase : PHASES) {
      if (tallies[phase.ordinal()].count() > 0) {
        byPhase = byPhase.put(phase, tallies[phase.ordinal()].summary());
      }
    }
    return byPhase;
  }

  /** {@return how often cases went back in the methodology, with the counts each rate is a share of} */
  public LoopBacks loopBacks() {
    Map<ReviewDecision, Long> byDecision = TreeMap.empty();
    for (ReviewDecision decision : DECISIONS) {
      if (reviews[decision.ordinal()] > 0) {
        byDecision = byDecision.put(decision, reviews[decision.ordinal()]);
      }
    }
    return new LoopBacks(byDecision, entries[Phase.EVALUATION.ordinal()], replans, closed(), reopenings);
  }

  /**
   * Goal outcomes recorded, by the life domains of the needs each goal addresses (a goal for needs in two domains
   * counts in both), and by outcome.
   *
   * @return the outcomes by domain and achievement (empty cells left out)
   */
  public Map<LifeDomain, Map<GoalAchievement, Long>> outcomes() {
    Map<LifeDomain, Map<GoalAchievement, Long>> byDomain = TreeMap.empty();
    for (LifeDomain domain : DOMAINS) {
      Map<GoalAchievement, Long> row = TreeMap.empty();
      for (GoalAchievement achievement : ACHIEVEMENTS) {
        long n = outcomes[domain.ordinal() * ACHIEVEMENTS.length + achievement.ordinal()];
        if (n > 0) {
          row = row.put(achievement, n);
        }
      }
      if (!row.isEmpty()) {
        byDomain = byDomain.put(domain, row);
      }
    }
    return byDomain;
  }

  /**
   * The time-average number of open cases from the start of observation to an instant (the L of Little's law).
   *
   * @param until the end of the period, not before the last event
   * @return the average, 0 for an empty period
   * @throws InvalidInputException if the instant is missing, out of range, or before the last event
   */
  public double meanOpenCases(Instant until) {
    return average(until, openArea, openNow, 1);
  }

  /**
   * The share of the case managers' places ({@link ServiceSettings#capacity()}) taken by the open cases they hold,
   * averaged over time from the start of observation to an instant.
   *
   * @param until the end of the period, not before the last event
   * @return the share, 0 when there are no places or the period is empty
   * @throws InvalidInputException if the instant is missing, out of range, or before the last event
   */
  public double utilisation(Instant until) {
    long places = settings.totalCapacity();
    return places == 0 ? 0 : average(until, heldArea, heldNow, places);
  }

  private double average(Instant until, double area, int level, long per) {
    Check.orThrow(Check.instant("until", until));
    long end = until.toEpochMilli();
    if (end < lastMs) {
      throw new InvalidInputException(List.of(new InputError("until", InputError.Problem.OUT_OF_RANGE,
          "must not be before the last event (" + Instant.ofEpochMilli(lastMs) + ")")));
    }
    if (fromMs == Long.MIN_VALUE || end <= fromMs) {
      return 0;
    }
    double total = area + level * ((end - lastMs) / MS_PER_DAY);
    return total / (per * ((end - fromMs) / MS_PER_DAY));
  }

  /**
   * {@return the instant of the first event folded, if any} (Time averages start there unless
   * {@link ServiceSettings#observedFrom()} says otherwise.)
   */
  public Option<Instant> firstEventAt() {
    return firstEventMs == Long.MIN_VALUE ? Option.none() : Option.some(Instant.ofEpochMilli(firstEventMs));
  }

  /** {@return the latest instant of an event folded, if any: the day questions about a day may start from} */
  public Option<Instant> lastEventAt() {
    return lastEventMs == Long.MIN_VALUE ? Option.none() : Option.some(Instant.ofEpochMilli(lastEventMs));
  }

  /**
   * {@return how many events were stamped before an event folded earlier} They add no time to the time averages,
   * which need the events of all cases in the order they happened (a store's global order, not case by case): a
   * count above zero says the averages are not to be trusted.
   */
  public long lateEvents() {
    return lateEvents;
  }

  /** A day asked about is a supported day, not before the last event's (UTC). */
  private void checkDay(LocalDate asOf) {
    Check.orThrow(Check.day("asOf", asOf));
    if (lastEventMs != Long.MIN_VALUE) {
      LocalDate last = LocalDate.ofEpochDay(Math.floorDiv(lastEventMs, 86_400_000L));
      if (asOf.isBefore(last)) {
        throw new InvalidInputException(List.of(new InputError("asOf", InputError.Problem.OUT_OF_RANGE,
            "must not be before the day of the last event (" + last + ")")));
      }
    }
  }

  // ---------------------------------------------------------------- the open cases now

  private Iterable<Tracked> all() {
    return draft ? draftCases.values() : cases.values();
  }

  private java.util.List<CaseFile> openFiles() {
    ArrayList<CaseFile> open = new ArrayList<>();
    for (Tracked t : all()) {
      if (!t.file().isClosed()) {
        open.add(t.file());
      }
    }
    open.sort(Comparator.comparing(CaseFile::id));
    return open;
  }

  /** {@return the ids of the open cases, in id order} */
  public Seq<CaseId> openCases() {
    return Vector.ofAll(openFiles()).map(CaseFile::id);
  }

  /**
   * The open cases each case manager holds, and their phases (the waiting list's holder included, if they hold
   * any).
   *
   * @return one caseload per case manager with an open case, in staff-id order
   */
  public Seq<Caseload> caseloads() {
    java.util.TreeMap<StaffId, int[]> counts = new java.util.TreeMap<>();
    for (CaseFile file : openFiles()) {
      counts.computeIfAbsent(file.caseManager(), m -> new int[PHASES.length])[file.phase().ordinal()]++;
    }
    return Vector.ofAll(counts.entrySet()).map(entry -> {
      Map<Phase, Integer> byPhase = TreeMap.empty();
      int open = 0;
      for (Phase phase : PHASES) {
        int n = entry.getValue()[phase.ordinal()];
        if (n > 0) {
          byPhase = byPhase.put(phase, n);
          open += n;
        }
      }
      return new Caseload(entry.getKey(), open, byPhase);
    });
  }

  /**
   * The cases waiting for a case manager: open, held by the waiting list's holder ({@link
   * ServiceSettings#waitingList()}), and before or in assessment; in the order they were opened. Empty when the
   * service has no waiting list.
   *
   * @return the waiting cases' ids, first come first
   */
  public Seq<CaseId> waitingList() {
    if (settings.waitingList().isEmpty()) {
      return Vector.empty();
    }
    StaffId holder = settings.waitingList().getOrNull();
    return Vector.ofAll(openFiles())
        .filter(f -> f.caseManager().equals(holder)
            && (f.phase() == Phase.INTAKE || f.phase() == Phase.ASSESSMENT))
        .sortBy(f -> f.openedAt().toEpochMilli())
        .map(CaseFile::id);
  }

  /**
   * Everything overdue across the open cases on a day: each case file's own answer ({@link CaseFile#overdue} with
   * the service's review interval) and the referrals not answered within {@link
   * ServiceSettings#referralAnswerDays()} of their request.
   *
   * @param asOf the day to look at, on or after the last event's day
   * @return the cases with something overdue, in case-id order
   * @throws InvalidInputException if the day is missing, unsupported, or before the last event's day
   */
  public Seq<OverdueCase> overdue(LocalDate asOf) {
    checkDay(asOf);
    ArrayList<OverdueCase> late = new ArrayList<>();
    for (CaseFile file : openFiles()) {
      Overdue overdue = file.overdue(asOf, settings.reviewIntervalDays());
      Seq<ReferralId> unanswered = file.referrals().values()
          .filter(r -> r.status() == ReferralStatus.REQUESTED
              && r.requestedOn().plusDays(settings.referralAnswerDays()).isBefore(asOf))
          .map(Referral::id).toVector().sorted();
      if (!overdue.isEmpty() || !unanswered.isEmpty()) {
        late.add(new OverdueCase(file.id(), file.caseManager(), overdue, unanswered));
      }
    }
    return Vector.ofAll(late);
  }

  /**
   * The service's costs by provider, kind of service and month, up to a day (see {@link CostLine}): every case the
   * projection has seen, closed ones included.
   *
   * @param asOf the day to look at, on or after the last event's day (a closed case counts with its final figures)
   * @return the cells with a cost, by provider, service code and month
   * @throws InvalidInputException if the day is missing, unsupported, or before the last event's day
   */
  public Seq<CostLine> costs(LocalDate asOf) {
    checkDay(asOf);
    CostTable table = closedCosts.copy();
    for (Tracked t : all()) {
      table.addCase(t.file(), asOf);
    }
    return table.lines();
  }

  /**
   * The cost of every intervention not cancelled, in every case the projection has seen (closed ones included).
   *
   * @return the committed cost
   */
  public Money committedCost() {
    BigDecimal sum = closedCosts.committed();
    for (Tracked t : all()) {
      PlanVersion plan = t.file().currentPlan().getOrNull();
      if (plan != null) {
        sum = sum.add(plan.plannedCost().amount());
      }
    }
    return new Money(sum);
  }

  /**
   * The open cases with a budget cap on their current plan: their caps and what their plans commit.
   *
   * @return the budget use
   */
  public BudgetUse budget() {
    int capped = 0;
    Money caps = Money.ZERO;
    Money committed = Money.ZERO;
    for (CaseFile file : openFiles()) {
      PlanVersion plan = file.currentPlan().getOrNull();
      if (plan != null && plan.budgetCap().isDefined()) {
        capped++;
        caps = caps.plus(plan.budgetCap().getOrElse(Money.ZERO));
        committed = committed.plus(plan.plannedCost());
      }
    }
    return new BudgetUse(capped, caps, committed);
  }

  /**
   * Clients served by open interventions (planned, active or suspended) of one kind in more than one open case.
   *
   * @return each such client and kind, by client id and service code
   */
  public Seq<Fragmentation> fragmentation() {
    java.util.TreeMap<ClientId, java.util.TreeMap<String, java.util.TreeMap<CaseId, java.util.TreeSet<InterventionId>>>>
        byClient = new java.util.TreeMap<>();
    java.util.HashMap<String, ServiceKind> kinds = new java.util.HashMap<>();
    for (CaseFile file : openFiles()) {
      PlanVersion plan = file.currentPlan().getOrNull();
      if (plan == null) {
        continue;
      }
      for (Intervention i : plan.interventions().values()) {
        if (i.status() == InterventionStatus.COMPLETED || i.status() == InterventionStatus.CANCELLED) {
          continue;
        }
        kinds.putIfAbsent(i.kind().code(), i.kind());
        byClient.computeIfAbsent(file.client().id(), c -> new java.util.TreeMap<>())
            .computeIfAbsent(i.kind().code(), k -> new java.util.TreeMap<>())
            .computeIfAbsent(file.id(), c -> new java.util.TreeSet<>())
            .add(i.id());
      }
    }
    ArrayList<Fragmentation> found = new ArrayList<>();
    byClient.forEach((client, byKind) -> byKind.forEach((code, byCase) -> {
      if (byCase.size() > 1) {
        Map<CaseId, Seq<InterventionId>> where = TreeMap.empty();
        for (java.util.Map.Entry<CaseId, java.util.TreeSet<InterventionId>> c : byCase.entrySet()) {
          where = where.put(c.getKey(), Vector.ofAll(c.getValue()));
        }
        found.add(new Fragmentation(client, kinds.get(code), where));
      }
    }));
    return Vector.ofAll(found);
  }

  // ---------------------------------------------------------------- costs of one case

  /** The last day anything of a closed case accrues: its closing day or a later end of an intervention. */
  private static LocalDate finalDay(CaseFile file) {
    LocalDate last = file.closingReport().map(r -> r.closedOn()).getOrElse(file.openedOn());
    PlanVersion plan = file.currentPlan().getOrNull();
    if (plan != null) {
      for (Intervention i : plan.interventions().values()) {
        LocalDate end = i.endedOn().getOrNull();
        if (end != null && end.isAfter(last)) {
          last = end;
        }
      }
    }
    return last;
  }

  // ---------------------------------------------------------------- value

  /** Equal when built from equal settings and the same events (whether in one pass or one at a time). */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ServiceProjection that)) {
      return false;
    }
    return settings.equals(that.settings) && events == that.events && opened == that.opened
        && replans == that.replans && reopenings == that.reopenings && openNow == that.openNow
        && heldNow == that.heldNow && fromMs == that.fromMs && lastMs == that.lastMs
        && firstEventMs == that.firstEventMs && lastEventMs == that.lastEventMs && lateEvents == that.lateEvents
        && Double.compare(openArea, that.openArea) == 0 && Double.compare(heldArea, that.heldArea) == 0
        && java.util.Arrays.equals(closures, that.closures) && java.util.Arrays.equals(reviews, that.reviews)
        && java.util.Arrays.equals(entries, that.entries) && java.util.Arrays.equals(outcomes, that.outcomes)
        && java.util.Arrays.equals(tallies, that.tallies)
        && casesAsMap().equals(that.casesAsMap())
        && closedCosts.equals(that.closedCosts);
  }

  private java.util.Map<CaseId, Tracked> casesAsMap() {
    return draft ? draftCases : cases.toJavaMap();
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(settings, events, opened, openNow, java.util.Arrays.hashCode(entries));
  }

  /** Counts only: never an id of a person, a name or a text. */
  @Override
  public String toString() {
    return "ServiceProjection[events=" + events + ", opened=" + opened + ", open=" + openNow + ", closed="
        + closed() + "]";
  }
}
