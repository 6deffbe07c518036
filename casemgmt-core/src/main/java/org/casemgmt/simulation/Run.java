package org.casemgmt.simulation;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Issued;
import org.casemgmt.internal.Projections;
import org.casemgmt.internal.Trusted;
import org.casemgmt.party.StaffId;
import org.casemgmt.service.ServiceProjection;

/**
 * One simulation run: a single-threaded event loop over a time-ordered queue, and its clock. Each simulated case
 * is a real {@link CaseFile}; at each of its occurrences the loop hands the case to the {@link Practitioner},
 * which issues the commands the case file decides and schedules what comes next here. Every event goes through the
 * {@link ListenerFeed} into the run's service projection (and to a listener); what is not an event is counted by
 * {@link RunStatistics}, which makes the result of both. Closed cases are dropped as soon as they close.
 *
 * <p><b>What the engine itself spends</b> is kept small, so that a run costs little more than its commands:
 * the future-event list ({@link Agenda}) files occurrences as primitives by day (no object per occurrence, a
 * small heap for the current day that stays in cache), naming its case by a slot of the table of open cases;
 * open cases are also an intrusive list, in arrival order; the instant and the day of the current time are built
 * once per time, not per command; and with {@link SimulationListener#NONE} nothing is prepared for a listener (no
 * daily ticks, no event streaming). The four parts are final classes that call one another directly: no
 * interface between them, nothing allocated to pass an occurrence from one to the other. None of this touches a
 * decision: every command is still built, decided and applied, and a refusal is still counted by rule.
 */
final class Run {

  private static final long MS_PER_DAY = 86_400_000L;
  /** Simulated time 0 is the start of this day. */
  static final long EPOCH_DAY = LocalDate.of(2026, 1, 1).toEpochDay();
  private static final long EPOCH_MS = EPOCH_DAY * MS_PER_DAY;

  // Kinds of scheduled occurrences.
  static final int ARRIVAL = 0;
  static final int ASSESSMENT_END = 1;
  static final int PLANNING_END = 2;
  static final int REVIEW = 3;
  static final int INTERVENTION_START = 4;
  static final int INTERVENTION_END = 5;
  static final int EVALUATION_END = 6;
  static final int DAY = 7;
  private static final int KIND_BITS = 3;

  private final RandomGenerator random;
  private final ListenerFeed feed;
  private final RunStatistics stats;
  private final Practitioner practitioner;
  /** The run's service projection, built in place from every event and frozen at the horizon. */
  private final ServiceProjection projection;
  private final double horizon;
  private final Seq<Double> arrivalDays;
  private final boolean explicitArrivals;
  private final double arrivalsPerDay;
  private int explicitArrival;

  // The future-event list. An occurrence is its time, order << KIND_BITS | kind, slot << 32 | generation of its
  // case (-1 for none), and epoch << 32 | the number of its intervention (0 for none).
  private final Agenda agenda = new Agenda();
  private long order;

  // Open cases: a table by slot (free slots reused), and an intrusive list in arrival order.
  private SimulatedCase[] cases = new SimulatedCase[256];
  private int[] generations = new int[256];
  private int[] freeSlots = new int[256];
  private int freeCount;
  private int slotCount;
  private SimulatedCase first;
  private SimulatedCase last;
  private int openCount;

  // The current time, and what is built from it once per time rather than once per command.
  /** The current simulated time, in days. */
  double now;
  private double instantOf = Double.NaN;
  private Instant instant;
  private double todayOf = Double.NaN;
  private LocalDate today;
  private StaffId issuedBy;
  private Issued issued;

  Run(Scenario scenario, RandomGenerator random, SimulationListener listener) {
    this.random = random;
    this.feed = new ListenerFeed(listener);
    this.stats = new RunStatistics();
    this.practitioner = new Practitioner(scenario, this, random, feed, stats);
    this.projection = Projections.draft(practitioner.serviceSettings(Instant.ofEpochMilli(EPOCH_MS)));
    feed.project(projection);
    this.horizon = scenario.horizonDays();
    this.explicitArrivals = scenario.arrivalDays().isDefined();
    this.arrivalDays = scenario.arrivalDays().getOrElse(Vector.empty());
    this.arrivalsPerDay = scenario.arrivalsPerDay();
  }

  SimulationResult execute() {
    scheduleNextArrival();
    if (feed.listening) {
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
      SimulatedCase c = null;
      if (subject != -1) {
        int slot = (int) (subject >>> 32);
        if (generations[slot] != (int) subject) {
          continue; // the case closed early: what was scheduled for it no longer happens
        }
        c = cases[slot];
      }
      int aux = (int) detail;
      // A step that issues several commands on its case applies them to one transient case file (as handleAll
      // does), frozen when the step ends or, before that, when the case closes and is handed to the listener.
      boolean batch = kind == ASSESSMENT_END || kind == PLANNING_END || kind == EVALUATION_END;
      if (batch) {
        c.file = Trusted.draft(c.file);
      }
      dispatch(kind, c, aux == 0 ? null : c.interventions[aux], (int) (detail >>> 32));
      if (batch) {
        c.file = Trusted.freeze(c.file);
      }
    }
    now = horizon;
    feed.end(first, openCount);
    return stats.result(horizon, Projections.freeze(projection), instant());
  }

  // ---------------------------------------------------------------- the event loop

  private void dispatch(int kind, SimulatedCase c, SimulatedIntervention i, int epoch) {
    switch (kind) {
      case ARRIVAL -> arrive();
      case ASSESSMENT_END -> practitioner.endAssessment(c);
      case PLANNING_END -> practitioner.endPlanning(c);
      case REVIEW -> {
        if (epoch == c.epoch) {
          practitioner.review(c);
        }
      }
      case INTERVENTION_START -> practitioner.startIntervention(c, i);
      case INTERVENTION_END -> practitioner.endIntervention(c, i);
      case EVALUATION_END -> practitioner.endEvaluation(c);
      case DAY -> {
        feed.day((long) now, openCount, practitioner.waitingForManager(), practitioner.activeInterventions());
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

  /** Schedules an occurrence; ties in time are broken by scheduling order, so runs are deterministic. */
  void schedule(double time, int kind, SimulatedCase c, SimulatedIntervention intervention, int epoch) {
    agenda.add(time, (order++ << KIND_BITS) | kind,
        c == null ? -1 : ((long) c.slot << 32) | (c.generation & 0xFFFF_FFFFL),
        ((long) epoch << 32) | (intervention == null ? 0 : intervention.index));
  }

  // ---------------------------------------------------------------- open cases

  /** A client arrives: the next arrival is scheduled, the case takes a slot, is opened and asks for a manager. */
  private void arrive() {
    long n = stats.arrival();
    scheduleNextArrival();
    int slot = newSlot();
    SimulatedCase c = new SimulatedCase(n, slot, generations[slot], practitioner.needCount());
    cases[slot] = c;
    practitioner.open(c);
    c.previous = last;
    if (last == null) {
      first = c;
    } else {
      last.next = c;
    }
    last = c;
    openCount++;
    practitioner.requestManager(c);
  }

  /** A case has closed: it leaves the open cases, its slot is freed (what was scheduled for it is dropped). */
  void discharge(SimulatedCase c) {
    unlink(c);
    freeSlot(c.slot);
    c.file = Trusted.freeze(c.file);
    feed.caseClosed(c.file);
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

  private void unlink(SimulatedCase c) {
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

  // ---------------------------------------------------------------- the clock

  /** Who issues a command now; the same actor at the same time gets the same (immutable) value. */
  Issued issued(StaffId actor) {
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

  /** {@return the calendar day of the current time} */
  LocalDate today() {
    if (todayOf != now) {
      todayOf = now;
      today = day(now);
    }
    return today;
  }

  /** The day of an instant of simulated time, consistent with the instant a command carries. */
  static LocalDate day(double time) {
    return LocalDate.ofEpochDay(Math.floorDiv(EPOCH_MS + Math.round(time * MS_PER_DAY), MS_PER_DAY));
  }
}
