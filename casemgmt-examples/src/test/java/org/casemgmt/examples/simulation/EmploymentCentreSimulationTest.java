package org.casemgmt.examples.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.casemgmt.export.EventLogCsv;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.SimulationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Runs the employment centre on a short horizon, twice with the same seed, and reads every file it writes. */
class EmploymentCentreSimulationTest {

  private static final double HORIZON = 120;

  @TempDir
  static Path temp;

  private static Ran first;
  private static Ran second;

  /** What one run printed and returned, and where it wrote. */
  private record Ran(SimulationResult result, String printed, Path folder) {}

  @BeforeAll
  static void run_the_centre_twice_with_the_same_seed() throws IOException {
    System.setProperty("java.awt.headless", "true");
    Scenario scenario = EmploymentCentreSimulation.scenario(HORIZON, EmploymentCentreSimulation.SEED);
    first = run(scenario, temp.resolve("first"));
    second = run(scenario, temp.resolve("second"));
  }

  private static Ran run(Scenario scenario, Path folder) throws IOException {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    SimulationResult result;
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      result = EmploymentCentreSimulation.run(scenario, folder, out);
    }
    return new Ran(result, captured.toString(StandardCharsets.UTF_8), folder);
  }

  private static String read(Path folder, String name) throws IOException {
    return Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
  }

  private static List<String> lines(Path folder, String name) throws IOException {
    return Files.readAllLines(folder.resolve(name), StandardCharsets.UTF_8);
  }

  @Nested
  class The_files {

    @Test
    void every_output_is_written_and_not_empty() throws IOException {
      for (String name : List.of(EmploymentCentreSimulation.SUMMARY_CSV, EmploymentCentreSimulation.DAILY_CSV,
          EmploymentCentreSimulation.EVENTS_CSV, EmploymentCentreSimulation.EVENTS_XES,
          EmploymentCentreSimulation.EVENTS_OCEL, EmploymentCentreSimulation.CHART_PNG)) {
        Path file = first.folder().resolve(name);
        assertTrue(Files.isRegularFile(file), name);
        assertTrue(Files.size(file) > 100, () -> name + " is almost empty");
      }
    }

    @Test
    void the_summary_csv_is_the_result_of_the_run() throws IOException {
      assertEquals(first.result().toCsv(), read(first.folder(), EmploymentCentreSimulation.SUMMARY_CSV));
      assertTrue(lines(first.folder(), EmploymentCentreSimulation.SUMMARY_CSV)
          .contains("arrived," + first.result().arrived()));
    }

    @Test
    void the_daily_series_has_one_row_per_day_of_the_horizon_and_ends_with_the_cases_left_open() throws IOException {
      List<String> daily = lines(first.folder(), EmploymentCentreSimulation.DAILY_CSV);
      assertEquals("day,open_cases,waiting_for_manager,active_interventions", daily.get(0));
      assertEquals((int) HORIZON + 1, daily.size() - 1); // days 0..HORIZON inclusive
      String[] last = daily.get(daily.size() - 1).split(",");
      assertEquals(String.valueOf((long) HORIZON), last[0]);
      assertTrue(Integer.parseInt(last[1]) > 0, "cases are open at the end of a busy centre");
    }

    @Test
    void the_csv_event_log_has_a_case_an_activity_a_time_and_a_resource_on_every_row() throws IOException {
      List<String> rows = lines(first.folder(), EmploymentCentreSimulation.EVENTS_CSV);
      assertEquals(EventLogCsv.HEADER, rows.get(0));
      // One row per recorded event (case id and version), plus one per intervention or referral a closure ended.
      assertEquals(first.result().commandsAccepted(),
          rows.stream().skip(1).map(r -> r.split(",")[0] + "#" + r.split(",")[6]).distinct().count(),
          "one recorded event per accepted command");
      assertTrue(rows.stream().skip(1).allMatch(
              r -> r.matches("CASE-\\d+,\\d+,[A-Z][-a-z ]+,2026-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z,[-\\w]+,.*")),
          () -> rows.subList(0, 5).toString());
    }

    @Test
    void the_xes_parses_with_one_trace_per_case_each_opening_with_case_opened() throws Exception {
      Document xes = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(first.folder().resolve(EmploymentCentreSimulation.EVENTS_XES).toFile());
      assertEquals("log", xes.getDocumentElement().getTagName());
      NodeList traces = xes.getElementsByTagName("trace");
      assertEquals(first.result().arrived(), traces.getLength());
      Set<String> names = new HashSet<>();
      for (int t = 0; t < traces.getLength(); t++) {
        Element trace = (Element) traces.item(t);
        Element name = (Element) trace.getElementsByTagName("string").item(0);
        names.add(name.getAttribute("value"));
        Element firstEvent = (Element) trace.getElementsByTagName("event").item(0);
        assertEquals("Case opened", ((Element) firstEvent.getElementsByTagName("string").item(0)).getAttribute("value"));
      }
      assertEquals(traces.getLength(), names.size(), "trace names are the case ids, unique");
      assertTrue(first.result().commandsAccepted() <= xes.getElementsByTagName("event").getLength(),
          "one event per recorded event, plus one per intervention or referral a closure ended");
      assertEquals(lines(first.folder(), EmploymentCentreSimulation.EVENTS_CSV).size() - 1,
          xes.getElementsByTagName("event").getLength(), "the XES and the CSV have the same lines");
    }

    @Test
    void the_chart_is_a_png_picture_of_the_expected_size() throws IOException {
      Path png = first.folder().resolve(EmploymentCentreSimulation.CHART_PNG);
      byte[] signature = Arrays.copyOf(Files.readAllBytes(png), 8);
      assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, signature);
      BufferedImage image = ImageIO.read(png.toFile());
      assertEquals(900, image.getWidth());
      assertEquals(480, image.getHeight());
      assertTrue(Files.size(png) < 200_000, "small enough for the README");
    }

    @Test
    void no_client_name_or_free_text_reaches_the_event_logs() throws IOException {
      for (String name : List.of(EmploymentCentreSimulation.EVENTS_CSV, EmploymentCentreSimulation.EVENTS_XES,
          EmploymentCentreSimulation.EVENTS_OCEL)) {
        String log = read(first.folder(), name);
        assertFalse(log.contains("Simulated"), name); // the simulator's client names, needs and goals say "Simulated"
      }
    }
  }

  @Nested
  class The_summary {

    @Test
    void prints_every_metric_the_centre_discusses() {
      for (String metric : List.of("arrived", "closed", "open at end", "mean time in system (days)",
          "p90 time in system (days)", "mean wait for a case manager (days)", "case manager utilisation",
          "loop-backs ADJUST_PLAN", "loop-backs REASSESS", "loop-backs REPLAN", "total cost of interventions (EUR)")) {
        assertTrue(first.printed().lines().anyMatch(l -> l.startsWith("  " + metric + " ")),
            () -> metric + " missing in\n" + first.printed());
      }
      assertTrue(first.printed().lines().anyMatch(l -> l.startsWith("  closed GOALS_ACHIEVED ")), first.printed());
      assertTrue(first.printed().lines().anyMatch(l -> l.startsWith("  rejections ") || l.startsWith("  rejected by ")),
          first.printed());
    }

    @Test
    void prints_the_figures_of_the_result() {
      SimulationResult r = first.result();
      assertTrue(first.printed().lines().anyMatch(l -> l.matches("  arrived +" + r.arrived())), first.printed());
      assertTrue(first.printed().lines().anyMatch(l -> l.matches("  open at end +" + r.openAtEnd())), first.printed());
      assertEquals(r.arrived(), r.closed() + r.openAtEnd());
    }

    @Test
    void the_simulated_centre_follows_the_rules_without_a_refusal() {
      assertEquals(0, first.result().totalRejections(), () -> first.result().rejections().toString());
    }
  }

  @Nested
  class Determinism {

    @Test
    void the_same_seed_prints_the_same_summary() {
      assertEquals(first.printed().replace(first.folder().toString(), "<folder>"),
          second.printed().replace(second.folder().toString(), "<folder>"));
      assertEquals(first.result(), second.result());
    }

    @Test
    void the_same_seed_writes_byte_identical_files() throws IOException {
      for (String name : List.of(EmploymentCentreSimulation.SUMMARY_CSV, EmploymentCentreSimulation.DAILY_CSV,
          EmploymentCentreSimulation.EVENTS_CSV, EmploymentCentreSimulation.EVENTS_XES,
          EmploymentCentreSimulation.EVENTS_OCEL, EmploymentCentreSimulation.CHART_PNG)) {
        assertArrayEquals(Files.readAllBytes(first.folder().resolve(name)),
            Files.readAllBytes(second.folder().resolve(name)), name);
      }
    }

    @Test
    void another_seed_gives_another_history() throws IOException {
      Ran other = run(EmploymentCentreSimulation.scenario(HORIZON, EmploymentCentreSimulation.SEED + 1),
          temp.resolve("other-seed"));
      assertNotEquals(read(first.folder(), EmploymentCentreSimulation.EVENTS_CSV),
          read(other.folder(), EmploymentCentreSimulation.EVENTS_CSV));
    }
  }

  @Test
  void main_writes_into_the_folder_of_its_first_argument_for_the_horizon_of_its_second() throws IOException {
    Path folder = temp.resolve("main");
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      EmploymentCentreSimulation.main(new String[] {folder.toString(), "30"});
    } finally {
      System.setOut(original);
    }
    assertTrue(captured.toString(StandardCharsets.UTF_8).startsWith("Employment centre: 5 case managers x 30 cases"),
        captured.toString(StandardCharsets.UTF_8));
    assertEquals(31 + 1, lines(folder, EmploymentCentreSimulation.DAILY_CSV).size());
    assertTrue(Files.isRegularFile(folder.resolve(EmploymentCentreSimulation.CHART_PNG)));
  }
}
