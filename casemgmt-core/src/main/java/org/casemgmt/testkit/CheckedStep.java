package org.casemgmt.testkit;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.internal.Check;

/**
 * One step of a checked command sequence, as an {@link Invariant} sees it: the case file before, the
 * command in its envelope, what the system under test answered, the case file after, and the whole event
 * history so far.
 *
 * <pre>{@code
 * Invariant.of("only anna hands over", step ->
 *     step.command().kind() != CommandKind.HAND_OVER || step.command().issued().actor().equals(anna));
 * }</pre>
 *
 * @param number  the step's position in the sequence, from 1
 * @param before  the case file before the command
 * @param command the command, in its envelope
 * @param answer  the rejection, or the events the command caused
 * @param after   the case file after the command
 * @param history every accepted event from the opening on, including this step's
 */
public record CheckedStep(int number, CaseFile before, IssuedCommand command,
    Either<Rejection, Seq<RecordedEvent>> answer, CaseFile after, List<RecordedEvent> history) {

  /**
   * Creates a step, checking that every field is present.
   *
   * @param number  the step's position in the sequence, from 1
   * @param before  the case file before the command
   * @param command the command, in its envelope
   * @param answer  the rejection, or the events the command caused
   * @param after   the case file after the command
   * @param history every accepted event from the opening on, including this step's
   */
  public CheckedStep {
    Check.orThrow(Check.atLeast("number", number, 1), Check.present("before", before),
        Check.present("command", command), Check.present("answer", answer), Check.present("after", after),
        Check.present("history", history));
  }

  /** {@return whether the command was accepted} */
  public boolean accepted() {
    return answer.isRight();
  }

  /** {@return the rejection, if the command was refused} */
  public Option<Rejection> rejection() {
    return answer.swap().toOption();
  }

  /** {@return the events the command caused (empty if it was refused)} */
  public Seq<RecordedEvent> events() {
    return answer.getOrElse(List.empty());
  }
}
