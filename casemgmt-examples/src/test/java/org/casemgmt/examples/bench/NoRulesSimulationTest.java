package org.casemgmt.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.Simulation;
import org.casemgmt.simulation.SimulationResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NoRulesSimulationTest {

  private static void assertWithin(double expected, double actual, double relative, String what) {
    assertEquals(expected, actual, Math.abs(expected) * relative, () -> what + ": expected ≈ " + expected + ", got "
        + actual);
  }

  @Nested
  class The_reference_statistics {

    @Test
    void each_of_three_seeds_lands_near_the_figures_of_benchmarks_md() {
      for (long seed = 1; seed <= 3; seed++) {
        NoRulesSimulation.Result r = NoRulesSimulation.reference(seed);
        // BENCHMARKS.md §3: ≈ 36,400 arrivals, ≈ 35,200 completed, ≈ 117 days, ≈ 0.75, ≈ 8,800 loop-backs,
        // ≈ 111,000 reviews, ≈ 353,000 model events. Tolerances are a few standard deviations of one run.
        assertWithin(36_400, r.arrivals(), 0.02, "arrivals");
        assertWithin(35_200, r.completed(), 0.02, "completed");
        assertWithin(117, r.meanTimeInSystem(), 0.03, "mean time in system");
        assertWithin(0.75, r.utilisation(), 0.02, "utilisation");
        assertWithin(8_800, r.loopBacks(), 0.05, "loop-backs");
        assertWithin(111_000, r.reviews(), 0.03, "reviews");
        assertWithin(353_000, r.modelEvents(), 0.02, "model events");
      }
    }

    @Test
    void the_flow_obeys_the_model_probabilities() {
      NoRulesSimulation.Result r = NoRulesSimulation.reference(11);
      // A fifth of the evaluations loop back (evaluations = completions + loop-backs, up to the horizon).
      assertEquals(0.2, (double) r.loopBacks() / (r.completed() + r.loopBacks()), 0.01);
      // Reviews at 30, 60, … days while an Exp(90) implementation runs: Σ e^(−k/3) = 2.53 per implementation.
      double perImplementation = Math.exp(-1.0 / 3) / (1 - Math.exp(-1.0 / 3));
      double implementations = r.completed() + r.loopBacks();
      assertWithin(perImplementation, r.reviews() / implementations, 0.03, "reviews per implementation");
      // Utilisation is the offered load λ·E[S] / c = 10 · 3 / 40.
      assertEquals(0.75, r.utilisation(), 0.015);
    }

    @Test
    void it_agrees_with_the_simulation_on_the_real_rules() {
      SimulationResult rules = Simulation.run(Scenario.reference(5));
      NoRulesSimulation.Result plain = NoRulesSimulation.reference(5);
      assertWithin(rules.arrived(), plain.arrivals(), 0.02, "arrivals");
      assertWithin(rules.closed(), plain.completed(), 0.02, "completed");
      assertWithin(rules.meanTimeInSystem(), plain.meanTimeInSystem(), 0.03, "mean time in system");
      assertWithin(rules.managerUtilisation(), plain.utilisation(), 0.02, "utilisation");
      assertWithin(rules.totalLoopBacks(), plain.loopBacks(), 0.06, "loop-backs");
      assertWithin(rules.reviews(), plain.reviews(), 0.03, "reviews");
      assertWithin(rules.modelEvents(), plain.modelEvents(), 0.02, "model events");
    }
  }

  @Nested
  class Reproducibility {

    @Test
    void the_same_seed_gives_the_same_result_and_another_seed_another() {
      assertEquals(NoRulesSimulation.reference(3, 400), NoRulesSimulation.reference(3, 400));
      assertNotEquals(NoRulesSimulation.reference(3, 400), NoRulesSimulation.reference(4, 400));
    }

    @Test
    void a_horizon_that_is_not_above_zero_is_refused() {
      assertThrows(IllegalArgumentException.class, () -> NoRulesSimulation.reference(1, 0));
      assertThrows(IllegalArgumentException.class, () -> NoRulesSimulation.reference(1, Double.NaN));
    }

    @Test
    void over_a_century_the_mean_time_in_system_approaches_its_theoretical_value() {
      NoRulesSimulation.Result r = NoRulesSimulation.reference(2, 36_500);
      assertWithin(365_000, r.arrivals(), 0.01, "arrivals over 100 years");
      // 3 (assessment) + (2 + 90 + 2) / 0.8 (planning, implementation, evaluation, repeated 1.25 times on
      // average) = 120.5 days, plus a wait for a manager of about 0.04 day (Erlang C, 40 servers, load 30). The
      // reference's 117 days over ten years is lower because long cases still open at the horizon are not counted.
      assertWithin(3 + 94 / 0.8, r.meanTimeInSystem(), 0.015, "mean time in system over 100 years");
    }
  }
}
