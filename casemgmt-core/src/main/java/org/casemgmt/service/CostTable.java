package org.casemgmt.service;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.PlanVersion;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ServiceKind;

/**
 * Costs by provider, kind of service and month, in cents: what the interventions not cancelled commit (in the month
 * their window starts) and what every intervention accrued in each month up to a day, exactly as
 * {@link Intervention#costAccruedBy} counts it (the difference of what had accrued at the ends of two months).
 * Mutable; a {@link ServiceProjection} copies a table before it changes one it shares with an earlier projection.
 * Sums that outgrow a {@code long} go on exactly in {@link BigDecimal}.
 */
final class CostTable {

  /** A cell: a provider, a kind of service and a month (year × 12 + month − 1). */
  private record Cell(ProviderId provider, ServiceKind service, int month) {}

  private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::provider)
      .thenComparing(cell -> cell.service().code()).thenComparingInt(Cell::month);

  /** Two sums of cents. */
  private static final class Sum {
    private long committed;
    private long toDate;
    private BigInteger bigCommitted;
    private BigInteger bigToDate;

    Sum copy() {
      Sum s = new Sum();
      s.committed = committed;
      s.toDate = toDate;
      s.bigCommitted = bigCommitted;
      s.bigToDate = bigToDate;
      return s;
    }

    void add(long c, long d) {
      long sc = committed + c;
      if (bigCommitted != null || ((committed ^ sc) & (c ^ sc)) < 0) {
        bigCommitted = committed().add(BigInteger.valueOf(c));
      } else {
        committed = sc;
      }
      long sd = toDate + d;
      if (bigToDate != null || ((toDate ^ sd) & (d ^ sd)) < 0) {
        bigToDate = toDate().add(BigInteger.valueOf(d));
      } else {
        toDate = sd;
      }
    }

    void add(Sum other) {
      if (other.bigCommitted == null && other.bigToDate == null) {
        add(other.committed, other.toDate);
      } else {
        bigCommitted = committed().add(other.committed());
        bigToDate = toDate().add(other.toDate());
      }
    }

    BigInteger committed() {
      return bigCommitted != null ? bigCommitted : BigInteger.valueOf(committed);
    }

    BigInteger toDate() {
      return bigToDate != null ? bigToDate : BigInteger.valueOf(toDate);
    }

    boolean isZero() {
      return committed().signum() == 0 && toDate().signum() == 0;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Sum that && committed().equals(that.committed()) && toDate().equals(that.toDate());
    }

    @Override
    public int hashCode() {
      return committed().hashCode() * 31 + toDate().hashCode();
    }
  }

  private final java.util.HashMap<Cell, Sum> cells;

  CostTable() {
    this.cells = new java.util.HashMap<>();
  }

  private CostTable(java.util.HashMap<Cell, Sum> cells) {
    this.cells = cells;
  }

  CostTable copy() {
    java.util.HashMap<Cell, Sum> copy = new java.util.HashMap<>(cells.size() * 2);
    cells.forEach((cell, sum) -> copy.put(cell, sum.copy()));
    return new CostTable(copy);
  }

  /** Adds another table's sums. */
  void addAll(CostTable other) {
    other.cells.forEach((cell, sum) -> cells.computeIfAbsent(cell, c -> new Sum()).add(sum));
  }

  /** Adds a case's committed costs and what its interventions accrued up to a day. */
  void addCase(CaseFile file, LocalDate asOf) {
    PlanVersion plan = file.currentPlan().getOrNull();
    if (plan == null) {
      return;
    }
    for (java.util.Iterator<Intervention> all = plan.interventions().valuesIterator(); all.hasNext(); ) {
      addIntervention(all.next(), asOf);
    }
  }

  private void addIntervention(Intervention i, LocalDate asOf) {
    long cost = cents(i.cost());
    LocalDate windowStart = i.window().start();
    if (i.status() != InterventionStatus.CANCELLED) {
      add(new Cell(i.provider(), i.kind(), month(windowStart)), cost, 0);
    }
    LocalDate started = i.startedOn().getOrNull();
    if (started == null || started.isAfter(asOf)) {
      return;
    }
    long days = i.window().days();
    LocalDate ended = i.endedOn().getOrNull();
    boolean completed = i.status() == InterventionStatus.COMPLETED;
    long before = 0;
    int last = month(asOf);
    LocalDate first = started.withDayOfMonth(1);
    int month = month(first);
    for (LocalDate monthStart = first; month <= last; monthStart = monthStart.plusMonths(1), month++) {
      LocalDate end = month == last ? asOf : monthStart.plusMonths(1).minusDays(1);
      long accrued = accrued(cost, days, windowStart, started, ended, completed, end);
      if (accrued != before) {
        add(new Cell(i.provider(), i.kind(), month), 0, accrued - before);
      }
      before = accrued;
      if (accrued >= cost) {
        break;
      }
    }
  }

  /** {@link Intervention#costAccruedBy}, in cents. */
  private static long accrued(long cost, long days, LocalDate windowStart, LocalDate started, LocalDate ended,
      boolean completed, LocalDate asOf) {
    if (completed && ended != null && !ended.isAfter(asOf)) {
      return cost;
    }
    if (started.isAfter(asOf)) {
      return 0;
    }
    LocalDate until = ended != null && ended.isBefore(asOf) ? ended : asOf;
    long elapsed = Math.max(0, Math.min(days, until.toEpochDay() - windowStart.toEpochDay()));
    long high = Math.multiplyHigh(cost, elapsed);
    long low = cost * elapsed;
    if (high == 0 && low >= 0) {
      return low / days;
    }
    return BigInteger.valueOf(cost).multiply(BigInteger.valueOf(elapsed)).divide(BigInteger.valueOf(days))
        .longValueExact();
  }

  private void add(Cell cell, long committed, long toDate) {
    Sum sum = cells.get(cell);
    if (sum == null) {
      sum = new Sum();
      cells.put(cell, sum);
    }
    sum.add(committed, toDate);
  }

  private static long cents(Money money) {
    return money.amount().unscaledValue().longValueExact(); // scale 2, at most 17 digits
  }

  private static int month(LocalDate day) {
    return day.getYear() * 12 + day.getMonthValue() - 1;
  }

  /** {@return every committed cost together} */
  BigDecimal committed() {
    BigInteger sum = BigInteger.ZERO;
    for (Sum s : cells.values()) {
      sum = sum.add(s.committed());
    }
    return new BigDecimal(sum, 2);
  }

  /** {@return the cells with a cost, by provider, service code and month} */
  Seq<CostLine> lines() {
    ArrayList<Cell> sorted = new ArrayList<>(cells.keySet());
    sorted.sort(ORDER);
    ArrayList<CostLine> lines = new ArrayList<>(sorted.size());
    for (Cell cell : sorted) {
      Sum s = cells.get(cell);
      if (!s.isZero()) {
        lines.add(new CostLine(cell.provider(), cell.service(),
            YearMonth.of(Math.floorDiv(cell.month(), 12), Math.floorMod(cell.month(), 12) + 1),
            new Money(new BigDecimal(s.committed(), 2)), new Money(new BigDecimal(s.toDate(), 2))));
      }
    }
    return Vector.ofAll(lines);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof CostTable that)) {
      return false;
    }
    // Cells that sum to nothing are the same as no cell.
    for (java.util.Map.Entry<Cell, Sum> e : cells.entrySet()) {
      Sum s = that.cells.get(e.getKey());
      if (s == null ? !e.getValue().isZero() : !s.equals(e.getValue())) {
        return false;
      }
    }
    for (java.util.Map.Entry<Cell, Sum> e : that.cells.entrySet()) {
      if (!cells.containsKey(e.getKey()) && !e.getValue().isZero()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return 0; // equal tables may hold different empty cells; a table is never a hash key
  }
}
