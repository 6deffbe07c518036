package org.casemgmt.examples.bench;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Command.AddGoal;
import org.casemgmt.casefile.Command.ApprovePlan;
import org.casemgmt.casefile.Command.CloseCase;
import org.casemgmt.casefile.Command.CompleteAssessment;
import org.casemgmt.casefile.Command.OpenCase;
import org.casemgmt.casefile.Command.PlanIntervention;
import org.casemgmt.casefile.Command.RecordAgreement;
import org.casemgmt.casefile.Command.RecordNeed;
import org.casemgmt.casefile.Command.RecordOutcome;
import org.casemgmt.casefile.Command.RecordReview;
import org.casemgmt.casefile.Command.StartAssessment;
import org.casemgmt.casefile.Command.StartEvaluation;
import org.casemgmt.casefile.Command.StartImplementation;
import org.casemgmt.casefile.Command.StartIntervention;
import org.casemgmt.casefile.Command.StartPlanning;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.RefusedStep;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.examples.bench.MutableCase.Kind;
import org.casemgmt.examples.bench.MutableCase.Op;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Workload 1 of {@code shared/BENCHMARKS.md}, the reference lifecycle: throughput in cases per second, where
 * one operation is one whole case, intake to closure, through the real {@link CaseFile#open} and
 * {@link CaseFile#handleAll(Issued, Seq)} (one case worker issues every command). Every command
 * must be accepted; a refusal throws, so a change to the rules cannot silently make the benchmark measure
 * rejections. Two hand-written baselines with exactly the table's guards run in the same JMH run: the
 * {@linkplain #baseline baseline} {@link MutableCase} (shared with the scaling workload: a case id, the plan behind an
 * interface) and the {@linkplain #minimalBaseline minimal reference baseline} {@link MinimalCase} of
 * {@code shared/BENCHMARKS.md} (only what the guards read). Quote the ratios against both, not the absolute
 * figures (commands per second = 24 × cases per second).
 *
 * <p><b>Mapping to casemgmt's commands.</b> The table's 24 commands map one to one onto
 * {@link CaseFile#open} and the commands handled in order after it ({@code StartAssessment}, {@code RecordNeed} ×3,
 * {@code CompleteAssessment}, {@code StartPlanning}, {@code PlanIntervention} ×5, {@code ApprovePlan},
 * {@code StartImplementation}, {@code StartIntervention} ×5, {@code RecordReview} ×2 with decision
 * {@code CONTINUE} — the first moves IMPLEMENTATION → MONITORING —, {@code StartEvaluation},
 * {@code RecordOutcome}, {@code CloseCase}), exactly as in core's {@code ReferenceLifecycleTest}. What the API
 * requires on top, so casemgmt checks more than the baseline:
 * <ul>
 *   <li>two more commands, 26 in all: {@code AddGoal} (one goal covering the three needs, which approval
 *       requires) after {@code StartPlanning}, and {@code RecordAgreement} (the client's agreement) before
 *       {@code ApprovePlan};</li>
 *   <li>beside every command an {@link Issued} envelope (actor and instant); at opening a client, a scope (all
 *       life domains) and the opening day (the case manager is the one who opens it);</li>
 *   <li>on each need a life domain (inside the scope), a description, a priority and who identified it; on
 *       planning a 365-day period; on each intervention its goal, a provider offering the kind, and a cost;
 *       dates on starts, reviews, agreement and approval; the goal's outcome; a closure reason and note.</li>
 * </ul>
 * casemgmt also checks what these imply: version, phase table, dates not before opening, needs in scope, the
 * window inside the plan's period, goals known, the provider offering the kind, coverage of every open need,
 * the exclusive-kind rule, an intervention started within its window, every goal achieved at closure.
 *
 * <p><b>Fixed data</b> (commands, providers, ids, windows) is allocated once and shared by all cases; case ids
 * come from a pre-built table of {@value #IDS} opening commands; the last {@value #KEPT} closed cases of each
 * side stay reachable in a ring buffer, a stand-in for an application's store, so the JIT cannot discard a
 * case.
 *
 * <p><b>Running</b> (from the repository root; JMH forks need a real class path, so {@code exec:exec}, not
 * {@code exec:java}; the forks run with {@code -Xms2g -Xmx2g -XX:+UseG1GC}, see {@link Fork}):
 * <pre>
 * mvn -q -pl casemgmt-examples -am package -DskipTests exec:exec -Pjmh -Dexec.executable=java \
 *     -Djmh.args="ReferenceLifecycleBenchmark -f 1 -wi 5 -w 2s -i 5 -r 2s -prof gc"
 * </pre>
 * ({@code -Djmh.args="-h"} lists JMH's options; {@code -Dexec.executable=java} because {@code -am} also visits
 * the parent, where the exec plugin is skipped but still needs an executable.) On two shared cores casemgmt
 * reaches its steady state only after about 8 seconds of warm-up, hence five warm-up iterations. Report {@code gc.alloc.rate.norm} as the bytes allocated per case.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class ReferenceLifecycleBenchmark {

  /** How many pre-built case ids are cycled through. */
  static final int IDS = 4096;
  /** How many closed cases of each side stay reachable (a power of two, for the ring index). */
  static final int KEPT = 1024;

  static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);
  static final StaffId ANNA_ID = StaffId.of("anna");
  static final Issued ANNA = Issued.by(ANNA_ID, Instant.parse("2026-01-05T09:00:00Z"));

  private OpenCase[] openings;
  private Seq<Command> commands;
  private Command[] commandArray;
  private CaseFile[] before;
  private String[] baselineIds;
  private MutableCase.Command[] baselineCommands;
  private final CaseFile[] closedCases = new CaseFile[KEPT];
  private final MutableCase[] closedBaselines = new MutableCase[KEPT];
  private final MinimalCase[] closedMinimal = new MinimalCase[KEPT];
  private int nextMinimal;
  private int nextCase;
  private int nextDecided;
  private int nextBaseline;

  /** Allocates the fixed data once per trial: ids, commands, providers, windows. */
  @Setup
  public void prepare() {
    openings = openings(IDS);
    commandArray = commands();
    commands = Vector.of(commandArray);
    before = new CaseFile[commandArray.length];
    CaseFile state = accepted(CaseFile.open(ANNA, openings[0]), openings[0]);
    for (int i = 0; i < commandArray.length; i++) {
      before[i] = state;
      state = accepted(state.handle(ANNA, commandArray[i]), commandArray[i]);
    }
    baselineIds = new String[IDS];
    for (int i = 0; i < IDS; i++) {
      baselineIds[i] = "CASE-" + (i + 1);
    }
    baselineCommands = baselineCommands();
  }

  /**
   * One case through casemgmt: opened, then the 25 other commands handled in order, each one accepted.
   *
   * @return the closed case (also kept in the ring buffer)
   * @throws IllegalStateException naming the command and the rule if a command is refused
   */
  @Benchmark
  public CaseFile casemgmt() {
    int n = nextCase++;
    OpenCase opening = openings[n & (IDS - 1)];
    CaseFile opened = accepted(CaseFile.open(ANNA, opening), opening);
    CaseFile file = accepted(opened.handleAll(ANNA, commands));
    if (!file.isClosed()) {
      throw new IllegalStateException("the case ended in " + file.phase() + ", not CLOSED");
    }
    closedCases[n & (KEPT - 1)] = file;
    return file;
  }

  /**
   * The decisions of one case without building its case files: {@link CaseFile#decideOpening} and then
   * {@link CaseFile#decide} of each of the 25 commands on the case file as it stands before that command (built
   * once per trial). Every rule runs and every event is recorded, but no new case file is built: the difference
   * to {@link #casemgmt} is the cost of applying the events, that is, of building the immutable case files.
   *
   * @param sink takes every decision, so that the JIT cannot drop the work
   */
  @Benchmark
  public void decideOnly(Blackhole sink) {
    int n = nextDecided++;
    OpenCase opening = openings[n & (IDS - 1)];
    sink.consume(CaseFile.decideOpening(ANNA, opening));
    for (int i = 0; i < commandArray.length; i++) {
      sink.consume(before[i].decide(ANNA, commandArray[i]));
    }
  }

  /**
   * One case through the hand-written baseline: opened, then the 23 other commands of the table, each accepted.
   *
   * @return the closed case (also kept in the ring buffer)
   * @throws IllegalStateException naming the command if one is refused
   */
  @Benchmark
  public MutableCase baseline() {
    int n = nextBaseline++;
    MutableCase c = MutableCase.linear(baselineIds[n & (IDS - 1)]);
    for (MutableCase.Command command : baselineCommands) {
      if (!c.handle(command)) {
        throw new IllegalStateException("baseline refused " + command.op());
      }
    }
    if (c.phase() != MutableCase.Phase.CLOSED) {
      throw new IllegalStateException("the baseline case ended in " + c.phase() + ", not CLOSED");
    }
    closedBaselines[n & (KEPT - 1)] = c;
    return c;
  }

  /**
   * One case through the minimal reference baseline of {@code shared/BENCHMARKS.md} ({@link MinimalCase}): the same
   * 23 commands and the same guards as {@link #baseline}, in the leanest form that file describes (no case id, no plan
   * object behind an interface).
   *
   * @return the closed case (also kept in the ring buffer)
   * @throws IllegalStateException naming the command if one is refused
   */
  @Benchmark
  public MinimalCase minimalBaseline() {
    int n = nextMinimal++;
    MinimalCase c = new MinimalCase();
    for (MutableCase.Command command : baselineCommands) {
      if (!c.handle(command)) {
        throw new IllegalStateException("minimal baseline refused " + command.op());
      }
    }
    if (c.phase() != MutableCase.Phase.CLOSED) {
      throw new IllegalStateException("the minimal baseline case ended in " + c.phase() + ", not CLOSED");
    }
    closedMinimal[n & (KEPT - 1)] = c;
    return c;
  }

  private static CaseFile accepted(Either<Rejection, CaseFile> result, Command command) {
    if (result.isLeft()) {
      // Rule names and command kinds only: no case content.
      throw new IllegalStateException(command.kind() + " was refused: " + result.swap().map(Rejection::rule).getOrElse("?"));
    }
    return result.getOrNull();
  }

  private static CaseFile accepted(Either<RefusedStep, CaseFile> result) {
    if (result.isLeft()) {
      throw new IllegalStateException(result.swap().map(refused -> refused.kind() + " was refused: "
          + refused.rejection().rule()).getOrElse("?"));
    }
    return result.getOrNull();
  }

  // ---------------------------------------------------------------- fixed data: casemgmt

  /**
   * The opening commands of {@code count} cases, ids {@code CASE-1…}, one client, scope all life domains; each is
   * opened by {@link #ANNA}, who becomes its case manager.
   */
  static OpenCase[] openings(int count) {
    Client client = Client.of(ClientId.of("C-1"), "Maria Rossi", LocalDate.of(1980, 1, 1));
    OpenCase[] result = new OpenCase[count];
    for (int i = 0; i < count; i++) {
      result[i] = OpenCase.of(CaseId.of("CASE-" + (i + 1)), client, DAY0, LifeDomain.values());
    }
    return result;
  }

  /** The 25 commands after opening, as in core's {@code ReferenceLifecycleTest}, all issued by {@link #ANNA}. */
  static Command[] commands() {
    GoalId goal = GoalId.of("G-1");
    return new Command[] {
        new StartAssessment(),
        new RecordNeed(NeedId.of("N-1"), LifeDomain.PSYCHOLOGICAL_WELLBEING, "need one", Priority.HIGH,
            IdentifiedBy.CLIENT),
        new RecordNeed(NeedId.of("N-2"), LifeDomain.HOUSING, "need two", Priority.HIGH, IdentifiedBy.CLIENT),
        new RecordNeed(NeedId.of("N-3"), LifeDomain.SOCIAL_INCLUSION, "need three", Priority.MEDIUM,
            IdentifiedBy.CASE_MANAGER),
        new CompleteAssessment(),
        StartPlanning.of(DayWindow.ofDays(DAY0, 365)),
        new AddGoal(goal, HashSet.of(NeedId.of("N-1"), NeedId.of("N-2"), NeedId.of("N-3")), "goal", "target",
            DAY0.plusDays(90)),
        intervention(1, 1, "P-101", ServiceKind.COUNSELLING, 0, 30),
        intervention(2, 2, "P-202", ServiceKind.HOUSING, 0, 60),
        intervention(3, 3, "P-303", ServiceKind.COUNSELLING, 10, 40),
        intervention(4, 1, "P-104", ServiceKind.COUNSELLING, 30, 60),
        intervention(5, 2, "P-205", ServiceKind.HOUSING, 60, 90),
        new RecordAgreement(DAY0),
        new ApprovePlan(DAY0),
        new StartImplementation(),
        new StartIntervention(InterventionId.of("I-1"), DAY0),
        new StartIntervention(InterventionId.of("I-2"), DAY0),
        new StartIntervention(InterventionId.of("I-3"), DAY0.plusDays(10)),
        new StartIntervention(InterventionId.of("I-4"), DAY0.plusDays(30)),
        new StartIntervention(InterventionId.of("I-5"), DAY0.plusDays(60)),
        new RecordReview(DAY0.plusDays(30), HashMap.empty(), ReviewDecision.CONTINUE),
        new RecordReview(DAY0.plusDays(60), HashMap.empty(), ReviewDecision.CONTINUE),
        new StartEvaluation(),
        new RecordOutcome(goal, GoalAchievement.ACHIEVED),
        new CloseCase(ClosureReason.GOALS_ACHIEVED, DAY0.plusDays(90), "closing report")};
  }

  /** Intervention {@code id} of the table: for one need, from a provider offering the kind, serving goal G-1. */
  static PlanIntervention intervention(int id, int need, String provider, ServiceKind kind, int from, int to) {
    return PlanIntervention.of(InterventionId.of("I-" + id), NeedId.of("N-" + need),
        Provider.of(ProviderId.of(provider), "Provider " + provider, ResourceType.PUBLIC_SERVICE, kind),
        kind, DayWindow.of(DAY0.plusDays(from), DAY0.plusDays(to)), Money.of(100)).serving(GoalId.of("G-1"));
  }

  // ---------------------------------------------------------------- fixed data: baseline

  /** The five interventions of the table, for the baseline. */
  static MutableCase.Intervention[] baselineInterventions() {
    return new MutableCase.Intervention[] {
        new MutableCase.Intervention(1, 1, "P-101", Kind.COUNSELLING, 0, 30),
        new MutableCase.Intervention(2, 2, "P-202", Kind.HOUSING, 0, 60),
        new MutableCase.Intervention(3, 3, "P-303", Kind.COUNSELLING, 10, 40),
        new MutableCase.Intervention(4, 1, "P-104", Kind.COUNSELLING, 30, 60),
        new MutableCase.Intervention(5, 2, "P-205", Kind.HOUSING, 60, 90)};
  }

  /** The table's 23 commands after opening, for the baseline. */
  static MutableCase.Command[] baselineCommands() {
    MutableCase.Intervention[] plan = baselineInterventions();
    java.util.List<MutableCase.Command> result = new java.util.ArrayList<>();
    result.add(MutableCase.Command.of(Op.START_ASSESSMENT));
    for (int need = 1; need <= 3; need++) {
      result.add(new MutableCase.Command(Op.RECORD_NEED, need, null));
    }
    result.add(MutableCase.Command.of(Op.FINISH_ASSESSMENT));
    result.add(MutableCase.Command.of(Op.START_PLANNING));
    for (MutableCase.Intervention i : plan) {
      result.add(new MutableCase.Command(Op.ADD_INTERVENTION, 0, i));
    }
    result.add(MutableCase.Command.of(Op.APPROVE_PLAN));
    result.add(MutableCase.Command.of(Op.START_IMPLEMENTATION));
    for (MutableCase.Intervention i : plan) {
      result.add(new MutableCase.Command(Op.START_INTERVENTION, 0, i));
    }
    result.add(MutableCase.Command.of(Op.MONITORING_REVIEW));
    result.add(MutableCase.Command.of(Op.MONITORING_REVIEW));
    result.add(MutableCase.Command.of(Op.START_EVALUATION));
    result.add(MutableCase.Command.of(Op.RECORD_OUTCOME));
    result.add(MutableCase.Command.of(Op.CLOSE_CASE));
    return result.toArray(new MutableCase.Command[0]);
  }
}
