package org.casemgmt.simulation;

import io.vavr.collection.Seq;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.export.EventLogCsv;
import org.casemgmt.export.OcelWriter;
import org.casemgmt.export.XesWriter;
import org.casemgmt.internal.Check;

/**
 * Receives what happens during a simulation as it happens, so that event logs and time series are streamed
 * out instead of being held in memory: a run of a million cases keeps only the open ones.
 *
 * <pre>{@code
 * try (Writer csv = Files.newBufferedWriter(Path.of("/tmp/log.csv"));
 *      Writer xes = Files.newBufferedWriter(Path.of("/tmp/log.xes"))) {
 *   Simulation.run(scenario, SimulationListener.all(
 *       SimulationListener.csvEventLog(csv), SimulationListener.xesEventLog(xes)));
 * }
 * }</pre>
 *
 * <p>Calls come from the simulation's single thread, in simulated-time order. Every method does nothing by
 * default.
 */
public interface SimulationListener {

  /**
   * A listener that ignores everything. A run given this very listener (as {@link Simulation#run(Scenario)} and
   * the replications are) prepares nothing for it — no daily ticks, no streamed events — and decides exactly
   * the same commands as a run that reports everything.
   */
  SimulationListener NONE = new SimulationListener() {};

  /**
   * An event a simulated case file recorded (in the case's order; cases interleave).
   *
   * @param event the event with its case, sequence number, actor and simulated instant
   */
  default void onEvent(RecordedEvent event) {}

  /**
   * A case was closed; the simulator forgets it after this call.
   *
   * @param file the closed case file
   */
  default void onCaseClosed(CaseFile file) {}

  /**
   * The service's state at the start of a day.
   *
   * @param status the day's figures
   */
  default void onDay(DailyStatus status) {}

  /**
   * The horizon is reached.
   *
   * @param openCases the case files still open, in the order the cases arrived
   */
  default void onEnd(Seq<CaseFile> openCases) {}

  /**
   * Forwards every call to each listener, in order.
   *
   * <pre>{@code SimulationListener.all(csvLog, daily); }</pre>
   *
   * @param listeners the listeners to call, in this order; none may be null
   * @return one listener that calls them all
   * @throws org.casemgmt.InvalidInputException if the listeners are missing or one of them is
   */
  static SimulationListener all(SimulationListener... listeners) {
    Check.orThrow(Check.present("listeners", listeners));
    SimulationListener[] copy = listeners.clone();
    Check.orThrow(Check.elements("listeners", io.vavr.collection.Array.of(copy), false));
    return new SimulationListener() {
      @Override
      public void onEvent(RecordedEvent event) {
        for (SimulationListener l : copy) {
          l.onEvent(event);
        }
      }

      @Override
      public void onCaseClosed(CaseFile file) {
        for (SimulationListener l : copy) {
          l.onCaseClosed(file);
        }
      }

      @Override
      public void onDay(DailyStatus status) {
        for (SimulationListener l : copy) {
          l.onDay(status);
        }
      }

      @Override
      public void onEnd(Seq<CaseFile> openCases) {
        for (SimulationListener l : copy) {
          l.onEnd(openCases);
        }
      }
    };
  }

  /**
   * Streams every recorded event to a CSV event log ({@link EventLogCsv}) as it happens. The writer is
   * flushed at the end, not closed.
   *
   * <pre>{@code Simulation.run(scenario, SimulationListener.csvEventLog(writer)); }</pre>
   *
   * @param out where to write; the caller closes it
   * @return a listener that writes the header at once and a row per event
   * @throws org.casemgmt.InvalidInputException if {@code out} is missing
   */
  static SimulationListener csvEventLog(Writer out) {
    EventLogCsv log = EventLogCsv.to(out);
    return new SimulationListener() {
      @Override
      public void onEvent(RecordedEvent event) {
        log.append(event);
      }

      @Override
      public void onCaseClosed(CaseFile file) {
        Check.orThrow(Check.present("file", file));
        log.forget(file.id()); // the simulator forgets a closed case: it has no more events
      }

      @Override
      public void onEnd(Seq<CaseFile> openCases) {
        log.flush();
      }
    };
  }

  /**
   * Streams the simulated histories to an XES log ({@link XesWriter}), one trace per case. A trace is written
   * when its case closes (cases still open at the horizon are written at the end), so only the events of open
   * cases are held. The writer is flushed at the end, not closed.
   *
   * <pre>{@code Simulation.run(scenario, SimulationListener.xesEventLog(writer)); }</pre>
   *
   * @param out where to write; the caller closes it
   * @return a listener that writes one trace per case and completes the document at the horizon
   * @throws org.casemgmt.InvalidInputException if {@code out} is missing
   */
  static SimulationListener xesEventLog(Writer out) {
    XesWriter xes = XesWriter.to(out);
    Map<CaseId, ArrayList<RecordedEvent>> open = new HashMap<>();
    return new SimulationListener() {
      @Override
      public void onEvent(RecordedEvent event) {
        Check.orThrow(Check.present("event", event));
        open.computeIfAbsent(event.caseId(), id -> new ArrayList<>(32)).add(event);
      }

      @Override
      public void onCaseClosed(CaseFile file) {
        Check.orThrow(Check.present("file", file));
        ArrayList<RecordedEvent> events = open.remove(file.id());
        xes.trace(file.id(), events == null ? new ArrayList<>() : events);
      }

      @Override
      public void onEnd(Seq<CaseFile> openCases) {
        Check.orThrow(Check.elements("openCases", openCases, false));
        for (CaseFile file : openCases) {
          ArrayList<RecordedEvent> events = open.remove(file.id());
          xes.trace(file.id(), events == null ? new ArrayList<>() : events);
        }
        xes.finish();
      }
    };
  }

  /**
   * Streams the simulated histories to an OCEL 2.0 JSON log ({@link OcelWriter}): events as they happen, each
   * case's objects when it closes (cases still open at the horizon at the end), so only the open cases are held.
   * The document is completed and the writer flushed at the end, not closed.
   *
   * <pre>{@code Simulation.run(scenario, SimulationListener.ocelEventLog(writer)); }</pre>
   *
   * @param out where to write; the caller closes it
   * @return a listener that writes the types at once, an event per log line, and the objects at the horizon
   * @throws org.casemgmt.InvalidInputException if {@code out} is missing
   */
  static SimulationListener ocelEventLog(Writer out) {
    OcelWriter ocel = OcelWriter.to(out);
    return new SimulationListener() {
      @Override
      public void onEvent(RecordedEvent event) {
        ocel.append(event);
      }

      @Override
      public void onCaseClosed(CaseFile file) {
        Check.orThrow(Check.present("file", file));
        ocel.forget(file.id()); // the simulator forgets a closed case: it has no more events
      }

      @Override
      public void onEnd(Seq<CaseFile> openCases) {
        Check.orThrow(Check.elements("openCases", openCases, false));
        ocel.finish();
      }
    };
  }

  /**
   * Streams the daily time series as CSV: {@code day,open_cases,waiting_for_manager,active_interventions}.
   * The writer is flushed at the end, not closed.
   *
   * <pre>{@code Simulation.run(scenario, SimulationListener.dailyCsv(writer)); }</pre>
   *
   * @param out where to write; the caller closes it
   * @return a listener that writes the header at once and a row per simulated day
   * @throws org.casemgmt.InvalidInputException if {@code out} is missing
   */
  static SimulationListener dailyCsv(Writer out) {
    Check.orThrow(Check.present("out", out));
    write(out, "day,open_cases,waiting_for_manager,active_interventions\n");
    return new SimulationListener() {
      @Override
      public void onDay(DailyStatus s) {
        Check.orThrow(Check.present("status", s));
        write(out, s.day() + "," + s.openCases() + "," + s.waitingForManager() + "," + s.activeInterventions() + "\n");
      }

      @Override
      public void onEnd(Seq<CaseFile> openCases) {
        try {
          out.flush();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static void write(Writer out, String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
