package org.casemgmt.examples.report;

import static org.casemgmt.examples.ReadmeText.between;
import static org.casemgmt.examples.ReadmeText.lines;
import static org.casemgmt.examples.ReadmeText.repositoryFile;
import static org.casemgmt.examples.ReadmeText.unindented;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.examples.simulation.EmploymentCentreSimulation;
import org.casemgmt.party.StaffId;
import org.casemgmt.service.ServiceProjection;
import org.casemgmt.service.ServiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README's section on the service's view honest: its code is compiled and run here (and must be copied
 * here verbatim), its command names the example, and its picture is the committed PNG the example writes.
 */
class ServiceReportReadmeTest {

  private static final String COMMAND = "mvn -q -pl casemgmt-examples -am compile exec:java "
      + "-Dexec.mainClass=org.casemgmt.examples.report.ServiceReportExample";
  private static final String PICTURE = "casemgmt-examples/src/site/service-report.png";

  @Test
  void the_code_example_runs_as_its_comments_say() throws IOException {
    Seq<RecordedEvent> events = ServiceReportTest.RUN.events(); // a simulated year, to the end of 2026
    // service-example:begin
    // events: the recorded events of many cases, in the order they happened, each case's in its order
    ServiceSettings settings = ServiceSettings.of(30, 10)    // a review every 30 days; referrals answered within 10
        .withWaitingList(StaffId.of("intake"))
        .withCapacity(StaffId.of("CM-1"), 30)
        .withClosedCasesKept(false);                         // memory bounded by the open cases
    ServiceProjection service = ServiceProjection.of(settings, events);
    ServiceProjection oneByOne = events.foldLeft(ServiceProjection.empty(settings), ServiceProjection::apply);
    // service.equals(oneByOne): the batch and the incremental fold agree

    LocalDate day = LocalDate.of(2026, 12, 31);
    service.caseloads();        // per case manager: open cases by phase
    service.overdue(day);       // per case: review due since, goals past due, interventions past window, referrals
    service.costs(day);         // per provider, service kind and month: committed and accrued
    service.timeInPhase();      // per phase: stays, mean, median, 90th percentile
    ServiceReport report = ServiceReport.of(service, day, Instant.parse("2027-01-01T00:00:00Z"));
    Files.writeString(Path.of("target", "service-report.html"), report.html());
    // service-example:end

    assertEquals(service, oneByOne);
    assertEquals(6, service.caseloads().size());
    assertFalse(service.overdue(day).isEmpty());
    assertFalse(service.costs(day).isEmpty());
    assertTrue(service.timeInPhase().size() >= 5);
    assertEquals(ServiceReportExample.end(ServiceReportTest.SCENARIO), report.until());
    assertTrue(Files.readString(Path.of("target", "service-report.html")).startsWith("<!DOCTYPE html>"));
  }

  @Test
  void the_code_example_is_printed_in_the_readme_exactly_as_it_is_tested_here() throws IOException {
    List<String> readme = between(lines(repositoryFile("README.md")), "<!-- service-example:begin",
        "<!-- service-example:end").filter(l -> !l.startsWith("```"));
    List<String> tested = between(lines(repositoryFile(
            "casemgmt-examples/src/test/java/org/casemgmt/examples/report/ServiceReportReadmeTest.java")),
        "// service-example:begin", "// service-example:end");
    assertTrue(readme.size() > 10, "no service example found in the README");
    assertEquals(unindented(tested).mkString("\n"), unindented(readme).mkString("\n"));
  }

  @Test
  void the_readme_gives_the_command_and_shows_the_picture() throws IOException {
    String readme = String.join("\n", lines(repositoryFile("README.md")));
    assertTrue(readme.contains("```sh\n" + COMMAND + "\n```"), COMMAND);
    assertTrue(readme.contains("](" + PICTURE + ")"), PICTURE);
  }

  @Test
  void the_committed_picture_is_a_png_of_the_overview_s_size_small_enough_for_the_readme() throws IOException {
    Path png = repositoryFile(PICTURE);
    byte[] signature = Arrays.copyOf(Files.readAllBytes(png), 8);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, signature);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(2 * ServiceReport.CHART_WIDTH, image.getWidth());
    assertEquals(ServiceReport.HEADER_HEIGHT + 2 * ServiceReport.CHART_HEIGHT, image.getHeight());
    assertTrue(Files.size(png) < 200_000, "small enough for the README: " + Files.size(png));
  }

  @Test
  void the_example_writes_the_page_the_picture_and_the_extra_picture_and_says_where(@TempDir Path temp)
      throws IOException {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Path extra = temp.resolve("docs").resolve("picture.png");
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      ServiceReportExample.write(EmploymentCentreSimulation.scenario(60, ServiceReportExample.SEED), false,
          temp.resolve("report"), io.vavr.control.Option.some(extra), out);
    }
    String said = printed.toString(StandardCharsets.UTF_8);
    Path html = temp.resolve("report").resolve(ServiceReportExample.HTML);
    assertTrue(said.startsWith("Service report for 2026-03-01 ("), said);
    assertTrue(said.contains(html.toAbsolutePath().toString()), said);
    assertTrue(said.contains(extra.toAbsolutePath().toString()), said);
    assertTrue(Files.readString(html).contains("<h1>Service report for 2026-03-01</h1>"));
    assertEquals(Files.size(temp.resolve("report").resolve(ServiceReportExample.PICTURE)), Files.size(extra));
    assertFalse(said.contains("Simulated"), said);
  }
}
