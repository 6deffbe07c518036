package org.casemgmt.simulation;

import org.casemgmt.InputError;
import org.casemgmt.internal.Check;

/**
 * A metric estimated from independent replications: the mean and the half-width of its 95 % confidence
 * interval (Student t with {@code n - 1} degrees of freedom).
 *
 * <pre>{@code
 * Estimate wait = summary.metric("mean_wait_for_manager");
 * wait.contains(theory);   // is the theoretical value inside [lower, upper]?
 * }</pre>
 *
 * @param mean      the mean over the replications
 * @param halfWidth half the width of the 95 % confidence interval (infinite with one replication)
 * @param stdDev    the sample standard deviation over the replications
 * @param n         the number of replications
 */
public record Estimate(double mean, double halfWidth, double stdDev, int n) {

  /**
   * Creates an estimate, checking that it is over at least one replication.
   *
   * @param mean      the mean over the replications
   * @param halfWidth half the width of the 95 % confidence interval (infinite with one replication)
   * @param stdDev    the sample standard deviation over the replications
   * @param n         the number of replications, at least 1
   */
  public Estimate {
    Check.orThrow(Check.atLeast("n", n, 1));
  }

  /**
   * The estimate from one value per replication.
   *
   * @param values the metric's value in each replication, at least one
   * @return their mean and confidence interval (of infinite width for a single value)
   * @throws org.casemgmt.InvalidInputException if the values are missing or empty
   */
  public static Estimate of(double[] values) {
    if (values == null || values.length == 0) {
      Check.orThrow(values == null ? Check.present("values", null)
          : new InputError("values", InputError.Problem.EMPTY, "needs at least one element"));
    }
    int n = values.length;
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= n;
    if (n == 1) {
      return new Estimate(mean, Double.POSITIVE_INFINITY, 0, 1);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    return new Estimate(mean, StudentT.quantile975(n - 1) * sd / Math.sqrt(n), sd, n);
  }

  /** {@return the lower end of the 95 % confidence interval} */
  public double lower() {
    return mean - halfWidth;
  }

  /** {@return the upper end of the 95 % confidence interval} */
  public double upper() {
    return mean + halfWidth;
  }

  /**
   * Whether a value lies inside the 95 % confidence interval.
   *
   * @param value a value to compare with the estimate, e.g. what queueing theory predicts
   * @return true if {@code lower() <= value <= upper()}
   */
  public boolean contains(double value) {
    return value >= lower() && value <= upper();
  }
}
