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
 * @param start the first day inside the window
 * @param end   the first day after the window; strictly after {@code start}
 */
public record DayWindow(LocalDate start, LocalDate end) {

  /**
   * Throws {@link org.casemgmt.InvalidInputException} if a day is missing or {@code end} is not after {@code start}.
   */
  public DayWindow {
    InputError inverted = start != null && end != null && !end.isAfter(start)
        ? new InputError("end", Problem.INVERTED_WINDOW, "the end must be after the start (half-open [start, end))")
        : null;
    Check.orThrow(Check.present("start", start), Check.present("end", end), inverted);
  }

  /**
   * Creates the window {@code [start, end)}.
   *
   * @param start the first day inside the window
   * @param end   the first day after it; strictly after {@code start}
   * @return a window of {@code end - start} days
   * @throws org.casemgmt.InvalidInputException if a day is missing or {@code end} is not after {@code start}
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
   * @throws org.casemgmt.InvalidInputException if {@code start} is missing or {@code days < 1}
   */
  public static DayWindow ofDays(LocalDate start, long days) {
    Check.orThrow(Check.present("start", start), Check.atLeast("days", days, 1));
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
   * @throws org.casemgmt.InvalidInputException if the day is missing
   */
  public boolean contains(LocalDate day) {
    Check.notNull(day, "day");
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
