package org.casemgmt.examples.report;

import static org.casemgmt.need.LifeDomain.PSYCHOLOGICAL_WELLBEING;
import static org.casemgmt.resource.ServiceKind.COUNSELLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.examples.simulation.EmploymentCentreSimulation;
import org.casemgmt.examples.store.JdbcEventStore;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.service.Caseload;
import org.casemgmt.service.OverdueCase;
import org.casemgmt.service.ServiceProjection;
import org.casemgmt.service.ServiceSettings;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.Simulation;
import org.casemgmt.simulation.SimulationListener;
import org.casemgmt.simulation.SimulationResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The report of a simulated year of the employment centre: its figures are the projection's, every overdue
 * case is listed, its charts are real pictures inside the page, and no name or free text of the simulation reaches
 * it.
 */
class ServiceReportTest {

  /** The free texts the simulator writes into every case (Practitioner's constants). */
  static final java.util.List<String> SIMULATOR_TEXTS = java.util.List.of("Simulated need", "Simulated goal",
      "Simulated target", "Simulated closure", "No intervention could be planned", "Goals not achieved at evaluation");

  /** A year: long enough for full caseloads, a waiting list, overdue items and outcomes; a second to run. */
  static final Scenario SCENARIO = EmploymentCentreSimulation.scenario(365, 11);
  static final Ran RUN = Ran.of(SCENARIO);

  /**
   * One simulated run: its events and result, what the simulation said about its clients and cases in words (to be
   * kept out of the report), the projection and the report of the last day.
   */
  record Ran(Seq<RecordedEvent> events, SimulationResult result, java.util.Set<String> words,
      ServiceProjection projection, ServiceReport report, String html) {

    static Ran of(Scenario scenario) {
      System.setProperty("java.awt.headless", "true");
      ArrayList<RecordedEvent> events = new ArrayList<>();
      TreeSet<String> words = new TreeSet<>(SIMULATOR_TEXTS);
      SimulationResult result = Simulation.run(scenario, new SimulationListener() {
        @Override
        public void onEvent(RecordedEvent event) {
          events.add(event);
        }

        @Override
        public void onCaseClosed(CaseFile file) {
          words.add(file.client().fullName().text());
        }

        @Override
        public void onEnd(Seq<CaseFile> openCases) {
          openCases.forEach(file -> words.add(file.client().fullName().text()));
        }
      });
      ServiceProjection projection = ServiceProjection.of(ServiceReportExample.settings(scenario), events);
      ServiceReport report = ServiceReport.of(projection, ServiceReportExample.lastDay(scenario),
          ServiceReportExample.end(scenario));
      return new Ran(Vector.ofAll(events), result, words, projection, report, report.html());
    }
  }

  /** Fails if a client's name or a free text of the run appears in the page. */
  static void assertNoNameOrFreeText(String html, java.util.Set<String> words) {
    for (String word : words) {
      assertFalse(html.contains(word), () -> "the report shows \"" + word + "\"");
    }
    assertFalse(html.contains("Simulated"), "the simulator's names and texts all say \"Simulated\"");
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The value cell of a row of the key figures. */
  static String keyFigure(String html, String figure) {
    Matcher m = Pattern.compile("<tr><td>" + Pattern.quote(figure) + "</td><td class=\"n\">([^<]*)</td></tr>")
        .matcher(html);
    assertTrue(m.find(), () -> "no key figure " + figure);
    return m.group(1);
  }

  @Nested
  class The_page {

    @Test
    void is_titled_with_its_day_and_has_every_section_in_order() {
      assertEquals(LocalDate.of(2026, 12, 31), RUN.report().day());
      assertTrue(RUN.html().startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
      assertTrue(RUN.html().contains("<title>Service report for 2026-12-31</title>"));
      assertTrue(RUN.html().contains("<h1>Service report for 2026-12-31</h1>"));
      ArrayList<String> sections = new ArrayList<>();
      Matcher h2 = Pattern.compile("<h2>([^<]*)</h2>").matcher(RUN.html());
      while (h2.find()) {
        sections.add(h2.group(1));
      }
      assertEquals(java.util.List.of("Key figures", "Caseloads", "Overdue on 2026-12-31", "Costs",
          "Outcomes by life domain", "Loop-backs", "Time in phase", "Fragmentation"), sections);
      assertTrue(RUN.html().endsWith("</body>\n</html>\n"));
    }

    @Test
    void shows_the_projection_s_key_figures() {
      ServiceProjection p = RUN.projection();
      assertTrue(p.openCount() > 100, "a busy centre: " + p.openCount());
      assertEquals(count(p.openCount()), keyFigure(RUN.html(), "Open cases"));
      assertEquals(count(p.opened()), keyFigure(RUN.html(), "Cases opened"));
      assertEquals(count(p.closed()), keyFigure(RUN.html(), "Cases closed"));
      assertEquals(count(p.waitingList().size()), keyFigure(RUN.html(), "Waiting for a case manager"));
      assertEquals(String.format(Locale.ROOT, "%.1f %%", 100 * p.utilisation(RUN.report().until())),
          keyFigure(RUN.html(), "Case-manager utilisation (time average)"));
      assertEquals(String.format(Locale.ROOT, "%,.1f", p.meanOpenCases(RUN.report().until())),
          keyFigure(RUN.html(), "Mean open cases (time average)"));
      assertEquals(String.format(Locale.ROOT, "%,.2f", p.committedCost().amount()),
          keyFigure(RUN.html(), "Committed cost of the plans"));
    }

    @Test
    void lists_every_case_manager_s_caseload_and_every_waiting_case() {
      Seq<Caseload> loads = RUN.projection().caseloads();
      assertEquals(6, loads.size(), "five case managers and the intake desk");
      for (Caseload load : loads) {
        String places = load.manager().value().equals("intake") ? "–" : "30";
        assertTrue(RUN.html().contains("<tr><td>" + load.manager().value() + "</td><td class=\"n\">" + places
            + "</td><td class=\"n\">" + load.open() + "</td>"), load::toString);
      }
      Seq<CaseId> waiting = RUN.projection().waitingList();
      assertFalse(waiting.isEmpty(), "the caseloads are full and cases wait");
      assertTrue(RUN.html().contains(count(waiting.size()) + " cases wait for a case manager, first come first: "
          + waiting.map(CaseId::value).mkString(", ") + "."));
    }

    @Test
    void lists_every_overdue_case_with_its_manager_and_ids() {
      Seq<OverdueCase> overdue = RUN.projection().overdue(RUN.report().day());
      assertFalse(overdue.isEmpty(), "something is overdue after a year");
      String table = RUN.html().substring(RUN.html().indexOf("<h2>Overdue on"), RUN.html().indexOf("<h2>Costs"));
      assertEquals(overdue.size(), table.split("<tr><td>", -1).length - 1, "one row per overdue case");
      for (OverdueCase late : overdue) {
        assertTrue(table.contains("<tr><td>" + late.caseId().value() + "</td><td>" + late.manager().value()
            + "</td><td>" + late.overdue().reviewDueSince().map(LocalDate::toString).getOrElse("") + "</td><td>"
            + late.overdue().goalsPastDue().map(id -> id.value()).mkString(", ") + "</td>"), late::toString);
      }
    }

    @Test
    void totals_the_costs_by_month_to_the_committed_cost() {
      String total = String.format(Locale.ROOT, "%,.2f", RUN.projection().committedCost().amount());
      assertTrue(RUN.html().contains("<tr><td>Total</td><td class=\"n\">" + total + "</td>"), total);
      assertTrue(RUN.html().contains("<tr><td>P-EMPLOYERS</td><td>WORK_PLACEMENT</td>"));
    }

    @Test
    void shows_the_outcomes_of_each_domain_the_centre_works_in() {
      RUN.projection().outcomes().forEach((domain, byOutcome) -> {
        long achieved = byOutcome.get(org.casemgmt.plan.GoalAchievement.ACHIEVED).getOrElse(0L);
        assertTrue(RUN.html().contains("<tr><td>" + org.casemgmt.i18n.Labels.label(domain, Locale.ENGLISH)
            + "</td><td class=\"n\">" + count(achieved) + "</td>"), domain::toString);
      });
      assertEquals(3, RUN.projection().outcomes().size(), "work, education and training, economic");
    }

    @Test
    void embeds_four_charts_as_png_data_that_decode_to_pictures() throws IOException {
      Matcher images = Pattern.compile("<img [^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">")
          .matcher(RUN.html());
      int found = 0;
      while (images.find()) {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1))));
        assertNotNull(image, "a PNG ImageIO can read");
        assertEquals(ServiceReport.CHART_WIDTH, image.getWidth());
        assertEquals(ServiceReport.CHART_HEIGHT, image.getHeight());
        found++;
      }
      assertEquals(4, found, "caseloads, costs, outcomes, time in phase");
      assertEquals(found, RUN.html().split("<img ", -1).length - 1, "every image is embedded");
    }

    @Test
    void needs_nothing_outside_itself_and_runs_no_script() {
      String lower = RUN.html().toLowerCase(Locale.ROOT);
      assertFalse(lower.contains("<script"));
      assertFalse(lower.contains("javascript:"));
      assertFalse(lower.contains("http://") || lower.contains("https://"));
      assertFalse(lower.contains("<link") || lower.contains("url("));
      assertFalse(Pattern.compile(" on[a-z]+=").matcher(lower).find(), "no event handler attributes");
    }

    @Test
    void shows_no_client_s_name_and_no_free_text() {
      assertTrue(RUN.words().contains("Simulated client 1"), "the names of the run's clients are known here");
      assertTrue(RUN.words().size() > 200, "every client's name: " + RUN.words().size());
      assertNoNameOrFreeText(RUN.html(), RUN.words());
    }

    @Test
    void the_privacy_check_catches_a_name_that_reaches_the_page() {
      // As a report that printed Client.fullName() beside a case id would.
      String name = RUN.words().stream().filter(w -> w.startsWith("Simulated client ")).findFirst().orElseThrow();
      String leaky = RUN.html().replace("</body>", "<p>CASE-1: " + name + "</p></body>");
      assertThrows(AssertionFailedError.class, () -> assertNoNameOrFreeText(leaky, RUN.words()));
      assertThrows(AssertionFailedError.class,
          () -> assertNoNameOrFreeText(RUN.html() + "Simulated need", java.util.Set.of()));
    }

    @Test
    void is_refused_for_an_instant_before_the_last_event() {
      Instant beforeLast = RUN.events().last().at().minusSeconds(1);
      assertThrows(InvalidInputException.class,
          () -> ServiceReport.of(RUN.projection(), RUN.report().day(), beforeLast));
    }

    @Test
    void is_the_same_for_the_same_projection() {
      assertEquals(RUN.html(), ServiceReport.of(RUN.projection(), RUN.report().day(), RUN.report().until()).html());
    }
  }

  @Nested
  class The_overview_picture {

    @Test
    void holds_the_header_and_four_charts_in_two_rows() {
      BufferedImage picture = RUN.report().overview();
      assertEquals(2 * ServiceReport.CHART_WIDTH, picture.getWidth());
      assertEquals(ServiceReport.HEADER_HEIGHT + 2 * ServiceReport.CHART_HEIGHT, picture.getHeight());
    }
  }

  @Nested
  class The_simulation_s_own_figures {

    @Test
    void are_those_of_the_projection_with_the_example_s_settings() {
      // One definition: the simulation measures itself with a ServiceProjection; with settings equal to its own,
      // the example's projection of the same events gives the same figures to the last bit.
      SimulationResult r = RUN.result();
      ServiceProjection p = RUN.projection();
      Instant end = RUN.report().until();
      assertEquals(r.arrived(), p.opened());
      assertEquals(r.closed(), p.closed());
      assertEquals(r.openAtEnd(), p.openCount());
      assertEquals(r.managerUtilisation(), p.utilisation(end));
      assertEquals(r.meanCasesInSystem(), p.meanOpenCases(end));
      assertEquals(r.meanWaitForManager(), p.waitForManager().meanDays());
      assertEquals(r.p90TimeInSystem(), p.timeInSystem().p90Days());
      assertEquals(r.totalCost(), p.committedCost());
    }
  }

  @Nested
  class From_the_store {

    @Test
    void the_report_of_the_events_read_back_from_an_event_store_is_the_same_page() {
      // Four months (a store round trip costs about a millisecond an event here).
      Scenario shorter = EmploymentCentreSimulation.scenario(120, 11);
      Ran direct = Ran.of(shorter);
      Seq<RecordedEvent> stored;
      try (JdbcEventStore store = JdbcEventStore.h2InMemory("service-report-test")) {
        stored = ServiceReportExample.throughStore(direct.events(), store);
      }
      assertEquals(direct.events().size(), stored.size());
      assertEquals(direct.events().toSet(), stored.toSet());
      assertEquals(0, ServiceProjection.of(ServiceReportExample.settings(shorter), stored).lateEvents(),
          "the store's global order is the order the events happened");
      ServiceProjection fromStore = ServiceProjection.of(ServiceReportExample.settings(shorter), stored);
      assertEquals(direct.html(), ServiceReport.of(fromStore, direct.report().day(), direct.report().until()).html());
    }

    @Test
    void the_time_averages_need_the_events_in_the_order_they_happened_not_case_by_case() {
      // Every case's events in order, one case after another: the projection accepts them, but the service's time
      // runs back at each new case, and those stretches add no time. The counts agree; the time averages do not,
      // and the projection says so (lateEvents).
      java.util.LinkedHashMap<CaseId, ArrayList<RecordedEvent>> byCase = new java.util.LinkedHashMap<>();
      RUN.events().forEach(e -> byCase.computeIfAbsent(e.caseId(), id -> new ArrayList<>()).add(e));
      Seq<RecordedEvent> caseByCase = Vector.ofAll(byCase.values()).flatMap(Vector::ofAll);
      ServiceProjection naive = ServiceProjection.of(ServiceReportExample.settings(SCENARIO), caseByCase);
      Instant end = RUN.report().until();
      assertEquals(RUN.projection().openCount(), naive.openCount());
      assertEquals(RUN.projection().closed(), naive.closed());
      assertTrue(naive.lateEvents() > 0 && RUN.projection().lateEvents() == 0);
      assertTrue(Math.abs(RUN.projection().meanOpenCases(end) - naive.meanOpenCases(end)) > 1,
          () -> RUN.projection().meanOpenCases(end) + " vs " + naive.meanOpenCases(end));
    }
  }

  @Nested
  class A_hand_made_service {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final LocalDate DAY0 = LocalDate.of(2026, 3, 2);
    static final StaffId ANNA = StaffId.of("anna");
    static final NeedId N1 = NeedId.of("N-1");
    static final Provider CENTRE = Provider.of(ProviderId.of("P-1"), "Counselling centre",
        ResourceType.PUBLIC_SERVICE, COUNSELLING);

    /** Two cases of one client, each planning counselling; the first with a budget cap. */
    Seq<RecordedEvent> twoCasesOfOneClient() {
      Client mario = Client.of(ClientId.of("C-1"), "Mario Bianchi", LocalDate.of(1970, 1, 1));
      Issued anna = Issued.by(ANNA, T0);
      ArrayList<RecordedEvent> events = new ArrayList<>();
      for (String id : java.util.List.of("CASE-A", "CASE-B")) {
        Seq<RecordedEvent> opened = CaseFile.decideOpening(anna,
            Command.OpenCase.of(CaseId.of(id), mario, DAY0, PSYCHOLOGICAL_WELLBEING)).getOrElseThrow(
                r -> new AssertionError(r.rule()));
        CaseFile file = CaseFile.replayTrusted(opened).getOrElseThrow(h -> new AssertionError(h.toString()));
        events.addAll(opened.asJava());
        ArrayList<Command> commands = new ArrayList<>(java.util.List.of(new Command.StartAssessment(),
            new Command.RecordNeed(N1, PSYCHOLOGICAL_WELLBEING, "Anxious since the eviction", Priority.HIGH,
                IdentifiedBy.CLIENT),
            new Command.CompleteAssessment(),
            Command.StartPlanning.of(DayWindow.ofDays(DAY0, 180)),
            Command.PlanIntervention.of(InterventionId.of("I-1"), N1, CENTRE, COUNSELLING,
                DayWindow.ofDays(DAY0.plusDays(5), 60), Money.of(600))));
        if (id.equals("CASE-A")) {
          commands.add(new Command.SetBudgetCap(Money.of(1000)));
        }
        for (Command command : commands) {
          Seq<RecordedEvent> decided = file.decide(anna, command)
              .getOrElseThrow(r -> new AssertionError(command.kind() + ": " + r.rule()));
          file = file.evolve(decided);
          events.addAll(decided.asJava());
        }
      }
      return Vector.ofAll(events);
    }

    @Test
    void shows_its_budget_use_and_the_client_served_twice() {
      ServiceProjection p = ServiceProjection.of(ServiceSettings.of(30, 10), twoCasesOfOneClient());
      String html = ServiceReport.of(p, DAY0, T0.plusSeconds(3600)).html();
      assertTrue(html.contains("<tr><td class=\"n\">1</td><td class=\"n\">1,000.00</td><td class=\"n\">600.00</td>"
          + "<td class=\"n\">60.0 %</td></tr>"), "one capped plan, 600 of 1,000 committed");
      assertTrue(html.contains("<tr><td>C-1</td><td>COUNSELLING</td><td>CASE-A (I-1); CASE-B (I-1)</td></tr>"));
      assertTrue(html.contains("<p>The service has no waiting list.</p>"));
      assertNoNameOrFreeText(html, java.util.Set.of("Mario", "Bianchi", "1970", "Anxious", "eviction"));
    }

    @Test
    void of_no_events_is_a_page_without_charts_and_a_picture_of_empty_tiles() {
      ServiceReport report = ServiceReport.of(ServiceProjection.empty(ServiceSettings.of(30, 10)), DAY0, T0);
      String html = report.html();
      assertTrue(html.contains("<p>No open case.</p>"));
      assertTrue(html.contains("<p>Nothing is overdue.</p>"));
      assertTrue(html.contains("<p>No cost committed or accrued.</p>"));
      assertTrue(html.contains("<p>No goal outcome recorded.</p>"));
      assertFalse(html.contains("<img"));
      assertEquals(2 * ServiceReport.CHART_WIDTH, report.overview().getWidth());
    }

  }

  @Nested
  class Escaping {

    @Test
    void turns_every_character_with_a_meaning_in_html_into_an_entity() {
      assertEquals("&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;",
          ServiceReport.escape("<script>alert(\"x\") & 'y'</script>"));
      assertEquals("CASE-Ä/1:x_y.z", ServiceReport.escape("CASE-Ä/1:x_y.z"));
    }

    @Test
    void cannot_be_shown_end_to_end_since_ids_refuse_such_characters() {
      // The report prints ids, codes, days, figures and the library's labels only. Ids and service codes are
      // identifiers (Check.identifier: letters, digits and - _ . : / only), so no projection can hold a '<', '&' or
      // quote for the page to escape; the escaper is tested on its own above. If ids ever allow them, this fails:
      // then test a projection with such ids here.
      for (String bad : java.util.List.of("<b>", "A&B", "\"q\"", "'q'")) {
        assertThrows(InvalidInputException.class, () -> CaseId.of(bad), bad);
        assertThrows(InvalidInputException.class, () -> StaffId.of(bad), bad);
        assertThrows(InvalidInputException.class, () -> ClientId.of(bad), bad);
        assertThrows(InvalidInputException.class, () -> ProviderId.of(bad), bad);
        assertThrows(InvalidInputException.class, () -> org.casemgmt.resource.ServiceKind.of(bad), bad);
      }
    }
  }
}
