package org.casemgmt.examples.report;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import javax.imageio.ImageIO;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.examples.simulation.EmploymentCentreSimulation;
import org.casemgmt.examples.store.JdbcEventStore;
import org.casemgmt.party.StaffId;
import org.casemgmt.service.ServiceProjection;
import org.casemgmt.service.ServiceSettings;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.Simulation;
import org.casemgmt.simulation.SimulationListener;
import org.casemgmt.simulation.SimulationResult;

/**
 * Writes the service report of a simulated employment centre: two years of the centre of
 * {@link EmploymentCentreSimulation} (five case managers with 30 places each, an intake desk that holds the waiting
 * list, a fixed seed), every recorded event folded into a {@link ServiceProjection}, and the report of the last
 * simulated day written as a self-contained HTML page and as a picture of its key figures and charts.
 *
 * <pre>{@code
 * mvn -q -pl casemgmt-examples -am compile exec:java \
 *     -Dexec.mainClass=org.casemgmt.examples.report.ServiceReportExample
 * }</pre>
 *
 * <p>Arguments, all optional: {@code --store} sends the simulated histories through an event store first (an
 * in-memory H2 {@link JdbcEventStore}: each event appended as it happened, then everything read back in the
 * store's global order) and projects what the store gives back; {@code --picture FILE} also writes the picture to that file
 * (the README's is {@code casemgmt-examples/src/site/service-report.png}); a last argument names the output folder (default
 * {@code target/service-report}), which receives {@code service-report.html} and {@code service-report.png}.
 * The same arguments always give the same figures.
 */
public final class ServiceReportExample {

  /** The seed of the run: the employment centre's. */
  public static final long SEED = EmploymentCentreSimulation.SEED;
  /** How long the centre is simulated: two years. */
  public static final double HORIZON_DAYS = 730;
  /** Day 0 of every simulation, at midnight UTC (see {@link Scenario}). */
  public static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");
  /** Who holds the cases waiting for a case manager in the simulation. */
  public static final StaffId INTAKE = StaffId.of("intake");
  /** The page written in the output folder. */
  public static final String HTML = "service-report.html";
  /** The picture written in the output folder. */
  public static final String PICTURE = "service-report.png";

  private ServiceReportExample() {}

  /**
   * Simulates the centre and writes its report.
   *
   * @param args {@code [--store] [--picture FILE] [FOLDER]}
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true"); // before AWT loads: no display needed
    boolean viaStore = false;
    Option<Path> picture = Option.none();
    Path folder = Path.of("target", "service-report");
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--store" -> viaStore = true;
        case "--picture" -> {
          if (k + 1 >= args.length) {
            throw new IllegalArgumentException("--picture needs a file");
          }
          picture = Option.some(Path.of(args[++k]));
        }
        default -> folder = Path.of(args[k]);
      }
    }
    write(EmploymentCentreSimulation.scenario(HORIZON_DAYS, SEED), viaStore, folder, picture, System.out);
  }

  /**
   * Simulates a scenario, projects its events (through an event store if asked), and writes the report of the
   * last simulated day into a folder, and its picture also to another file if one is given.
   *
   * <pre>{@code ServiceReportExample.write(scenario, false, Path.of("target/report"), Option.none(), System.out); }</pre>
   *
   * @param scenario what to simulate
   * @param viaStore whether the events go through an in-memory event store before they are projected
   * @param folder   where to write the page and the picture (created if needed)
   * @param picture  another file to write the picture to, if any
   * @param out      where to print what was written
   * @return the report
   * @throws IOException if a file cannot be written
   */
  public static ServiceReport write(Scenario scenario, boolean viaStore, Path folder, Option<Path> picture,
      PrintStream out) throws IOException {
    Simulated run = simulate(scenario);
    Seq<RecordedEvent> events = run.events();
    if (viaStore) {
      try (JdbcEventStore store = JdbcEventStore.h2InMemory("service-report-" + scenario.seed())) {
        events = throughStore(events, store);
      }
    }
    ServiceReport report = ServiceReport.of(ServiceProjection.of(settings(scenario), events), lastDay(scenario),
        end(scenario));
    Files.createDirectories(folder);
    Path html = folder.resolve(HTML);
    Files.writeString(html, report.html(), StandardCharsets.UTF_8);
    Path png = folder.resolve(PICTURE);
    ImageIO.write(report.overview(), "png", png.toFile());
    out.println("Service report for " + report.day() + " (" + run.events().size() + " events of "
        + run.result().arrived() + " cases" + (viaStore ? ", read back from an H2 event store" : "") + "): "
        + html.toAbsolutePath());
    out.println("Picture: " + png.toAbsolutePath());
    for (Path file : picture) {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      ImageIO.write(report.overview(), "png", file.toFile());
      out.println("Picture: " + file.toAbsolutePath());
    }
    return report;
  }

  /**
   * The simulation's events and result.
   *
   * @param events every recorded event, in the order the simulation recorded them
   * @param result the simulation's own summary
   */
  public record Simulated(Seq<RecordedEvent> events, SimulationResult result) {}

  /**
   * Runs a scenario and keeps every event it records.
   *
   * @param scenario what to simulate
   * @return the events, in the order recorded, and the result
   */
  public static Simulated simulate(Scenario scenario) {
    ArrayList<RecordedEvent> events = new ArrayList<>();
    SimulationResult result = Simulation.run(scenario, new SimulationListener() {
      @Override
      public void onEvent(RecordedEvent event) {
        events.add(event);
      }
    });
    return new Simulated(Vector.ofAll(events), result);
  }

  /**
   * The service settings the simulation measures itself with: monitoring reviews and referral answers due after
   * the scenario's review interval, the intake desk holding the waiting list, each case manager ({@code CM-1} to
   * {@code CM-n}) with the scenario's caseload of places, observed from day 0, closed cases' files dropped.
   *
   * @param scenario the simulated service
   * @return its settings
   */
  public static ServiceSettings settings(Scenario scenario) {
    ServiceSettings settings = ServiceSettings.of(scenario.reviewIntervalDays(), scenario.reviewIntervalDays())
        .withWaitingList(INTAKE)
        .withObservedFrom(ORIGIN)
        .withClosedCasesKept(false);
    for (int m = 1; m <= scenario.managers(); m++) {
      settings = settings.withCapacity(StaffId.of("CM-" + m), scenario.caseload());
    }
    return settings;
  }

  /** {@return the instant the simulation ends: day 0 plus the horizon} */
  static Instant end(Scenario scenario) {
    return ORIGIN.plus(Duration.ofMillis(Math.round(scenario.horizonDays() * 86_400_000.0)));
  }

  /** {@return the last simulated day (the one that ends at the horizon)} */
  static LocalDate lastDay(Scenario scenario) {
    return LocalDate.ofInstant(end(scenario).minusMillis(1), ZoneOffset.UTC);
  }

  /**
   * Stores the events one by one as they happened, as a live service's store receives them (each in its own
   * append, expecting its case's version), then reads everything back in the store's global order, page by page
   * ({@link JdbcEventStore#readAllAfter}; every row checked against its hash): the order the projection's time
   * averages need.
   *
   * @param events recorded events of many cases in the order they happened, none stored yet
   * @param store  an event store that holds none of these cases
   * @return what the store gives back, in its global order
   * @throws IllegalStateException if the store refuses an event (it holds the case already)
   */
  public static Seq<RecordedEvent> throughStore(Iterable<RecordedEvent> events, JdbcEventStore store) {
    java.util.HashMap<org.casemgmt.casefile.CaseId, org.casemgmt.casefile.CaseFile> files = new java.util.HashMap<>();
    for (RecordedEvent event : events) {
      org.casemgmt.casefile.CaseFile after = store.append(Option.of(files.get(event.caseId())), Vector.of(event))
          .getOrElseThrow(refused -> new IllegalStateException(
              "event " + event.sequence() + " of case " + event.caseId().value() + " not stored: " + refused));
      files.put(event.caseId(), after);
    }
    ArrayList<RecordedEvent> read = new ArrayList<>();
    store.readAllAfter(0, 1_000, page -> page.forEach(positioned -> read.add(positioned.event())));
    return Vector.ofAll(read);
  }
}
