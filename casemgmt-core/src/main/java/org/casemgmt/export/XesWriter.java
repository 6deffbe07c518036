package org.casemgmt.export;

import io.vavr.collection.Seq;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.casemgmt.InputError;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.internal.Check;

/**
 * Writes case histories as an IEEE 1849 XES event log, one {@code <trace>} per case (named by the case id),
 * one {@code <event>} per recorded event with {@code concept:name} = the event type, {@code time:timestamp},
 * {@code lifecycle:transition} = {@code complete} and {@code org:resource} = the member of the team who caused
 * it. Process-mining tools (ProM, pm4py, Disco…) then discover the real flow of cases, loop-backs included.
 * Only ids, types, times and actors are written: never personal data or free text.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("cases.xes"))) {
 *   XesWriter.write(out, List.of(history1, history2));   // Seq<RecordedEvent> per case
 * }
 * }</pre>
 *
 * <p>To stream a log too big to hold, open it with {@link #to(Writer)}, write each case with {@link #trace}
 * as soon as its history is complete, and {@link #finish()}. The writer is not closed by this class; I/O
 * errors surface as {@link UncheckedIOException}.
 */
public final class XesWriter {

  private static final String HEADER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">
        <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
        <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
        <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
        <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
        <global scope="trace">
          <string key="concept:name" value="UNKNOWN"/>
        </global>
        <global scope="event">
          <string key="concept:name" value="UNKNOWN"/>
          <date key="time:timestamp" value="1970-01-01T00:00:00Z"/>
          <string key="lifecycle:transition" value="complete"/>
          <string key="org:resource" value="UNKNOWN"/>
        </global>
        <classifier name="Activity" keys="concept:name"/>
      """;

  private final Writer out;
  private final StringBuilder text = new StringBuilder(1024);
  private boolean finished;

  private XesWriter(Writer out) {
    this.out = out;
  }

  /**
   * Starts a log on a writer: writes the XML declaration, the extensions and the globals.
   *
   * <pre>{@code XesWriter xes = XesWriter.to(writer); xes.trace(caseId, history); xes.finish(); }</pre>
   *
   * @param out where to write; the caller closes it
   * @return a writer to add traces to, then {@link #finish()}
   * @throws UncheckedIOException if writing fails
   * @throws org.casemgmt.InvalidInputException if {@code out} is missing
   */
  public static XesWriter to(Writer out) {
    Check.orThrow(Check.present("out", out));
    XesWriter xes = new XesWriter(out);
    xes.write(HEADER);
    return xes;
  }

  /**
   * Writes a complete log of several cases.
   *
   * @param out       where to write
   * @param histories one non-empty sequence of recorded events per case
   * @throws UncheckedIOException if writing fails
   * @throws org.casemgmt.InvalidInputException if an argument is missing, or a history is missing, empty or holds
   *     a missing event (the traces before it stay written)
   */
  public static void write(Writer out, Iterable<? extends Seq<RecordedEvent>> histories) {
    Check.orThrow(Check.present("out", out), Check.present("histories", histories));
    XesWriter xes = to(out);
    for (Seq<RecordedEvent> history : histories) {
      Check.orThrow(Check.elements("histories", history, true));
      xes.trace(history.head().caseId(), history);
    }
    xes.finish();
  }

  /**
   * Writes one case's trace.
   *
   * @param caseId  the case, the trace's name
   * @param history the case's events in order (may be empty)
   * @return this writer, for the next trace
   * @throws IllegalStateException if the log is finished
   * @throws UncheckedIOException  if writing fails
   * @throws org.casemgmt.InvalidInputException if the case, the history or one of its events is missing (nothing
   *     of the trace is written then)
   */
  public XesWriter trace(CaseId caseId, Iterable<RecordedEvent> history) {
    Check.orThrow(Check.present("caseId", caseId), Check.present("history", history));
    if (finished) {
      // Not about the arguments: the writer's own state, after finish() closed the log.
      throw new IllegalStateException("the log is finished");
    }
    text.setLength(0);
    text.append("  <trace>\n    <string key=\"concept:name\" value=\"");
    escaped(caseId.value()).append("\"/>\n");
    for (RecordedEvent event : history) {
      if (event == null) {
        Check.orThrow(new InputError("history", InputError.Problem.NULL_ELEMENT, "must not contain null"));
      }
      text.append("    <event>\n      <string key=\"concept:name\" value=\"");
      escaped(event.event().getClass().getSimpleName()).append("\"/>\n      <date key=\"time:timestamp\" value=\"")
          .append(event.at()).append("\"/>\n      <string key=\"lifecycle:transition\" value=\"complete\"/>\n")
          .append("      <string key=\"org:resource\" value=\"");
      escaped(event.actor().value()).append("\"/>\n    </event>\n");
    }
    text.append("  </trace>\n");
    write(text);
    return this;
  }

  /**
   * Closes the {@code <log>} element and flushes; the writer itself stays open.
   *
   * @throws UncheckedIOException if writing fails
   */
  public void finish() {
    if (!finished) {
      finished = true;
      write("</log>\n");
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private StringBuilder escaped(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '<' -> text.append("&lt;");
        case '>' -> text.append("&gt;");
        case '&' -> text.append("&amp;");
        case '"' -> text.append("&quot;");
        case '\'' -> text.append("&apos;");
        default -> text.append(c);
      }
    }
    return text;
  }

  private void write(CharSequence chunk) {
    try {
      out.append(chunk);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
