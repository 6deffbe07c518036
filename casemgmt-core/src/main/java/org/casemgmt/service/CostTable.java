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
import org.casemgmt.internal.Accrual;
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

  /** A row: a provider and a kind of service; its cells are months (year × 12 + month − 1). */
  private record Row(ProviderId provider, ServiceKind service) {}

  private static final Comparator<Row> ORDER = Comparator.comparing(Row::provider)
      .thenComparing(row -> row.service().code());

  /** A row's sums by month, in an array from its first month (an intervention is looked up once, not per month). */
  private static final class Months {
    private int base;
    private Sum[] sums = new Sum[0];

    Months copy() {
      Months m = new Months();
      m.base = base;
      m.sums = new Sum[sums.length];
      for (int k = 0; k < sums.length; k++) {
        m.sums[k] = sums[k] == null ? null : sums[k].copy();
      }
      return m;
    }

    Sum at(int month) {
      if (sums.length == 0) {
        base = month;
        sums = new Sum[4];
      } else if (month < base) {
        Sum[] grown = new Sum[sums.length + (base - month) + 4];
        System.arraycopy(sums, 0, grown, base - month + 4, sums.length);
        sums = grown;
        base = month - 4;
      } else if (month - base >= sums.length) {
        sums = java.util.Arrays.copyOf(sums, Math.max(month - base + 1, sums.length * 2));
      }
      Sum sum = sums[month - base];
      if (sum == null) {
        sum = new Sum();
        sums[month - base] = sum;
      }
      return sum;
    }
  }

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

  private final java.util.HashMap<Row, Months> rows;

  CostTable() {
    this.rows = new java.util.HashMap<>();
  }

  private CostTable(java.util.HashMap<Row, Months> rows) {
    this.rows = rows;
  }

  CostTable copy() {
    java.util.HashMap<Row, Months> copy = new java.util.HashMap<>(rows.size() * 2);
    rows.forEach((row, months) -> copy.put(row, months.copy()));
    return new CostTable(copy);
  }

  private Months row(Intervention i) {
    Row row = new Row(i.provider(), i.kind());
    Months months = rows.get(row);
    if (months == null) {
      months = new Months();
      rows.put(row, months);
    }
    return months;
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
    Months row = row(i);
    if (i.status() != InterventionStatus.CANCELLED) {
      row.at(month(windowStart)).add(cost, 0);
    }
    LocalDate started = i.startedOn().getOrNull();
    if (started == null || started.isAfter(asOf)) {
      return;
    }
    // Days as numbers from here: the month ends are computed, not built.
    long days = i.window().days();
    long start = windowStart.toEpochDay();
    long startedDay = started.toEpochDay();
    LocalDate endedOn = i.endedOn().getOrNull();
    long ended = endedOn == null ? Accrual.NOT_ENDED : endedOn.toEpochDay();
    boolean completed = i.status() == InterventionStatus.COMPLETED;
    long asOfDay = asOf.toEpochDay();
    long before = 0;
    int last = month(asOf);
    int year = started.getYear();
    int monthOfYear = started.getMonthValue();
    long monthEnd = startedDay + started.lengthOfMonth() - started.getDayOfMonth();
    for (int month = month(started); month <= last; month++) {
      long end = month == last ? asOfDay : monthEnd;
      long accrued = Accrual.cents(cost, start, days, startedDay, ended, completed, end);
      if (accrued != before) {
        row.at(month).add(0, accrued - before);
      }
      before = accrued;
      if (accrued >= cost) {
        break;
      }
      if (++monthOfYear > 12) {
        monthOfYear = 1;
        year++;
      }
      monthEnd += java.time.Month.of(monthOfYear).length(java.time.Year.isLeap(year));
    }
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
    for (Months months : rows.values()) {
      for (Sum s : months.sums) {
        if (s != null) {
          sum = sum.add(s.committed());
        }
      }
    }
    return new BigDecimal(sum, 2);
  }

  /** {@return the cells with a cost, by provider, service code and month} */
  Seq<CostLine> lines() {
    ArrayList<Row> sorted = new ArrayList<>(rows.keySet());
    sorted.sort(ORDER);
    ArrayList<CostLine> lines = new ArrayList<>();
    for (Row row : sorted) {
      Months months = rows.get(row);
      for (int k = 0; k < months.sums.length; k++) {
        Sum s = months.sums[k];
        if (s != null && !s.isZero()) {
          int month = months.base + k;
          lines.add(new CostLine(row.provider(), row.service(),
              YearMonth.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1),
              new Money(new BigDecimal(s.committed(), 2)), new Money(new BigDecimal(s.toDate(), 2))));
        }
      }
    }
    return Vector.ofAll(lines);
  }

  /** Equal when every cell sums the same (a cell that sums to nothing is the same as no cell). */
  @Override
  public boolean equals(Object other) {
    return other instanceof CostTable that && lines().equals(that.lines());
  }

  @Override
  public int hashCode() {
    return 0; // equal tables may hold different empty cells; a table is never a hash key
  }
}
