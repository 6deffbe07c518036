package org.casemgmt.testkit;

import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.casemgmt.InputError;
import org.casemgmt.internal.Check;

/**
 * A generator of test inputs: a function of a random source and a size that answers a value together with
 * its shrink candidates ({@link Shrinkable}). Generators are values; they are combined with {@link #map},
 * {@link #flatMap}, {@link #filter} and the factories below, and the same random seed always gives the same
 * value, so a failure found once can be found again.
 *
 * <pre>{@code
 * Gen<List<Integer>> lists = Gen.listOf(Gen.integers(0, 1000), 0, 20);
 * Property.forAll(lists).check(list -> list.forAll(n -> n <= 100)); // fails, shrinks to List(101)
 * }</pre>
 *
 * <p>{@code size} is a hint of how big a value may be (the checker grows it from small to large); collections
 * use it to bound their length, numbers ignore it so that bounds stay exact.
 *
 * @param <T> the type of the generated values
 */
@FunctionalInterface
public interface Gen<T> {

  /** How many times {@link #filter} draws before it gives up. */
  int MAX_FILTER_TRIES = 100;

  /** The most elements a generated list or set holds, whatever its bounds and the size hint. */
  int MAX_LENGTH = 1_000_000;

  /**
   * Draws a value with its shrink candidates.
   *
   * @param random where the randomness comes from; the only source the generator may use
   * @param size   how big the value may be, at least 0
   * @return the value and its shrink candidates
   */
  Shrinkable<T> generate(RandomGenerator random, int size);

  /**
   * Draws a value from a fresh random source seeded with {@code seed}: handy in examples and to look at what a
   * generator produces.
   *
   * @param seed the random source's seed; the same seed gives the same value
   * @param size how big the value may be, at least 0
   * @return the value (without its shrink candidates)
   */
  default T sample(long seed, int size) {
    return generate(new SplittableRandom(seed), size).value();
  }

  // ---------------------------------------------------------------- combinators

  /**
   * Transforms the generated values; shrinking shrinks the original value and transforms the candidates.
   *
   * @param mapper the transformation, pure
   * @param <U>    the new type
   * @return the generator of transformed values
   */
  default <U> Gen<U> map(Function<? super T, ? extends U> mapper) {
    Check.notNull(mapper, "mapper");
    return (random, size) -> generate(random, size).map(mapper);
  }

  /**
   * Generates a value, then a second one from a generator chosen by the first. The inner generator gets its
   * own seed drawn once, so shrinking the outer value regenerates the inner one reproducibly.
   *
   * @param next which generator to use for a value, pure
   * @param <U>  the type of the second value
   * @return the generator of second values
   */
  default <U> Gen<U> flatMap(Function<? super T, ? extends Gen<U>> next) {
    Check.notNull(next, "next");
    return (random, size) -> {
      Shrinkable<T> outer = generate(random, size);
      long innerSeed = random.nextLong();
      return bind(outer, next, innerSeed, size);
    };
  }

  private static <T, U> Shrinkable<U> bind(Shrinkable<T> outer, Function<? super T, ? extends Gen<U>> next,
      long innerSeed, int size) {
    Shrinkable<U> inner = next.apply(outer.value()).generate(new SplittableRandom(innerSeed), size);
    return Shrinkable.of(inner.value(), () -> Stream.concat(
        outer.shrinks().map(smaller -> bind(smaller, next, innerSeed, size)),
        inner.shrinks()));
  }

  /**
   * Keeps only the values that satisfy a predicate, drawing again when one does not. Gives up with an
   * {@link IllegalStateException} after {@value #MAX_FILTER_TRIES} draws in a row fail: a predicate that
   * rejects most values should be replaced by a generator that builds valid values directly.
   *
   * @param predicate which values to keep
   * @return a generator of the values that pass; their shrink candidates pass too
   */
  default Gen<T> filter(Predicate<? super T> predicate) {
    Check.notNull(predicate, "predicate");
    return (random, size) -> {
      for (int i = 0; i < MAX_FILTER_TRIES; i++) {
        Shrinkable<T> candidate = generate(random, size);
        if (predicate.test(candidate.value())) {
          return candidate.filter(predicate);
        }
      }
      // Not about the arguments: the generator's own values failed the predicate too often.
      throw new IllegalStateException("Gen.filter: " + MAX_FILTER_TRIES + " values in a row failed the predicate; "
          + "generate valid values directly instead of filtering");
    };
  }

  // ---------------------------------------------------------------- factories

  /**
   * Always the same value, which does not shrink.
   *
   * @param value what every draw answers
   * @param <T>   its type
   * @return a generator that ignores its random source
   */
  static <T> Gen<T> constant(T value) {
    return (random, size) -> Shrinkable.just(value);
  }

  /**
   * Whole numbers in {@code [min, max]}, uniformly; they shrink towards zero if it is in range, else towards
   * the bound nearest to zero.
   *
   * @param min the smallest value
   * @param max the largest value, at least {@code min}
   * @return a generator of numbers in {@code [min, max]}
   * @throws org.casemgmt.InvalidInputException if {@code max} is below {@code min}
   */
  static Gen<Integer> integers(int min, int max) {
    Check.orThrow(Check.atLeast("max", max, min));
    long target = min > 0 ? min : Math.min(max, 0);
    return (random, size) -> {
      Check.notNull(random, "random");
      long value = min + random.nextLong((long) max - min + 1);
      return Shrinkable.unfold(value, v -> towards(v, target)).map(Long::intValue);
    };
  }

  /** Candidates between {@code target} and {@code value}: the target first, then halving the distance. */
  private static Stream<Long> towards(long value, long target) {
    if (value == target) {
      return Stream.empty();
    }
    java.util.List<Long> candidates = new ArrayList<>();
    candidates.add(target);
    long distance = value - target;
    for (long step = distance / 2; step != 0; step /= 2) {
      long candidate = value - step;
      if (candidate != target) {
        candidates.add(candidate);
      }
    }
    long previous = value - Long.signum(distance);
    if (!candidates.contains(previous)) {
      candidates.add(previous);
    }
    return candidates.stream();
  }

  /**
   * {@code true} or {@code false}, shrinking to {@code false}.
   *
   * @return a generator of either boolean, half of the time each
   */
  static Gen<Boolean> booleans() {
    return integers(0, 1).map(i -> i == 1);
  }

  /**
   * Days in {@code [from, from + days)}, shrinking towards {@code from}.
   *
   * @param from the first possible day
   * @param days how many days are possible, at least 1
   * @return a generator of days from {@code from} to {@code from + days - 1}
   * @throws org.casemgmt.InvalidInputException if the day is missing or unsupported, or the number of days out of
   *     range
   */
  static Gen<LocalDate> dates(LocalDate from, int days) {
    InputError day = Check.day("from", from);
    long room = day == null ? org.casemgmt.plan.DayWindow.LAST_DAY.toEpochDay() - from.toEpochDay() + 1 : days;
    Check.orThrow(day, Check.between("days", days, 1, Math.max(1, room)));
    return integers(0, days - 1).map(from::plusDays);
  }

  /**
   * One of the given values, uniformly; shrinks towards the first.
   *
   * @param values the values, at least one (null among them is a value like any other)
   * @param <T>    their type
   * @return a generator of those values
   * @throws org.casemgmt.InvalidInputException if the array is missing or empty
   */
  @SafeVarargs
  static <T> Gen<T> elements(T... values) {
    Check.orThrow(nonEmpty("values", values));
    List<T> all = List.of(values);
    return integers(0, values.length - 1).map(all::get);
  }

  /**
   * A value of one of the generators, each chosen with the same probability.
   *
   * @param gens the generators, at least one
   * @param <T>  the type of the values
   * @return a generator that draws from one of {@code gens}, shrinking within it
   * @throws org.casemgmt.InvalidInputException if the generators are missing, none, or one of them is missing
   */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    Check.orThrow(nonEmpty("gens", gens));
    List<Gen<? extends T>> all = List.of(gens);
    Check.orThrow(Check.elements("gens", all, true));
    return (random, size) -> widen(all.get(random.nextInt(all.size())).generate(random, size));
  }

  /**
   * A value of one of the generators, each chosen with probability proportional to its weight.
   *
   * <pre>{@code Gen<Integer> mostlySmall = Gen.frequency(Tuple.of(9, Gen.integers(0, 9)), Tuple.of(1, Gen.integers(10, 1000))); }</pre>
   *
   * @param weighted pairs of a weight (0 or more, not all 0) and a generator, at least one
   * @param <T>      the type of the values
   * @return a generator that draws from one of the generators, shrinking within it
   * @throws org.casemgmt.InvalidInputException if a pair, a weight or a generator is missing, a weight negative, or
   *     the weights add up to 0 or more than {@link Integer#MAX_VALUE}
   */
  @SafeVarargs
  static <T> Gen<T> frequency(Tuple2<Integer, ? extends Gen<? extends T>>... weighted) {
    Check.orThrow(nonEmpty("weighted", weighted));
    List<Tuple2<Integer, ? extends Gen<? extends T>>> all = List.of(weighted);
    Check.orThrow(Check.elements("weighted", all, true));
    Check.orThrow(all.exists(w -> w._1 == null || w._2 == null)
        ? new InputError("weighted", InputError.Problem.NULL_ELEMENT, "every pair needs a weight and a generator")
        : null);
    long sum = all.foldLeft(0L, (s, w) -> s + w._1); // as a long: two large weights must not wrap round
    Check.orThrow(all.exists(w -> w._1 < 0) || sum < 1 || sum > Integer.MAX_VALUE
        ? new InputError("weighted", InputError.Problem.OUT_OF_RANGE, "weights must not be negative and must add up "
            + "to 1 to " + Integer.MAX_VALUE + ", got " + sum)
        : null);
    int total = (int) sum;
    return (random, size) -> {
      Check.notNull(random, "random");
      int pick = random.nextInt(total);
      for (Tuple2<Integer, ? extends Gen<? extends T>> w : all) {
        if (pick < w._1) {
          return widen(w._2.generate(random, size));
        }
        pick -= w._1;
      }
      throw new IllegalStateException("unreachable: weights sum to " + total);
    };
  }

  @SuppressWarnings("unchecked")
  private static <T> Shrinkable<T> widen(Shrinkable<? extends T> shrinkable) {
    return (Shrinkable<T>) shrinkable;
  }

  /**
   * Lists of {@code min} to {@code max} elements (fewer when the size hint is small). A list shrinks by
   * dropping chunks of elements (halves first, then smaller chunks, down to single elements) and then by
   * shrinking its elements one at a time, so a failing list ends up with only the elements that matter, each
   * as simple as possible.
   *
   * @param element the generator of the elements
   * @param min     the fewest elements, from 0 to {@value #MAX_LENGTH}
   * @param max     the most elements, at least {@code min} (no list holds more than {@value #MAX_LENGTH})
   * @param <T>     the type of the elements
   * @return a generator of lists that shrink towards {@code min} elements
   * @throws org.casemgmt.InvalidInputException if the generator is missing or the bounds out of range
   */
  static <T> Gen<List<T>> listOf(Gen<T> element, int min, int max) {
    Check.orThrow(Check.present("element", element), Check.between("min", min, 0, MAX_LENGTH),
        Check.atLeast("max", max, min));
    return (random, size) -> {
      Check.notNull(random, "random");
      int upper = length(min, max, size);
      int length = min + random.nextInt(upper - min + 1);
      List<Shrinkable<T>> elements = List.fill(length, () -> element.generate(random, size));
      return Shrinking.list(elements, min);
    };
  }

  /**
   * Sets of {@code min} to {@code max} distinct elements, in the order they were drawn (so iteration is
   * reproducible). Shrinks like {@link #listOf}, keeping only candidates without duplicates.
   *
   * @param element the generator of the elements
   * @param min     the fewest elements, from 0 to {@value #MAX_LENGTH}
   * @param max     the most elements, at least {@code min} (no set holds more than {@value #MAX_LENGTH})
   * @param <T>     the type of the elements
   * @return the generator; fails like {@link #filter} if it cannot find {@code min} distinct elements
   * @throws org.casemgmt.InvalidInputException if the generator is missing or the bounds out of range
   */
  static <T> Gen<Set<T>> setOf(Gen<T> element, int min, int max) {
    Check.orThrow(Check.present("element", element), Check.between("min", min, 0, MAX_LENGTH),
        Check.atLeast("max", max, min));
    return (random, size) -> {
      Check.notNull(random, "random");
      int upper = length(min, max, size);
      int wanted = min + random.nextInt(upper - min + 1);
      List<Shrinkable<T>> drawn = List.empty();
      java.util.Set<T> seen = new java.util.HashSet<>();
      int misses = 0;
      while (drawn.size() < wanted && misses < MAX_FILTER_TRIES) {
        Shrinkable<T> next = element.generate(random, size);
        if (seen.add(next.value())) {
          drawn = drawn.append(next);
        } else {
          misses++;
        }
      }
      if (drawn.size() < min) {
        // Not about the arguments: the element generator has too few distinct values, as a filter that gives up.
        throw new IllegalStateException("Gen.setOf: found only " + drawn.size() + " distinct elements of the " + min
            + " required");
      }
      return Shrinking.list(drawn, min)
          .filter(list -> list.distinct().size() == list.size())
          .map(LinkedHashSet::ofAll);
    };
  }

  /**
   * Either no value or a value of the generator (each half of the time); shrinks to none first.
   *
   * @param gen the generator of present values
   * @param <T> their type
   * @return a generator of options, half of them empty
   */
  static <T> Gen<Option<T>> optionOf(Gen<T> gen) {
    Check.notNull(gen, "gen");
    return (random, size) -> {
      Check.notNull(random, "random");
      if (random.nextBoolean()) {
        return Shrinkable.just(Option.none());
      }
      Shrinkable<T> value = gen.generate(random, size);
      return some(value);
    };
  }

  private static <T> Shrinkable<Option<T>> some(Shrinkable<T> value) {
    return Shrinkable.of(Option.some(value.value()), () -> Stream.concat(
        Stream.of(Shrinkable.just(Option.<T>none())), value.shrinks().map(Gen::some)));
  }

  /**
   * The most elements a collection may draw: {@code min} plus the size hint, at most {@code max} and
   * {@link #MAX_LENGTH} — added as longs, so that a huge hint cannot wrap round.
   */
  private static int length(int min, int max, int size) {
    return (int) Math.max(min, Math.min(Math.min(max, (long) min + size), MAX_LENGTH));
  }

  /** An array that is present and not empty, for the varargs factories. */
  private static InputError nonEmpty(String field, Object[] values) {
    return values == null ? Check.present(field, null)
        : values.length == 0 ? new InputError(field, InputError.Problem.EMPTY,
            "needs at least one element")
        : null;
  }
}
