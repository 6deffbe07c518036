package org.casemgmt.testkit;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Command.HandOver;
import org.casemgmt.casefile.Command.OpenCase;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Permissions;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.internal.Check;
import org.casemgmt.party.StaffId;

/**
 * A model-based (stateful) check of case files: it opens many cases and drives each through a random
 * sequence of commands — mostly ones that move the case on, mixed with ones that must be refused — and after
 * every step checks casemgmt's invariants ({@link CaseInvariants}) and yours. When an invariant breaks it
 * shrinks the sequence to a short one that still breaks it, replaying from the opening each time, and fails
 * with the seed and the sequence told as a numbered story (kinds, ids, days — never free text).
 *
 * <pre>{@code
 * @Test
 * void my_service_keeps_every_rule_of_casemgmt() {
 *   ModelChecker.forCaseFiles()
 *       .systemUnderTest(myServiceAsSut)                        // default: casemgmt itself
 *       .invariant(Invariant.of("every event is stored", step -> store.has(step.events())))
 *       .check();                                               // AssertionError with the story on failure
 * }
 * }</pre>
 *
 * <p><b>Reproducing.</b> The same master seed gives the same run. The master seed comes from {@link #seed(long)},
 * else {@code -Dcasemgmt.seed}, else a fresh one; sequence 0 uses the master seed itself, so the report's
 * {@code -Dcasemgmt.seed=S -Dcasemgmt.sequences=1} replays just the failing sequence. The number of sequences
 * comes from {@link #sequences(int)}, else {@code -Dcasemgmt.sequences}, else 2000.
 *
 * <p><b>Threads.</b> Sequences are checked in parallel, on {@link #threads(int)} threads, else
 * {@code -Dcasemgmt.threads}, else one per processor the JVM may use; the result does not depend on how many.
 * Sequence {@code i}'s seed comes from the master seed and {@code i} alone, so every thread count generates the
 * same sequences. The run ends at the <em>lowest-numbered</em> sequence that breaks an invariant, not at the first
 * one to finish: sequences are handed to the threads in order, every sequence below a failing one is checked to
 * its end, and those above it are no longer started (one already running is abandoned at its next step). Only
 * that sequence is shrunk, on the calling thread, exactly as on one thread; {@link Result#commandsChecked()}
 * counts the commands of the sequences up to and including it. Same seed, same sequences, same failure, same
 * story — on 1 thread or 64.
 *
 * <p>Every core is the default because casemgmt's own parts are safe to share between threads: case files and
 * events are immutable values, {@link SystemUnderTest#real()} and every {@link CaseInvariants} invariant are pure
 * functions of their arguments, and each sequence gets its own random source and command chooser. The cost falls
 * on a system under test or an invariant of yours that keeps state across calls (a store, a cache, a counter, a
 * set of what it has seen): it is called from several threads at once, so that state must be thread-safe, and it
 * also sees steps of sequences above a failing one, which the run then discards. A lambda that only reads its
 * arguments needs nothing; the store of the example above must be safe to use from several threads. The
 * alternative, one thread unless asked, would make every user wait up to as many times longer as there are cores
 * for the sake of the wrappers that keep state, which can say {@code threads(1)} — as a system whose answers
 * depend on the sequences before must anyway, to be reproducible. A run is not cut short by an interrupt, on one
 * thread or several.
 *
 * <p>The checker uses no test framework: it is an assertion method that throws {@link AssertionError}.
 */
public final class ModelChecker {

  /** The default number of commands after the opening in one sequence. */
  public static final int DEFAULT_MAX_COMMANDS = 60;

  /** The default number of sequences when neither {@link #sequences(int)} nor the system property says. */
  public static final int DEFAULT_SEQUENCES = 2000;

  /** The most threads a run may use: beyond the machine's cores more threads only add switching between them. */
  public static final int MAX_THREADS = 256;

  private final SystemUnderTest sut;
  private final List<Invariant> invariants;
  private final boolean caseInvariants;
  private final Option<Integer> sequences;
  private final Option<Long> seed;
  private final int maxCommands;
  private final Option<Integer> threads;
  private final Permissions permissions;

  private ModelChecker(SystemUnderTest sut, List<Invariant> invariants, boolean caseInvariants,
      Option<Integer> sequences, Option<Long> seed, int maxCommands, Option<Integer> threads,
      Permissions permissions) {
    this.permissions = permissions;
    this.sut = sut;
    this.invariants = invariants;
    this.caseInvariants = caseInvariants;
    this.sequences = sequences;
    this.seed = seed;
    this.maxCommands = maxCommands;
    this.threads = threads;
  }

  /**
   * A checker of casemgmt's own case files with all of {@link CaseInvariants}.
   *
   * @return the checker with default settings
   */
  public static ModelChecker forCaseFiles() {
    return new ModelChecker(SystemUnderTest.real(), List.empty(), true, Option.none(), Option.none(),
        DEFAULT_MAX_COMMANDS, Option.none(), Permissions.socialServices());
  }

  /**
   * The same checker driving another system under test, such as an application's wrapper of casemgmt. It is
   * called from {@link #threads(int) several threads} at once: state it keeps across calls must be thread-safe.
   *
   * @param system handles each command in its envelope and answers the events or the rejection and the state
   * @return a new checker; this one is unchanged
   */
  public ModelChecker systemUnderTest(SystemUnderTest system) {
    Check.notNull(system, "system");
    return new ModelChecker(system, invariants, caseInvariants, sequences, seed, maxCommands, threads, permissions);
  }

  /**
   * The same checker with one more invariant, checked after casemgmt's own. It is called from
   * {@link #threads(int) several threads} at once: state it keeps across calls must be thread-safe.
   *
   * @param invariant checked after every step, after the invariants added before it
   * @return a new checker; this one is unchanged
   */
  public ModelChecker invariant(Invariant invariant) {
    Check.notNull(invariant, "invariant");
    return new ModelChecker(sut, invariants.append(invariant), caseInvariants, sequences, seed, maxCommands,
        threads, permissions);
  }

  /** {@return the same checker checking only the invariants added with {@link #invariant(Invariant)}} */
  public ModelChecker withoutCaseInvariants() {
    return new ModelChecker(sut, invariants, false, sequences, seed, maxCommands, threads, permissions);
  }

  /**
   * The same checker running {@code count} sequences, whatever {@code -Dcasemgmt.sequences} says.
   *
   * @param count the count, at least 1
   * @return the same checker running {@code count} sequences, whatever {@code -Dcasemgmt.sequences} says
   * @throws org.casemgmt.InvalidInputException if {@code count} is below 1
   */
  public ModelChecker sequences(int count) {
    Check.orThrow(Check.atLeast("sequences", count, 1));
    return new ModelChecker(sut, invariants, caseInvariants, Option.some(count), seed, maxCommands, threads,
        permissions);
  }

  /**
   * The same checker with a fixed master seed, whatever {@code -Dcasemgmt.seed} says.
   *
   * @param masterSeed the seed every sequence's own seed is derived from, as a failure report prints it
   * @return a new checker; this one is unchanged
   */
  public ModelChecker seed(long masterSeed) {
    return new ModelChecker(sut, invariants, caseInvariants, sequences, Option.some(masterSeed), maxCommands,
        threads, permissions);
  }

  /**
   * The same checker with {@code count} commands after the opening in each sequence (default 60).
   *
   * @param count the count, at least 1
   * @return the same checker with {@code count} commands after the opening in each sequence (default 60)
   * @throws org.casemgmt.InvalidInputException if {@code count} is below 1
   */
  public ModelChecker maxCommands(int count) {
    Check.orThrow(Check.atLeast("maxCommands", count, 1));
    return new ModelChecker(sut, invariants, caseInvariants, sequences, seed, count, threads, permissions);
  }

  /**
   * The same checker running its sequences on {@code count} threads, whatever {@code -Dcasemgmt.threads} says
   * (default: one per processor the JVM may use). The result is the same on any number of threads; a run uses no
   * more threads than it has sequences, and the calling thread is one of them.
   *
   * <pre>{@code
   * ModelChecker.forCaseFiles().systemUnderTest(serviceWithAPlainHashMapStore).threads(1).check();
   * }</pre>
   *
   * @param count the number of threads, from 1 to {@value #MAX_THREADS}; 1 checks every sequence on the calling
   *     thread, for a system under test or an invariant that is not thread-safe
   * @return a new checker; this one is unchanged
   * @throws org.casemgmt.InvalidInputException if {@code count} is below 1 or above {@value #MAX_THREADS}
   */
  public ModelChecker threads(int count) {
    Check.orThrow(Check.between("threads", count, 1, MAX_THREADS));
    return new ModelChecker(sut, invariants, caseInvariants, sequences, seed, maxCommands, Option.some(count),
        permissions);
  }

  /**
   * Opens every generated case with an organisation's own permission table instead of the default, e.g. one that asks
   * for countersignatures, so that the sequences and invariants run under that table.
   *
   * @param table who may do what in the generated cases
   * @return a copy of this checker with the table
   * @throws org.casemgmt.InvalidInputException if the table is missing
   */
  public ModelChecker permissions(Permissions table) {
    Check.orThrow(Check.present("table", table));
    return new ModelChecker(sut, invariants, caseInvariants, sequences, seed, maxCommands, threads, table);
  }

  // ---------------------------------------------------------------- results

  /**
   * What a run did.
   *
   * @param masterSeed       the seed the run used, to repeat it with {@code -Dcasemgmt.seed}
   * @param sequences        how many sequences were run (up to and including a failing one)
   * @param commandsChecked  how many commands the sequences up to and including a failing one handled and checked,
   *                         shrinking not included: the same on any number of threads (sequences above a failing
   *                         one that other threads had started are not counted)
   * @param elapsed          how long the run took, shrinking included
   * @param failure          the broken invariant of the lowest-numbered failing sequence, shrunk, if any
   */
  public record Result(long masterSeed, int sequences, long commandsChecked, Duration elapsed,
      Option<Failure> failure) {

    /**
     * Creates the result, checking that its parts are present.
     *
     * @param masterSeed       the master seed
     * @param sequences        how many sequences were run (up to and including a failing one)
     * @param commandsChecked  how many commands were handled and checked, shrinking not included
     * @param elapsed          how long the run took, shrinking included
     * @param failure          the first broken invariant, shrunk, if any
     */
    public Result {
      Check.orThrow(Check.atLeast("sequences", sequences, 0), Check.atLeast("commandsChecked", commandsChecked, 0),
          Check.present("elapsed", elapsed), Check.option("failure", failure));
    }

    /** {@return whether every invariant held in every step} */
    public boolean passed() {
      return failure.isEmpty();
    }

    /** {@return a one-line summary for a test log: sequences, commands and time (no case content)} */
    public String summary() {
      return String.format("%d sequences, %d commands checked in %d ms (master seed %d)%s", sequences,
          commandsChecked, elapsed.toMillis(), masterSeed,
          failure.map(f -> ", FAILED: " + f.invariant()).getOrElse(""));
    }
  }

  /**
   * A broken invariant, after shrinking.
   *
   * @param invariant      the name of the broken invariant
   * @param masterSeed     the run's master seed
   * @param sequence       the failing sequence's number in the run, from 0
   * @param sequenceSeed   the failing sequence's own seed
   * @param originalLength how many commands the sequence had when the invariant first broke
   * @param failingCase    the shortest failing case found
   * @param failingStep    the step of the shortest failing case at which the invariant breaks, from 1
   * @param story          the shortest failing case as a numbered story with each command's outcome
   * @param cause          the exception, if the system under test or an invariant threw one
   */
  public record Failure(String invariant, long masterSeed, int sequence, long sequenceSeed, int originalLength,
      GeneratedCase failingCase, int failingStep, String story, Option<Throwable> cause) {

    /**
     * Creates the failure, checking that its parts are present.
     *
     * @param invariant      the name of the broken invariant
     * @param masterSeed     the run's master seed
     * @param sequence       the failing sequence's number in the run, from 0
     * @param sequenceSeed   the failing sequence's own seed
     * @param originalLength how many commands the sequence had when the invariant first broke
     * @param failingCase    the shortest failing case found
     * @param failingStep    the step of the shortest failing case at which the invariant breaks, from 1
     * @param story          the shortest failing case as a numbered story with each command's outcome
     * @param cause          the exception, if the system under test or an invariant threw one
     */
    public Failure {
      Check.orThrow(Check.present("invariant", invariant), Check.atLeast("sequence", sequence, 0),
          Check.atLeast("originalLength", originalLength, 0), Check.present("failingCase", failingCase),
          Check.atLeast("failingStep", failingStep, 0), Check.present("story", story), Check.option("cause", cause));
    }

    /** {@return the full report: what broke, how to repeat it, and the story} */
    public String report() {
      return "Invariant broken: \"" + invariant + "\" at step " + failingStep + " of " + failingCase.commands().size()
          + " (shrunk from " + originalLength + " commands).\n"
          + "Seeds: master " + masterSeed + ", sequence #" + sequence + " seed " + sequenceSeed + ". Repeat this "
          + "sequence alone with -D" + Seeds.SEED_PROPERTY + "=" + sequenceSeed + " -D" + Seeds.SEQUENCES_PROPERTY
          + "=1, or the whole run with -D" + Seeds.SEED_PROPERTY + "=" + masterSeed + ".\n"
          + story;
    }
  }

  // ---------------------------------------------------------------- running

  /**
   * Runs the check and throws on the first broken invariant.
   *
   * @return what the run did, for a test to print
   * @throws AssertionError with {@link Failure#report()} if an invariant broke
   */
  public Result check() {
    Result result = run();
    result.failure().forEach(f -> {
      AssertionError error = new AssertionError(f.report());
      f.cause().forEach(error::initCause);
      throw error;
    });
    return result;
  }

  /**
   * Runs the check and answers what happened, without throwing (for tests of the checker itself).
   *
   * @return the result, with the shrunk failure if an invariant broke
   */
  public Result run() {
    long started = System.nanoTime();
    long master = Seeds.master(seed);
    int count = Seeds.count(sequences, DEFAULT_SEQUENCES);
    Search search = new Search(master, count, checkedInvariants());
    search.run(Math.min(count, Seeds.threads(threads, MAX_THREADS)));
    return search.result(started);
  }

  /**
   * One named check per sequence, for a test engine's dynamic tests: each runs its sequence when called and
   * throws an {@link AssertionError} with the shrunk story if an invariant breaks. With JUnit 5:
   *
   * <pre>{@code
   * @TestFactory
   * Stream<DynamicTest> every_sequence_keeps_our_rules() {
   *   return ModelChecker.forCaseFiles().invariant(ours).sequences(200).perSequence()
   *       .map(check -> DynamicTest.dynamicTest(check.name(), check::run));
   * }
   * }</pre>
   *
   * @return the checks, lazily, in sequence order; the same master seed gives the same checks
   */
  public java.util.stream.Stream<NamedCheck> perSequence() {
    long master = Seeds.master(seed);
    List<Invariant> checked = checkedInvariants();
    return java.util.stream.IntStream.range(0, Seeds.count(sequences, DEFAULT_SEQUENCES))
        .mapToObj(i -> new NamedCheck("sequence " + i + " (seed " + Seeds.derive(master, i) + ")",
            () -> {
              Explored explored = explore(master, i, checked, index -> false);
              explored.violation().map(first -> shrink(explored, first, checked, master)).forEach(f -> {
                AssertionError error = new AssertionError(f.report());
                f.cause().forEach(error::initCause);
                throw error;
              });
            }));
  }

  /**
   * A check with a name, as a test engine shows it.
   *
   * @param name  which sequence, with its seed
   * @param check runs the sequence; throws {@link AssertionError} with the shrunk story on a broken invariant
   */
  public record NamedCheck(String name, Runnable check) {

    /**
     * Creates the check, checking that both parts are present.
     *
     * @param name  which sequence, with its seed
     * @param check runs the sequence
     */
    public NamedCheck {
      Check.orThrow(Check.present("name", name), Check.present("check", check));
    }

    /** Runs the check. */
    public void run() {
      check.run();
    }
  }

  private List<Invariant> checkedInvariants() {
    return caseInvariants ? CaseInvariants.all().appendAll(invariants) : invariants;
  }

  /**
   * Checks sequences 0, 1, 2… on one or more threads and keeps the lowest-numbered one that breaks an invariant or
   * throws. Numbers are handed out in increasing order, so by the time sequence {@code f} ends badly every
   * sequence below {@code f} has been handed out, and its thread checks it to the end; a thread takes no number
   * above the lowest bad ending known and abandons a sequence above it at its next step. Every sequence below the
   * final lowest is therefore checked whatever the number of threads, and the search ends with the same sequence
   * as a single thread going through them in order.
   */
  private final class Search {
    private final long master;
    private final int count;
    private final List<Invariant> checked;
    /** The next sequence number to hand out, at most {@code count}. */
    private final AtomicInteger next = new AtomicInteger();
    /** Sequences below this number are still worth checking: the lowest bad ending known, else {@code count}. */
    private final AtomicInteger bound;
    // The lowest bad ending so far, guarded by this: its number, and either the sequence that broke an invariant
    // or what it threw past the step's own catch (an Error from an invariant, a generator's exception).
    private int badIndex = Integer.MAX_VALUE;
    private Explored badEnding;
    private Throwable thrown;

    Search(long master, int count, List<Invariant> checked) {
      this.master = master;
      this.count = count;
      this.checked = checked;
      this.bound = new AtomicInteger(count);
    }

    /** Checks on the calling thread and {@code threads - 1} more, and returns when all have stopped. */
    void run(int threads) {
      java.util.List<Thread> helpers = new ArrayList<>();
      for (int t = 1; t < threads; t++) {
        Thread helper = new Thread(this::work, "casemgmt-model-checker-" + t);
        helper.setDaemon(true); // a system under test that hangs must not keep the JVM alive after the test run
        helpers.add(helper);
        helper.start();
      }
      work();
      boolean interrupted = false;
      for (Thread helper : helpers) {
        while (helper.isAlive()) {
          try {
            helper.join();
          } catch (InterruptedException e) {
            interrupted = true; // as on one thread, the run goes on; the caller sees the flag again afterwards
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    private void work() {
      for (int i = claim(); i < bound.get(); i = claim()) {
        int index = i;
        try {
          Explored explored = explore(master, index, checked, running -> bound.get() < running);
          if (explored.violation().isDefined()) {
            endBadly(index, explored, null);
          }
        } catch (Throwable e) { // rethrown by result(), on the calling thread, if it is the lowest bad ending
          endBadly(index, null, e);
        }
      }
    }

    /** The next sequence number, or {@code count} once all are handed out (never more: no overflow near MAX_VALUE). */
    private int claim() {
      return next.getAndUpdate(n -> n < count ? n + 1 : n);
    }

    private synchronized void endBadly(int index, Explored explored, Throwable e) {
      if (index < badIndex) {
        badIndex = index;
        badEnding = explored;
        thrown = e;
        bound.accumulateAndGet(index, Math::min);
      }
    }

    /**
     * The run's result, read after {@link #run} (whose joins make the threads' writes visible): the lowest bad
     * ending shrunk, or what it threw thrown again, as on one thread.
     */
    synchronized Result result(long started) {
      if (thrown instanceof RuntimeException e) {
        throw e;
      }
      if (thrown instanceof Error e) {
        throw e;
      }
      if (thrown != null) {
        throw new IllegalStateException("a sequence threw a checked exception", thrown);
      }
      if (badEnding == null) {
        return new Result(master, count, (long) count * maxCommands, Duration.ofNanos(System.nanoTime() - started),
            Option.none());
      }
      Explored failing = badEnding;
      Option<Failure> failure = failing.violation().map(first -> shrink(failing, first, checked, master));
      // Every sequence below the failing one broke nothing, so each checked exactly maxCommands commands.
      long commands = (long) badIndex * maxCommands + failing.commands().size();
      return new Result(master, badIndex + 1, commands, Duration.ofNanos(System.nanoTime() - started), failure);
    }
  }

  /** A broken invariant at a step. */
  private record Violation(String invariant, int step, Option<Throwable> cause) {}

  /**
   * One sequence as it was explored: its number and seed, the opening, the commands chosen (up to the first
   * violation) and the violation, if any.
   */
  private record Explored(int sequence, long seed, IssuedCommand opening, List<IssuedCommand> commands,
      Option<Violation> violation) {}

  /** One step's outcome, for the story. */
  private record Outcome(IssuedCommand command, String line) {}

  /**
   * Opens sequence {@code i}'s case and chooses and checks its commands in one pass, each chosen from the state the
   * system under test is in: {@link #maxCommands} of them unless an invariant breaks first, or fewer if
   * {@code abandoned} says, before a step, that the sequence is no longer wanted (its result is then discarded).
   * Everything random comes from the sequence's own seed, so the sequence is the same on any thread.
   */
  private Explored explore(long master, int i, List<Invariant> checked, IntPredicate abandoned) {
    long sequenceSeed = Seeds.derive(master, i);
    RandomGenerator random = new SplittableRandom(sequenceSeed);
    IssuedCommand opening = CaseGens.openings().generate(random, 30).value();
    Runner runner = new Runner(opening, checked);
    CommandChooser chooser = new CommandChooser(random, opening.issued().at(), false, Option.none());
    List<IssuedCommand> commands = List.empty();
    for (int n = 0; n < maxCommands && runner.violation.isEmpty() && !abandoned.test(i); n++) {
      IssuedCommand command = chooser.next(runner.state);
      commands = commands.append(command);
      runner.step(command);
    }
    return new Explored(i, sequenceSeed, opening, commands, runner.violation);
  }

  private static Option<List<IssuedCommand>> simplerStory(List<IssuedCommand> story, StaffId opener,
      java.util.function.Predicate<List<IssuedCommand>> fails) {
    Option<List<IssuedCommand>> simpler = withoutAHandOver(story, opener, fails);
    return simpler.isDefined() ? simpler : assessedWithoutClosing(story, fails);
  }

  /**
   * The first story, in order, where a case closed and at once reopened (which takes it to assessment) starts its
   * assessment instead, and still fails; none if no such story fails.
   */
  private static Option<List<IssuedCommand>> assessedWithoutClosing(List<IssuedCommand> story,
      java.util.function.Predicate<List<IssuedCommand>> fails) {
    for (int i = 0; i + 1 < story.size(); i++) {
      if (story.get(i).command() instanceof Command.CloseCase
          && story.get(i + 1).command() instanceof Command.ReopenCase) {
        List<IssuedCommand> candidate = story.removeAt(i).update(i,
            IssuedCommand.of(story.get(i + 1).issued(), new Command.StartAssessment()));
        if (fails.test(candidate)) {
          return Option.some(candidate);
        }
      }
    }
    return Option.none();
  }

  /**
   * The first story, in order, that drops one hand-over and has the commands its new manager issued after it
   * issued by the manager who handed over, and still fails; none if no such story fails.
   */
  private static Option<List<IssuedCommand>> withoutAHandOver(List<IssuedCommand> story, StaffId opener,
      java.util.function.Predicate<List<IssuedCommand>> fails) {
    StaffId manager = opener;
    for (int i = 0; i < story.size(); i++) {
      if (story.get(i).command() instanceof HandOver handOver) {
        StaffId from = manager;
        StaffId to = handOver.newCaseManager();
        int at = i;
        List<IssuedCommand> candidate = story.removeAt(i).zipWithIndex().map(c -> c._2 >= at
            && c._1.issued().actor().equals(to)
            ? IssuedCommand.of(new Issued(from, c._1.issued().at(), c._1.issued().expectedVersion(),
                c._1.issued().commandId()), c._1.command())
            : c._1);
        if (fails.test(candidate)) {
          return Option.some(candidate);
        }
        manager = to;
      }
    }
    return Option.none();
  }

  /** Shrinks a failing sequence, deterministically: the same sequence always shrinks to the same story. */
  private Failure shrink(Explored failing, Violation first, List<Invariant> checked, long master) {
    IssuedCommand opening = failing.opening();
    List<IssuedCommand> commands = failing.commands();
    OpenCase open = (OpenCase) opening.command();
    StaffId opener = open.caseManager().getOrElse(opening.issued().actor());
    Shrinkable<List<IssuedCommand>> tree =
        Shrinking.list(commands.map(c -> CommandShrinker.shrinkable(c, opener, open.scope())), 0);
    java.util.function.Predicate<List<IssuedCommand>> fails = candidate -> replay(opening, candidate, checked)
        .violation.exists(v -> v.invariant().equals(first.invariant()));
    List<IssuedCommand> smallest = Shrinking.minimize(tree, fails).smallest().value();
    // Two shapes the list alone cannot lose, rewritten as a whole and shrunk again while one still fails: a
    // hand-over, which ties every later command of the new manager to it, and a case closed and reopened on the
    // way to an assessment that starting one reaches directly.
    for (Option<List<IssuedCommand>> simpler = simplerStory(smallest, opener, fails); simpler.isDefined();
        simpler = simplerStory(smallest, opener, fails)) {
      smallest = Shrinking.minimize(Shrinking.list(simpler.get()
          .map(c -> CommandShrinker.shrinkable(c, opener, open.scope())), 0), fails).smallest().value();
    }
    Runner replayed = replay(opening, smallest, checked);
    Violation violation = replayed.violation.getOrElse(first);
    StringBuilder story = new StringBuilder("  0. ").append(CommandDescriptions.describe(opening)).append("\n");
    replayed.outcomes.zipWithIndex().forEach(o -> story.append(String.format("%3d. ", o._2 + 1))
        .append(CommandDescriptions.describe(o._1.command())).append("\n       -> ").append(o._1.line())
        .append(o._2 + 1 == violation.step() ? "   <-- \"" + violation.invariant() + "\" broken here" : "")
        .append("\n"));
    return new Failure(violation.invariant(), master, failing.sequence(), failing.seed(), commands.size(),
        new GeneratedCase(opening, smallest), violation.step(), story.toString(), violation.cause());
  }

  private Runner replay(IssuedCommand opening, List<IssuedCommand> commands, List<Invariant> checked) {
    Runner runner = new Runner(opening, checked);
    for (IssuedCommand command : commands) {
      if (runner.violation.isDefined()) {
        break;
      }
      runner.step(command);
    }
    return runner;
  }

  /** Drives the system under test one command at a time, checking every invariant after each step. */
  private final class Runner {
    private final List<Invariant> checked;
    private CaseFile state;
    private List<RecordedEvent> history;
    private int steps;
    private Option<Violation> violation = Option.none();
    private List<Outcome> outcomes = List.empty();

    Runner(IssuedCommand opening, List<Invariant> checked) {
      this.checked = checked;
      Seq<RecordedEvent> opened = CaseFile.decideOpening(opening.issued(), (Command.OpenCase) opening.command())
          .getOrElseThrow(r -> new IllegalStateException("the opening was refused: " + r.rule()));
      this.history = List.ofAll(opened);
      this.state = CaseFile.replay(opened, permissions)
          .getOrElseThrow(h -> new IllegalStateException("the opening's history is invalid: " + h));
    }

    void step(IssuedCommand command) {
      steps++;
      SystemUnderTest.Handled handled;
      try {
        handled = sut.handle(state, command);
      } catch (RuntimeException e) {
        outcomes = outcomes.append(new Outcome(command, "threw " + e.getClass().getSimpleName()));
        violation = Option.some(new Violation("the system under test throws no exception", steps, Option.some(e)));
        return;
      }
      List<RecordedEvent> after = history.appendAll(handled.answer().getOrElse(List.empty()));
      CheckedStep step = new CheckedStep(steps, state, command, handled.answer(), handled.after(), after);
      outcomes = outcomes.append(new Outcome(command, handled.answer().fold(
          r -> "rejected: " + r.rule() + ", still " + phase(handled.after()),
          events -> "accepted, now " + phase(handled.after()) + ", version " + handled.after().version())));
      for (Invariant invariant : checked) {
        boolean holds;
        Option<Throwable> cause = Option.none();
        try {
          holds = invariant.holds(step);
        } catch (RuntimeException e) {
          holds = false;
          cause = Option.some(e);
        }
        if (!holds) {
          violation = Option.some(new Violation(invariant.name(), steps, cause));
          return;
        }
      }
      state = handled.after();
      history = after;
    }

    private String phase(CaseFile file) {
      return file.phase() + (file.suspended() ? " (suspended)" : "");
    }
  }
}
