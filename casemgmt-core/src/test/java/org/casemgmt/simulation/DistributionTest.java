package org.casemgmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.casemgmt.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DistributionTest {

  static Stream<Distribution> distributions() {
    return Stream.of(Distribution.constant(2), Distribution.uniform(1, 5), Distribution.exponential(3),
        Distribution.lognormal(Math.log(10), 0.5), Distribution.triangular(1, 2, 9),
        Distribution.empirical(List.of(1.0, 2.0, 4.0, 9.0)));
  }

  @ParameterizedTest
  @MethodSource("distributions")
  void the_sample_mean_approaches_the_theoretical_mean(Distribution d) {
    SplittableRandom random = new SplittableRandom(7);
    int n = 200_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = d.sample(random);
      assertTrue(x >= 0 && Double.isFinite(x), () -> d + " drew " + x);
      sum += x;
    }
    assertEquals(d.mean(), sum / n, d.mean() * 0.01, d::toString);
  }

  @ParameterizedTest
  @MethodSource("distributions")
  void the_same_generator_state_gives_the_same_samples(Distribution d) {
    SplittableRandom a = new SplittableRandom(11);
    SplittableRandom b = new SplittableRandom(11);
    for (int i = 0; i < 100; i++) {
      assertEquals(d.sample(a), d.sample(b));
    }
  }

  @Test
  void a_triangular_sample_stays_within_its_bounds() {
    SplittableRandom random = new SplittableRandom(3);
    Distribution d = Distribution.triangular(2, 3, 4);
    for (int i = 0; i < 10_000; i++) {
      double x = d.sample(random);
      assertTrue(x >= 2 && x <= 4);
    }
  }

  @Nested
  class Invalid_parameters {

    @Test
    void a_negative_constant_is_rejected() {
      assertThrows(InvalidInputException.class, () -> Distribution.constant(-1));
    }

    @Test
    void an_exponential_without_a_positive_mean_is_rejected() {
      assertThrows(InvalidInputException.class, () -> Distribution.exponential(0));
      assertThrows(InvalidInputException.class, () -> Distribution.exponential(Double.NaN));
    }

    @Test
    void an_inverted_uniform_is_rejected() {
      assertThrows(InvalidInputException.class, () -> Distribution.uniform(5, 1));
    }

    @Test
    void a_triangular_with_the_mode_outside_its_bounds_is_rejected() {
      assertThrows(InvalidInputException.class, () -> Distribution.triangular(1, 7, 5));
    }

    @Test
    void an_empirical_distribution_needs_non_negative_observations() {
      assertThrows(InvalidInputException.class, () -> Distribution.empirical(List.empty()));
      assertThrows(InvalidInputException.class, () -> Distribution.empirical(List.of(1.0, -2.0)));
    }

    @Test
    void a_lognormal_with_a_negative_sigma_is_rejected() {
      assertThrows(InvalidInputException.class, () -> Distribution.lognormal(1, -0.1));
    }

    @Test
    void parameters_whose_samples_could_overflow_are_rejected_and_the_largest_accepted_ones_stay_finite() {
      assertThrows(InvalidInputException.class, () -> Distribution.exponential(1e13));
      assertThrows(InvalidInputException.class, () -> Distribution.lognormal(800, 0));
      assertThrows(InvalidInputException.class, () -> Distribution.lognormal(0, 11));
      java.util.SplittableRandom random = new java.util.SplittableRandom(7);
      for (Distribution extreme : List.of(Distribution.exponential(Distribution.Exponential.MAX_MEAN),
          Distribution.lognormal(Distribution.LogNormal.MAX_MU, Distribution.LogNormal.MAX_SIGMA))) {
        for (int i = 0; i < 100_000; i++) {
          double sample = extreme.sample(random);
          assertTrue(Double.isFinite(sample) && sample >= 0, extreme + " drew " + sample);
        }
        assertTrue(Double.isFinite(extreme.mean()), extreme.toString());
      }
    }
  }
}
