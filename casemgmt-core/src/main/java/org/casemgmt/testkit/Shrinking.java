package org.casemgmt.testkit;

import io.vavr.collection.List;
import java.util.Iterator;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The shrinking machinery shared by {@link Gen}, {@link Property} and {@link ModelChecker}. */
final class Shrinking {

  /** At most this many candidates are tried in one shrink, so a slow property still ends. */
  static final int MAX_ATTEMPTS = 5_000;

  private Shrinking() {}

  /**
   * A list whose candidates drop chunks (the whole removable part, then halves, quarters… down to single
   * elements) and then shrink one element at a time. Dropping first finds the few elements that matter
   * quickly; shrinking elements afterwards makes each of them as simple as possible.
   */
  static <T> Shrinkable<List<T>> list(List<Shrinkable<T>> elements, int min) {
    return Shrinkable.of(elements.map(Shrinkable::value), () -> {
      int n = elements.size();
      Stream<Shrinkable<List<T>>> removals = Stream.iterate(n - min, k -> k > 0, k -> k / 2)
          .flatMap(k -> IntStream.iterate(0, i -> i + k <= n, i -> i + k)
              .mapToObj(i -> list(elements.take(i).appendAll(elements.drop(i + k)), min)));
      Stream<Shrinkable<List<T>>> smallerElements = IntStream.range(0, n).boxed()
          .flatMap(i -> elements.get(i).shrinks().map(s -> list(elements.update(i, s), min)));
      return Stream.concat(removals, smallerElements);
    });
  }

  /** The outcome of a shrink: the smallest failing value found and how many steps and attempts it took. */
  record Shrunk<T>(Shrinkable<T> smallest, int steps, int attempts) {}

  /**
   * Greedy search: moves to the first candidate that still fails, until no candidate fails or the attempt
   * budget is spent.
   */
  static <T> Shrunk<T> minimize(Shrinkable<T> failing, Predicate<? super T> fails) {
    Shrinkable<T> current = failing;
    int steps = 0;
    int attempts = 0;
    boolean improved = true;
    while (improved && attempts < MAX_ATTEMPTS) {
      improved = false;
      Iterator<Shrinkable<T>> candidates = current.shrinks().iterator();
      while (candidates.hasNext() && attempts < MAX_ATTEMPTS) {
        Shrinkable<T> candidate = candidates.next();
        attempts++;
        if (fails.test(candidate.value())) {
          current = candidate;
          steps++;
          improved = true;
          break;
        }
      }
    }
    return new Shrunk<>(current, steps, attempts);
  }
}
