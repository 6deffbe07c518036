package org.casemgmt.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.io.StringWriter;
import org.casemgmt.casefile.RecordedEvent;
import org.junit.jupiter.api.Test;

class EventLogCsvTest {

  static String csv(Iterable<? extends Seq<RecordedEvent>> histories) {
    StringWriter out = new StringWriter();
    EventLogCsv.write(out, histories);
    return out.toString();
  }

  @Test
  void a_real_history_becomes_one_row_per_line_of_its_log_under_a_header() {
    String[] rows = csv(List.of(ExportHistories.completed("CASE-2"))).split("\n");
    assertEquals(EventLogCsv.HEADER, rows[0]);
    assertEquals(15 + 1, rows.length, "one row per recorded event: the closure ended nothing");
    assertEquals("CASE-2,1,Case opened,2026-03-02T09:00:00.000Z,bruno,complete,1,,INTAKE,,,,,,,,,,,,,,,,",
        rows[1]);
    assertEquals("CASE-2,7,Intervention planned,2026-03-03T11:00:00.000Z,bruno,schedule,7,PLANNING,PLANNING,1,"
        + "I-1,,N-1,G-1,P-3,JOB_COACHING,300.00,,,,,,,,", rows[7]);
    assertEquals("CASE-2,13,Move to evaluation,2026-03-05T09:00:00.000Z,bruno,complete,13,IMPLEMENTATION,"
        + "EVALUATION,1,,,,,,,,,PROCEED_TO_EVALUATION,0,,,,,", rows[13]);
  }

  @Test
  void every_row_has_every_column() {
    int columns = EventLogCsv.HEADER.split(",").length;
    for (String row : csv(List.of(ExportHistories.closedEarly("CASE-1"))).split("\n")) {
      assertEquals(columns, row.split(",", -1).length, row);
    }
  }

  @Test
  void the_rows_are_the_lines_of_the_xes_log_in_the_same_order() throws Exception {
    String[] rows = csv(List.of(ExportHistories.closedEarly("CASE-1"))).split("\n");
    StringWriter xes = new StringWriter();
    XesWriter.write(xes, List.of(ExportHistories.closedEarly("CASE-1")));
    java.util.List<org.w3c.dom.Element> events =
        XesWriterTest.events(XesWriterTest.parse(xes.toString()).getDocumentElement());
    assertEquals(events.size(), rows.length - 1);
    for (int i = 0; i < events.size(); i++) {
      String[] row = rows[i + 1].split(",", -1);
      assertEquals(XesWriterTest.attribute(events.get(i), "cm:sequence"), row[1]);
      assertEquals(XesWriterTest.attribute(events.get(i), "concept:name"), row[2]);
      assertEquals(XesWriterTest.attribute(events.get(i), "time:timestamp"), row[3]);
      assertEquals(XesWriterTest.attribute(events.get(i), "lifecycle:transition"), row[5]);
    }
    assertTrue(rows[rows.length - 2].startsWith("CASE-1,22,Referral withdrawn,"), rows[rows.length - 2]);
  }

  @Test
  void the_readme_documents_every_column() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("## Event logs for process mining"));
    for (String column : EventLogCsv.HEADER.split(",")) {
      assertTrue(section.contains("`" + column + "`") || section.contains("`" + column + ",")
          || section.contains("," + column + ","), column);
    }
  }

  @Test
  void never_holds_personal_data_or_free_text() {
    String log = csv(List.of(ExportHistories.closedEarly("CASE-1"), ExportHistories.completed("CASE-2")));
    assertFalse(log.contains(ExportHistories.MARKER));
    assertFalse(log.contains("1980"));
  }

  @Test
  void events_of_several_cases_can_be_appended_as_they_happen() {
    StringWriter out = new StringWriter();
    EventLogCsv log = EventLogCsv.to(out);
    Seq<RecordedEvent> a = ExportHistories.closedEarly("A");
    Seq<RecordedEvent> b = ExportHistories.completed("B");
    log.append(a.head()).append(b.head()).append(a.get(1)).append(b.get(1)).flush();
    String[] rows = out.toString().split("\n");
    assertEquals(5, rows.length);
    assertTrue(rows[3].startsWith("A,2,Assessment started,"), rows[3]);
    assertTrue(rows[4].startsWith("B,2,Assessment started,"), rows[4]);
  }

  @Test
  void a_forgotten_case_must_start_again_from_its_opening() {
    EventLogCsv log = EventLogCsv.to(new StringWriter());
    Seq<RecordedEvent> a = ExportHistories.closedEarly("A");
    log.append(a.head()).forget(a.head().caseId());
    assertThrows(IllegalArgumentException.class, () -> log.append(a.get(1)));
  }
}
