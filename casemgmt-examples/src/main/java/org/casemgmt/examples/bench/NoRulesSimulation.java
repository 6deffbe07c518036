package org.casemgmt.examples.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The baseline of {@link SimulationBenchmark}: the reference model of BENCHMARKS.md §3 as a hand-written
 * discrete-event loop that enforces no rules and keeps no case state beyond what the model itself needs (an
 * arrival time and a review epoch per case). It is what the issue means by "a hand-written Java event loop":
 * the floor against which the cost of running every step through a real case file is measured.
 *
 * <p><b>Model</b> (time unit: day). Poisson arrivals, 10 a day, for 3,650 days from an empty system; 40 case
 * managers serve assessments first come, first served, each lasting Exp(mean 3); planning Exp(2) holds no
 * manager; implementation lasts D ~ Exp(90) and is reviewed at 30, 60, … days after it starts while it runs;
 * evaluation Exp(2); then with probability 0.2 the case loops back to planning, otherwise it closes. Cases
 * unfinished at the horizon are not counted as completed.
 *
 * <p><b>Model events</b> are counted exactly as casemgmt's simulation counts them
 * ({@code SimulationResult.modelEvents()}): arrival, assessment start, assessment end, planning end, review,
 * implementation end, evaluation end.
 *
 * <p><b>Efficiency</b>, deliberately reasonable and no more: the future-event list is an array-based binary
 * heap of primitives (time, scheduling order for deterministic ties, and a packed kind/case/epoch payload);
 * cases live in primitive arrays with a free list of slots; the waiting line is a ring buffer of slots. The
 * loop allocates nothing per event once its arrays have grown. Random numbers come from one
 * {@link SplittableRandom}, exponentials by inversion like {@code Distribution.exponential}.
 *
 * <pre>{@code NoRulesSimulation.Result r = NoRulesSimulation.reference(42); }</pre>
 */
public final class NoRulesSimulation {

  private static final int ARRIVAL = 0;
  private static final int ASSESSMENT_END = 1;
  private static final int PLANNING_END = 2;
  private static final int REVIEW = 3;
  private static final int IMPLEMENTATION_END = 4;
  private static final int EVALUATION_END = 5;

  /**
   * What a run reports: the statistics BENCHMARKS.md §3 lists.
   *
   * @param arrivals         cases that arrived
   * @param completed        cases closed before the horizon
   * @param meanTimeInSystem mean days from arrival to closure of the completed cases
   * @param utilisation      time-average share of busy case managers
   * @param loopBacks        evaluations that looped back to planning
   * @param reviews          monitoring reviews held
   * @param modelEvents      arrivals, assessment starts and ends, planning ends, reviews, implementation and
   *                         evaluation ends
   */
  public record Result(long arrivals, long completed, double meanTimeInSystem, double utilisation, long loopBacks,
      long reviews, long modelEvents) {}

  // The parameters of the model.
  private final double horizon;
  private final double arrivalsPerDay;
  private final int managers;
  private final double assessmentMean;
  private final double planningMean;
  private final double implementationMean;
  private final double reviewInterval;
  private final double evaluationMean;
  private final double loopBackProbability;
  private final SplittableRandom random;

  // The future-event list: a binary min-heap on (time, order).
  private double[] heapTime = new double[1024];
  private long[] heapOrder = new long[1024];
  private long[] heapPayload = new long[1024];
  private int heapSize;
  private long order;

  // Cases: slots reused through a free list.
  private double[] arrivedAt = new double[1024];
  private int[] epoch = new int[1024];
  private int[] freeSlots = new int[1024];
  private int freeCount;
  private int slotCount;

  // The line waiting for a case manager: a ring buffer of slots.
  private int[] line = new int[1024];
  private int lineHead;
  private int lineSize;

  private double now;
  private int busy;
  private double busyArea;
  private double busySince;
  private long arrivals;
  private long completed;
  private double timeInSystemSum;
  private long loopBacks;
  private long reviews;
  private long modelEvents;

  private NoRulesSimulation(double horizon, double arrivalsPerDay, int managers, double assessmentMean,
      double planningMean, double implementationMean, double reviewInterval, double evaluationMean,
      double loopBackProbability, long seed) {
    this.horizon = horizon;
    this.arrivalsPerDay = arrivalsPerDay;
    this.managers = managers;
    this.assessmentMean = assessmentMean;
    this.planningMean = planningMean;
    this.implementationMean = implementationMean;
    this.reviewInterval = reviewInterval;
    this.evaluationMean = evaluationMean;
    this.loopBackProbability = loopBackProbability;
    this.random = new SplittableRandom(seed);
  }

  /**
   * Runs the reference model of BENCHMARKS.md §3 once.
   *
   * <pre>{@code long events = NoRulesSimulation.reference(1).modelEvents(); // about 353,000 }</pre>
   *
   * @param seed the seed of the random stream
   * @return the statistics of the run
   */
  public static Result reference(long seed) {
    return new NoRulesSimulation(3650, 10, 40, 3, 2, 90, 30, 2, 0.2, seed).run();
  }

  /**
   * Runs the reference model with another horizon (the long runs of the benchmark's main), everything else
   * as in {@link #reference}.
   *
   * @param seed        the seed of the random stream
   * @param horizonDays the horizon in days, above zero
   * @return the statistics of the run
   */
  public static Result reference(long seed, double horizonDays) {
    if (!(horizonDays > 0)) {
      throw new IllegalArgumentException("horizonDays must be above zero, got " + horizonDays);
    }
    return new NoRulesSimulation(horizonDays, 10, 40, 3, 2, 90, 30, 2, 0.2, seed).run();
  }

  private Result run() {
    schedule(exponential(1 / arrivalsPerDay), ARRIVAL, 0, 0);
    while (heapSize > 0 && heapTime[0] <= horizon) {
      now = heapTime[0];
      long payload = heapPayload[0];
      removeFirst();
      int kind = (int) (payload & 0xF);
      int slot = (int) ((payload >>> 4) & 0xFFF_FFFFL);
      int stamp = (int) (payload >>> 32);
      switch (kind) {
        case ARRIVAL -> arrive();
        case ASSESSMENT_END -> endAssessment(slot);
        case PLANNING_END -> endPlanning(slot);
        case REVIEW -> review(slot, stamp);
        case IMPLEMENTATION_END -> endImplementation(slot);
        case EVALUATION_END -> endEvaluation(slot);
        default -> throw new IllegalStateException("unknown kind " + kind);
      }
    }
    busyArea += busy * (horizon - busySince);
    return new Result(arrivals, completed, completed == 0 ? 0 : timeInSystemSum / completed,
        busyArea / (managers * horizon), loopBacks, reviews, modelEvents);
  }

  private double exponential(double mean) {
    return -mean * Math.log(1.0 - random.nextDouble());
  }

  // ---------------------------------------------------------------- the model

  private void arrive() {
    modelEvents++;
    arrivals++;
    schedule(now + exponential(1 / arrivalsPerDay), ARRIVAL, 0, 0);
    int slot = newSlot();
    arrivedAt[slot] = now;
    // epoch[slot] is not reset: a reused slot keeps counting, so stale reviews of its previous case never match.
    if (busy < managers) {
      startAssessment(slot);
    } else {
      enqueue(slot);
    }
  }

  private void startAssessment(int slot) {
    modelEvents++;
    busyArea += busy * (now - busySince);
    busySince = now;
    busy++;
    schedule(now + exponential(assessmentMean), ASSESSMENT_END, slot, 0);
  }

  private void endAssessment(int slot) {
    modelEvents++;
    busyArea += busy * (now - busySince);
    busySince = now;
    busy--;
    if (lineSize > 0) {
      startAssessment(dequeue());
    }
    schedule(now + exponential(planningMean), PLANNING_END, slot, 0);
  }

  private void endPlanning(int slot) {
    modelEvents++;
    int e = ++epoch[slot];
    schedule(now + exponential(implementationMean), IMPLEMENTATION_END, slot, 0);
    schedule(now + reviewInterval, REVIEW, slot, e);
  }

  private void review(int slot, int stamp) {
    if (stamp != epoch[slot]) {
      return; // the implementation this review belonged to has ended
    }
    modelEvents++;
    reviews++;
    schedule(now + reviewInterval, REVIEW, slot, stamp);
  }

  private void endImplementation(int slot) {
    modelEvents++;
    epoch[slot]++; // no more reviews for this implementation
    schedule(now + exponential(evaluationMean), EVALUATION_END, slot, 0);
  }

  private void endEvaluation(int slot) {
    modelEvents++;
    if (random.nextDouble() < loopBackProbability) {
      loopBacks++;
      schedule(now + exponential(planningMean), PLANNING_END, slot, 0);
      return;
    }
    completed++;
    timeInSystemSum += now - arrivedAt[slot];
    freeSlot(slot);
  }

  // ---------------------------------------------------------------- cases and the waiting line

  private int newSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotCount == arrivedAt.length) {
      arrivedAt = Arrays.copyOf(arrivedAt, slotCount * 2);
      epoch = Arrays.copyOf(epoch, slotCount * 2);
    }
    return slotCount++;
  }

  private void freeSlot(int slot) {
    if (freeCount == freeSlots.length) {
      freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
    }
    freeSlots[freeCount++] = slot;
  }

  private void enqueue(int slot) {
    if (lineSize == line.length) {
      int[] bigger = new int[line.length * 2];
      for (int i = 0; i < lineSize; i++) {
        bigger[i] = line[(lineHead + i) & (line.length - 1)];
      }
      line = bigger;
      lineHead = 0;
    }
    line[(lineHead + lineSize++) & (line.length - 1)] = slot;
  }

  private int dequeue() {
    int slot = line[lineHead];
    lineHead = (lineHead + 1) & (line.length - 1);
    lineSize--;
    return slot;
  }

  // ---------------------------------------------------------------- the future-event list

  private void schedule(double time, int kind, int slot, int stamp) {
    if (heapSize == heapTime.length) {
      heapTime = Arrays.copyOf(heapTime, heapSize * 2);
      heapOrder = Arrays.copyOf(heapOrder, heapSize * 2);
      heapPayload = Arrays.copyOf(heapPayload, heapSize * 2);
    }
    long payload = ((long) stamp << 32) | ((long) slot << 4) | kind;
    long seq = order++;
    int i = heapSize++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(time, seq, heapTime[parent], heapOrder[parent])) {
        break;
      }
      heapTime[i] = heapTime[parent];
      heapOrder[i] = heapOrder[parent];
      heapPayload[i] = heapPayload[parent];
      i = parent;
    }
    heapTime[i] = time;
    heapOrder[i] = seq;
    heapPayload[i] = payload;
  }

  private void removeFirst() {
    int last = --heapSize;
    if (last == 0) {
      return;
    }
    double time = heapTime[last];
    long seq = heapOrder[last];
    long payload = heapPayload[last];
    int i = 0;
    int half = last >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < last && before(heapTime[right], heapOrder[right], heapTime[child], heapOrder[child])) {
        child = right;
      }
      if (!before(heapTime[child], heapOrder[child], time, seq)) {
        break;
      }
      heapTime[i] = heapTime[child];
      heapOrder[i] = heapOrder[child];
      heapPayload[i] = heapPayload[child];
      i = child;
    }
    heapTime[i] = time;
    heapOrder[i] = seq;
    heapPayload[i] = payload;
  }

  private static boolean before(double time, long seq, double otherTime, long otherSeq) {
    return time < otherTime || (time == otherTime && seq < otherSeq);
  }
}
