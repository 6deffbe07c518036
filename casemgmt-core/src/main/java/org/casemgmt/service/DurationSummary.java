package org.casemgmt.service;

/**
 * How long something took, over the times it happened: how many, the mean, and percentiles at a quarter-day
 * resolution (the upper edge of the quarter day that holds the percentile). All in days; all 0 when nothing was
 * measured.
 *
 * <pre>{@code
 * DurationSummary planning = projection.timeInPhase().get(Phase.PLANNING).getOrElse(DurationSummary.NONE);
 * planning.p90Days();   // nine stays in ten ended within this many days
 * }</pre>
 *
 * @param count    how many durations were measured
 * @param meanDays their mean
 * @param p50Days  the median
 * @param p90Days  the 90th percentile
 * @param p95Days  the 95th percentile
 */
public record DurationSummary(long count, double meanDays, double p50Days, double p90Days, double p95Days) {

  /** Nothing measured. */
  public static final DurationSummary NONE = new DurationSummary(0, 0, 0, 0, 0);
}
