package org.casemgmt.testkit;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.casemgmt.internal.Check;

/**
 * A generated value together with the smaller values it could be replaced by: a rose tree whose children are
 * computed only when a property fails and the checker looks for a shorter counterexample. Keeping the shrink
 * candidates next to the value (instead of shrinking values after the fact) means every candidate is one the
 * generator could have produced, so mapped and filtered generators shrink without extra code.
 *
 * <pre>{@code
 * Shrinkable<Integer> five = Shrinkable.unfold(5, n -> n > 0 ? Stream.of(0, n - 1) : Stream.empty());
 * five.value();   // 5
 * five.shrinks(); // 0, 4 — each with its own shrinks
 * }</pre>
 *
 * @param <T> the type of the value
 */
public final class Shrinkable<T> {

  private final T value;
  private final Supplier<Stream<Shrinkable<T>>> shrinks;

  private Shrinkable(T value, Supplier<Stream<Shrinkable<T>>> shrinks) {
    this.value = value;
    this.shrinks = shrinks;
  }

  /**
   * A value with the given candidates; the supplier is called anew each time {@link #shrinks()} is.
   *
   * @param value   the generated value
   * @param shrinks the smaller candidates, simplest first
   * @param <T>     the type of the value
   * @return the shrinkable value
   */
  public static <T> Shrinkable<T> of(T value, Supplier<Stream<Shrinkable<T>>> shrinks) {
    Check.notNull(shrinks, "shrinks");
    return new Shrinkable<>(value, shrinks);
  }

  /**
   * A value that cannot be simplified, such as a constant.
   *
   * @param value the generated value
   * @param <T>   the type of the value
   * @return the value without shrink candidates
   */
  public static <T> Shrinkable<T> just(T value) {
    return new Shrinkable<>(value, Stream::empty);
  }

  /**
   * A value whose candidates come from applying a shrinking function again and again: the tree is the
   * unfolding of {@code shrinker} from {@code value}. The function must eventually answer an empty stream
   * (every candidate strictly simpler), or shrinking stops only at the checker's step limit.
   *
   * @param value    the generated value, the root of the tree
   * @param shrinker the simpler candidates of a value, simplest first
   * @param <T>      the type of the value
   * @return the shrinkable value
   */
  public static <T> Shrinkable<T> unfold(T value, Function<? super T, Stream<T>> shrinker) {
    Check.notNull(shrinker, "shrinker");
    return new Shrinkable<>(value, () -> shrinker.apply(value).map(v -> unfold(v, shrinker)));
  }

  /** {@return the generated value} */
  public T value() {
    return value;
  }

  /** {@return the simpler candidates, simplest first, computed lazily on each call} */
  public Stream<Shrinkable<T>> shrinks() {
    return shrinks.get();
  }

  /**
   * The same tree with every value transformed; shrinking a mapped value shrinks the original.
   *
   * @param mapper the transformation, pure: it is applied again to each candidate looked at
   * @param <U>    the new type
   * @return the transformed tree
   */
  public <U> Shrinkable<U> map(Function<? super T, ? extends U> mapper) {
    Check.notNull(mapper, "mapper");
    return new Shrinkable<>(mapper.apply(value), () -> shrinks().map(s -> s.map(mapper)));
  }

  /**
   * The same tree without the candidates that fail the predicate (their own candidates are dropped too: a
   * value that is not allowed is not a step towards a smaller one). The root is kept as it is.
   *
   * @param predicate which candidates are allowed
   * @return the pruned tree
   */
  public Shrinkable<T> filter(Predicate<? super T> predicate) {
    Check.notNull(predicate, "predicate");
    return new Shrinkable<>(value, () -> shrinks().filter(s -> predicate.test(s.value())).map(s -> s.filter(predicate)));
  }

  @Override
  public String toString() {
    return "Shrinkable[" + value + "]";
  }
}
