package org.casemgmt.simulation;

import java.util.Arrays;

/**
 * Counts of non-negative values in fixed-width bins, for percentiles in constant memory whatever the number
 * of cases (a run of a million cases must not keep a million durations).
 */
final class Histogram {

  private final double width;
  private long[] counts = new long[1024];
  private long total;

  Histogram(double width) {
    this.width = width;
  }

  void add(double value) {
    int bin = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, Math.floor(value / width)));
    if (bin >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max(bin + 1, counts.length * 2));
    }
    counts[bin]++;
    total++;
  }

  /** The upper edge of the bin holding the q-quantile; 0 when empty. */
  double quantile(double q) {
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int bin = 0; bin < counts.length; bin++) {
      seen += counts[bin];
      if (seen >= Math.max(1, rank)) {
        return (bin + 1) * width;
      }
    }
    return counts.length * width;
  }
}
