package org.casemgmt.plan;

import io.vavr.control.Option;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.casemgmt.InputError;
import org.casemgmt.InputError.Problem;
import org.casemgmt.internal.Check;

/**
 * A half-open window of days {@code [start, end)}: the start day is inside, the end day is not. Two windows
 * that merely touch ({@code a.end == b.start}) do not overlap, so one intervention can follow another
 * without a gap and without a shared day.
 *
 * <pre>{@code
 * DayWindow january = DayWindow.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)); // 31 days
 * }</pre>
 *
 * <p><b>Supported days.</b> Every day casemgmt takes — of a window, a command, an event, a client's birth, a query
 * such as {@code overdue(asOf, …)} — lies from {@link #FIRST_DAY} (1 January 1900) to {@link #LAST_DAY}
 * (31 December 9999), a window's end included, and every instant ({@code Issued}, {@code RecordedEvent}) within
 * those days in UTC; any other is refused with an {@link org.casemgmt.InvalidInputException}
 * ({@code OUT_OF_RANGE}). No client of a case file was born before 1900, and a day after 9999 has no four-digit
 * ISO-8601 form (XES, CSV and SQL {@code date} columns expect one). Within these days no date arithmetic of
 * casemgmt can overflow: a window spans fewer than 3,000,000 days, and adding any {@code int} number of days to
 * a supported day stays far inside {@link LocalDate}'s range.
 *
 * @param start the first day inside the window
 * @param end   the first day after the window; strictly after {@code start}
 */
public record DayWindow(LocalDate start, LocalDate end) {

  /** The first day casemgmt supports: 1 January 1900. */
  public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

  /** The last day casemgmt supports, as a window's end too: 31 December 9999. */
  public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

  /**
   * Throws {@link org.casemgmt.InvalidInputException} if a day is missing or unsupported, or {@code end} is not after
   * {@code start}.
   */
  public DayWindow {
    InputError inverted = start != null && end != null && !end.isAfter(start)
        ? new InputError("end", Problem.INVERTED_WINDOW, "the end must be after the start (half-open [start, end))")
        : null;
    Check.orThrow(Check.day("start", start), Check.day("end", end), inverted);
  }

  /**
   * Creates the window {@code [start, end)}.
   *
   * @param start the first day inside the window
   * @param end   the first day after it; strictly after {@code start}
   * @return a window of {@code end - start} days
   * @throws org.casemgmt.InvalidInputException if a day is missing or unsupported, or {@code end} is not after
   *     {@code start}
   */
  public static DayWindow of(LocalDate start, LocalDate end) {
    return new DayWindow(start, end);
  }

  /**
   * The window of {@code days} days starting on {@code start}.
   *
   * @param start the first day inside the window
   * @param days  how many days it lasts, at least 1
   * @return the window {@code [start, start + days)}
   * @throws org.casemgmt.InvalidInputException if the start is missing or unsupported, {@code days < 1}, or the
   *     window would end after {@link #LAST_DAY}
   */
  public static DayWindow ofDays(LocalDate start, long days) {
    InputError day = Check.day("start", start);
    // Compared as epoch days before adding, so that no length, up to Long.MAX_VALUE, can overflow.
    long room = day == null ? LAST_DAY.toEpochDay() - start.toEpochDay() : Long.MAX_VALUE;
    Check.orThrow(day, Check.between("days", days, 1, Math.max(1, room)));
    return new DayWindow(start, start.plusDays(days));
  }

  /** {@return the number of days inside the window (at least 1)} */
  public long days() {
    return ChronoUnit.DAYS.between(start, end);
  }

  /**
   * Whether the two windows share at least one day. Symmetric; touching windows do not overlap.
   *
   * @param other the window to compare with
   * @return true if some day lies in both
   * @throws org.casemgmt.InvalidInputException if {@code other} is missing
   */
  public boolean overlaps(DayWindow other) {
    Check.notNull(other, "other");
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  /**
   * The days both windows share, if any.
   *
   * @param other the window to compare with
   * @return the shared days as a window, or none if the windows do not overlap
   * @throws org.casemgmt.InvalidInputException if {@code other} is missing
   */
  public Option<DayWindow> intersection(DayWindow other) {
    return overlaps(other)
        ? Option.some(new DayWindow(later(start, other.start), earlier(end, other.end)))
        : Option.none();
  }

  /**
   * Whether the other window lies entirely inside this one.
   *
   * @param other the window that should lie inside, e.g. an intervention's in a plan's period
   * @return true if every day of {@code other} is a day of this window
   * @throws org.casemgmt.InvalidInputException if {@code other} is missing
   */
  public boolean encloses(DayWindow other) {
    Check.notNull(other, "other");
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }

  /**
   * Whether the day is inside the window.
   *
   * @param day the day to look up
   * @return true if {@code start <= day < end}
   * @throws org.casemgmt.InvalidInputException if the day is missing or unsupported
   */
  public boolean contains(LocalDate day) {
    Check.orThrow(Check.day("day", day));
    return !day.isBefore(start) && day.isBefore(end);
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
