package org.casemgmt.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.Simulation;
import org.casemgmt.simulation.SimulationListener;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XesWriterTest {

  static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  /** A real (non-simulated) history: opened, assessment started, closed. */
  static Seq<RecordedEvent> history(String caseId) {
    CaseId id = CaseId.of(caseId);
    StaffId anna = StaffId.of("anna");
    return List.of(
        new RecordedEvent(id, 1, anna, T0, new CaseEvent.CaseOpened(id,
            Client.of(ClientId.of("C-1"), "Maria <Rossi> & \"co\"", LocalDate.of(1980, 1, 1)), anna,
            HashSet.of(LifeDomain.HOUSING), LocalDate.of(2026, 1, 5))),
        new RecordedEvent(id, 2, anna, T0.plusSeconds(3600), new CaseEvent.AssessmentStarted()),
        new RecordedEvent(id, 3, StaffId.of("bruno"), T0.plusSeconds(7200),
            new CaseEvent.CaseClosed(org.casemgmt.casefile.ClosureReason.CLIENT_WITHDREW, LocalDate.of(2026, 1, 5),
                "left town")));
  }

  static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static String attribute(Element parent, String tag, String key) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getTagName().equals(tag) && e.getAttribute("key").equals(key)) {
        return e.getAttribute("value");
      }
    }
    return null;
  }

  @Test
  void a_real_history_becomes_a_well_formed_trace_with_the_standard_attributes() throws Exception {
    StringWriter out = new StringWriter();
    XesWriter.write(out, List.of(history("CASE-1"), history("CASE-2")));
    Document xes = parse(out.toString());
    assertEquals("log", xes.getDocumentElement().getTagName());
    NodeList traces = xes.getElementsByTagName("trace");
    assertEquals(2, traces.getLength());
    Element first = (Element) traces.item(0);
    assertEquals("CASE-1", attribute(first, "string", "concept:name"));
    NodeList events = first.getElementsByTagName("event");
    assertEquals(3, events.getLength());
    Element closed = (Element) events.item(2);
    assertEquals("CaseClosed", attribute(closed, "string", "concept:name"));
    assertEquals("2026-01-05T11:00:00Z", attribute(closed, "date", "time:timestamp"));
    assertEquals("complete", attribute(closed, "string", "lifecycle:transition"));
    assertEquals("bruno", attribute(closed, "string", "org:resource"));
  }

  @Test
  void no_personal_data_or_free_text_reaches_the_log() {
    StringWriter out = new StringWriter();
    XesWriter.write(out, List.of(history("CASE-1")));
    assertTrue(!out.toString().contains("Rossi") && !out.toString().contains("left town"));
  }

  @Test
  void a_simulated_log_is_well_formed_xml_with_every_event_fully_described() throws Exception {
    StringWriter out = new StringWriter();
    Scenario scenario = Scenario.reference(3).toBuilder().horizonDays(60).arrivalsPerDay(2).managers(8, 1).build();
    Simulation.run(scenario, SimulationListener.xesEventLog(out));
    Document xes = parse(out.toString());
    NodeList events = xes.getElementsByTagName("event");
    assertTrue(events.getLength() > 100);
    for (int i = 0; i < events.getLength(); i++) {
      Element e = (Element) events.item(i);
      assertTrue(attribute(e, "string", "concept:name") != null);
      assertEquals(Instant.parse(attribute(e, "date", "time:timestamp")).toString(),
          attribute(e, "date", "time:timestamp"));
      assertEquals("complete", attribute(e, "string", "lifecycle:transition"));
      assertTrue(attribute(e, "string", "org:resource") != null);
    }
  }
}
