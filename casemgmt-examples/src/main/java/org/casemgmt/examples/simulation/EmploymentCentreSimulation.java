package org.casemgmt.examples.simulation;

import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Priority;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.casemgmt.simulation.DailyStatus;
import org.casemgmt.simulation.Distribution;
import org.casemgmt.simulation.InterventionProfile;
import org.casemgmt.simulation.LoopBack;
import org.casemgmt.simulation.ManagerHold;
import org.casemgmt.simulation.NeedProfile;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.Simulation;
import org.casemgmt.simulation.SimulationListener;
import org.casemgmt.simulation.SimulationResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A public employment centre simulated on the real rules, in the spirit of seed 004: five case managers, each
 * the reference person of at most 30 unemployed people at a time, take charge of the people who enrol, assess
 * their needs in the work, education-and-training and economic domains, plan a package of interview coaching,
 * work placement, training course and benefits counselling with the providers of the territory, review the plan
 * every 30 days, and at the final evaluation either close the case (a job was found) or re-interview and
 * re-plan.
 *
 * <pre>{@code
 * mvn -q -pl casemgmt-examples -am compile exec:java \
 *     -Dexec.mainClass=org.casemgmt.examples.simulation.EmploymentCentreSimulation \
 *     -Dexec.args=casemgmt-examples/target/simulation
 * }</pre>
 *
 * <p>It runs two simulated years with a fixed seed, prints a summary table on {@code System.out} and writes,
 * in the folder given as the first argument (default {@code target/simulation}; an optional second argument
 * sets the horizon in days): {@code summary.csv}, {@code daily.csv} (open cases, waiting list and active
 * interventions at the start of each day), the event log as {@code events.csv} and {@code events.xes} (for
 * PM4Py, ProM, Disco…) and as the object-centric {@code events.jsonocel} (OCEL 2.0, for
 * {@code pm4py.read_ocel2_json}), and {@code open-cases.png}, a chart of open cases and the waiting list over time.
 * Every simulated step is a real command to a real case file, so the figures include what the rules refused.
 * The same seed always gives the same files; only ids, kinds, days and amounts are written, never free text.
 */
public final class EmploymentCentreSimulation {

  /** The seed of the published run (the seed article's number). */
  public static final long SEED = 4;
  /** The default horizon: two years. */
  public static final double HORIZON_DAYS = 730;
  /** The number of case managers. */
  public static final int MANAGERS = 5;
  /** The most cases one case manager holds at once. */
  public static final int CASELOAD = 30;
  /** Enrolments per day (Poisson): enough to keep the caseloads full most of the time, not to overflow them. */
  public static final double ARRIVALS_PER_DAY = 1.0;

  /** The file names written in the output folder. */
  public static final String SUMMARY_CSV = "summary.csv";
  /** The daily time series. */
  public static final String DAILY_CSV = "daily.csv";
  /** The event log as CSV. */
  public static final String EVENTS_CSV = "events.csv";
  /** The event log as XES. */
  public static final String EVENTS_XES = "events.xes";
  /** The event log as OCEL 2.0 JSON (objects and events), for object-centric process mining. */
  public static final String EVENTS_OCEL = "events.jsonocel";
  /** The chart of open cases and the waiting list. */
  public static final String CHART_PNG = "open-cases.png";

  private EmploymentCentreSimulation() {}

  /**
   * Runs the employment centre for two years and writes its outputs.
   *
   * @param args the output folder (default {@code target/simulation}) and, optionally, the horizon in days
   * @throws IOException if an output cannot be written
   */
  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true"); // before XChart loads AWT: no display needed
    Path folder = Path.of(args.length > 0 ? args[0] : "target/simulation");
    double horizon = args.length > 1 ? Double.parseDouble(args[1]) : HORIZON_DAYS;
    run(scenario(horizon, SEED), folder, System.out);
  }

  /**
   * The employment centre as a {@link Scenario}. The needs and interventions follow seed 004: a person without
   * a job may need to prepare for interviews and to gain experience with an employer (work), to acquire the
   * skills the open positions ask for (education and training), and help with benefits and the household budget
   * meanwhile (economic). A case manager holds each case from the start of the assessment to its closure.
   *
   * <pre>{@code Scenario s = EmploymentCentreSimulation.scenario(365, 7); }</pre>
   *
   * @param horizonDays how long to simulate, in days
   * @param seed        the seed of the run's random streams; the example uses a fixed one
   * @return the employment centre's scenario, checked
   */
  public static Scenario scenario(double horizonDays, long seed) {
    ServiceKind placement = ServiceKind.of("WORK_PLACEMENT");
    Provider coaching = Provider.of(ProviderId.of("P-COACH"), "Interview coaching agency",
        ResourceType.PRIVATE_SERVICE, HashSet.of(ServiceKind.JOB_COACHING));
    Provider employers = Provider.of(ProviderId.of("P-EMPLOYERS"), "Local employers' network",
        ResourceType.PRIVATE_SERVICE, HashSet.of(placement));
    Provider training = Provider.of(ProviderId.of("P-TRAINING"), "Regional vocational training body",
        ResourceType.PUBLIC_SERVICE, HashSet.of(ServiceKind.TRAINING));
    Provider welfare = Provider.of(ProviderId.of("P-WELFARE"), "Welfare and budget advice office",
        ResourceType.THIRD_SECTOR, HashSet.of(ServiceKind.COUNSELLING));
    return Scenario.builder()
        .horizonDays(horizonDays)
        .arrivalsPerDay(ARRIVALS_PER_DAY)
        .managers(MANAGERS, CASELOAD)
        .managerHold(ManagerHold.UNTIL_CLOSURE)
        .assessment(Distribution.triangular(2, 5, 14))   // interviews, tests, past work, observation
        .planning(Distribution.triangular(2, 4, 10))      // the individual path, negotiated with the person
        .evaluation(Distribution.triangular(1, 3, 7))
        .need(new NeedProfile(LifeDomain.WORK, Priority.HIGH, 0.8, Vector.of(
            new InterventionProfile(ServiceKind.JOB_COACHING, coaching, Distribution.triangular(14, 28, 56),
                Money.of(450)),
            new InterventionProfile(placement, employers, Distribution.triangular(60, 90, 150), Money.of(2400)))))
        .need(new NeedProfile(LifeDomain.EDUCATION_TRAINING, Priority.MEDIUM, 0.5, Vector.of(
            new InterventionProfile(ServiceKind.TRAINING, training, Distribution.triangular(40, 80, 160),
                Money.of(1800)))))
        .need(new NeedProfile(LifeDomain.ECONOMIC, Priority.MEDIUM, 0.3, Vector.of(
            new InterventionProfile(ServiceKind.COUNSELLING, welfare, Distribution.triangular(7, 21, 45),
                Money.of(300)))))
        .reviewIntervalDays(30)
        .reviewDecisions(0.10, 0.05)        // adjust the plan; new needs emerged: reassess
        .earlyClosureProbability(0.02)      // withdrew, moved away, unreachable
        .goalsAchievedProbability(0.75)     // otherwise re-interview and re-plan (seed 004)
        .seed(seed)
        .build();
  }

  /**
   * Runs a scenario, prints its summary table and writes the CSV files, the event logs and the chart into a
   * folder (created if needed; existing files are replaced).
   *
   * <pre>{@code EmploymentCentreSimulation.run(scenario, Path.of("target/simulation"), System.out); }</pre>
   *
   * @param scenario what to simulate, e.g. {@link #scenario(double, long)}
   * @param folder   where to write the outputs
   * @param out      where to print the summary
   * @return the run's figures, as also written to the summary CSV
   * @throws IOException if an output cannot be written
   */
  public static SimulationResult run(Scenario scenario, Path folder, PrintStream out) throws IOException {
    Files.createDirectories(folder);
    ArrayList<DailyStatus> days = new ArrayList<>();
    SimulationResult result;
    try (BufferedWriter daily = Files.newBufferedWriter(folder.resolve(DAILY_CSV), StandardCharsets.UTF_8);
         BufferedWriter csv = Files.newBufferedWriter(folder.resolve(EVENTS_CSV), StandardCharsets.UTF_8);
         BufferedWriter xes = Files.newBufferedWriter(folder.resolve(EVENTS_XES), StandardCharsets.UTF_8);
         BufferedWriter ocel = Files.newBufferedWriter(folder.resolve(EVENTS_OCEL), StandardCharsets.UTF_8)) {
      SimulationListener collect = new SimulationListener() {
        @Override
        public void onDay(DailyStatus status) {
          days.add(status);
        }
      };
      result = Simulation.run(scenario, SimulationListener.all(SimulationListener.dailyCsv(daily),
          SimulationListener.csvEventLog(csv), SimulationListener.xesEventLog(xes),
          SimulationListener.ocelEventLog(ocel), collect));
    }
    Files.writeString(folder.resolve(SUMMARY_CSV), result.toCsv(), StandardCharsets.UTF_8);
    drawChart(days, scenario, folder.resolve(CHART_PNG));
    out.print(summaryTable(scenario, result));
    out.println("Written to " + folder + ": " + SUMMARY_CSV + ", " + DAILY_CSV + ", " + EVENTS_CSV + ", "
        + EVENTS_XES + ", " + EVENTS_OCEL + ", " + CHART_PNG);
    return result;
  }

  /**
   * The summary as a two-column table of metric and value, with every loop-back kind (zeros included), the
   * closure reasons met and the refusals by rule. Numbers are formatted in a fixed locale, so the table is the
   * same on every machine.
   *
   * @param scenario the scenario that was run
   * @param r        its result
   * @return the table, one line per metric, ending with a line break
   */
  public static String summaryTable(Scenario scenario, SimulationResult r) {
    StringBuilder t = new StringBuilder();
    t.append(String.format(Locale.ROOT, "Employment centre: %d case managers x %d cases, %.2f enrolments/day, "
        + "%.0f days, seed %d%n", scenario.managers(), scenario.caseload(), scenario.arrivalsPerDay(),
        scenario.horizonDays(), scenario.seed()));
    line(t, "arrived", Long.toString(r.arrived()));
    line(t, "closed", Long.toString(r.closed()));
    line(t, "open at end", Long.toString(r.openAtEnd()));
    line(t, "mean time in system (days)", days(r.meanTimeInSystem()));
    line(t, "p90 time in system (days)", days(r.p90TimeInSystem()));
    line(t, "mean wait for a case manager (days)", days(r.meanWaitForManager()));
    line(t, "case manager utilisation", String.format(Locale.ROOT, "%.1f %%", 100 * r.managerUtilisation()));
    line(t, "mean open cases", days(r.meanCasesInSystem()));
    line(t, "monitoring reviews", Long.toString(r.reviews()));
    for (LoopBack kind : LoopBack.values()) {
      line(t, "loop-backs " + kind, Long.toString(r.loopBacks().get(kind).getOrElse(0L)));
    }
    for (ClosureReason reason : ClosureReason.values()) {
      r.closureReasons().get(reason).forEach(n -> line(t, "closed " + reason, Long.toString(n)));
    }
    line(t, "total cost of interventions (EUR)", String.format(Locale.ROOT, "%,.2f", r.totalCost().amount()));
    Map<String, Long> rejections = r.rejections();
    if (rejections.isEmpty()) {
      line(t, "rejections", "none");
    }
    rejections.forEach((rule, n) -> line(t, "rejected by " + rule, Long.toString(n)));
    return t.toString();
  }

  private static void line(StringBuilder t, String metric, String value) {
    t.append(String.format(Locale.ROOT, "  %-40s %14s%n", metric, value));
  }

  private static String days(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /**
   * Draws the open cases, the waiting list and the caseload capacity per day as a PNG, headless.
   *
   * @param days     the daily series
   * @param scenario the scenario (for the capacity line)
   * @param png      the file to write
   */
  static void drawChart(java.util.List<DailyStatus> days, Scenario scenario, Path png) throws IOException {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    // Day 0 of the simulation is 2026-01-01 (see Scenario); dates on the axis read better than day numbers.
    long epochDay = LocalDate.of(2026, 1, 1).toEpochDay();
    int places = scenario.managers() * scenario.caseload();
    ArrayList<Date> x = new ArrayList<>(days.size());
    ArrayList<Integer> open = new ArrayList<>(days.size());
    ArrayList<Integer> waiting = new ArrayList<>(days.size());
    ArrayList<Integer> capacity = new ArrayList<>(days.size());
    for (DailyStatus d : days) {
      x.add(Date.from(LocalDate.ofEpochDay(epochDay + d.day()).atStartOfDay(ZoneOffset.UTC).toInstant()));
      open.add(d.openCases());
      waiting.add(d.waitingForManager());
      capacity.add(places);
    }
    XYChart chart = new XYChartBuilder().width(900).height(480)
        .title("Employment centre: open cases and waiting list (seed " + scenario.seed() + ")")
        .xAxisTitle("Simulated time (day 0 = 2026-01-01)").yAxisTitle("Cases").build();
    XYStyler styler = chart.getStyler();
    styler.setLegendPosition(Styler.LegendPosition.InsideNW);
    styler.setDatePattern("yyyy-MM");
    styler.setTimezone(TimeZone.getTimeZone(ZoneOffset.UTC));
    styler.setLocale(Locale.ROOT);
    styler.setChartBackgroundColor(java.awt.Color.WHITE);
    styler.setAntiAlias(true);
    addLine(chart, "Open cases (in caseloads + waiting)", x, open);
    addLine(chart, "Waiting for a case manager", x, waiting);
    addLine(chart, "Caseload places (" + scenario.managers() + " x " + scenario.caseload() + ")", x, capacity);
    try (OutputStream file = Files.newOutputStream(png)) {
      BitmapEncoder.saveBitmap(chart, file, BitmapEncoder.BitmapFormat.PNG);
    }
  }

  private static void addLine(XYChart chart, String name, java.util.List<Date> x, java.util.List<Integer> y) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE);
  }
}
