package org.casemgmt.casefile;

import io.vavr.collection.Seq;
import io.vavr.control.Either;
import org.casemgmt.casefile.CaseEvent.*;

/**
 * Replays a stored history and checks it against the rules: each event must be one that {@code decide} could
 * have recorded, on the case file the events before it built, for the command that records it. Every event kind
 * is recorded by exactly one kind of command ({@link EventKind#command()}) and carries what that command said, so
 * {@link CaseRules#check} calls the same rule functions, in the same order, as {@code decide} does for that
 * command, given the event's content; no rule is restated here.
 *
 * <p>A history passes exactly when some sequence of accepted commands could have produced it: an event the
 * rules would refuse is answered with {@link InvalidHistory.Problem#BREAKS_RULE} and the {@link Rejection} its
 * command would have got; an event the rules would accept but record differently (a hand-over from someone who
 * was not the case manager, a plan version numbered out of turn) with {@link InvalidHistory.Problem#INCONSISTENT}.
 */
final class HistoryCheck {

  private HistoryCheck() {}

  /** Replays a history whose numbering and case were already checked, verifying every event. */
  static Either<InvalidHistory, CaseFile> replayVerified(Seq<RecordedEvent> history, Permissions permissions) {
    RecordedEvent first = history.head();
    CaseOpened opened = (CaseOpened) first.event();
    Issued openedBy = Issued.by(first.actor(), first.at());
    // Opening has no rule but the version the issuer expects, which a history starting at 1 meets.
    // One transient case file takes every event (see CaseFile.draft); a history that breaks a rule is dropped.
    CaseFile state = Evolution.opened(first.sequence(), first.at(), opened, permissions).draft();
    Issued issued = openedBy;
    for (RecordedEvent recorded : history.tail()) {
      CaseEvent event = recorded.event();
      if (!recorded.actor().equals(issued.actor()) || !recorded.at().equals(issued.at())) {
        issued = Issued.by(recorded.actor(), recorded.at()); // a run of events from one batch shares one stamp
      }
      try {
        Rejection broken = CaseRules.check(state, issued, event);
        if (broken != null) {
          return Either.left(InvalidHistory.breaks(recorded.sequence(), event.kind(), broken));
        }
        state = Evolution.apply(state, recorded);
      } catch (Evolution.Inconsistent e) {
        return Either.left(InvalidHistory.inconsistent(recorded.sequence(), event.kind(), e.getMessage()));
      }
    }
    return Either.right(state.freeze());
  }
}
