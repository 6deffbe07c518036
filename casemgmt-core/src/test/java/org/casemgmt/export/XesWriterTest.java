package org.casemgmt.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import javax.xml.parsers.DocumentBuilderFactory;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.Simulation;
import org.casemgmt.simulation.SimulationListener;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XesWriterTest {

  static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** The value of the attribute with this key among the element's children, whatever its type, or null. */
  static String attribute(Element parent, String key) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getAttribute("key").equals(key)) {
        return e.getAttribute("value");
      }
    }
    return null;
  }

  static String typeOf(Element parent, String key) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e && e.getAttribute("key").equals(key)) {
        return e.getTagName();
      }
    }
    return null;
  }

  static java.util.List<Element> events(Element trace) {
    NodeList nodes = trace.getElementsByTagName("event");
    java.util.List<Element> events = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      events.add((Element) nodes.item(i));
    }
    return events;
  }

  static Document realLog() throws Exception {
    StringWriter out = new StringWriter();
    XesWriter.write(out, List.of(ExportHistories.closedEarly("CASE-1"), ExportHistories.completed("CASE-2")));
    return parse(out.toString());
  }

  @Nested
  class The_log {

    @Test
    void declares_the_standard_extensions_and_its_own() throws Exception {
      Element log = realLog().getDocumentElement();
      assertEquals("1.0", log.getAttribute("xes.version"));
      assertEquals("", log.getNamespaceURI() == null ? "" : log.getNamespaceURI());
      NodeList extensions = log.getElementsByTagName("extension");
      java.util.Map<String, String> uris = new java.util.TreeMap<>();
      for (int i = 0; i < extensions.getLength(); i++) {
        Element e = (Element) extensions.item(i);
        uris.put(e.getAttribute("prefix"), e.getAttribute("uri"));
      }
      assertEquals(java.util.Map.of(
          "concept", "http://www.xes-standard.org/concept.xesext",
          "time", "http://www.xes-standard.org/time.xesext",
          "lifecycle", "http://www.xes-standard.org/lifecycle.xesext",
          "org", "http://www.xes-standard.org/org.xesext",
          "cm", XesWriter.CM_EXTENSION_URI), uris);
    }

    @Test
    void has_one_trace_per_case_named_by_its_id() throws Exception {
      NodeList traces = realLog().getElementsByTagName("trace");
      assertEquals(2, traces.getLength());
      assertEquals("CASE-1", attribute((Element) traces.item(0), "concept:name"));
      assertEquals("CASE-2", attribute((Element) traces.item(1), "concept:name"));
    }

    @Test
    void gives_every_event_its_activity_one_timestamp_format_a_transition_a_staff_id_and_a_sequence()
        throws Exception {
      NodeList traces = realLog().getElementsByTagName("trace");
      for (int t = 0; t < traces.getLength(); t++) {
        long sequence = 0;
        for (Element e : events((Element) traces.item(t))) {
          assertNotNull(attribute(e, "concept:name"));
          assertTrue(attribute(e, "time:timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
              attribute(e, "time:timestamp"));
          assertEquals("date", typeOf(e, "time:timestamp"));
          assertNotNull(attribute(e, "lifecycle:transition"));
          assertTrue(attribute(e, "org:resource").matches("anna|bruno"));
          assertEquals("int", typeOf(e, "cm:sequence"));
          assertEquals(++sequence, Long.parseLong(attribute(e, "cm:sequence")));
          assertNotNull(attribute(e, "cm:phaseAfter"));
        }
      }
    }

    @Test
    void never_holds_personal_data_or_free_text() {
      StringWriter out = new StringWriter();
      XesWriter.write(out, List.of(ExportHistories.closedEarly("CASE-1"), ExportHistories.completed("CASE-2")));
      assertFalse(out.toString().contains(ExportHistories.MARKER));
      assertFalse(out.toString().contains("1980"), "not even the client's birth date");
    }
  }

  @Nested
  class An_event {

    Element event(int trace, String activity, int nth) throws Exception {
      Element t = (Element) realLog().getElementsByTagName("trace").item(trace);
      return events(t).stream().filter(e -> activity.equals(attribute(e, "concept:name"))).skip(nth).findFirst()
          .orElseThrow(() -> new AssertionError("no " + activity));
    }

    @Test
    void of_the_opening_has_no_phase_before_and_no_client() throws Exception {
      Element opened = event(0, "Case opened", 0);
      assertNull(attribute(opened, "cm:phaseBefore"));
      assertEquals("INTAKE", attribute(opened, "cm:phaseAfter"));
      assertEquals("1", attribute(opened, "cm:version"));
    }

    @Test
    void of_an_intervention_names_it_as_its_instance_with_its_need_goal_provider_service_and_plan() throws Exception {
      Element planned = event(0, "Intervention planned", 0);
      assertEquals("schedule", attribute(planned, "lifecycle:transition"));
      assertEquals("I-1", attribute(planned, "concept:instance"));
      assertEquals("I-1", attribute(planned, "cm:intervention"));
      assertEquals("N-1", attribute(planned, "cm:needs"));
      assertEquals("G-1", attribute(planned, "cm:goal"), "the goal it serves");
      assertEquals("P-1", attribute(planned, "cm:provider"));
      assertEquals("COUNSELLING", attribute(planned, "cm:serviceKind"));
      assertEquals("250.50", attribute(planned, "cm:cost"));
      assertEquals("float", typeOf(planned, "cm:cost"));
      assertEquals("1", attribute(planned, "cm:planVersion"));
      Element started = event(0, "Intervention started", 0);
      assertEquals("start", attribute(started, "lifecycle:transition"));
      assertEquals("COUNSELLING", attribute(started, "cm:serviceKind"));
      assertEquals("G-1", attribute(started, "cm:goal"));
      assertEquals("complete", attribute(event(1, "Intervention completed", 0), "lifecycle:transition"));
    }

    @Test
    void of_a_referral_follows_the_lifecycle_model() throws Exception {
      assertEquals("schedule", attribute(event(0, "Referral requested", 0), "lifecycle:transition"));
      Element accepted = event(0, "Referral accepted", 0);
      assertEquals("start", attribute(accepted, "lifecycle:transition"));
      assertEquals("R-1", attribute(accepted, "concept:instance"));
      assertEquals("HOUSING", attribute(accepted, "cm:serviceKind"));
    }

    @Test
    void of_a_review_says_its_decision_and_how_many_findings() throws Exception {
      Element review = event(0, "Monitoring review", 0);
      assertEquals("CONTINUE", attribute(review, "cm:decision"));
      assertEquals("1", attribute(review, "cm:findings"));
      assertEquals("IMPLEMENTATION", attribute(review, "cm:phaseBefore"));
      assertEquals("MONITORING", attribute(review, "cm:phaseAfter"));
    }

    @Test
    void of_a_review_that_only_moves_the_case_on_is_a_move_to_evaluation() throws Exception {
      Element move = event(1, "Move to evaluation", 0);
      assertEquals("PROCEED_TO_EVALUATION", attribute(move, "cm:decision"));
      assertEquals("0", attribute(move, "cm:findings"));
      assertEquals("EVALUATION", attribute(move, "cm:phaseAfter"));
    }

    @Test
    void of_a_budget_cap_and_of_an_outcome_carry_their_amount_and_achievement() throws Exception {
      assertEquals("1000.00", attribute(event(0, "Budget cap set", 0), "cm:budgetCap"));
      Element outcome = event(1, "Outcome recorded", 0);
      assertEquals("G-1", attribute(outcome, "cm:goal"));
      assertEquals("ACHIEVED", attribute(outcome, "cm:achievement"));
    }
  }

  @Nested
  class A_closure {

    @Test
    void ends_each_open_intervention_and_referral_with_an_event_of_its_own_before_the_closure() throws Exception {
      Element trace = (Element) realLog().getElementsByTagName("trace").item(0);
      java.util.List<Element> events = events(trace);
      java.util.List<String> tail = events.subList(events.size() - 5, events.size()).stream()
          .map(e -> attribute(e, "concept:name") + " " + attribute(e, "concept:instance") + " "
              + attribute(e, "lifecycle:transition") + " " + attribute(e, "cm:closureReason"))
          .toList();
      assertEquals(java.util.List.of(
          "Intervention cancelled I-1 ate_abort CLIENT_WITHDREW",
          "Intervention cancelled I-2 withdraw CLIENT_WITHDREW",
          "Referral withdrawn R-1 ate_abort CLIENT_WITHDREW",
          "Referral withdrawn R-2 withdraw CLIENT_WITHDREW",
          "Case closed null complete CLIENT_WITHDREW"), tail);
      Element closed = events.get(events.size() - 1);
      for (Element e : events.subList(events.size() - 5, events.size())) {
        assertEquals(attribute(closed, "time:timestamp"), attribute(e, "time:timestamp"));
        assertEquals(attribute(closed, "cm:version"), attribute(e, "cm:version"));
        assertEquals("CLOSED", attribute(e, "cm:phaseAfter"));
      }
    }

    @Test
    void that_ended_nothing_adds_no_event() throws Exception {
      Element trace = (Element) realLog().getElementsByTagName("trace").item(1);
      java.util.List<Element> events = events(trace);
      assertEquals("Outcome recorded", attribute(events.get(events.size() - 2), "concept:name"));
    }
  }

  @Test
  void a_history_must_start_with_its_opening() {
    StringWriter out = new StringWriter();
    XesWriter xes = XesWriter.to(out);
    assertThrows(IllegalArgumentException.class,
        () -> xes.trace(org.casemgmt.casefile.CaseId.of("CASE-1"), ExportHistories.completed("CASE-1").tail()));
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
      assertNotNull(attribute(e, "concept:name"));
      assertTrue(attribute(e, "time:timestamp").matches("2026-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
          attribute(e, "time:timestamp"));
      assertNotNull(attribute(e, "lifecycle:transition"));
      assertNotNull(attribute(e, "org:resource"));
      assertNotNull(attribute(e, "cm:sequence"));
    }
  }
}
