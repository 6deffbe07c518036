package org.casemgmt.examples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vavr.collection.List;
import java.io.StringWriter;
import org.casemgmt.export.EventLogCsv;
import org.casemgmt.export.OcelWriter;
import org.casemgmt.export.XesWriter;
import org.junit.jupiter.api.Test;

/**
 * The golden history has every event type, free text in every field that takes some, a closure and a reopening:
 * both event logs write a line for each of its events and none of its free text.
 */
class EventLogPrivacyTest {

  /** Every free text the golden history's commands hold (client, needs, strength, resource, goal, reasons…). */
  static final java.util.List<String> FREE_TEXT = java.util.List.of("Maria Rossi", "in hospital", "evicted",
      "lost job", "anxiety", "isolated", "sees friends", "carpenter", "sister", "stable home", "lease signed",
      "after housing", "weekly visits", "no places", "stopped attending", "housing found", "another region",
      "came back", "Provider P-", "1980");

  @Test
  void no_free_text_of_any_event_type_reaches_the_xes_the_csv_or_the_ocel() {
    StringWriter xes = new StringWriter();
    XesWriter.write(xes, List.of(GoldenHistory.events()));
    StringWriter csv = new StringWriter();
    EventLogCsv.write(csv, List.of(GoldenHistory.events()));
    StringWriter ocel = new StringWriter();
    OcelWriter.write(ocel, List.of(GoldenHistory.events()));
    for (String text : FREE_TEXT) {
      assertFalse(xes.toString().contains(text), text);
      assertFalse(csv.toString().contains(text), text);
      assertFalse(ocel.toString().contains(text), text);
    }
  }

  @Test
  void every_line_of_the_csv_is_an_event_of_the_ocel() {
    StringWriter csv = new StringWriter();
    EventLogCsv.write(csv, List.of(GoldenHistory.events()));
    StringWriter ocel = new StringWriter();
    OcelWriter.write(ocel, List.of(GoldenHistory.events()));
    long rows = csv.toString().lines().count() - 1;
    // One event a line; every event, and nothing else, is recorded-in its case.
    long events = ocel.toString().lines().filter(l -> l.contains("\"qualifier\":\"recorded-in\"")).count();
    assertEquals(rows, events);
  }

  @Test
  void every_event_has_its_line_in_both_logs() {
    StringWriter xes = new StringWriter();
    XesWriter.write(xes, List.of(GoldenHistory.events()));
    StringWriter csv = new StringWriter();
    EventLogCsv.write(csv, List.of(GoldenHistory.events()));
    long rows = csv.toString().lines().count() - 1;
    long events = xes.toString().lines().filter(l -> l.trim().equals("<event>")).count();
    assertEquals(rows, events);
    assertEquals(GoldenHistory.events().size(),
        csv.toString().lines().skip(1).map(r -> r.split(",")[6]).distinct().count());
  }
}
