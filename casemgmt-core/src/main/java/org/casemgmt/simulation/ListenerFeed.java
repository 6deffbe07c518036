package org.casemgmt.simulation;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import java.util.ArrayList;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;

/**
 * What a {@link Run} tells its {@link SimulationListener}, and how it applies commands so that there is something
 * to tell. When someone listens, a command is decided and its recorded events are applied to the case file
 * ({@link CaseFile#decide} then {@link CaseFile#evolve}) and then streamed; a case file is opened by replaying the
 * opening's events; daily ticks are scheduled. With {@link SimulationListener#NONE} none of this is prepared: a
 * command is {@link CaseFile#handle handled} and an opening {@link CaseFile#open opened}, the same rules and the
 * same evolution without materialising the events nobody reads, and there are no daily ticks. Either way the
 * same commands are decided the same way.
 */
final class ListenerFeed {

  private final SimulationListener listener;
  /** False for {@link SimulationListener#NONE}: nothing is prepared for a listener that ignores everything. */
  final boolean listening;

  ListenerFeed(SimulationListener listener) {
    this.listener = listener;
    this.listening = listener != SimulationListener.NONE;
  }

  /**
   * Opens the case's file.
   *
   * @throws IllegalStateException if the opening is refused (the simulator's openings never are)
   */
  void open(SimulatedCase c, Issued opener, Command.OpenCase opening) {
    if (listening) {
      Either<Rejection, Seq<RecordedEvent>> decided = CaseFile.decideOpening(opener, opening);
      if (decided.isLeft()) {
        throw refusedOpening(decided.swap().map(Rejection::rule).getOrElse("?"));
      }
      Seq<RecordedEvent> events = decided.getOrElse(List.empty());
      c.file = CaseFile.replay(events).getOrElseThrow(h -> new IllegalStateException(h.toString()));
      for (RecordedEvent e : events) {
        listener.onEvent(e);
      }
    } else {
      // The same decision and evolution, without the history check replay makes: decide just numbered them.
      Either<Rejection, CaseFile> opened = CaseFile.open(opener, opening);
      if (opened.isLeft()) {
        throw refusedOpening(opened.swap().map(Rejection::rule).getOrElse("?"));
      }
      c.file = opened.getOrNull();
    }
  }

  private static IllegalStateException refusedOpening(String rule) {
    return new IllegalStateException("opening a simulated case was refused: " + rule);
  }

  /**
   * Decides a command on the case's file and applies its events.
   *
   * @return the rejection, or {@code null} if the command was accepted (the case then holds the new file)
   */
  Rejection apply(SimulatedCase c, Issued issued, Command command) {
    if (listening) {
      // The listener streams the recorded events: decide, then evolve with them.
      Either<Rejection, Seq<RecordedEvent>> decided = c.file.decide(issued, command);
      if (decided.isLeft()) {
        return decided.swap().getOrNull();
      }
      Seq<RecordedEvent> events = decided.getOrNull();
      c.file = c.file.evolve(events);
      for (RecordedEvent e : events) {
        listener.onEvent(e);
      }
    } else {
      // The same rules and the same evolution, without materialising the events nobody reads.
      Either<Rejection, CaseFile> handled = c.file.handle(issued, command);
      if (handled.isLeft()) {
        return handled.swap().getOrNull();
      }
      c.file = handled.getOrNull();
    }
    return null;
  }

  /** The service's state at the start of a day (only scheduled when someone listens). */
  void day(long day, int openCases, int waitingForManager, int activeInterventions) {
    listener.onDay(new DailyStatus(day, openCases, waitingForManager, activeInterventions));
  }

  /** A case closed; the run forgets it after this. */
  void caseClosed(CaseFile file) {
    if (listening) {
      listener.onCaseClosed(file);
    }
  }

  /** The horizon is reached with these cases open, the first of them given, in arrival order. */
  void end(SimulatedCase first, int openCount) {
    if (listening) {
      ArrayList<CaseFile> files = new ArrayList<>(openCount);
      for (SimulatedCase c = first; c != null; c = c.next) {
        files.add(c.file);
      }
      listener.onEnd(Vector.ofAll(files));
    }
  }
}
