package org.casemgmt.examples.report;

import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Locale;
import java.util.TreeMap;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Phase;
import org.casemgmt.i18n.Labels;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.service.BudgetUse;
import org.casemgmt.service.Caseload;
import org.casemgmt.service.CostLine;
import org.casemgmt.service.DurationSummary;
import org.casemgmt.service.Fragmentation;
import org.casemgmt.service.LoopBacks;
import org.casemgmt.service.OverdueCase;
import org.casemgmt.service.ServiceProjection;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * What a service manager reads about one day of the service: a {@link ServiceProjection} rendered as one
 * self-contained HTML page — key figures, caseloads by case manager and phase, the waiting list, everything
 * overdue, costs by month against the plans' caps, outcomes by life domain, loop-back rates, time in phase and
 * fragmentation — with its charts drawn by XChart and embedded as PNG data URIs. No server, no script, no file
 * beside the page.
 *
 * <pre>{@code
 * ServiceProjection service = ServiceProjection.of(settings, events);
 * ServiceReport report = ServiceReport.of(service, LocalDate.of(2027, 12, 31), Instant.parse("2028-01-01T00:00:00Z"));
 * Files.writeString(Path.of("target/service-report.html"), report.html());
 * ImageIO.write(report.overview(), "png", Path.of("target/service-report.png").toFile());
 * }</pre>
 *
 * <p><b>Only ids, codes, days and numbers.</b> The report prints what the projection answers — case, staff,
 * client, provider, goal, intervention and referral ids, service codes, days, counts and amounts — and the
 * library's own labels of its enums (phases, life domains, outcomes). The projection exposes no name and no free
 * text, and the report takes no text from its caller, so neither can reach the page. Every string is HTML-escaped
 * all the same.
 *
 * <p><b>The day and the instant.</b> The questions about a day (what is overdue, what has accrued) are asked for
 * {@code day}; the time averages (mean open cases, utilisation) run from the start of observation to
 * {@code until}, typically the end of that day. The counts (open, opened, closed, caseloads, waiting list) are
 * those after the projection's last event.
 *
 * <p>Figures are formatted in a fixed locale ({@link Locale#ROOT}), so a projection always gives the same page.
 */
public final class ServiceReport {

  /** The width of one chart, in pixels. */
  public static final int CHART_WIDTH = 640;
  /** The height of one chart, in pixels. */
  public static final int CHART_HEIGHT = 400;
  /** The height of the overview picture's header band, in pixels. */
  static final int HEADER_HEIGHT = 96;

  private static final Locale LABELS = Locale.ENGLISH;
  private static final Color[] SERIES_COLOURS = {
      new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0x7f7f7f)};

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // before XChart loads AWT: no display needed
    }
  }

  private final ServiceProjection projection;
  private final LocalDate day;
  private final Instant until;
  // Every answer is read once, here, so that the page and the charts show the same figures.
  private final Seq<Caseload> caseloads;
  private final Seq<CaseId> waiting;
  private final Seq<OverdueCase> overdue;
  private final Seq<CostLine> costs;
  private final BudgetUse budget;
  private final Map<LifeDomain, Map<GoalAchievement, Long>> outcomes;
  private final LoopBacks loopBacks;
  private final Map<Phase, DurationSummary> timeInPhase;
  private final Seq<Fragmentation> fragmentation;
  private final double utilisation;
  private final double meanOpenCases;

  private ServiceReport(ServiceProjection projection, LocalDate day, Instant until) {
    this.projection = projection;
    this.day = day;
    this.until = until;
    this.caseloads = projection.caseloads();
    this.waiting = projection.waitingList();
    this.overdue = projection.overdue(day);
    this.costs = projection.costs(day);
    this.budget = projection.budget();
    this.outcomes = projection.outcomes();
    this.loopBacks = projection.loopBacks();
    this.timeInPhase = projection.timeInPhase();
    this.fragmentation = projection.fragmentation();
    this.utilisation = projection.utilisation(until);
    this.meanOpenCases = projection.meanOpenCases(until);
  }

  /**
   * The report of a projection for a day.
   *
   * <pre>{@code ServiceReport report = ServiceReport.of(service, day, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()); }</pre>
   *
   * @param projection the service's projection
   * @param day        the day to ask what is overdue and what has accrued
   * @param until      the end of the period of the time averages, not before the projection's last event
   * @return the report, its figures read from the projection
   * @throws NullPointerException                if an argument is missing
   * @throws org.casemgmt.InvalidInputException if the projection refuses the day or the instant (see
   *                                             {@link ServiceProjection#overdue} and {@link ServiceProjection#utilisation})
   */
  public static ServiceReport of(ServiceProjection projection, LocalDate day, Instant until) {
    java.util.Objects.requireNonNull(projection, "projection is null");
    java.util.Objects.requireNonNull(day, "day is null");
    java.util.Objects.requireNonNull(until, "until is null");
    return new ServiceReport(projection, day, until);
  }

  /** {@return the day the report is for} */
  public LocalDate day() {
    return day;
  }

  /** {@return the end of the period of the time averages} */
  public Instant until() {
    return until;
  }

  // ---------------------------------------------------------------- the page

  /**
   * The report as one HTML5 page: a style sheet in its head, tables, and the charts as {@code data:image/png}
   * images; no script and no link to anything outside the page.
   *
   * @return the page
   */
  public String html() {
    Html h = new Html();
    String title = "Service report for " + day;
    h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").text(title)
        .raw("</title>\n<style>\n").raw(STYLE).raw("</style>\n</head>\n<body>\n");
    h.raw("<h1>").text(title).raw("</h1>\n");
    h.raw("<p class=\"note\">").text("Figures from " + count(projection.eventCount()) + " recorded events. "
        + "Open cases, caseloads and the waiting list are those after the last event; overdue items and accrued "
        + "costs are as of " + day + "; time averages run "
        + projection.settings().observedFrom().map(from -> "from " + from).getOrElse("from the first event")
        + " to " + until + ". Ids, codes, days and figures only.").raw("</p>\n");

    keyFigures(h);
    caseloadSection(h);
    overdueSection(h);
    costSection(h);
    outcomeSection(h);
    loopBackSection(h);
    timeSection(h);
    fragmentationSection(h);
    h.raw("</body>\n</html>\n");
    return h.toString();
  }

  private void keyFigures(Html h) {
    h.raw("<h2>Key figures</h2>\n");
    DurationSummary inSystem = projection.timeInSystem();
    h.table(new String[] {"Figure", "Value"}, new boolean[] {false, true}, java.util.List.of(
        row("Open cases", count(projection.openCount())),
        row("Cases opened", count(projection.opened())),
        row("Cases closed", count(projection.closed())),
        row("Waiting for a case manager", count(waiting.size())),
        row("Case-manager utilisation (time average)", percent(utilisation)),
        row("Mean open cases (time average)", decimal(meanOpenCases)),
        row("Mean wait for a case manager (days)", decimal(projection.waitForManager().meanDays())),
        row("Time in the service, mean / 90th percentile (days)",
            decimal(inSystem.meanDays()) + " / " + quarters(inSystem.p90Days())),
        row("Cases with something overdue on " + day, count(overdue.size())),
        row("Committed cost of the plans", money(projection.committedCost()))));

    Map<ClosureReason, Long> closures = projection.closures();
    if (!closures.isEmpty()) {
      h.raw("<h3>Closures by reason</h3>\n");
      ArrayList<String[]> rows = new ArrayList<>();
      closures.forEach((reason, n) -> rows.add(row(label(reason), count(n))));
      h.table(new String[] {"Reason", "Closures"}, new boolean[] {false, true}, rows);
    }
  }

  private void caseloadSection(Html h) {
    h.raw("<h2>Caseloads</h2>\n");
    if (caseloads.isEmpty()) {
      h.paragraph("No open case.");
    } else {
      Seq<Phase> phases = openPhases();
      ArrayList<String> header = new ArrayList<>(java.util.List.of("Case manager", "Places", "Open"));
      phases.forEach(phase -> header.add(label(phase)));
      boolean[] numeric = new boolean[header.size()];
      java.util.Arrays.fill(numeric, 1, numeric.length, true);
      ArrayList<String[]> rows = new ArrayList<>();
      int[] totals = new int[phases.size()];
      long places = 0;
      int open = 0;
      for (Caseload load : caseloads) {
        Option<Integer> capacity = projection.settings().capacity().get(load.manager());
        places += capacity.getOrElse(0);
        open += load.open();
        ArrayList<String> cells = new ArrayList<>(java.util.List.of(load.manager().value(),
            capacity.map(ServiceReport::count).getOrElse("–"), count(load.open())));
        for (int k = 0; k < phases.size(); k++) {
          int n = load.byPhase().get(phases.get(k)).getOrElse(0);
          totals[k] += n;
          cells.add(n == 0 ? "" : count(n));
        }
        rows.add(cells.toArray(String[]::new));
      }
      ArrayList<String> total = new ArrayList<>(java.util.List.of("Total", count(places), count(open)));
      for (int n : totals) {
        total.add(count(n));
      }
      rows.add(total.toArray(String[]::new));
      h.table(header.toArray(String[]::new), numeric, rows);
      h.chart(caseloadChart(), "Open cases by case manager and phase");
    }
    h.raw("<h3>Waiting list</h3>\n");
    if (projection.settings().waitingList().isEmpty()) {
      h.paragraph("The service has no waiting list.");
    } else if (waiting.isEmpty()) {
      h.paragraph("Nobody is waiting for a case manager.");
    } else {
      h.paragraph(count(waiting.size()) + " cases wait for a case manager, first come first: "
          + waiting.map(CaseId::value).mkString(", ") + ".");
    }
  }

  private void overdueSection(Html h) {
    h.raw("<h2>Overdue on ").text(day.toString()).raw("</h2>\n");
    if (overdue.isEmpty()) {
      h.paragraph("Nothing is overdue.");
      return;
    }
    ArrayList<String[]> rows = new ArrayList<>();
    for (OverdueCase late : overdue) {
      rows.add(new String[] {
          late.caseId().value(),
          late.manager().value(),
          late.overdue().reviewDueSince().map(LocalDate::toString).getOrElse(""),
          late.overdue().goalsPastDue().map(id -> id.value()).mkString(", "),
          late.overdue().interventionsPastWindow().map(id -> id.value()).mkString(", "),
          late.unansweredReferrals().map(id -> id.value()).mkString(", ")});
    }
    h.table(new String[] {"Case", "Case manager", "Review due since", "Goals past due", "Interventions past window",
        "Referrals unanswered"}, new boolean[6], rows);
  }

  private void costSection(Html h) {
    h.raw("<h2>Costs</h2>\n");
    if (costs.isEmpty()) {
      h.paragraph("No cost committed or accrued.");
    } else {
      h.paragraph("Committed: the cost of the interventions not cancelled, in the month their window starts. "
          + "Accrued: what the interventions accrued within the month, up to " + day + ".");
      ArrayList<String[]> rows = new ArrayList<>();
      BigDecimal[] total = {BigDecimal.ZERO, BigDecimal.ZERO};
      byMonth().forEach((month, sums) -> {
        rows.add(row(month.toString(), money(sums[0]), money(sums[1])));
        total[0] = total[0].add(sums[0]);
        total[1] = total[1].add(sums[1]);
      });
      rows.add(row("Total", money(total[0]), money(total[1])));
      h.table(new String[] {"Month", "Committed", "Accrued"}, new boolean[] {false, true, true}, rows);
      h.chart(costChart(), "Costs by month, committed and accrued");

      h.raw("<h3>By provider and kind of service</h3>\n");
      TreeMap<String, BigDecimal[]> byProvider = new TreeMap<>();
      for (CostLine line : costs) {
        BigDecimal[] sums = byProvider.computeIfAbsent(line.provider().value() + "\u0000" + line.service().code(),
            key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        sums[0] = sums[0].add(line.committed().amount());
        sums[1] = sums[1].add(line.toDate().amount());
      }
      ArrayList<String[]> providerRows = new ArrayList<>();
      byProvider.forEach((key, sums) -> {
        String[] parts = key.split("\u0000", 2);
        providerRows.add(row(parts[0], parts[1], money(sums[0]), money(sums[1])));
      });
      h.table(new String[] {"Provider", "Service", "Committed", "Accrued"}, new boolean[] {false, false, true, true},
          providerRows);
    }
    h.raw("<h3>Budget use of capped plans</h3>\n");
    h.table(new String[] {"Open cases with a capped plan", "Caps together", "Committed by their plans", "Share"},
        new boolean[] {true, true, true, true},
        java.util.List.<String[]>of(row(count(budget.cases()), money(budget.caps()), money(budget.committed()),
            percent(budget.share()))));
  }

  private void outcomeSection(Html h) {
    h.raw("<h2>Outcomes by life domain</h2>\n");
    if (outcomes.isEmpty()) {
      h.paragraph("No goal outcome recorded.");
      return;
    }
    h.paragraph("Goal outcomes recorded, by the life domains of the needs each goal addresses (a goal for needs in "
        + "two domains counts in both).");
    ArrayList<String[]> rows = new ArrayList<>();
    outcomes.forEach((domain, byOutcome) -> {
      long[] n = outcomeCounts(byOutcome);
      rows.add(row(label(domain), count(n[0]), count(n[1]), count(n[2]), count(n[0] + n[1] + n[2])));
    });
    h.table(new String[] {"Life domain", label(GoalAchievement.ACHIEVED), label(GoalAchievement.NOT_ACHIEVED),
        "Other outcomes", "All"}, new boolean[] {false, true, true, true, true}, rows);
    h.chart(outcomeChart(), "Goal outcomes by life domain");
  }

  private void loopBackSection(Html h) {
    h.raw("<h2>Loop-backs</h2>\n");
    ArrayList<String[]> rows = new ArrayList<>();
    long reviews = loopBacks.totalReviews();
    for (ReviewDecision decision : ReviewDecision.values()) {
      rows.add(row("Reviews: " + label(decision), count(loopBacks.reviews().get(decision).getOrElse(0L)),
          count(reviews), percent(loopBacks.reviewRate(decision))));
    }
    rows.add(row("Re-planned after the final evaluation", count(loopBacks.replans()), count(loopBacks.evaluations()),
        percent(loopBacks.replanRate())));
    rows.add(row("Reopened after closure", count(loopBacks.reopenings()), count(loopBacks.closures()),
        percent(loopBacks.reopenRate())));
    h.table(new String[] {"Loop-back", "Times", "Out of", "Rate"}, new boolean[] {false, true, true, true}, rows);
  }

  private void timeSection(Html h) {
    h.raw("<h2>Time in phase</h2>\n");
    ArrayList<String[]> rows = new ArrayList<>();
    timeInPhase.forEach((phase, d) -> rows.add(durationRow(label(phase), d)));
    rows.add(durationRow("Wait for a case manager", projection.waitForManager()));
    rows.add(durationRow("Time in the service (to closure)", projection.timeInSystem()));
    h.paragraph("Days of each stay that ended; percentiles to the quarter day.");
    h.table(new String[] {"Phase", "Stays", "Mean", "Median", "90th percentile"},
        new boolean[] {false, true, true, true, true}, rows);
    if (!timeInPhase.isEmpty()) {
      h.chart(timeInPhaseChart(), "Days in each phase: mean, median and 90th percentile");
    }
  }

  private void fragmentationSection(Html h) {
    h.raw("<h2>Fragmentation</h2>\n");
    if (fragmentation.isEmpty()) {
      h.paragraph("No client is served by open interventions of one kind in more than one case.");
      return;
    }
    h.paragraph("Clients served by open interventions of one kind in more than one open case.");
    ArrayList<String[]> rows = new ArrayList<>();
    for (Fragmentation f : fragmentation) {
      rows.add(row(f.client().value(), f.service().code(), f.interventions().toList()
          .map(c -> c._1.value() + " (" + c._2.map(id -> id.value()).mkString(", ") + ")").mkString("; ")));
    }
    h.table(new String[] {"Client", "Service", "Cases (interventions)"}, new boolean[3], rows);
  }

  // ---------------------------------------------------------------- charts

  /** {@return the open cases of each case manager, stacked by phase; none when no case is open} */
  Option<CategoryChart> caseloadChart() {
    if (caseloads.isEmpty()) {
      return Option.none();
    }
    CategoryChart chart = chart("Open cases by case manager and phase", "Case manager", "Open cases");
    chart.getStyler().setStacked(true);
    // Six phases do not fit in one row below the chart: beside it, one a line.
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
    java.util.List<String> managers = caseloads.map(load -> load.manager().value()).asJava();
    for (Phase phase : openPhases()) {
      chart.addSeries(label(phase), managers,
          caseloads.map(load -> load.byPhase().get(phase).getOrElse(0)).asJava());
    }
    return Option.some(chart);
  }

  /** {@return committed and accrued costs by month; none when there is no cost} */
  Option<CategoryChart> costChart() {
    if (costs.isEmpty()) {
      return Option.none();
    }
    TreeMap<YearMonth, BigDecimal[]> months = byMonth();
    CategoryChart chart = chart("Costs by month (to " + day + ")", "Month", "Amount");
    chart.getStyler().setXAxisLabelRotation(90).setYAxisDecimalPattern("#,##0");
    java.util.List<String> x = months.keySet().stream().map(YearMonth::toString).toList();
    chart.addSeries("Committed", x, months.values().stream().map(s -> s[0]).toList());
    chart.addSeries("Accrued", x, months.values().stream().map(s -> s[1]).toList());
    return Option.some(chart);
  }

  /** {@return goal outcomes by life domain, stacked: achieved, not achieved, others; none when there is none} */
  Option<CategoryChart> outcomeChart() {
    if (outcomes.isEmpty()) {
      return Option.none();
    }
    CategoryChart chart = chart("Goal outcomes by life domain", null, "Goals");
    chart.getStyler().setXAxisLabelRotation(20);
    chart.getStyler().setStacked(true);
    java.util.List<String> domains = outcomes.keySet().toList().map(ServiceReport::label).asJava();
    String[] names = {label(GoalAchievement.ACHIEVED), label(GoalAchievement.NOT_ACHIEVED), "Other outcomes"};
    for (int k = 0; k < names.length; k++) {
      int column = k;
      chart.addSeries(names[k], domains, outcomes.values().toList().map(o -> outcomeCounts(o)[column]).asJava());
    }
    return Option.some(chart);
  }

  /** {@return the mean, median and 90th percentile of the days in each phase; none when no stay ended} */
  Option<CategoryChart> timeInPhaseChart() {
    if (timeInPhase.isEmpty()) {
      return Option.none();
    }
    CategoryChart chart = chart("Days in each phase", null, "Days");
    chart.getStyler().setXAxisLabelRotation(20);
    java.util.List<String> phases = timeInPhase.keySet().toList().map(ServiceReport::label).asJava();
    java.util.List<DurationSummary> stays = timeInPhase.values().toList().asJava();
    chart.addSeries("Mean", phases, stays.stream().map(DurationSummary::meanDays).toList());
    chart.addSeries("Median", phases, stays.stream().map(DurationSummary::p50Days).toList());
    chart.addSeries("90th percentile", phases, stays.stream().map(DurationSummary::p90Days).toList());
    return Option.some(chart);
  }

  private static CategoryChart chart(String title, String xTitle, String yTitle) {
    CategoryChart chart = new CategoryChartBuilder().width(CHART_WIDTH).height(CHART_HEIGHT).title(title)
        .xAxisTitle(xTitle == null ? "" : xTitle).yAxisTitle(yTitle).build();
    CategoryStyler styler = chart.getStyler();
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setSeriesColors(SERIES_COLOURS);
    styler.setAntiAlias(true);
    styler.setLocale(Locale.ROOT);
    styler.setXAxisTitleVisible(xTitle != null);
    styler.setAvailableSpaceFill(0.8);
    return chart;
  }

  /**
   * A picture of the report for a README or a slide: the day and the key figures in a header band above the four
   * charts (caseloads, costs by month, outcomes by domain, time in phase) in a 2 × 2 grid. A chart with nothing to
   * show is a white tile that says so.
   *
   * @return the picture, {@code 2 × CHART_WIDTH} wide
   */
  public BufferedImage overview() {
    int width = 2 * CHART_WIDTH;
    int height = HEADER_HEIGHT + 2 * CHART_HEIGHT;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(new Color(0x22, 0x33, 0x44));
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
      g.drawString("Service report for " + day, 20, 36);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
      g.drawString("Open cases " + count(projection.openCount()) + "   ·   opened " + count(projection.opened())
          + "   ·   closed " + count(projection.closed()) + "   ·   waiting for a case manager "
          + count(waiting.size()) + "   ·   utilisation " + percent(utilisation) + "   ·   mean open cases "
          + decimal(meanOpenCases), 20, 64);
      g.drawString("Overdue on " + day + ": " + count(overdue.size()) + " cases   ·   committed cost "
          + money(projection.committedCost()) + "   ·   reviews " + count(loopBacks.totalReviews())
          + "   ·   re-plan rate " + percent(loopBacks.replanRate()), 20, 86);
      java.util.List<Option<CategoryChart>> charts =
          java.util.List.of(caseloadChart(), costChart(), outcomeChart(), timeInPhaseChart());
      String[] empty = {"No open case", "No cost", "No goal outcome", "No stay in a phase ended"};
      for (int k = 0; k < charts.size(); k++) {
        int x = (k % 2) * CHART_WIDTH;
        int y = HEADER_HEIGHT + (k / 2) * CHART_HEIGHT;
        Option<CategoryChart> chart = charts.get(k);
        if (chart.isDefined()) {
          g.drawImage(BitmapEncoder.getBufferedImage(chart.getOrElseThrow(IllegalStateException::new)), x, y, null);
        } else {
          g.setColor(Color.GRAY);
          g.drawString(empty[k], x + 20, y + CHART_HEIGHT / 2);
        }
      }
      g.setColor(new Color(0xdd, 0xdd, 0xdd));
      g.setStroke(new BasicStroke(1));
      g.drawLine(0, HEADER_HEIGHT - 1, width, HEADER_HEIGHT - 1);
    } finally {
      g.dispose();
    }
    return image;
  }

  // ---------------------------------------------------------------- helpers

  /** The phases an open case can be in (all but closed) that some caseload holds, in the methodology's order. */
  private Seq<Phase> openPhases() {
    return io.vavr.collection.Vector.of(Phase.values())
        .filter(phase -> caseloads.exists(load -> load.byPhase().containsKey(phase)));
  }

  /** Committed and accrued costs by month, summed over providers and kinds. */
  private TreeMap<YearMonth, BigDecimal[]> byMonth() {
    TreeMap<YearMonth, BigDecimal[]> months = new TreeMap<>();
    for (CostLine line : costs) {
      BigDecimal[] sums = months.computeIfAbsent(line.month(), m -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sums[0] = sums[0].add(line.committed().amount());
      sums[1] = sums[1].add(line.toDate().amount());
    }
    return months;
  }

  /** Achieved, not achieved, and every other outcome together. */
  private static long[] outcomeCounts(Map<GoalAchievement, Long> byOutcome) {
    long achieved = byOutcome.get(GoalAchievement.ACHIEVED).getOrElse(0L);
    long notAchieved = byOutcome.get(GoalAchievement.NOT_ACHIEVED).getOrElse(0L);
    long all = byOutcome.values().foldLeft(0L, Long::sum);
    return new long[] {achieved, notAchieved, all - achieved - notAchieved};
  }

  private static String[] durationRow(String what, DurationSummary d) {
    return row(what, count(d.count()), decimal(d.meanDays()), quarters(d.p50Days()), quarters(d.p90Days()));
  }

  private static String[] row(String... cells) {
    return cells;
  }

  private static String label(Enum<?> value) {
    return Labels.label(value, LABELS);
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%,.1f", value);
  }

  /** Percentiles are upper edges of quarter days: shown exactly. */
  private static String quarters(double days) {
    return String.format(Locale.ROOT, "%,.2f", days);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }

  private static String money(Money amount) {
    return money(amount.amount());
  }

  private static String money(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", amount);
  }

  /**
   * Escapes text for HTML content and attribute values: {@code & < > " '}.
   *
   * @param text the text
   * @return the text, safe between tags and in a quoted attribute
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String STYLE = """
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2em auto; max-width: 72em;
             padding: 0 1em; color: #223344; }
      h1 { font-size: 1.6em; margin-bottom: 0.2em; }
      h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid #dddddd; padding-bottom: 0.2em; }
      h3 { font-size: 1.05em; margin-top: 1.2em; }
      .note { color: #667788; font-size: 0.9em; }
      table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
      th, td { border: 1px solid #dddddd; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
      th { background: #f2f4f6; }
      td.n { text-align: right; font-variant-numeric: tabular-nums; }
      img { display: block; margin: 0.8em 0; max-width: 100%; height: auto; }
      """;

  /** A page being written: markup as given, text always escaped. */
  private static final class Html {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    Html raw(String markup) {
      out.append(markup);
      return this;
    }

    Html text(String text) {
      out.append(escape(text));
      return this;
    }

    void paragraph(String text) {
      raw("<p>").text(text).raw("</p>\n");
    }

    void table(String[] header, boolean[] numeric, Iterable<String[]> rows) {
      raw("<table>\n<thead><tr>");
      for (String cell : header) {
        raw("<th>").text(cell).raw("</th>");
      }
      raw("</tr></thead>\n<tbody>\n");
      for (String[] row : rows) {
        raw("<tr>");
        for (int k = 0; k < row.length; k++) {
          raw(numeric[k] ? "<td class=\"n\">" : "<td>").text(row[k]).raw("</td>");
        }
        raw("</tr>\n");
      }
      raw("</tbody>\n</table>\n");
    }

    void chart(Option<CategoryChart> chart, String description) {
      chart.forEach(c -> raw("<img width=\"" + CHART_WIDTH + "\" height=\"" + CHART_HEIGHT + "\" alt=\"")
          .text(description).raw("\" src=\"data:image/png;base64,").raw(png(c)).raw("\">\n"));
    }

    private static String png(CategoryChart chart) {
      try {
        return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot encode a chart as PNG", e);
      }
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
