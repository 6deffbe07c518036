package org.casemgmt.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.RecordedEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What a researcher finds reading an OCEL log back (with Jackson, as any JSON reader would): the events are the
 * lines of the CSV and XES logs, every relationship points to an object of the log, every attribute is declared by
 * its type, and the objects' attributes change when the history says they did.
 */
class OcelWriterTest {

  /** A log read back: events in order, objects by id, and the declared attributes of each type. */
  record Log(java.util.List<JsonNode> events, Map<String, JsonNode> objects, Map<String, Set<String>> eventTypes,
      Map<String, Set<String>> objectTypes) {

    /** {@return the values an object's attribute took, in order, as "time=value"} */
    java.util.List<String> changes(String objectId, String attribute) {
      java.util.List<String> values = new ArrayList<>();
      for (JsonNode a : object(objectId).get("attributes")) {
        if (a.get("name").asString().equals(attribute)) {
          values.add(a.get("time").asString() + "=" + a.get("value").asString());
        }
      }
      return values;
    }

    /** {@return an object's relationships as "qualifier objectId"} */
    Set<String> relations(String objectId) {
      Set<String> out = new java.util.TreeSet<>();
      object(objectId).get("relationships").forEach(r -> out.add(r.get("qualifier").asString() + " "
          + r.get("objectId").asString()));
      return out;
    }

    JsonNode object(String id) {
      JsonNode o = objects.get(id);
      assertNotNull(o, "no object " + id);
      return o;
    }

    /** {@return the events of a type} */
    java.util.List<JsonNode> events(String type) {
      return events.stream().filter(e -> e.get("type").asString().equals(type)).toList();
    }
  }

  static Log read(String json) {
    JsonNode root = new ObjectMapper().readTree(json);
    java.util.List<JsonNode> events = new ArrayList<>();
    root.get("events").forEach(events::add);
    Map<String, JsonNode> objects = new LinkedHashMap<>();
    for (JsonNode o : root.get("objects")) {
      assertTrue(objects.put(o.get("id").asString(), o) == null, "object ids are unique: " + o.get("id"));
    }
    return new Log(events, objects, types(root.get("eventTypes")), types(root.get("objectTypes")));
  }

  private static Map<String, Set<String>> types(JsonNode declared) {
    Map<String, Set<String>> types = new TreeMap<>();
    for (JsonNode t : declared) {
      Set<String> names = new HashSet<>();
      t.get("attributes").forEach(a -> names.add(a.get("name").asString()));
      types.put(t.get("name").asString(), names);
    }
    return types;
  }

  static String ocel(Seq<RecordedEvent>... histories) {
    StringWriter out = new StringWriter();
    OcelWriter.write(out, List.of(histories));
    return out.toString();
  }

  static final Log BOTH = read(ocel(ExportHistories.closedEarly("CASE-1"), ExportHistories.completed("CASE-2")));

  @Test
  void the_events_are_the_lines_of_the_csv_in_the_same_order_with_the_same_times_and_staff() {
    StringWriter csv = new StringWriter();
    EventLogCsv.write(csv, List.of(ExportHistories.closedEarly("CASE-1"), ExportHistories.completed("CASE-2")));
    String[] rows = csv.toString().split("\n");
    assertEquals(rows.length - 1, BOTH.events().size());
    for (int i = 1; i < rows.length; i++) {
      String[] cells = rows[i].split(",", -1);
      JsonNode event = BOTH.events().get(i - 1);
      assertEquals(cells[0] + "#" + cells[1], event.get("id").asString());
      assertEquals(cells[2], event.get("type").asString());
      assertEquals(cells[3], event.get("time").asString());
      assertTrue(relations(event).contains("issued-by staff:" + cells[4]), event.toString());
      assertTrue(relations(event).contains("recorded-in case:" + cells[0]), event.toString());
    }
  }

  @Test
  void a_team_member_joining_and_leaving_relates_the_event_to_that_member() {
    Log log = read(ocel(ExportHistories.teamChanged("CASE-T")));
    assertTrue(relations(log.events("Team member joined").get(0)).contains("joins staff:nurse-1"), log.toString());
    assertTrue(relations(log.events("Team member left").get(0)).contains("leaves staff:nurse-1"), log.toString());
    assertNotNull(log.objects().get("staff:nurse-1"));
  }

  @Test
  void consent_granted_and_withdrawn_relates_the_event_to_the_provider_it_is_about() {
    Log log = read(ocel(ExportHistories.consentChanged("CASE-K")));
    assertTrue(relations(log.events("Consent to share granted").get(0)).contains("shared-with provider:P-9"),
        log.toString());
    assertTrue(relations(log.events("Consent to share withdrawn").get(0)).contains("withdrawn-from provider:P-9"),
        log.toString());
    assertNotNull(log.objects().get("provider:P-9"));
  }

  static Set<String> relations(JsonNode event) {
    Set<String> out = new java.util.TreeSet<>();
    event.get("relationships").forEach(r -> out.add(r.get("qualifier").asString() + " "
        + r.get("objectId").asString()));
    return out;
  }

  @Test
  void every_relationship_points_to_an_object_of_the_log_and_every_attribute_is_declared() {
    Set<String> eventIds = new HashSet<>();
    for (JsonNode e : BOTH.events()) {
      assertTrue(eventIds.add(e.get("id").asString()), "event ids are unique");
      Set<String> declared = BOTH.eventTypes().get(e.get("type").asString());
      assertNotNull(declared, e.get("type") + " is declared");
      e.get("attributes").forEach(a -> assertTrue(declared.contains(a.get("name").asString()), a + " of " + e));
      e.get("relationships").forEach(r -> assertTrue(BOTH.objects().containsKey(r.get("objectId").asString()),
          r + " of " + e.get("id")));
    }
    for (JsonNode o : BOTH.objects().values()) {
      Set<String> declared = BOTH.objectTypes().get(o.get("type").asString());
      assertNotNull(declared, o.get("type") + " is declared");
      o.get("attributes").forEach(a -> assertTrue(declared.contains(a.get("name").asString()), a + " of " + o));
      o.get("relationships").forEach(r -> assertTrue(BOTH.objects().containsKey(r.get("objectId").asString()),
          r + " of " + o.get("id")));
    }
    assertEquals(Set.of("case", "client", "need", "goal", "intervention", "referral", "plan version", "provider",
        "staff"), BOTH.objectTypes().keySet());
  }

  @Nested
  class The_objects_of_a_case_closed_early {

    @Test
    void case_local_ids_are_qualified_by_the_case_and_shared_ones_are_not() {
      assertTrue(BOTH.objects().containsKey("need:CASE-1#N-1"));
      assertTrue(BOTH.objects().containsKey("need:CASE-2#N-1"), "both cases have a need N-1: two objects");
      assertTrue(BOTH.objects().containsKey("intervention:CASE-2#I-1"));
      assertTrue(BOTH.objects().containsKey("plan-version:CASE-1#1"));
      assertTrue(BOTH.objects().containsKey("client:C-CASE-1"));
      assertTrue(BOTH.objects().containsKey("provider:P-1"));
      assertTrue(BOTH.objects().containsKey("staff:bruno"));
    }

    @Test
    void an_intervention_s_status_changes_when_it_is_planned_started_and_cancelled_by_the_closure() {
      assertEquals(java.util.List.of(time("Intervention planned", 0) + "=PLANNED",
          time("Intervention started", 0) + "=ACTIVE", time("Case closed", 0) + "=CANCELLED"),
          BOTH.changes("intervention:CASE-1#I-1", "status"));
      assertEquals(java.util.List.of(time("Monitoring review", 0) + "=ON_TRACK"),
          BOTH.changes("intervention:CASE-1#I-1", "finding"));
      assertEquals(java.util.List.of(time("Intervention planned", 0) + "=250.50"),
          BOTH.changes("intervention:CASE-1#I-1", "cost"));
    }

    @Test
    void a_referral_s_status_and_a_goal_s_lifecycle_change_over_time() {
      assertEquals(java.util.List.of(time("Referral requested", 0) + "=REQUESTED",
          time("Referral accepted", 0) + "=ACCEPTED", time("Case closed", 0) + "=WITHDRAWN"),
          BOTH.changes("referral:CASE-1#R-1", "status"));
      assertEquals(java.util.List.of(time("Goal added", 0) + "=PROPOSED", time("Plan approved", 0) + "=ACTIVE"),
          BOTH.changes("goal:CASE-1#G-1", "lifecycle"));
      assertEquals(java.util.List.of(time("Need recorded", 0) + "=OPEN"), BOTH.changes("need:CASE-1#N-1", "status"));
      assertEquals(java.util.List.of(time("Case closed", 0) + "=CLIENT_WITHDREW"),
          BOTH.changes("case:CASE-1", "closureReason"));
      assertEquals("MONITORING", BOTH.changes("case:CASE-1", "phase").get(4).split("=")[1]);
      assertTrue(BOTH.changes("case:CASE-1", "phase").get(5).endsWith("=CLOSED"));
    }

    @Test
    void objects_relate_to_objects() {
      assertEquals(Set.of("part-of case:CASE-1", "addresses need:CASE-1#N-1", "serves goal:CASE-1#G-1",
          "delivered-by provider:P-1", "planned-in plan-version:CASE-1#1"),
          BOTH.relations("intervention:CASE-1#I-1"));
      assertEquals(Set.of("part-of case:CASE-1", "addresses need:CASE-1#N-1", "addresses need:CASE-1#N-2"),
          BOTH.relations("goal:CASE-1#G-1"));
      assertEquals(Set.of("part-of case:CASE-1", "addresses need:CASE-1#N-1", "referred-to provider:P-2"),
          BOTH.relations("referral:CASE-1#R-1"));
      assertEquals(Set.of("about client:C-CASE-1", "managed-by staff:anna"), BOTH.relations("case:CASE-1"));
    }

    @Test
    void events_relate_to_the_objects_they_concern_with_qualifiers() {
      assertEquals(Set.of("recorded-in case:CASE-1", "issued-by staff:anna", "concerns intervention:CASE-1#I-1",
          "addresses need:CASE-1#N-1", "serves goal:CASE-1#G-1", "delivered-by provider:P-1",
          "decided-in plan-version:CASE-1#1"), relations(first("Intervention planned")));
      assertEquals(Set.of("recorded-in case:CASE-1", "issued-by staff:anna", "reviewed intervention:CASE-1#I-1",
          "reviews plan-version:CASE-1#1"), relations(first("Monitoring review")));
      assertEquals(Set.of("recorded-in case:CASE-1", "issued-by staff:anna", "about client:C-CASE-1",
          "managed-by staff:anna"), relations(first("Case opened")));
      assertEquals(Set.of("recorded-in case:CASE-1", "issued-by staff:anna", "concerns need:CASE-1#N-1"),
          relations(first("Need recorded")));
    }

    private JsonNode first(String type) {
      return BOTH.events(type).get(0);
    }

    private String time(String type, int index) {
      return BOTH.events(type).get(index).get("time").asString();
    }
  }

  @Test
  void a_client_with_two_cases_is_one_object() {
    Seq<RecordedEvent> first = ExportHistories.closedEarly("CASE-1");
    Seq<RecordedEvent> second = ExportHistories.completed("CASE-2");
    CaseEvent.CaseOpened a = (CaseEvent.CaseOpened) first.head().event();
    RecordedEvent opened = second.head();
    CaseEvent.CaseOpened b = (CaseEvent.CaseOpened) opened.event();
    Seq<RecordedEvent> sameClient = second.tail().prepend(new RecordedEvent(opened.caseId(), opened.sequence(),
        opened.actor(), opened.at(), new CaseEvent.CaseOpened(b.caseId(), a.client(), b.caseManager(), b.scope(),
        b.openedOn())));
    Log log = read(ocel(first, sameClient));
    assertEquals(1, log.objects().values().stream().filter(o -> o.get("type").asString().equals("client")).count());
    assertTrue(log.relations("case:CASE-2").contains("about client:C-CASE-1"));
  }

  @Test
  void no_free_text_reaches_the_log_and_the_same_histories_give_the_same_bytes() {
    String log = ocel(ExportHistories.closedEarly("CASE-1"), ExportHistories.completed("CASE-2"));
    assertFalse(log.contains(ExportHistories.MARKER));
    assertEquals(log, ocel(ExportHistories.closedEarly("CASE-1"), ExportHistories.completed("CASE-2")));
  }

  @Test
  void interleaved_cases_give_the_same_events_and_objects() {
    Seq<RecordedEvent> one = ExportHistories.closedEarly("CASE-1");
    Seq<RecordedEvent> two = ExportHistories.completed("CASE-2");
    StringWriter out = new StringWriter();
    OcelWriter ocel = OcelWriter.to(out);
    for (int i = 0; i < Math.max(one.size(), two.size()); i++) {
      if (i < one.size()) {
        ocel.append(one.get(i));
      }
      if (i < two.size()) {
        ocel.append(two.get(i));
      }
    }
    ocel.finish();
    Log interleaved = read(out.toString());
    assertEquals(BOTH.events().size(), interleaved.events().size());
    assertEquals(new TreeMap<>(BOTH.objects()), new TreeMap<>(interleaved.objects()));
  }

  @Nested
  class Refusals {

    @Test
    void a_case_already_written_cannot_come_back() {
      Seq<RecordedEvent> history = ExportHistories.completed("CASE-2");
      OcelWriter ocel = OcelWriter.to(new StringWriter()).appendAll(history).forget(CaseId.of("CASE-2"));
      assertThrows(InvalidInputException.class, () -> ocel.append(history.head()));
    }

    @Test
    void a_history_must_start_with_its_opening_and_nothing_of_a_refused_event_is_written() {
      StringWriter out = new StringWriter();
      OcelWriter ocel = OcelWriter.to(out);
      int header = out.toString().length();
      Seq<RecordedEvent> history = ExportHistories.completed("CASE-2");
      assertThrows(InvalidInputException.class, () -> ocel.append(history.get(1)));
      assertEquals(header, out.toString().length());
      ocel.appendAll(history).finish();
      OcelSchemaTest.validate(out.toString());
      assertEquals(history.size(), read(out.toString()).events().size(), "a line per event: nothing open at its closure");
    }

    @Test
    void a_finished_log_takes_no_more_events_and_finishing_again_adds_nothing() {
      StringWriter out = new StringWriter();
      OcelWriter ocel = OcelWriter.to(out);
      ocel.finish();
      String finished = out.toString();
      ocel.finish();
      assertEquals(finished, out.toString());
      assertThrows(IllegalStateException.class, () -> ocel.append(ExportHistories.completed("CASE-2").head()));
    }

    @Test
    void missing_arguments_are_input_errors() {
      assertThrows(InvalidInputException.class, () -> OcelWriter.to(null));
      assertThrows(InvalidInputException.class, () -> OcelWriter.write(new StringWriter(), null));
      OcelWriter ocel = OcelWriter.to(new StringWriter());
      assertThrows(InvalidInputException.class, () -> ocel.append(null));
      assertThrows(InvalidInputException.class, () -> ocel.appendAll(null));
      assertThrows(InvalidInputException.class, () -> ocel.forget(null));
      java.util.List<RecordedEvent> withNull = new ArrayList<>();
      withNull.add(null);
      assertThrows(InvalidInputException.class, () -> ocel.appendAll(List.ofAll(withNull)));
    }
  }

  @Test
  void a_spool_past_its_memory_limit_spills_to_a_file_and_gives_back_the_same_text() {
    Spool spool = new Spool(10);
    spool.append("{\"a\":1}");
    assertFalse(spool.spilled());
    spool.append(",{\"b\":2}");
    spool.append(",{\"c\":3}");
    assertTrue(spool.spilled());
    StringWriter out = new StringWriter();
    spool.copyTo(out);
    assertEquals("{\"a\":1},{\"b\":2},{\"c\":3}", out.toString());
    assertFalse(spool.spilled(), "the file is deleted");
  }

  @Test
  void json_strings_are_escaped() {
    StringBuilder out = new StringBuilder();
    Json.string(out, "a\"b\\c\nd\u0001e\u2028");
    assertEquals("\"a\\\"b\\\\c\\nd\\u0001e\\u2028\"", out.toString());
    assertEquals("a\"b\\c\nd\u0001e\u2028", new ObjectMapper().readTree(out.toString()).asString());
  }

  @Test
  void the_compact_id_set_holds_each_id_once_through_its_growth() {
    SeenIds ids = new SeenIds();
    for (int i = 0; i < 10_000; i++) {
      assertTrue(ids.add("C-" + i));
    }
    assertTrue(ids.add("Ünïcode-ß"));
    for (int i = 0; i < 10_000; i++) {
      assertFalse(ids.add("C-" + i));
      assertTrue(ids.contains("C-" + i));
    }
    assertTrue(ids.contains("Ünïcode-ß"));
    assertFalse(ids.contains("C-10000"));
    assertEquals(10_001, ids.size());
  }
}
