package org.casemgmt.export;

import io.vavr.collection.Seq;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.internal.Check;

/**
 * Writes recorded events as a CSV event log, one row per event:
 * {@code case_id,sequence,activity,timestamp,resource}. The activity is the event type (e.g.
 * {@code AssessmentStarted}), the timestamp is ISO-8601 in UTC and the resource is the member of the team who
 * caused it — the three columns process-mining tools need, plus the sequence to order events of one instant.
 * Only ids, types, times and actors are written: never personal data or free text.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("cases.csv"))) {
 *   EventLogCsv.write(out, List.of(history1, history2));   // Seq<RecordedEvent> per case
 * }
 * }</pre>
 *
 * <p>For logs too big to hold, open an appender with {@link #to(Writer)} and {@link #append} events as they
 * happen, in any interleaving of cases. The writer is not closed by this class; I/O errors surface as
 * {@link UncheckedIOException}.
 */
public final class EventLogCsv {

  /** The header row. */
  public static final String HEADER = "case_id,sequence,activity,timestamp,resource";

  private final Writer out;
  private final StringBuilder row = new StringBuilder(96);

  private EventLogCsv(Writer out) {
    this.out = out;
  }

  /**
   * Starts a log on a writer: writes the header and answers an appender.
   *
   * <pre>{@code EventLogCsv log = EventLogCsv.to(writer); log.append(event); log.flush(); }</pre>
   *
   * @param out where to write; the caller closes it
   * @return an appender whose rows follow the header
   * @throws UncheckedIOException if the header cannot be written
   * @throws org.casemgmt.InvalidInputException if {@code out} is missing
   */
  public static EventLogCsv to(Writer out) {
    Check.orThrow(Check.present("out", out));
    EventLogCsv log = new EventLogCsv(out);
    log.write(HEADER + "\n");
    return log;
  }

  /**
   * Writes the histories of several cases, each in order, under one header.
   *
   * @param out       where to write
   * @param histories one sequence of recorded events per case
   * @throws UncheckedIOException if writing fails
   * @throws org.casemgmt.InvalidInputException if an argument, a history or an event is missing (what was
   *     written before it stays written)
   */
  public static void write(Writer out, Iterable<? extends Seq<RecordedEvent>> histories) {
    Check.orThrow(Check.present("out", out), Check.present("histories", histories));
    EventLogCsv log = to(out);
    for (Seq<RecordedEvent> history : histories) {
      log.appendAll(history);
    }
    log.flush();
  }

  /**
   * Appends one event.
   *
   * @param event a recorded event of any case; cases may interleave, each case's events in order
   * @return this appender
   * @throws UncheckedIOException if writing fails
   * @throws org.casemgmt.InvalidInputException if the event is missing
   */
  public EventLogCsv append(RecordedEvent event) {
    Check.orThrow(Check.present("event", event));
    row.setLength(0);
    field(event.caseId().value()).append(',').append(event.sequence()).append(',');
    field(event.event().getClass().getSimpleName()).append(',').append(event.at()).append(',');
    field(event.actor().value()).append('\n');
    write(row);
    return this;
  }

  /**
   * Appends every event of a history, in order.
   *
   * @param history one case's recorded events, in order
   * @return this appender
   * @throws UncheckedIOException if writing fails
   * @throws org.casemgmt.InvalidInputException if the history or one of its events is missing (the events before
   *     it stay written)
   */
  public EventLogCsv appendAll(Seq<RecordedEvent> history) {
    Check.orThrow(Check.present("history", history));
    for (RecordedEvent event : history) {
      append(event);
    }
    return this;
  }

  /**
   * Flushes the underlying writer.
   *
   * @throws UncheckedIOException if flushing fails
   */
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Quotes a field only when it needs it (ids never do, but the format must not depend on that). */
  private StringBuilder field(String value) {
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      return row.append(value);
    }
    return row.append('"').append(value.replace("\"", "\"\"")).append('"');
  }

  private void write(CharSequence text) {
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
