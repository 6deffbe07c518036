package org.casemgmt.testkit;

import io.vavr.control.Option;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import org.casemgmt.internal.Check;

/**
 * A property over generated values, checked as an assertion from a plain test: it draws values from a
 * {@link Gen}, and on the first one that fails it shrinks it to a simplest failing value and throws an
 * {@link AssertionError} with the seed needed to repeat the run. A value fails when the predicate answers
 * {@code false} or throws.
 *
 * <pre>{@code
 * @Test
 * void touching_windows_never_overlap() {
 *   Property.forAll(CaseGens.dayWindows()).check(w -> !w.overlaps(new DayWindow(w.end(), w.end().plusDays(1))));
 * }
 * }</pre>
 *
 * <p>The number of tries comes from {@link #tries(int)}, else {@code -Dcasemgmt.sequences}, else 1000; the
 * seed from {@link #seed(long)}, else {@code -Dcasemgmt.seed}, else a fresh one. The size hint grows from 0
 * to {@link #maxSize(int)} over the run, so early tries are small.
 *
 * @param <T> the type of the values
 */
public final class Property<T> {

  private final Gen<T> gen;
  private final Option<Integer> tries;
  private final Option<Long> seed;
  private final int maxSize;
  private final Function<? super T, String> describe;

  private Property(Gen<T> gen, Option<Integer> tries, Option<Long> seed, int maxSize,
      Function<? super T, String> describe) {
    this.gen = gen;
    this.tries = tries;
    this.seed = seed;
    this.maxSize = maxSize;
    this.describe = describe;
  }

  /**
   * A property over the values of a generator.
   *
   * @param gen draws the values to check, and shrinks a failing one
   * @param <T> the type of the values
   * @return the property, with default settings
   */
  public static <T> Property<T> forAll(Gen<T> gen) {
    Check.notNull(gen, "gen");
    return new Property<>(gen, Option.none(), Option.none(), 30, String::valueOf);
  }

  /**
   * The same property checked on {@code count} values.
   *
   * @param count the count, at least 1
   * @return the same property checked on {@code count} values
   * @throws org.casemgmt.InvalidInputException if {@code count} is below 1
   */
  public Property<T> tries(int count) {
    Check.orThrow(Check.atLeast("tries", count, 1));
    return new Property<>(gen, Option.some(count), seed, maxSize, describe);
  }

  /**
   * The same property with a fixed master seed: the same seed draws the same values.
   *
   * @param masterSeed the seed a failure report prints, to repeat that run
   * @return a new property; this one is unchanged
   */
  public Property<T> seed(long masterSeed) {
    return new Property<>(gen, tries, Option.some(masterSeed), maxSize, describe);
  }

  /**
   * The same property with another largest size hint (default 30).
   *
   * @param size the size, at least 0
   * @return the same property with another largest size hint (default 30)
   * @throws org.casemgmt.InvalidInputException if {@code size} is negative
   */
  public Property<T> maxSize(int size) {
    Check.orThrow(Check.atLeast("maxSize", size, 0));
    return new Property<>(gen, tries, seed, size, describe);
  }

  /**
   * The same property describing failing values with a function of their own — use it when values hold free
   * text or personal data, which must never reach a test report.
   *
   * @param description renders a failing value for the report, without free text or personal data
   * @return a new property; this one is unchanged
   */
  public Property<T> describedBy(Function<? super T, String> description) {
    Check.notNull(description, "description");
    return new Property<>(gen, tries, seed, maxSize, description);
  }

  /**
   * A counterexample: the value that failed first, the simplest failing value shrinking found, and where to
   * start again.
   *
   * @param masterSeed  the run's master seed
   * @param tryNumber   the try that failed, from 0
   * @param original    the value that failed first (null if the generator drew null)
   * @param shrunk      the simplest failing value found (null if the generator drew null)
   * @param shrinkSteps how many times shrinking found a simpler failing value
   * @param <T>         the type of the values
   */
  public record Counterexample<T>(long masterSeed, int tryNumber, T original, T shrunk, int shrinkSteps) {

    /**
     * Creates the counterexample, checking its counts; the values are what the generator drew, null included.
     *
     * @param masterSeed  the run's master seed
     * @param tryNumber   the try that failed, from 0
     * @param original    the value that failed first
     * @param shrunk      the simplest failing value found
     * @param shrinkSteps how many times shrinking found a simpler failing value
     */
    public Counterexample {
      Check.orThrow(Check.atLeast("tryNumber", tryNumber, 0), Check.atLeast("shrinkSteps", shrinkSteps, 0));
    }
  }

  /**
   * Runs the property and answers the first counterexample, if any (for tests that inspect it).
   *
   * @param predicate what must hold for every value
   * @return the counterexample, or none if every try passed
   */
  public Option<Counterexample<T>> findCounterexample(Predicate<? super T> predicate) {
    Check.notNull(predicate, "predicate");
    long master = Seeds.master(seed);
    int count = Seeds.count(tries, 1000);
    Predicate<T> fails = value -> !holds(predicate, value);
    for (int i = 0; i < count; i++) {
      int size = count == 1 ? maxSize : (int) ((long) i * maxSize / (count - 1));
      Shrinkable<T> drawn = gen.generate(new SplittableRandom(Seeds.derive(master, i)), size);
      if (fails.test(drawn.value())) {
        Shrinking.Shrunk<T> shrunk = Shrinking.minimize(drawn, fails);
        return Option.some(new Counterexample<>(master, i, drawn.value(), shrunk.smallest().value(), shrunk.steps()));
      }
    }
    return Option.none();
  }

  /**
   * Runs the property as an assertion.
   *
   * @param predicate what must hold for every value
   * @throws AssertionError with the shrunk counterexample and the seed if a value fails
   */
  public void check(Predicate<? super T> predicate) {
    findCounterexample(predicate).forEach(c -> {
      throw new AssertionError("Property failed after " + (c.tryNumber() + 1) + " tries.\n"
          + "  simplest counterexample (" + c.shrinkSteps() + " shrink steps): " + describe.apply(c.shrunk()) + "\n"
          + "  first counterexample: " + describe.apply(c.original()) + "\n"
          + "  repeat with -D" + Seeds.SEED_PROPERTY + "=" + c.masterSeed());
    });
  }

  private static <T> boolean holds(Predicate<? super T> predicate, T value) {
    try {
      return predicate.test(value);
    } catch (RuntimeException | AssertionError e) {
      return false;
    }
  }
}
