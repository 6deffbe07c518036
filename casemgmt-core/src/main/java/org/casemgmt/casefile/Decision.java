package org.casemgmt.casefile;

import java.util.function.Function;
import org.casemgmt.internal.Check;

/**
 * What a case file decides about a command: the {@link CaseEvent} it causes, or the {@link Rejection} that
 * names the broken rule. Every command causes at most one event, so a decision is exactly one of the two. The
 * public entry points answer {@code Either<Rejection, …>}; the rules inside answer a {@code Decision}, a typed
 * value that allocates nothing beyond the event or the rejection itself.
 *
 * <pre>{@code
 * String line = decision.fold(Rejection::rule, event -> event.kind().name());
 * }</pre>
 */
public sealed interface Decision permits CaseEvent, Rejection {

  /**
   * Answers one of two functions, by what was decided.
   *
   * @param ifRejected applied to the rejection
   * @param ifAccepted applied to the event
   * @param <T>        the answer's type
   * @return what the function for this decision answered
   * @throws org.casemgmt.InvalidInputException if a function is missing
   */
  default <T> T fold(Function<? super Rejection, ? extends T> ifRejected,
      Function<? super CaseEvent, ? extends T> ifAccepted) {
    Check.orThrow(Check.present("ifRejected", ifRejected), Check.present("ifAccepted", ifAccepted));
    return this instanceof Rejection r ? ifRejected.apply(r) : ifAccepted.apply((CaseEvent) this);
  }
}
