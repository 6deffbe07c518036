package org.casemgmt.examples.bench;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Command.CompleteAssessment;
import org.casemgmt.casefile.Command.PlanIntervention;
import org.casemgmt.casefile.Command.RecordNeed;
import org.casemgmt.casefile.Command.StartAssessment;
import org.casemgmt.casefile.Command.StartPlanning;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.RefusedStep;
import org.casemgmt.examples.bench.MutableCase.Kind;
import org.casemgmt.examples.bench.MutableCase.Op;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload 2 of {@code shared/BENCHMARKS.md}: how adding {@code n} interventions to one plan scales, each add
 * checking the non-overlap invariant against all interventions already in the plan. One timed operation is all
 * {@code n} adds ({@link Mode#SingleShotTime}), on a fresh plan. casemgmt promises {@code O(log n)} per add, so
 * {@code t(100k)/t(10k)} should stay near 10 (target ≤ 15) and within 2× of the sorted baseline.
 *
 * <p><b>The workload.</b> One case is driven, untimed, to PLANNING with four needs (N-1…N-4, each in its own
 * life domain). Intervention {@code j} (0-based) has id {@code I-(j+1)}; key {@code k = j mod 8} gives need
 * {@code 1 + (k mod 4)} and kind COUNSELLING if {@code k < 4}, else HOUSING; its window is
 * {@code [10·⌊j/8⌋, 10·⌊j/8⌋ + 10)} days. Windows of one key are adjacent and never overlap, so every add is
 * accepted (and a refusal throws). They are submitted in the order of a Fisher–Yates shuffle driven by
 * {@code new Random(42)}, the same order for all three sides.
 *
 * <p><b>What casemgmt needs on top.</b> The plan's period is {@code [day 0, 10·⌈n/8⌉)}, exactly enclosing all
 * windows; each intervention names a provider offering its kind (one per kind, shared) and a cost; no goal
 * (an intervention's goals may be empty, and approval is not part of this workload).
 *
 * <p><b>Fresh plan per operation.</b> The PLANNING case file is immutable, so casemgmt re-uses it: every
 * operation starts from the same empty plan. The mutable baselines get a new case driven to PLANNING in an
 * untimed {@code @Setup(Level.Invocation)}, harmless here since one operation takes milliseconds or more.
 *
 * <p><b>Baselines in the same run:</b> {@link #linearScan} ({@link MutableCase.LinearPlan}, quadratic over
 * the plan) and {@link #sortedIndex} ({@link MutableCase.SortedPlan}: per need and kind a {@code TreeMap} by
 * start day, floor and next neighbours only). Quote ratios: absolute times vary 10–30 % between runs here.
 *
 * <p><b>Running</b> (from the repository root; forks run with {@code -Xms2g -Xmx2g -XX:+UseG1GC}). Single shots
 * need warm-up, so small plans get warm-up batches ({@code -wbs}); the linear scan at 100,000 takes about half a
 * minute per shot, so that size runs with fewer iterations:
 * <pre>
 * mvn -q -pl casemgmt-examples -am package -DskipTests exec:exec -Pjmh -Dexec.executable=java \
 *     -Djmh.args="PlanScalingBenchmark -p n=1000,10000 -f 1 -wi 5 -wbs 10 -i 5"
 * mvn -q -pl casemgmt-examples -am package -DskipTests exec:exec -Pjmh -Dexec.executable=java \
 *     -Djmh.args="PlanScalingBenchmark -p n=100000 -f 1 -wi 2 -i 3"
 * </pre>
 * ({@code -Dexec.executable=java} because {@code -am} also visits the parent, where the exec plugin is skipped
 * but still needs an executable.)
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class PlanScalingBenchmark {

  /** The number of interventions added per operation. */
  @Param({"1000", "10000", "100000"})
  public int n;

  /** The four single-need sets N-1…N-4, shared by all interventions. */
  private static final List<Set<NeedId>> NEEDS = List.range(1, 5).map(i -> HashSet.of(NeedId.of("N-" + i)));
  private static final Set<GoalId> NO_GOALS = HashSet.empty();
  private static final Provider COUNSELLING_PROVIDER = Provider.of(ProviderId.of("P-C"), "Counselling provider",
      ResourceType.PUBLIC_SERVICE, HashSet.of(ServiceKind.COUNSELLING));
  private static final Provider HOUSING_PROVIDER = Provider.of(ProviderId.of("P-H"), "Housing provider",
      ResourceType.PUBLIC_SERVICE, HashSet.of(ServiceKind.HOUSING));
  private static final Money COST = Money.of(100);

  private CaseFile planning;
  private Seq<Command> adds;
  private MutableCase.Command[] baselineAdds;
  private MutableCase linear;
  private MutableCase sorted;

  /** Builds, once per trial, the PLANNING case and the {@code n} add commands in submission order. */
  @Setup(Level.Trial)
  public void prepare() {
    planning = planningCase(n);
    int[] order = submissionOrder(n);
    Command[] commands = new Command[n];
    baselineAdds = new MutableCase.Command[n];
    for (int i = 0; i < n; i++) {
      int j = order[i];
      int k = j % 8;
      int need = 1 + (k % 4);
      Kind kind = k < 4 ? Kind.COUNSELLING : Kind.HOUSING;
      int start = 10 * (j / 8);
      commands[i] = add(j + 1, need, kind, start, start + 10);
      baselineAdds[i] = baselineAdd(j + 1, need, kind, start, start + 10);
    }
    adds = Vector.of(commands);
  }

  /** Gives each baseline a fresh case in PLANNING with four needs, untimed, before every operation. */
  @Setup(Level.Invocation)
  public void freshBaselines() {
    linear = baselineInPlanning(MutableCase.linear("CASE-1"));
    sorted = baselineInPlanning(MutableCase.sorted("CASE-1"));
  }

  /**
   * Adds the {@code n} interventions through casemgmt's {@link CaseFile#handleAll(Issued, Seq)}, one after
   * another, each accepted.
   *
   * @return the case file with all {@code n} interventions planned
   * @throws IllegalStateException if an add is refused
   */
  @Benchmark
  public CaseFile casemgmt() {
    Either<RefusedStep, CaseFile> planned = planning.handleAll(ReferenceLifecycleBenchmark.ANNA, adds);
    if (planned.isLeft()) {
      throw new IllegalStateException("intervention refused: " + planned.swap()
          .map(refused -> refused.rejection().rule() + " at add " + refused.position()).getOrElse("?"));
    }
    return planned.getOrNull();
  }

  /**
   * Adds the {@code n} interventions to the baseline whose plan is a list scanned on every add.
   *
   * @return the baseline case with all {@code n} interventions planned
   */
  @Benchmark
  public MutableCase linearScan() {
    return addAll(linear, baselineAdds);
  }

  /**
   * Adds the {@code n} interventions to the baseline whose plan is a sorted index per need and kind.
   *
   * @return the baseline case with all {@code n} interventions planned
   */
  @Benchmark
  public MutableCase sortedIndex() {
    return addAll(sorted, baselineAdds);
  }

  private static MutableCase addAll(MutableCase c, MutableCase.Command[] commands) {
    for (MutableCase.Command add : commands) {
      if (!c.handle(add)) {
        throw new IllegalStateException("baseline refused intervention " + add.intervention().id());
      }
    }
    return c;
  }

  // ---------------------------------------------------------------- the workload's data

  /** The submission order: {@code 0…n-1} shuffled by Fisher–Yates with {@code new Random(42)}. */
  static int[] submissionOrder(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(42);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /**
   * casemgmt's command for one intervention: id {@code I-id}, need {@code N-need}, no goal, the provider
   * shared by all interventions of the kind, days counted from {@link ReferenceLifecycleBenchmark#DAY0}.
   */
  static PlanIntervention add(int id, int need, Kind kind, int start, int end) {
    boolean counselling = kind == Kind.COUNSELLING;
    return new PlanIntervention(InterventionId.of("I-" + id), NEEDS.get(need - 1), NO_GOALS,
        counselling ? COUNSELLING_PROVIDER : HOUSING_PROVIDER,
        counselling ? ServiceKind.COUNSELLING : ServiceKind.HOUSING,
        DayWindow.of(ReferenceLifecycleBenchmark.DAY0.plusDays(start), ReferenceLifecycleBenchmark.DAY0.plusDays(end)),
        COST);
  }

  /** The baseline's command for the same intervention. */
  static MutableCase.Command baselineAdd(int id, int need, Kind kind, int start, int end) {
    return new MutableCase.Command(Op.ADD_INTERVENTION, 0, new MutableCase.Intervention(id, need,
        kind == Kind.COUNSELLING ? "P-C" : "P-H", kind, start, end));
  }

  /** A case in PLANNING with four open needs and a plan period enclosing the windows of {@code n} interventions. */
  static CaseFile planningCase(int n) {
    Issued anna = ReferenceLifecycleBenchmark.ANNA;
    LifeDomain[] domains = {LifeDomain.PSYCHOLOGICAL_WELLBEING, LifeDomain.HOUSING, LifeDomain.SOCIAL_INCLUSION,
        LifeDomain.WORK};
    long days = 10L * ((n + 7) / 8);
    CaseFile result = CaseFile.open(anna, ReferenceLifecycleBenchmark.openings(1)[0])
        .getOrElseThrow(r -> new IllegalStateException("opening refused: " + r.rule()))
        .handleAll(anna, List.<Command>of(new StartAssessment())
            .appendAll(List.range(0, 4).map(i -> new RecordNeed(NeedId.of("N-" + (i + 1)), domains[i],
                "need " + (i + 1), Priority.HIGH, IdentifiedBy.CLIENT)))
            .append(new CompleteAssessment())
            .append(StartPlanning.of(DayWindow.ofDays(ReferenceLifecycleBenchmark.DAY0, days))))
        .getOrElseThrow(refused -> new IllegalStateException("setup refused: " + refused.rejection().rule()));
    if (result.phase() != Phase.PLANNING) {
      throw new IllegalStateException("setup ended in " + result.phase());
    }
    return result;
  }

  /** Drives a baseline case to PLANNING with needs 1…4. */
  static MutableCase baselineInPlanning(MutableCase c) {
    boolean ok = c.handle(MutableCase.Command.of(Op.START_ASSESSMENT));
    for (int need = 1; need <= 4; need++) {
      ok &= c.handle(new MutableCase.Command(Op.RECORD_NEED, need, null));
    }
    ok &= c.handle(MutableCase.Command.of(Op.FINISH_ASSESSMENT));
    ok &= c.handle(MutableCase.Command.of(Op.START_PLANNING));
    if (!ok || c.phase() != MutableCase.Phase.PLANNING) {
      throw new IllegalStateException("baseline setup ended in " + c.phase());
    }
    return c;
  }
}
