package org.casemgmt.internal;

import java.math.BigInteger;

/**
 * The one rule for the cost an intervention has accrued by a day, in cents and epoch days:
 * {@link org.casemgmt.plan.Intervention#costAccruedBy} answers it as money for one day, and the service projection
 * month by month for many interventions without building a value per month.
 */
public final class Accrual {

  /** An intervention that has not ended: its end day. */
  public static final long NOT_ENDED = Long.MAX_VALUE;

  private Accrual() {}

  /**
   * Nothing before the intervention started, then linearly over its window up to the day it ended (rounded down to
   * the cent); a completed intervention has accrued its whole cost on its last day.
   *
   * @param cost        the cost, in cents (at least 0)
   * @param windowStart the first day of its window
   * @param days        the days of its window (at least 1)
   * @param started     the day it started, or {@link #NOT_ENDED} if it has not
   * @param ended       the day it ended, or {@link #NOT_ENDED} if it has not
   * @param completed   whether it ended completed
   * @param asOf        the day to look at
   * @return the cents accrued, from 0 to {@code cost}
   */
  public static long cents(long cost, long windowStart, long days, long started, long ended, boolean completed,
      long asOf) {
    if (completed && ended <= asOf) {
      return cost;
    }
    if (started > asOf) {
      return 0;
    }
    long until = ended < asOf ? ended : asOf;
    long elapsed = Math.max(0, Math.min(days, until - windowStart));
    long high = Math.multiplyHigh(cost, elapsed);
    long low = cost * elapsed;
    if (high == 0 && low >= 0) {
      return low / days;
    }
    return BigInteger.valueOf(cost).multiply(BigInteger.valueOf(elapsed)).divide(BigInteger.valueOf(days))
        .longValueExact();
  }
}
