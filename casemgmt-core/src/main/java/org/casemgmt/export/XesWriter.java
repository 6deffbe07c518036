package org.casemgmt.export;

import io.vavr.collection.Seq;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.casemgmt.InputError;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.internal.Check;
import org.casemgmt.plan.Money;

/**
 * Writes case histories as an IEEE 1849-2016 XES event log that validates against the standard's schema (both
 * the 2016 original and its April 2020 revision): one {@code <trace>} per case, named by the case id, and one
 * {@code <event>} per line of the case's log — usually one per recorded event, plus one for each intervention
 * cancelled and each referral withdrawn by a closure. Process-mining tools (ProM, PM4Py, Disco…) read it as it
 * is and discover the real flow of cases, loop-backs included.
 *
 * <p>Every event has the standard {@code concept:name} (the activity, e.g. {@code Intervention started}),
 * {@code time:timestamp} (UTC, always with milliseconds), {@code lifecycle:transition} (from the XES standard
 * lifecycle model) and {@code org:resource} (the staff id of who caused it — an id, never a name), and the
 * casemgmt attributes {@code cm:sequence} (its place in the trace, from 1, so the order survives a re-sort of
 * events of one instant), {@code cm:version} (the recorded event's sequence number), {@code cm:phaseBefore},
 * {@code cm:phaseAfter}; steps of an intervention or referral also have {@code concept:instance}, and each
 * activity the ids, codes and amounts it concerns (the README's event-log section has the table). Only ids,
 * codes, enums, amounts, times and actors are written: never personal data or free text.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("cases.xes"))) {
 *   XesWriter.write(out, List.of(history1, history2));   // Seq<RecordedEvent> per case
 * }
 * }</pre>
 *
 * <p>To stream a log too big to hold, open it with {@link #to(Writer)}, write each case with {@link #trace}
 * as soon as its history is complete, and {@link #finish()}. Each history must be a valid one from its
 * {@code CaseOpened} (the writer follows the case file through it to know phases and what a closure ended). The
 * writer is not closed by this class; I/O errors surface as {@link UncheckedIOException}.
 */
public final class XesWriter {

  /** The URI of casemgmt's own XES extension, prefix {@code cm}. */
  public static final String CM_EXTENSION_URI = "https://github.com/casemgmt/casemgmt/xes/cm.xesext";

  private static final String HEADER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <log xes.version="1.0">
        <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
        <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
        <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
        <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
        <extension name="Casemgmt" prefix="cm" uri="%s"/>
        <global scope="trace">
          <string key="concept:name" value="UNKNOWN"/>
        </global>
        <global scope="event">
          <string key="concept:name" value="UNKNOWN"/>
          <date key="time:timestamp" value="1970-01-01T00:00:00.000Z"/>
          <string key="lifecycle:transition" value="complete"/>
          <string key="org:resource" value="UNKNOWN"/>
          <int key="cm:sequence" value="0"/>
          <int key="cm:version" value="0"/>
          <string key="cm:phaseAfter" value="UNKNOWN"/>
        </global>
        <classifier name="Activity" scope="event" keys="concept:name"/>
        <classifier name="Activity_and_transition" scope="event" keys="concept:name lifecycle:transition"/>
        <classifier name="Resource" scope="event" keys="org:resource"/>
      """.formatted(CM_EXTENSION_URI);

  private final Writer out;
  private final StringBuilder text = new StringBuilder(4096);
  private final LogLine line = new LogLine();
  private final CaseLog.Sink toText = this::event;
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
   * @param history the case's events in order from its {@code CaseOpened}, as the rules recorded them (may be
   *                empty)
   * @return this writer
   * @throws org.casemgmt.InvalidInputException if the case, the history or one of its events is missing, an event
   *     belongs to another case, the history does not start with the opening, is out of sequence, or has an event
   *     that cannot follow the ones before it (as {@link org.casemgmt.casefile.CaseFile#evolve} refuses it); nothing
   *     of the trace is written then
   * @throws IllegalStateException if the log is finished
   * @throws UncheckedIOException  if writing fails
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
    CaseLog log = new CaseLog();
    for (RecordedEvent event : history) {
      if (event == null) {
        Check.orThrow(new InputError("history", InputError.Problem.NULL_ELEMENT, "must not contain null"));
      }
      if (!event.caseId().equals(caseId)) {
        throw CaseLog.malformed("event " + event.sequence() + " belongs to another case");
      }
      log.follow(event, line, toText);
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

  private void event(LogLine l) {
    text.append("    <event>\n");
    string("concept:name", l.activity.label());
    string("concept:instance", l.instance());
    text.append("      <date key=\"time:timestamp\" value=\"");
    LogLine.timestamp(text, l.at).append("\"/>\n");
    string("lifecycle:transition", l.transition);
    string("org:resource", l.resource);
    integer("cm:sequence", l.sequence);
    integer("cm:version", l.version);
    string("cm:phaseBefore", l.phaseBefore == null ? null : l.phaseBefore.name());
    string("cm:phaseAfter", l.phaseAfter.name());
    integer("cm:planVersion", l.planVersion);
    string("cm:intervention", l.intervention);
    string("cm:referral", l.referral);
    string("cm:needs", l.needs);
    string("cm:goal", l.goal);
    string("cm:provider", l.provider);
    string("cm:serviceKind", l.serviceKind);
    amount("cm:cost", l.cost);
    amount("cm:budgetCap", l.budgetCap);
    string("cm:decision", l.decision == null ? null : l.decision.name());
    integer("cm:findings", l.findings);
    string("cm:closureReason", l.closureReason == null ? null : l.closureReason.name());
    string("cm:achievement", l.achievement == null ? null : l.achievement.name());
    if (l.successful != null) {
      text.append("      <boolean key=\"cm:successful\" value=\"").append(l.successful.booleanValue())
          .append("\"/>\n");
    }
    string("cm:domain", l.domain == null ? null : l.domain.name());
    string("cm:priority", l.priority == null ? null : l.priority.name());
    text.append("    </event>\n");
  }

  private void string(String key, String value) {
    if (value != null) {
      text.append("      <string key=\"").append(key).append("\" value=\"");
      escaped(value).append("\"/>\n");
    }
  }

  private void integer(String key, long value) {
    if (value >= 0) {
      text.append("      <int key=\"").append(key).append("\" value=\"").append(value).append("\"/>\n");
    }
  }

  private void amount(String key, Money value) {
    if (value != null) {
      text.append("      <float key=\"").append(key).append("\" value=\"").append(value.amount().toPlainString())
          .append("\"/>\n");
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
