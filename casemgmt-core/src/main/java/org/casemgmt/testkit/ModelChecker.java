package org.casemgmt.testkit;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.internal.Check;

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
 * <p>The checker uses no test framework: it is an assertion method that throws {@link AssertionError}.
 */
public final class ModelChecker {

  /** The default number of commands after the opening in one sequence. */
  public static final int DEFAULT_MAX_COMMANDS = 60;

  /** The default number of sequences when neither {@link #sequences(int)} nor the system property says. */
  public static final int DEFAULT_SEQUENCES = 2000;

  private final SystemUnderTest sut;
  private final List<Invariant> invariants;
  private final boolean caseInvariants;
  private final Option<Integer> sequences;
  private final Option<Long> seed;
  private final int maxCommands;

  private ModelChecker(SystemUnderTest sut, List<Invariant> invariants, boolean caseInvariants,
      Option<Integer> sequences, Option<Long> seed, int maxCommands) {
    this.sut = sut;
    this.invariants = invariants;
    this.caseInvariants = caseInvariants;
    this.sequences = sequences;
    this.seed = seed;
    this.maxCommands = maxCommands;
  }

  /**
   * A checker of casemgmt's own case files with all of {@link CaseInvariants}.
   *
   * @return the checker with default settings
   */
  public static ModelChecker forCaseFiles() {
    return new ModelChecker(SystemUnderTest.real(), List.empty(), true, Option.none(), Option.none(),
        DEFAULT_MAX_COMMANDS);
  }

  /**
   * The same checker driving another system under test, such as an application's wrapper of casemgmt.
   *
   * @param system handles each command in its envelope and answers the events or the rejection and the state
   * @return a new checker; this one is unchanged
   */
  public ModelChecker systemUnderTest(SystemUnderTest system) {
    Check.notNull(system, "system");
    return new ModelChecker(system, invariants, caseInvariants, sequences, seed, maxCommands);
  }

  /**
   * The same checker with one more invariant, checked after casemgmt's own.
   *
   * @param invariant checked after every step, after the invariants added before it
   * @return a new checker; this one is unchanged
   */
  public ModelChecker invariant(Invariant invariant) {
    Check.notNull(invariant, "invariant");
    return new ModelChecker(sut, invariants.append(invariant), caseInvariants, sequences, seed, maxCommands);
  }

  /** {@return the same checker checking only the invariants added with {@link #invariant(Invariant)}} */
  public ModelChecker withoutCaseInvariants() {
    return new ModelChecker(sut, invariants, false, sequences, seed, maxCommands);
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
    return new ModelChecker(sut, invariants, caseInvariants, Option.some(count), seed, maxCommands);
  }

  /**
   * The same checker with a fixed master seed, whatever {@code -Dcasemgmt.seed} says.
   *
   * @param masterSeed the seed every sequence's own seed is derived from, as a failure report prints it
   * @return a new checker; this one is unchanged
   */
  public ModelChecker seed(long masterSeed) {
    return new ModelChecker(sut, invariants, caseInvariants, sequences, Option.some(masterSeed), maxCommands);
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
    return new ModelChecker(sut, invariants, caseInvariants, sequences, seed, count);
  }

  // ---------------------------------------------------------------- results

  /**
   * What a run did.
   *
   * @param masterSeed       the seed the run used, to repeat it with {@code -Dcasemgmt.seed}
   * @param sequences        how many sequences were run (up to and including a failing one)
   * @param commandsChecked  how many commands were handled and checked, shrinking not included
   * @param elapsed          how long the run took, shrinking included
   * @param failure          the first broken invariant, shrunk, if any
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
    List<Invariant> checked = checkedInvariants();
    long commands = 0;
    for (int i = 0; i < count; i++) {
      Sequence one = sequence(master, i, checked);
      commands += one.commands();
      if (one.failure().isDefined()) {
        return new Result(master, i + 1, commands, Duration.ofNanos(System.nanoTime() - started), one.failure());
      }
    }
    return new Result(master, count, commands, Duration.ofNanos(System.nanoTime() - started), Option.none());
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
            () -> sequence(master, i, checked).failure().forEach(f -> {
              AssertionError error = new AssertionError(f.report());
              f.cause().forEach(error::initCause);
              throw error;
            })));
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

  /** What one sequence did: how many commands it chose and its shrunk failure, if any. */
  private record Sequence(int commands, Option<Failure> failure) {}

  private Sequence sequence(long master, int i, List<Invariant> checked) {
    long sequenceSeed = Seeds.derive(master, i);
    RandomGenerator random = new SplittableRandom(sequenceSeed);
    IssuedCommand opening = CaseGens.openings().generate(random, 30).value();
    Exploration explored = explore(opening, random, checked);
    Option<Failure> failure = explored.violation()
        .map(first -> shrink(opening, explored.commands(), first, checked, master, i, sequenceSeed));
    return new Sequence(explored.commands().size(), failure);
  }

  /** A broken invariant at a step. */
  private record Violation(String invariant, int step, Option<Throwable> cause) {}

  /** The commands chosen in one sequence (up to the first violation) and the violation, if any. */
  private record Exploration(List<IssuedCommand> commands, Option<Violation> violation) {}

  /** One step's outcome, for the story. */
  private record Outcome(IssuedCommand command, String line) {}

  /** Chooses and checks commands in one pass: each command is chosen from the state the system under test is in. */
  private Exploration explore(IssuedCommand opening, RandomGenerator random, List<Invariant> checked) {
    Runner runner = new Runner(opening, checked);
    CommandChooser chooser = new CommandChooser(random, opening.issued().at(), false, Option.none());
    List<IssuedCommand> commands = List.empty();
    for (int i = 0; i < maxCommands && runner.violation.isEmpty(); i++) {
      IssuedCommand command = chooser.next(runner.state);
      commands = commands.append(command);
      runner.step(command);
    }
    return new Exploration(commands, runner.violation);
  }

  private Failure shrink(IssuedCommand opening, List<IssuedCommand> commands, Violation first, List<Invariant> checked,
      long master, int sequence, long sequenceSeed) {
    Shrinkable<List<IssuedCommand>> tree = Shrinking.list(commands.map(CommandShrinker::shrinkable), 0);
    Shrinking.Shrunk<List<IssuedCommand>> shrunk = Shrinking.minimize(tree, candidate -> replay(opening, candidate, checked)
        .violation.exists(v -> v.invariant().equals(first.invariant())));
    List<IssuedCommand> smallest = shrunk.smallest().value();
    Runner replayed = replay(opening, smallest, checked);
    Violation violation = replayed.violation.getOrElse(first);
    StringBuilder story = new StringBuilder("  0. ").append(CommandDescriptions.describe(opening)).append("\n");
    replayed.outcomes.zipWithIndex().forEach(o -> story.append(String.format("%3d. ", o._2 + 1))
        .append(CommandDescriptions.describe(o._1.command())).append("\n       -> ").append(o._1.line())
        .append(o._2 + 1 == violation.step() ? "   <-- \"" + violation.invariant() + "\" broken here" : "")
        .append("\n"));
    return new Failure(violation.invariant(), master, sequence, sequenceSeed, commands.size(),
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
      this.state = CaseFile.replay(opened)
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
