package org.casemgmt.simulation;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.random.RandomGenerator;
import org.casemgmt.internal.Check;

/**
 * How long something takes, in days: a small immutable value that draws a duration from a random
 * generator. Durations of phases and interventions vary from case to case; a distribution says how, so that
 * a {@link Scenario} can describe a service's case flow as researchers measure it.
 *
 * <pre>{@code
 * Distribution assessment = Distribution.exponential(3.0);          // mean 3 days
 * Distribution planning = Distribution.triangular(1, 2, 5);         // min, mode, max
 * double days = assessment.sample(new SplittableRandom(42));
 * }</pre>
 *
 * <p>Every sample is finite and not negative. The same generator state always gives the same sample, which
 * is what makes a simulation reproducible from its seed.
 */
public sealed interface Distribution {

  /**
   * Draws one duration.
   *
   * @param random the generator to draw from
   * @return a duration in days, finite and {@code >= 0}
   * @throws org.casemgmt.InvalidInputException if {@code random} is missing
   */
  double sample(RandomGenerator random);

  /** {@return the theoretical mean, in days (used in reports and to check a model against theory)} */
  double mean();

  /**
   * Always the same duration.
   *
   * <pre>{@code Distribution.constant(2.0).sample(random); // 2.0 }</pre>
   *
   * @param days the duration every sample answers, in days
   * @return a distribution without variance
   * @throws org.casemgmt.InvalidInputException if {@code days} is negative or not finite
   */
  static Distribution constant(double days) {
    return new Constant(days);
  }

  /**
   * Uniform on {@code [min, max]}.
   *
   * <pre>{@code Distribution.uniform(5, 10); }</pre>
   *
   * @param min the shortest duration, in days, not negative
   * @param max the longest duration, in days, at least {@code min}
   * @return a distribution with mean {@code (min + max) / 2}
   * @throws org.casemgmt.InvalidInputException if a bound is negative or {@code max < min}
   */
  static Distribution uniform(double min, double max) {
    return new Uniform(min, max);
  }

  /**
   * Exponential with the given mean: memoryless, the classic service time of queueing theory.
   *
   * <pre>{@code Distribution.exponential(90.0); }</pre>
   *
   * @param mean the mean, in days: above 0, at most {@value Exponential#MAX_MEAN} (so every sample is finite)
   * @return a distribution with that mean
   * @throws org.casemgmt.InvalidInputException if the mean is not positive, or larger than the maximum
   */
  static Distribution exponential(double mean) {
    return new Exponential(mean);
  }

  /**
   * Log-normal whose logarithm has mean {@code mu} and standard deviation {@code sigma}: long right tails, as
   * real case durations often have.
   *
   * <pre>{@code Distribution.lognormal(Math.log(30), 0.5); // median 30 days }</pre>
   *
   * @param mu the mean of the logarithm, at most {@value LogNormal#MAX_MU} (e^50 days is already absurd)
   * @param sigma the standard deviation of the logarithm, from 0 to {@value LogNormal#MAX_SIGMA}
   * @return a distribution with median {@code e^mu} days and mean {@code e^(mu + sigma²/2)} days
   * @throws org.casemgmt.InvalidInputException if a parameter is out of its range or not finite (the bounds keep
   *     every sample finite)
   */
  static Distribution lognormal(double mu, double sigma) {
    return new LogNormal(mu, sigma);
  }

  /**
   * Triangular with a minimum, a most likely value and a maximum: what an expert can estimate without data.
   *
   * <pre>{@code Distribution.triangular(1, 2, 7); }</pre>
   *
   * @param min  the shortest duration, in days
   * @param mode the most likely duration, in days
   * @param max  the longest duration, in days
   * @return a distribution with mean {@code (min + mode + max) / 3}
   * @throws org.casemgmt.InvalidInputException unless {@code 0 <= min <= mode <= max} and {@code min < max}
   */
  static Distribution triangular(double min, double mode, double max) {
    return new Triangular(min, mode, max);
  }

  /**
   * Resamples observed durations, each with equal probability: a distribution taken from a service's own
   * records.
   *
   * <pre>{@code Distribution.empirical(Vector.of(3.0, 5.0, 8.0, 21.0)); }</pre>
   *
   * @param observations durations measured in the service, in days, at least one
   * @return a distribution whose mean is the observations' mean
   * @throws org.casemgmt.InvalidInputException if there are no observations or one is negative or not finite
   */
  static Distribution empirical(Seq<Double> observations) {
    return new Empirical(observations);
  }

  /**
   * A constant duration.
   *
   * @param days the duration, in days, not negative
   */
  record Constant(double days) implements Distribution {
    /** Throws {@link org.casemgmt.InvalidInputException} if the duration is negative or not finite. */
    public Constant {
      Check.orThrow(Inputs.atLeast("days", days, 0));
    }

    @Override
    public double sample(RandomGenerator random) {
      Check.notNull(random, "random");
      return days;
    }

    @Override
    public double mean() {
      return days;
    }
  }

  /**
   * A uniform duration on {@code [min, max]}.
   *
   * @param min the shortest duration, in days, not negative
   * @param max the longest duration, in days, at least {@code min}
   */
  record Uniform(double min, double max) implements Distribution {
    /** Throws {@link org.casemgmt.InvalidInputException} if a bound is negative or not finite, or {@code max < min}. */
    public Uniform {
      Check.orThrow(Inputs.atLeast("min", min, 0), Inputs.atLeast("max", max, 0),
          Inputs.require(!(max < min), "max", "must not be below min"));
    }

    @Override
    public double sample(RandomGenerator random) {
      Check.notNull(random, "random");
      return min + (max - min) * random.nextDouble();
    }

    @Override
    public double mean() {
      return (min + max) / 2;
    }
  }

  /**
   * An exponential duration.
   *
   * @param mean the mean duration, in days, above 0 and at most {@link #MAX_MEAN}
   */
  record Exponential(double mean) implements Distribution {
    /**
     * The largest mean, in days: a draw is at most about 37 means (the uniform is at least 2^-53 from 1), so
     * every sample stays finite.
     */
    public static final double MAX_MEAN = 1e12;

    /** Throws {@link org.casemgmt.InvalidInputException} unless the mean is above 0 and at most {@link #MAX_MEAN}. */
    public Exponential {
      Check.orThrow(Inputs.above("mean", mean, 0), Inputs.atMost("mean", mean, MAX_MEAN));
    }

    @Override
    public double sample(RandomGenerator random) {
      Check.notNull(random, "random");
      // Inversion rather than nextExponential(): one uniform per draw, the same on every JDK.
      return -mean * Math.log(1.0 - random.nextDouble());
    }
  }

  /**
   * A log-normal duration.
   *
   * @param mu    the mean of the duration's logarithm, from -700 to {@link #MAX_MU}
   * @param sigma the standard deviation of the duration's logarithm, from 0 to {@link #MAX_SIGMA}
   */
  record LogNormal(double mu, double sigma) implements Distribution {
    /** The largest {@code mu}: with {@link #MAX_SIGMA}, {@code mu + sigma·g} stays far below 709 for any Gaussian draw. */
    public static final double MAX_MU = 50;
    /** The largest {@code sigma}. */
    public static final double MAX_SIGMA = 10;

    /** Throws {@link org.casemgmt.InvalidInputException} if a parameter is outside its range or not finite. */
    public LogNormal {
      Check.orThrow(Inputs.atLeast("mu", mu, -700), Inputs.atMost("mu", mu, MAX_MU),
          Inputs.atLeast("sigma", sigma, 0), Inputs.atMost("sigma", sigma, MAX_SIGMA));
    }

    @Override
    public double sample(RandomGenerator random) {
      Check.notNull(random, "random");
      return Math.exp(mu + sigma * random.nextGaussian());
    }

    @Override
    public double mean() {
      return Math.exp(mu + sigma * sigma / 2);
    }
  }

  /**
   * A triangular duration.
   *
   * @param min  the shortest duration, in days, not negative
   * @param mode the most likely duration, in days, from {@code min} to {@code max}
   * @param max  the longest duration, in days, above {@code min}
   */
  record Triangular(double min, double mode, double max) implements Distribution {
    /**
     * Throws {@link org.casemgmt.InvalidInputException} unless {@code 0 <= min <= mode <= max} and {@code min < max}.
     */
    public Triangular {
      Check.orThrow(Inputs.atLeast("min", min, 0), Inputs.atLeast("mode", mode, 0), Inputs.atLeast("max", max, 0),
          Inputs.require(!(mode < min) && !(max < mode) && min < max, "mode",
              "needs min <= mode <= max and min < max"));
    }

    @Override
    public double sample(RandomGenerator random) {
      Check.notNull(random, "random");
      double u = random.nextDouble();
      double split = (mode - min) / (max - min);
      return u < split
          ? min + Math.sqrt(u * (max - min) * (mode - min))
          : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    }

    @Override
    public double mean() {
      return (min + mode + max) / 3;
    }
  }

  /**
   * Durations resampled from observations.
   *
   * @param observations the observed durations, in days, at least one, each finite and not negative
   */
  record Empirical(Seq<Double> observations) implements Distribution {
    /**
     * Throws {@link org.casemgmt.InvalidInputException} if there is no observation or one is negative or not finite.
     */
    public Empirical {
      Check.orThrow(Check.elements("observations", observations, true));
      Check.orThrow(Inputs.require(observations.forAll(d -> Double.isFinite(d) && d >= 0), "observations",
          "every observation must be finite and not negative"));
      observations = Vector.ofAll(observations);
    }

    @Override
    public double sample(RandomGenerator random) {
      Check.notNull(random, "random");
      return observations.get(random.nextInt(observations.size()));
    }

    @Override
    public double mean() {
      return observations.foldLeft(0.0, Double::sum) / observations.size();
    }
  }
}
