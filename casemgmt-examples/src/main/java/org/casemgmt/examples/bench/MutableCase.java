package org.casemgmt.examples.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * The baseline the benchmarks compare casemgmt with: the hand-written mutable case a team would write instead
 * of using a library — an enum phase, a {@code switch} over the command, {@code ArrayList}s, and the non-overlap
 * check as a scan. It implements exactly the guards of the table in {@code shared/BENCHMARKS.md} and nothing
 * more: no events, no history, no validation of input, no actor, no dates, no goals, no agreement.
 *
 * <p>The plan's interventions sit behind {@link Plan}, so the same case can be measured with the
 * {@linkplain #linear linear scan} of the reference lifecycle and with the {@linkplain #sorted sorted index}
 * (per need and kind a {@code TreeMap} by start day, only the neighbours checked) of the scaling workload.
 *
 * <pre>{@code
 * MutableCase c = MutableCase.linear("CASE-1");
 * boolean accepted = c.handle(Command.of(Op.START_ASSESSMENT)); // true: INTAKE -> ASSESSMENT
 * }</pre>
 */
public final class MutableCase {

  /** The phases of the reference workload. */
  enum Phase { INTAKE, ASSESSMENT, PLANNING, IMPLEMENTATION, MONITORING, EVALUATION, CLOSED }

  /** The two service kinds the workloads use. */
  enum Kind { COUNSELLING, HOUSING }

  /** The commands of the reference workload, after opening (opening is the constructor). */
  enum Op {
    START_ASSESSMENT, RECORD_NEED, FINISH_ASSESSMENT, START_PLANNING, ADD_INTERVENTION, APPROVE_PLAN,
    START_IMPLEMENTATION, START_INTERVENTION, MONITORING_REVIEW, START_EVALUATION, RECORD_OUTCOME, CLOSE_CASE
  }

  /**
   * An intervention: days as {@code int}, window half-open {@code [start, end)}.
   *
   * @param id       the intervention's number
   * @param need     the need's number
   * @param provider the provider's code (carried, never checked, as in the table)
   * @param kind     the service kind
   * @param start    the first day
   * @param end      the first day after the window
   */
  record Intervention(int id, int need, String provider, Kind kind, int start, int end) {}

  /**
   * A command: the operation, and its need number or intervention where it has one.
   *
   * @param op           what to do
   * @param need         the need for {@link Op#RECORD_NEED}
   * @param intervention the intervention for {@link Op#ADD_INTERVENTION} and {@link Op#START_INTERVENTION}
   */
  record Command(Op op, int need, Intervention intervention) {
    /** A command without arguments. */
    static Command of(Op op) {
      return new Command(op, 0, null);
    }
  }

  /** The interventions of the plan, with the id and non-overlap checks an add needs. */
  interface Plan {
    /** Adds the intervention unless its id is used or it intersects one of the same need and kind. */
    boolean addIfFree(Intervention intervention);

    /** Whether an intervention with this id is in the plan. */
    boolean contains(int id);

    /** The number of interventions in the plan. */
    int size();
  }

  /** The naive plan: one list, every add scans all of it (quadratic over a plan). */
  static final class LinearPlan implements Plan {
    private final ArrayList<Intervention> interventions = new ArrayList<>();

    @Override
    public boolean addIfFree(Intervention candidate) {
      for (int i = 0, n = interventions.size(); i < n; i++) {
        Intervention existing = interventions.get(i);
        if (existing.id == candidate.id) {
          return false;
        }
        if (existing.need == candidate.need && existing.kind == candidate.kind
            && existing.start < candidate.end && candidate.start < existing.end) {
          return false;
        }
      }
      interventions.add(candidate);
      return true;
    }

    @Override
    public boolean contains(int id) {
      for (int i = 0, n = interventions.size(); i < n; i++) {
        if (interventions.get(i).id == id) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int size() {
      return interventions.size();
    }
  }

  /**
   * The plan a careful programmer would write for large plans: ids in a hash set, and per need and kind a
   * {@code TreeMap} by start day. Within one key windows never overlap, so only the window starting at or
   * before the candidate's start and the next one can intersect it.
   */
  static final class SortedPlan implements Plan {
    private final HashSet<Integer> ids = new HashSet<>();
    private final Map<Long, TreeMap<Integer, Intervention>> byNeedAndKind = new HashMap<>();

    @Override
    public boolean addIfFree(Intervention candidate) {
      if (ids.contains(candidate.id)) {
        return false;
      }
      TreeMap<Integer, Intervention> slots =
          byNeedAndKind.computeIfAbsent(((long) candidate.need << 8) | candidate.kind.ordinal(), k -> new TreeMap<>());
      Map.Entry<Integer, Intervention> before = slots.floorEntry(candidate.start);
      if (before != null && before.getValue().end > candidate.start) {
        return false;
      }
      Map.Entry<Integer, Intervention> after = slots.higherEntry(candidate.start);
      if (after != null && after.getKey() < candidate.end) {
        return false;
      }
      slots.put(candidate.start, candidate);
      ids.add(candidate.id);
      return true;
    }

    @Override
    public boolean contains(int id) {
      return ids.contains(id);
    }

    @Override
    public int size() {
      return ids.size();
    }
  }

  private final String id;
  private final Plan plan;
  private final ArrayList<Integer> needs = new ArrayList<>(4);
  private final ArrayList<Integer> started = new ArrayList<>(8);
  private Phase phase = Phase.INTAKE;
  private boolean assessmentFinished;
  private boolean planApproved;
  private boolean outcomeRecorded;
  private int reviews;

  /** Opens a case (command 1 of the table): a new case in {@code INTAKE}. */
  private MutableCase(String id, Plan plan) {
    this.id = id;
    this.plan = plan;
  }

  /** Opens a case whose plan is checked by a linear scan (the reference lifecycle's baseline). */
  static MutableCase linear(String id) {
    return new MutableCase(id, new LinearPlan());
  }

  /** Opens a case whose plan is checked through a sorted index per need and kind. */
  static MutableCase sorted(String id) {
    return new MutableCase(id, new SortedPlan());
  }

  /** The case's id. */
  String id() {
    return id;
  }

  /** The case's phase. */
  Phase phase() {
    return phase;
  }

  /** The number of interventions in the plan. */
  int planSize() {
    return plan.size();
  }

  /**
   * Applies a command if its guard holds.
   *
   * @return whether the command was accepted; a refused command changes nothing
   */
  boolean handle(Command c) {
    switch (c.op) {
      case START_ASSESSMENT:
        if (phase != Phase.INTAKE) {
          return false;
        }
        phase = Phase.ASSESSMENT;
        return true;
      case RECORD_NEED:
        if (phase != Phase.ASSESSMENT || needs.contains(c.need)) {
          return false;
        }
        needs.add(c.need);
        return true;
      case FINISH_ASSESSMENT:
        if (phase != Phase.ASSESSMENT || needs.isEmpty()) {
          return false;
        }
        assessmentFinished = true;
        return true;
      case START_PLANNING:
        if (phase != Phase.ASSESSMENT || !assessmentFinished) {
          return false;
        }
        phase = Phase.PLANNING;
        return true;
      case ADD_INTERVENTION: {
        Intervention i = c.intervention;
        if (phase != Phase.PLANNING || i.start >= i.end || !needs.contains(i.need)) {
          return false;
        }
        return plan.addIfFree(i);
      }
      case APPROVE_PLAN:
        if (phase != Phase.PLANNING || plan.size() == 0) {
          return false;
        }
        planApproved = true;
        return true;
      case START_IMPLEMENTATION:
        if (phase != Phase.PLANNING || !planApproved) {
          return false;
        }
        phase = Phase.IMPLEMENTATION;
        return true;
      case START_INTERVENTION: {
        int interventionId = c.intervention.id;
        if (phase != Phase.IMPLEMENTATION || !plan.contains(interventionId) || started.contains(interventionId)) {
          return false;
        }
        started.add(interventionId);
        return true;
      }
      case MONITORING_REVIEW:
        if (phase == Phase.IMPLEMENTATION && !started.isEmpty()) {
          phase = Phase.MONITORING;
          reviews++;
          return true;
        }
        if (phase == Phase.MONITORING) {
          reviews++;
          return true;
        }
        return false;
      case START_EVALUATION:
        if (phase != Phase.MONITORING || reviews == 0) {
          return false;
        }
        phase = Phase.EVALUATION;
        return true;
      case RECORD_OUTCOME:
        if (phase != Phase.EVALUATION) {
          return false;
        }
        outcomeRecorded = true;
        return true;
      case CLOSE_CASE:
        if (phase != Phase.EVALUATION || !outcomeRecorded) {
          return false;
        }
        phase = Phase.CLOSED;
        return true;
      default:
        throw new IllegalArgumentException("unknown command " + c.op);
    }
  }
}
