package org.casemgmt.casefile;

import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Why a stored history cannot be replayed: it is empty, does not start by opening the case, mixes cases, has a
 * gap or a repetition in its sequence numbers, or has an event that refers to what the case file does not hold
 * at that point.
 *
 * @param problem  what is wrong
 * @param position the 1-based position in the history where it was found
 * @param detail   the ids and numbers involved (never personal data)
 */
public record InvalidHistory(Problem problem, long position, String detail) {

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
     * An event refers to what the case file does not hold at that point (an unknown need, goal, intervention or
     * referral, or a plan event before planning started): not a history that the rules produced.
     */
    INCONSISTENT
  }

  static Option<InvalidHistory> checkAll(Seq<RecordedEvent> history) {
    if (history.isEmpty()) {
      return Option.some(new InvalidHistory(Problem.EMPTY, 0, "no events"));
    }
    RecordedEvent first = history.head();
    if (first == null) {
      throw new IllegalArgumentException("event 1 of the history is null");
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
        throw new IllegalArgumentException("event " + (expected + 1) + " of the history is null");
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
}
