package org.casemgmt.service;

import java.util.Arrays;

/**
 * Durations in days counted in quarter-day bins, with their sum: a mean and percentiles in memory that does not
 * grow with the number of durations. Mutable; a {@link ServiceProjection} copies a tally before it changes one it
 * shares with an earlier projection.
 */
final class Tally {

  /** The width of a bin, in days. */
  static final double WIDTH = 0.25;
  private static final int MAX_BIN = 1 << 20; // 715 years of quarter days; longer durations share the last bin

  private long[] bins;
  private long count;
  private double sum;

  Tally() {
    this.bins = new long[64];
  }

  private Tally(long[] bins, long count, double sum) {
    this.bins = bins;
    this.count = count;
    this.sum = sum;
  }

  Tally copy() {
    return new Tally(bins.clone(), count, sum);
  }

  /** Counts a duration; a negative one (clocks that went back) counts as 0. */
  void add(double days) {
    double value = Math.max(0, days);
    int bin = (int) Math.min(MAX_BIN, Math.floor(value / WIDTH));
    if (bin >= bins.length) {
      bins = Arrays.copyOf(bins, Math.max(bin + 1, bins.length * 2));
    }
    bins[bin]++;
    count++;
    sum += value;
  }

  long count() {
    return count;
  }

  DurationSummary summary() {
    if (count == 0) {
      return DurationSummary.NONE;
    }
    return new DurationSummary(count, sum / count, quantile(0.5), quantile(0.9), quantile(0.95));
  }

  /** The upper edge of the bin holding the q-quantile. */
  private double quantile(double q) {
    long rank = Math.max(1, (long) Math.ceil(q * count));
    long seen = 0;
    for (int bin = 0; bin < bins.length; bin++) {
      seen += bins[bin];
      if (seen >= rank) {
        return (bin + 1) * WIDTH;
      }
    }
    return bins.length * WIDTH;
  }

  private int used() {
    int n = bins.length;
    while (n > 0 && bins[n - 1] == 0) {
      n--;
    }
    return n;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tally that && count == that.count && Double.compare(sum, that.sum) == 0
        && Arrays.equals(bins, 0, used(), that.bins, 0, that.used());
  }

  @Override
  public int hashCode() {
    return Long.hashCode(count) * 31 + Double.hashCode(sum);
  }
}
