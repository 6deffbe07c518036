package org.casemgmt.simulation;

import io.vavr.collection.Vector;
import java.util.ArrayList;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Decision;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.Permissions;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.internal.Projections;
import org.casemgmt.internal.Trusted;
import org.casemgmt.service.ServiceProjection;

/**
 * Where a {@link Run}'s commands go: every command is decided by the case file's rules and its event applied, as
 * {@link CaseFile#handle} does (its two halves, so that the event is at hand); the event, with the case file after
 * it, is folded into the run's {@link ServiceProjection} (one transient projection for the whole run, the
 * definition of every figure the summary gives); and, when someone listens, it is recorded and streamed to the
 * {@link SimulationListener}. A case file is opened from the opening's event. Daily ticks go to the listener only.
 */
final class ListenerFeed {

  private final SimulationListener listener;
  /** False for {@link SimulationListener#NONE}: nothing is prepared for a listener that ignores everything. */
  final boolean listening;
  private ServiceProjection projection;

  ListenerFeed(SimulationListener listener) {
    this.listener = listener;
    this.listening = listener != SimulationListener.NONE;
  }

  /** The transient projection every event of the run is folded into (set once, before the first case opens). */
  void project(ServiceProjection draft) {
    this.projection = draft;
  }

  /**
   * Opens the case's file.
   *
   * @throws IllegalStateException if the opening is refused (the simulator's openings never are)
   */
  void open(SimulatedCase c, Issued opener, Command.OpenCase opening, Permissions permissions) {
    // open's two halves, keeping the event between them: the same decision and the same case file.
    Decision decided = Trusted.decideOpening(opener, opening);
    if (decided instanceof Rejection r) {
      throw refusedOpening(r.rule());
    }
    CaseEvent.CaseOpened event = (CaseEvent.CaseOpened) decided;
    c.file = Trusted.opened(opener, event, permissions);
    c.projected = Projections.accept(projection, c.projected, opening.caseId(), 1, opener.at(), event, c.file);
    if (listening) {
      listener.onEvent(new RecordedEvent(opening.caseId(), 1, opener.actor(), opener.at(), event));
    }
  }

  private static IllegalStateException refusedOpening(String rule) {
    return new IllegalStateException("opening a simulated case was refused: " + rule);
  }

  /**
   * Decides a command on the case's file and applies its event.
   *
   * @return the rejection, or {@code null} if the command was accepted (the case then holds the new file)
   */
  Rejection apply(SimulatedCase c, Issued issued, Command command) {
    // handle's two halves, keeping the event between them: the same decision and the same evolution.
    Decision decided = Trusted.decide(c.file, issued, command);
    if (decided instanceof Rejection r) {
      return r;
    }
    CaseEvent event = (CaseEvent) decided;
    CaseFile after = Trusted.apply(c.file, issued, event, command.kind());
    c.file = after;
    c.projected = Projections.accept(projection, c.projected, after.id(), after.version(), issued.at(), event, after);
    if (listening) {
      listener.onEvent(new RecordedEvent(after.id(), after.version(), issued.actor(), issued.at(), event));
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
