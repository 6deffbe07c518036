package org.casemgmt.casefile;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.casemgmt.InputError;
import org.casemgmt.InvalidInputException;
import org.casemgmt.internal.Check;

/**
 * Why a stored history cannot be replayed: it is empty, does not start by opening the case, mixes cases, has a
 * gap or a repetition in its sequence numbers, or has an event that could not have followed the events before
 * it — one the rules would refuse, or record differently, or that refers to what the case file does not hold at
 * that point.
 *
 * <pre>{@code
 * CaseFile.replay(history).peekLeft(problem ->
 *     log.warn("case {}: history refused at {} ({}): {}", caseId, problem.position(),
 *         problem.event().map(Enum::name).getOrElse("-"), problem.rejection().map(Rejection::rule).getOrElse("-")));
 * }</pre>
 *
 * @param problem   what is wrong
 * @param position  the 1-based position in the history where it was found (0 for an empty history)
 * @param event     the kind of the event found wrong, when one was
 * @param rejection the rule the event breaks — the rejection its command would have got — for
 *                  {@link Problem#BREAKS_RULE}
 * @param detail    the ids and numbers involved (never personal data)
 */
public record InvalidHistory(Problem problem, long position, Option<EventKind> event, Option<Rejection> rejection,
    String detail) {

  /** What can be wrong with a history. */
  public enum Problem {
    /** There are no events. */
    EMPTY,
    /** The first event is not {@link CaseEvent.CaseOpened}, or a later one is. */
    NOT_OPENED_FIRST,
    /** An event belongs to another case. */
    OTHER_CASE,
    /** A sequence number is not the previous one plus one. */
    OUT_OF_SEQUENCE,
    /**
     * An event could not have followed the events before it although no rule refuses it: the rules record it
     * differently at that point, or it refers to what the case file does not hold (an unknown need, goal,
     * intervention or referral, or a plan event before planning started).
     */
    INCONSISTENT,
    /** The command that records the event would be refused there: {@link #rejection()} names the rule. */
    BREAKS_RULE
  }

  public InvalidHistory {
    Check.orThrow(Check.present("problem", problem),
        Check.atLeast("position", position, 0),
        Check.option("event", event), Check.option("rejection", rejection),
        Check.present("detail", detail));
  }

  /** A problem with the history's shape, found before any event is applied. */
  InvalidHistory(Problem problem, long position, String detail) {
    this(problem, position, Option.none(), Option.none(), detail);
  }

  /** The event at {@code position} breaks a rule: its command would have got {@code rejection}. */
  static InvalidHistory breaks(long position, EventKind event, Rejection rejection) {
    return new InvalidHistory(Problem.BREAKS_RULE, position, Option.some(event), Option.some(rejection),
        event + " breaks " + rejection.rule());
  }

  /** The event at {@code position} cannot follow the events before it, though no rule refuses it. */
  static InvalidHistory inconsistent(long position, EventKind event, String detail) {
    return new InvalidHistory(Problem.INCONSISTENT, position, Option.some(event), Option.none(), detail);
  }

  static Option<InvalidHistory> checkAll(Seq<RecordedEvent> history) {
    if (history.isEmpty()) {
      return Option.some(new InvalidHistory(Problem.EMPTY, 0, "no events"));
    }
    RecordedEvent first = history.head();
    if (first == null) {
      throw nullEvent(1);
    }
    if (!(first.event() instanceof CaseEvent.CaseOpened opened) || !opened.caseId().equals(first.caseId())) {
      return Option.some(new InvalidHistory(Problem.NOT_OPENED_FIRST, 1, "first event is " + first.event().getClass().getSimpleName()));
    }
    if (first.sequence() != 1) {
      return Option.some(new InvalidHistory(Problem.OUT_OF_SEQUENCE, 1, "expected 1, got " + first.sequence()));
    }
    long expected = 1;
    for (RecordedEvent event : history.tail()) {
      if (event == null) {
        throw nullEvent(expected + 1);
      }
      Option<InvalidHistory> problem = check(first.caseId(), expected, event);
      if (problem.isDefined()) {
        return problem;
      }
      expected++;
    }
    return Option.none();
  }

  static Option<InvalidHistory> check(CaseId caseId, long version, RecordedEvent event) {
    long position = version + 1;
    if (!event.caseId().equals(caseId)) {
      return Option.some(new InvalidHistory(Problem.OTHER_CASE, position, "expected " + caseId + ", got " + event.caseId()));
    }
    if (event.sequence() != position) {
      return Option.some(new InvalidHistory(Problem.OUT_OF_SEQUENCE, position, "expected " + position + ", got " + event.sequence()));
    }
    if (event.event() instanceof CaseEvent.CaseOpened) {
      return Option.some(new InvalidHistory(Problem.NOT_OPENED_FIRST, position, "CaseOpened after the first event"));
    }
    return Option.none();
  }

  private static InvalidInputException nullEvent(long position) {
    return new InvalidInputException(
        List.of(new InputError("history", InputError.Problem.NULL_ELEMENT, "event " + position + " is null")));
  }
}
