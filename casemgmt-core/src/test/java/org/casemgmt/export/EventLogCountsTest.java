package org.casemgmt.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.simulation.LoopBack;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.Simulation;
import org.casemgmt.simulation.SimulationListener;
import org.casemgmt.simulation.SimulationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A researcher who counts activities in a simulated log finds the simulation's own figures: reviews, loop-backs,
 * arrivals, closures by reason, planned cost — in the CSV, the XES and the OCEL alike.
 */
class EventLogCountsTest {

  /** The reference model with early closures, so that closures end open work too. */
  static final Scenario SCENARIO = Scenario.reference(11).toBuilder().horizonDays(365)
      .earlyClosureProbability(0.05).build();
  static SimulationResult result;
  static String csv;
  static String xes;
  static String ocel;

  @BeforeAll
  static void simulate() {
    StringWriter c = new StringWriter();
    StringWriter x = new StringWriter();
    StringWriter o = new StringWriter();
    result = Simulation.run(SCENARIO, SimulationListener.all(SimulationListener.csvEventLog(c),
        SimulationListener.xesEventLog(x), SimulationListener.ocelEventLog(o)));
    csv = c.toString();
    xes = x.toString();
    ocel = o.toString();
  }

  /** The CSV's rows as column name → value. */
  static java.util.List<Map<String, String>> rows() {
    String[] lines = csv.split("\n");
    String[] header = lines[0].split(",");
    java.util.List<Map<String, String>> rows = new java.util.ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      Map<String, String> row = new TreeMap<>();
      for (int k = 0; k < header.length; k++) {
        row.put(header[k], cells[k]);
      }
      rows.add(row);
    }
    return rows;
  }

  static long count(Function<Map<String, String>, Boolean> which) {
    return rows().stream().filter(which::apply).count();
  }

  static long count(String activity) {
    return count(r -> r.get("activity").equals(activity));
  }

  static long count(String activity, String decision) {
    return count(r -> r.get("activity").equals(activity) && r.get("decision").equals(decision));
  }

  @Test
  void the_run_is_busy_enough_to_count() {
    assertTrue(result.reviews() > 50 && result.closed() > 50, result.toString());
    assertTrue(count("Move to evaluation") > 0);
    assertTrue(count(r -> r.get("activity").equals("Intervention cancelled") && !r.get("closure_reason").isEmpty())
        > 0, "closures ended interventions");
  }

  @Test
  void monitoring_reviews_are_the_reviews_of_the_summary() {
    assertEquals(result.reviews(), count("Monitoring review"));
  }

  @Test
  void loop_backs_are_the_summary_s() {
    assertEquals(result.loopBacks().get(LoopBack.ADJUST_PLAN).getOrElse(0L), count("Monitoring review", "ADJUST_PLAN"));
    assertEquals(result.loopBacks().get(LoopBack.REASSESS).getOrElse(0L), count("Monitoring review", "REASSESS"));
    assertEquals(result.loopBacks().get(LoopBack.REPLAN).getOrElse(0L), count("Re-planning started"));
  }

  @Test
  void arrivals_and_closures_by_reason_are_the_summary_s() {
    assertEquals(result.arrived(), count("Case opened"));
    assertEquals(result.closed(), count("Case closed"));
    for (ClosureReason reason : ClosureReason.values()) {
      assertEquals(result.closureReasons().get(reason).getOrElse(0L),
          count(r -> r.get("activity").equals("Case closed") && r.get("closure_reason").equals(reason.name())),
          reason.name());
    }
  }

  @Test
  void the_cost_of_the_interventions_planned_and_not_cancelled_is_the_summary_s() {
    Map<String, BigDecimal> costs = new TreeMap<>();
    rows().stream().filter(r -> r.get("activity").equals("Intervention planned"))
        .forEach(r -> costs.put(r.get("case_id") + "/" + r.get("intervention"), new BigDecimal(r.get("cost"))));
    BigDecimal planned = costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal cancelled = rows().stream().filter(r -> r.get("activity").equals("Intervention cancelled"))
        .map(r -> costs.get(r.get("case_id") + "/" + r.get("intervention"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertTrue(cancelled.signum() > 0, "the scenario cancels interventions (closures end open work)");
    BigDecimal committed = planned.subtract(cancelled);
    assertEquals(0, result.totalCost().amount().compareTo(committed), result.totalCost() + " against " + committed);
  }

  @Test
  void the_xes_counts_every_activity_as_the_csv_does() throws Exception {
    Map<String, Long> inCsv = new TreeMap<>();
    rows().forEach(r -> inCsv.merge(r.get("activity"), 1L, Long::sum));
    Map<String, Long> inXes = new TreeMap<>();
    NodeList events = XesWriterTest.parse(xes).getElementsByTagName("event");
    for (int i = 0; i < events.getLength(); i++) {
      inXes.merge(XesWriterTest.attribute((Element) events.item(i), "concept:name"), 1L, Long::sum);
    }
    assertEquals(inCsv, inXes);
    assertEquals(result.reviews(), inXes.get("Monitoring review"));
  }

  @Test
  void the_ocel_counts_every_activity_as_the_csv_does_and_the_summary_s_figures() {
    Map<String, Long> inCsv = new TreeMap<>();
    rows().forEach(r -> inCsv.merge(r.get("activity"), 1L, Long::sum));
    OcelWriterTest.Log log = OcelWriterTest.read(ocel);
    Map<String, Long> inOcel = new TreeMap<>();
    log.events().forEach(e -> inOcel.merge(e.get("type").asString(), 1L, Long::sum));
    assertEquals(inCsv, inOcel);
    assertEquals(result.reviews(), inOcel.get("Monitoring review"));
    assertEquals(result.arrived(), inOcel.get("Case opened"));
    assertEquals(result.closed(), inOcel.get("Case closed"));
    assertEquals(result.arrived(), log.objects().values().stream()
        .filter(o -> o.get("type").asString().equals("case")).count(), "one case object per case");
    BigDecimal planned = log.events("Intervention planned").stream()
        .map(e -> new BigDecimal(attribute(e, "cost"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal plannedInCsv = rows().stream().filter(r -> r.get("activity").equals("Intervention planned"))
        .map(r -> new BigDecimal(r.get("cost"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, plannedInCsv.compareTo(planned), "the OCEL plans what the CSV plans");
    for (ClosureReason reason : ClosureReason.values()) {
      assertEquals(result.closureReasons().get(reason).getOrElse(0L), log.events("Case closed").stream()
          .filter(e -> reason.name().equals(attribute(e, "closureReason"))).count(), reason.name());
    }
  }

  @Test
  void the_ocel_s_interventions_end_cancelled_as_often_as_the_csv_cancels_them() {
    OcelWriterTest.Log log = OcelWriterTest.read(ocel);
    long cancelledByClosure = count(r -> r.get("activity").equals("Intervention cancelled")
        && !r.get("closure_reason").isEmpty());
    long cancelledInOcel = log.objects().values().stream()
        .filter(o -> o.get("type").asString().equals("intervention"))
        .filter(o -> {
          java.util.List<String> statuses = log.changes(o.get("id").asString(), "status");
          return statuses.get(statuses.size() - 1).endsWith("=CANCELLED");
        }).count();
    assertEquals(count("Intervention cancelled"), cancelledInOcel, "every cancellation ends an intervention");
    assertTrue(cancelledByClosure > 0);
  }

  static String attribute(tools.jackson.databind.JsonNode event, String name) {
    for (tools.jackson.databind.JsonNode a : event.get("attributes")) {
      if (a.get("name").asString().equals(name)) {
        return a.get("value").asString();
      }
    }
    return null;
  }

  @Test
  void the_same_seed_writes_byte_identical_files() {
    byte[][] first = files(SCENARIO);
    byte[][] second = files(SCENARIO);
    assertArrayEquals(first[0], second[0]);
    assertArrayEquals(first[1], second[1]);
    assertArrayEquals(first[2], second[2]);
    assertFalse(java.util.Arrays.equals(first[0], files(SCENARIO.withSeed(12))[0]));
  }

  static byte[][] files(Scenario scenario) {
    ByteArrayOutputStream csvBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream xesBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream ocelBytes = new ByteArrayOutputStream();
    try (Writer c = new OutputStreamWriter(csvBytes, StandardCharsets.UTF_8);
         Writer x = new OutputStreamWriter(xesBytes, StandardCharsets.UTF_8);
         Writer o = new OutputStreamWriter(ocelBytes, StandardCharsets.UTF_8)) {
      Simulation.run(scenario, SimulationListener.all(SimulationListener.csvEventLog(c),
          SimulationListener.xesEventLog(x), SimulationListener.ocelEventLog(o)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new byte[][] {csvBytes.toByteArray(), xesBytes.toByteArray(), ocelBytes.toByteArray()};
  }

  @Test
  void no_free_text_of_the_simulation_reaches_the_logs() {
    for (String log : new String[] {csv, xes, ocel}) {
      assertFalse(log.contains("Simulated"), "the simulator's client names, needs, goals and notes say Simulated");
      assertFalse(log.contains("Goals not achieved"), "the re-planning reason");
    }
  }
}
