package org.casemgmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.io.StringWriter;
import java.util.SplittableRandom;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Priority;
import org.casemgmt.resource.ServiceKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SimulationTest {

  /** Everything a run writes, as text. */
  record Outputs(SimulationResult result, String csv, String xes, String daily) {}

  static Outputs runWithLogs(Scenario scenario) {
    StringWriter csv = new StringWriter();
    StringWriter xes = new StringWriter();
    StringWriter daily = new StringWriter();
    SimulationResult result = Simulation.run(scenario, SimulationListener.all(SimulationListener.csvEventLog(csv),
        SimulationListener.xesEventLog(xes), SimulationListener.dailyCsv(daily)));
    return new Outputs(result, csv.toString(), xes.toString(), daily.toString());
  }

  @Nested
  class Determinism {

    @Test
    void the_same_seed_gives_byte_identical_summary_event_logs_and_daily_series() {
      Scenario scenario = Scenarios.random(new SplittableRandom(5), 120);
      Outputs first = runWithLogs(scenario);
      Outputs second = runWithLogs(scenario);
      assertEquals(first.result(), second.result());
      assertEquals(first.result().toCsv(), second.result().toCsv());
      assertEquals(first.csv(), second.csv());
      assertEquals(first.xes(), second.xes());
      assertEquals(first.daily(), second.daily());
      assertTrue(first.result().arrived() > 0);
    }

    @Test
    void a_run_told_to_nobody_gives_exactly_the_result_of_a_run_that_streams_everything() {
      // Without a listener the run prepares nothing for one (no daily ticks, no event streaming, opening without
      // the replay check): the decisions, and so every figure, must not change.
      SplittableRandom r = new SplittableRandom(17);
      for (int i = 0; i < 8; i++) {
        Scenario scenario = Scenarios.random(r, 300);
        SimulationResult quiet = Simulation.run(scenario);
        assertEquals(runWithLogs(scenario).result(), quiet, () -> "for " + scenario);
        assertTrue(quiet.commandsAccepted() > quiet.arrived(), () -> "for " + scenario);
      }
    }

    @Test
    void another_seed_gives_another_history() {
      Scenario scenario = Scenarios.smallReference(1).toBuilder().horizonDays(60).build();
      assertNotEquals(runWithLogs(scenario).csv(), runWithLogs(scenario.withSeed(2)).csv());
    }

    @Test
    void replications_do_not_depend_on_the_thread_that_ran_them() {
      Scenario scenario = Scenarios.smallReference(3).toBuilder().horizonDays(120).build();
      assertEquals(Simulation.replications(scenario, 3), Simulation.replications(scenario, 3));
    }
  }

  @Nested
  class The_reference_model {

    @Test
    void a_scaled_down_run_behaves_like_the_reference_statistics() {
      // 2 arrivals a day, 8 managers for Exp(3) assessments (utilisation 0.75 as in BENCHMARKS.md §3).
      SimulationResult r = Simulation.run(Scenarios.smallReference(42));
      assertEquals(r.arrived(), r.closed() + r.openAtEnd());
      assertEquals(0, r.totalRejections(), () -> "rejections: " + r.rejections());
      assertEquals(r.closed(), r.closureReasons().get(ClosureReason.GOALS_ACHIEVED).getOrElse(0L));
      assertEquals(0.75, r.managerUtilisation(), 0.08);
      assertEquals(3.0, r.meanTimePerPhase().get(org.casemgmt.casefile.Phase.ASSESSMENT).getOrElse(0.0), 0.4);
      // Loop-backs: a fifth of the evaluations re-plan.
      long evaluations = r.closed() + r.loopBacks().get(LoopBack.REPLAN).getOrElse(0L);
      assertEquals(0.2, (double) r.loopBacks().get(LoopBack.REPLAN).getOrElse(0L) / evaluations, 0.05);
      assertTrue(r.reviews() > 0 && r.modelEvents() > r.arrived() * 5);
    }
  }

  @Nested
  class Validation_against_queueing_theory {

    /** Erlang C: the probability that an arrival waits, for offered load a = λ/μ and c servers. */
    static double erlangC(double a, int c) {
      double sum = 0;
      double term = 1;
      for (int k = 0; k < c; k++) {
        sum += term;
        term *= a / (k + 1);
      }
      double last = term * c / (c - a); // a^c / c! · c / (c − a)
      return last / (sum + last);
    }

    @Test
    void the_mean_wait_for_a_case_manager_matches_erlang_c_in_an_m_m_c_model() {
      double lambda = 2;
      double mu = 1;
      int c = 3;
      double theory = erlangC(lambda / mu, c) / (c * mu - lambda); // Wq = C(c, a) / (cμ − λ) = 4/9 day
      ReplicationSummary s = Simulation.replications(Scenarios.mmc(lambda, mu, c, 1500, 2024), 8);
      Estimate wait = s.metric("mean_wait_for_manager");
      assertTrue(wait.contains(theory), () -> "Wq theory " + theory + ", simulated " + wait);
      // The run is long enough for the interval to say something: within 15 % of the value.
      assertTrue(wait.halfWidth() < 0.15 * theory, () -> "interval too wide: " + wait);
      Estimate utilisation = s.metric("manager_utilisation");
      assertEquals(lambda / (c * mu), utilisation.mean(), 0.02);
    }

    @Test
    void littles_law_holds_on_every_run() {
      SplittableRandom r = new SplittableRandom(99);
      List<Scenario> scenarios = List.of(Scenarios.smallReference(4), Scenarios.mmc(2, 1, 3, 400, 5))
          .appendAll(List.range(0, 4).map(i -> Scenarios.random(r, 400)));
      for (Scenario scenario : scenarios) {
        SimulationResult res = Simulation.run(scenario);
        double l = res.meanCasesInSystem();
        double lambdaW = res.arrivalRate() * res.meanTimeInSystem();
        // Edge effects (empty start, cases open at the horizon) are of the order of W / T.
        double tolerance = 0.05 + 2 * res.meanTimeInSystem() / res.horizonDays();
        assertEquals(l, lambdaW, tolerance * l, () -> "L = " + l + ", λW = " + lambdaW + " for " + scenario);
      }
    }
  }

  @Nested
  class The_rules_apply {

    @Test
    void interventions_the_rules_refuse_are_counted_by_rule_and_the_cases_go_on() {
      // Two needs that both call for a residential placement: a person lives in one place at a time.
      InterventionProfile placement =
          Scenarios.intervention(ServiceKind.RESIDENTIAL_PLACEMENT, Distribution.constant(20), 500);
      Scenario scenario = Scenario.builder()
          .horizonDays(200)
          .arrivalsPerDay(1)
          .managers(3, 10)
          .need(new NeedProfile(LifeDomain.HOUSING, Priority.HIGH, 1.0, List.of(placement)))
          .need(new NeedProfile(LifeDomain.SAFETY, Priority.HIGH, 1.0, List.of(placement)))
          .goalsAchievedProbability(1.0)
          .seed(8)
          .build();
      SimulationResult r = Simulation.run(scenario);
      assertTrue(r.rejections().get("ExclusiveServiceOverlap").getOrElse(0L) > 0, () -> r.rejections().toString());
      assertTrue(r.closureReasons().get(ClosureReason.GOALS_ACHIEVED).getOrElse(0L) > 0);
    }

    @Test
    void a_reassessment_while_interventions_run_goes_on_to_a_new_plan_version_without_refusals() {
      // Reviews fall while the Exp(90) interventions run; a reassessment must not end the case as a transfer.
      Scenario scenario = Scenarios.smallReference(11).toBuilder().reviewDecisions(0, 0.3).horizonDays(240).build();
      SimulationResult r = Simulation.run(scenario);
      assertTrue(r.loopBacks().get(LoopBack.REASSESS).getOrElse(0L) > 10, () -> r.loopBacks().toString());
      assertEquals(0, r.totalRejections(), () -> "rejections: " + r.rejections());
      assertEquals(0L, r.closureReasons().get(ClosureReason.TRANSFERRED).getOrElse(0L));
    }

    @Test
    void a_case_without_needs_is_closed_after_its_assessment_as_no_needs_identified() {
      Scenario scenario = Scenarios.smallReference(6).toBuilder()
          .needs(List.of(new NeedProfile(LifeDomain.WORK, Priority.LOW, 0.0,
              List.of(Scenarios.intervention(ServiceKind.TRAINING, Distribution.constant(5), 10)))))
          .horizonDays(60)
          .build();
      SimulationResult r = Simulation.run(scenario);
      assertTrue(r.closed() > 0);
      assertEquals(r.closed(), r.closureReasons().get(ClosureReason.NO_NEEDS_IDENTIFIED).getOrElse(0L));
    }

    @Test
    void explicit_arrival_days_are_honoured() {
      Scenario scenario = Scenarios.smallReference(7).toBuilder()
          .arrivalDays(List.of(0.5, 1.0, 1.0, 30.0, 400.0)).horizonDays(100).build();
      SimulationResult r = Simulation.run(scenario);
      assertEquals(4, r.arrived());
    }

    @Test
    void a_case_waits_for_a_place_when_every_caseload_is_full() {
      Scenario scenario = Scenarios.smallReference(9).toBuilder()
          .managers(1, 2).managerHold(ManagerHold.UNTIL_CLOSURE).horizonDays(200).build();
      SimulationResult r = Simulation.run(scenario);
      assertTrue(r.meanWaitForManager() > 10, () -> "wait " + r.meanWaitForManager());
      assertTrue(r.managerUtilisation() > 0.9);
    }
  }

  @Test
  void the_summary_csv_lists_every_metric_once() {
    String csv = Simulation.run(Scenarios.smallReference(1).toBuilder().horizonDays(90).build()).toCsv();
    List<String> metrics = List.of(csv.split("\n")).tail().map(line -> line.substring(0, line.indexOf(',')));
    assertEquals(metrics.size(), metrics.distinct().size());
    assertTrue(metrics.containsAll(List.of("arrived", "closed", "open_at_end", "mean_time_in_system",
        "mean_wait_for_manager", "manager_utilisation", "reviews", "total_cost", "model_events")));
  }
}
