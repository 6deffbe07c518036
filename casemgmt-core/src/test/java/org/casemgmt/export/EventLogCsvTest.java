package org.casemgmt.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vavr.collection.List;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class EventLogCsvTest {

  @Test
  void a_real_history_becomes_one_row_per_event_under_a_header() {
    StringWriter out = new StringWriter();
    EventLogCsv.write(out, List.of(XesWriterTest.history("CASE-1")));
    assertEquals(EventLogCsv.HEADER + "\n"
        + "CASE-1,1,CaseOpened,2026-01-05T09:00:00Z,anna\n"
        + "CASE-1,2,AssessmentStarted,2026-01-05T10:00:00Z,anna\n"
        + "CASE-1,3,CaseClosed,2026-01-05T11:00:00Z,bruno\n", out.toString());
  }

  @Test
  void events_of_several_cases_can_be_appended_as_they_happen() {
    StringWriter out = new StringWriter();
    EventLogCsv log = EventLogCsv.to(out);
    log.append(XesWriterTest.history("A").head()).append(XesWriterTest.history("B").head()).flush();
    assertEquals(3, out.toString().split("\n").length);
  }
}
