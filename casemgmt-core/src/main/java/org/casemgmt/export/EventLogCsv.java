package org.casemgmt.export;

import io.vavr.collection.Seq;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.internal.Check;
import org.casemgmt.plan.Money;

/**
 * Writes case histories as a CSV event log with the same lines as {@link XesWriter}: one row per recorded event,
 * plus one for each intervention cancelled and each referral withdrawn by a closure. The columns are
 * {@value #HEADER}; the first five are what process-mining tools need (case, order, activity, time, resource) and
 * the others are XES's {@code lifecycle:transition} and {@code cm:…} attributes, empty where the activity has
 * none. The timestamp is ISO 8601 in UTC, always with milliseconds ({@code 2026-03-02T09:00:00.000Z}); the
 * sequence is the row's place in its case's log, from 1, so that the order of events of one instant survives a
 * re-sort; {@code version} is the recorded event's own sequence number. Only ids, codes, enums, amounts, times
 * and actors are written: never personal data or free text.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("cases.csv"))) {
 *   EventLogCsv.write(out, List.of(history1, history2));   // Seq<RecordedEvent> per case
 * }
 * }</pre>
 *
 * <p>For logs too big to hold, open an appender with {@link #to(Writer)} and {@link #append} events as they
 * happen, in any interleaving of cases, each case from its {@code CaseOpened}. The appender follows each case's
 * file to know its phases and what a closure ended; {@link #forget} a case that will have no more events to free
 * it. The writer is not closed by this class; I/O errors surface as {@link UncheckedIOException}.
 */
public final class EventLogCsv {

  /** The header row. */
  public static final String HEADER = "case_id,sequence,activity,timestamp,resource,lifecycle,version,"
      + "phase_before,phase_after,plan_version,intervention,referral,needs,goal,provider,service_kind,cost,"
      + "budget_cap,decision,findings,closure_reason,achievement,successful,domain,priority";

  private final Writer out;
  private final StringBuilder row = new StringBuilder(256);
  private final LogLine line = new LogLine();
  private final Map<CaseId, CaseLog> cases = new HashMap<>();
  private CaseId current;
  private final CaseLog.Sink toRow = this::row;

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
   * @param histories one sequence of recorded events per case, each from its {@code CaseOpened}
   * @throws org.casemgmt.InvalidInputException if a history does not start with its opening or is out of sequence
   * @throws IllegalStateException    if an event cannot follow the ones before it (as
   *                                  {@link org.casemgmt.casefile.CaseFile#evolve} refuses it)
   * @throws UncheckedIOException if writing fails
   * @throws org.casemgmt.InvalidInputException if an argument, a history or an event is missing (what was
   *     written before it stays written)
   */
  public static void write(Writer out, Iterable<? extends Seq<RecordedEvent>> histories) {
    Check.orThrow(Check.present("out", out), Check.present("histories", histories));
    EventLogCsv log = to(out);
    for (Seq<RecordedEvent> history : histories) {
      log.appendAll(history);
      if (!history.isEmpty()) {
        log.forget(history.head().caseId());
      }
    }
    log.flush();
  }

  /**
   * Appends the rows of one event: one, or more for a closure that ended open work.
   *
   * @param event the event, the next of its case (the first of a case is its {@code CaseOpened})
   * @return this appender
   * @throws org.casemgmt.InvalidInputException if the event is the first of its case here but not its opening, or is out
   *                                  of sequence
   * @throws IllegalStateException    if the event cannot follow the case's events before it (as
   *                                  {@link org.casemgmt.casefile.CaseFile#evolve} refuses it)
   * @throws UncheckedIOException if writing fails
   * @throws org.casemgmt.InvalidInputException if the event is missing
   */
  public EventLogCsv append(RecordedEvent event) {
    Check.orThrow(Check.present("event", event));
    current = event.caseId();
    cases.computeIfAbsent(current, id -> new CaseLog()).follow(event, line, toRow);
    return this;
  }

  /**
   * Appends every event of a history, in order.
   *
   * @param history one case's recorded events, in order
   * @return this appender
   * @throws org.casemgmt.InvalidInputException as {@link #append} does
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
   * Stops following a case that will have no more events here (closed for good, or written whole), freeing
   * what the appender kept of it. An event of that case appended later must be its opening again.
   *
   * @param caseId the case
   * @return this appender
   */
  public EventLogCsv forget(CaseId caseId) {
    Check.orThrow(Check.present("caseId", caseId));
    cases.remove(caseId);
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

  private void row(LogLine l) {
    row.setLength(0);
    field(current.value()).append(',').append(l.sequence).append(',');
    field(l.activity.label()).append(',');
    LogLine.timestamp(row, l.at).append(',');
    field(l.resource).append(',');
    field(l.transition).append(',').append(l.version).append(',');
    field(l.phaseBefore == null ? null : l.phaseBefore.name()).append(',');
    field(l.phaseAfter.name()).append(',');
    number(l.planVersion).append(',');
    field(l.intervention).append(',');
    field(l.referral).append(',');
    field(l.needs).append(',');
    field(l.goal).append(',');
    field(l.provider).append(',');
    field(l.serviceKind).append(',');
    amount(l.cost).append(',');
    amount(l.budgetCap).append(',');
    field(l.decision == null ? null : l.decision.name()).append(',');
    number(l.findings).append(',');
    field(l.closureReason == null ? null : l.closureReason.name()).append(',');
    field(l.achievement == null ? null : l.achievement.name()).append(',');
    if (l.successful != null) {
      row.append(l.successful.booleanValue());
    }
    row.append(',');
    field(l.domain == null ? null : l.domain.name()).append(',');
    field(l.priority == null ? null : l.priority.name()).append('\n');
    write(row);
  }

  private StringBuilder number(long value) {
    return value < 0 ? row : row.append(value);
  }

  private StringBuilder amount(Money value) {
    return value == null ? row : row.append(value.amount().toPlainString());
  }

  /** Quotes a field only when it needs it (ids never do, but the format must not depend on that). */
  private StringBuilder field(String value) {
    if (value == null) {
      return row;
    }
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
