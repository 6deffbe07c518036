package org.casemgmt.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.control.Either;
import java.util.Arrays;
import java.util.Random;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.examples.bench.MutableCase.Kind;
import org.casemgmt.testkit.ModelChecker;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Runs one operation of each benchmark outside JMH, so the benchmarks stay valid as the API and the rules
 * change: every command of the workloads is accepted by casemgmt and by the baselines, and the baselines
 * accept and refuse exactly what casemgmt does for the non-overlap rule they stand in for.
 */
class BenchmarkWorkloadsTest {

  /** Who issues every command of the workloads, and when. */
  static final Issued ANNA = ReferenceLifecycleBenchmark.ANNA;

  @Nested
  class The_reference_lifecycle {

    @Test
    void one_case_goes_through_casemgmt_from_intake_to_closure_with_every_command_accepted() {
      ReferenceLifecycleBenchmark benchmark = new ReferenceLifecycleBenchmark();
      benchmark.prepare();

      CaseFile first = benchmark.casemgmt();
      CaseFile second = benchmark.casemgmt();

      assertEquals(Phase.CLOSED, first.phase());
      assertEquals(26, first.version(), "opening + 25 commands, each producing one event");
      assertEquals(5, first.currentPlan().map(p -> p.interventions().size()).getOrElse(0));
      assertNotEquals(first.id(), second.id(), "case ids come from the pre-built table");
    }

    @Test
    void one_case_goes_through_the_baseline_from_intake_to_closure_with_every_command_accepted() {
      ReferenceLifecycleBenchmark benchmark = new ReferenceLifecycleBenchmark();
      benchmark.prepare();

      MutableCase first = benchmark.baseline();
      MutableCase second = benchmark.baseline();

      assertEquals(MutableCase.Phase.CLOSED, first.phase());
      assertEquals(5, first.planSize());
      assertNotEquals(first.id(), second.id());
    }

    @Test
    void the_baseline_runs_the_24_commands_of_the_table_and_casemgmt_those_plus_a_goal_and_an_agreement() {
      assertEquals(24, 1 + ReferenceLifecycleBenchmark.baselineCommands().length);
      assertEquals(24 + 2, 1 + ReferenceLifecycleBenchmark.commands().length);
    }

    @Test
    void the_baseline_refuses_commands_out_of_phase_as_its_guards_say() {
      MutableCase c = MutableCase.linear("CASE-1");
      MutableCase.Command[] commands = ReferenceLifecycleBenchmark.baselineCommands();

      assertFalse(c.handle(commands[commands.length - 1]), "closing in INTAKE");
      assertTrue(c.handle(commands[0]));
      assertTrue(c.handle(commands[1]));
      assertFalse(c.handle(commands[1]), "the same need twice");
      assertFalse(c.handle(MutableCase.Command.of(MutableCase.Op.START_PLANNING)), "planning before the assessment is finished");
      assertEquals(MutableCase.Phase.ASSESSMENT, c.phase());
    }

    @Test
    void an_intervention_overlapping_one_of_the_same_need_and_kind_is_refused_by_casemgmt_and_the_baseline() {
      // Drive both sides to just after the five adds of the table.
      Command[] commands = ReferenceLifecycleBenchmark.commands();
      Either<Rejection, CaseFile> file = CaseFile.open(ANNA, ReferenceLifecycleBenchmark.openings(1)[0]);
      for (int i = 0; i < 12; i++) {
        Command command = commands[i];
        file = file.flatMap(c -> c.handle(ANNA, command));
      }
      CaseFile planning = file.getOrElseThrow(r -> new AssertionError(r.rule()));
      MutableCase baseline = MutableCase.linear("CASE-1");
      MutableCase.Command[] baselineCommands = ReferenceLifecycleBenchmark.baselineCommands();
      for (int i = 0; i < 11; i++) {
        assertTrue(baseline.handle(baselineCommands[i]));
      }
      assertEquals(5, baseline.planSize());

      // I-4 is COUNSELLING for need 1 over [30, 60): one shared day, adjacency, another kind.
      assertAgree(planning, baseline, 6, 1, Kind.COUNSELLING, 59, 61, false);
      assertAgree(planning, baseline, 6, 1, Kind.COUNSELLING, 60, 70, true);
      assertAgree(planning, baseline, 6, 1, Kind.HOUSING, 30, 60, true);
      assertAgree(planning, baseline, 4, 3, Kind.HOUSING, 100, 110, false); // id already used
    }

    private void assertAgree(CaseFile planning, MutableCase baseline, int id, int need, Kind kind, int start, int end,
        boolean expected) {
      boolean casemgmt = planning.handle(ANNA, PlanScalingBenchmark.add(id, need, kind, start, end)).isRight();
      assertEquals(expected, casemgmt, "casemgmt on I-" + id);
      assertEquals(expected, wouldAccept(baseline, PlanScalingBenchmark.baselineAdd(id, need, kind, start, end)),
          "baseline on I-" + id);
    }

    /** The baseline is mutable: replays the same commands on a copy and tries the add there. */
    private boolean wouldAccept(MutableCase planning, MutableCase.Command add) {
      MutableCase copy = MutableCase.linear("CASE-3");
      MutableCase.Command[] commands = ReferenceLifecycleBenchmark.baselineCommands();
      for (int i = 0; i < 11; i++) {
        copy.handle(commands[i]);
      }
      assertEquals(planning.planSize(), copy.planSize());
      return copy.handle(add);
    }
  }

  @Nested
  class Adding_n_interventions_to_one_plan {

    @Test
    void every_add_is_accepted_by_casemgmt_and_by_both_baselines() {
      PlanScalingBenchmark benchmark = new PlanScalingBenchmark();
      benchmark.n = 1000;
      benchmark.prepare();

      benchmark.freshBaselines();
      assertEquals(1000, benchmark.casemgmt().currentPlan().map(p -> p.interventions().size()).getOrElse(0));
      assertEquals(1000, benchmark.linearScan().planSize());
      assertEquals(1000, benchmark.sortedIndex().planSize());

      // A second operation starts again from an empty plan.
      benchmark.freshBaselines();
      assertEquals(1000, benchmark.casemgmt().currentPlan().map(p -> p.interventions().size()).getOrElse(0));
      assertEquals(1000, benchmark.linearScan().planSize());
      assertEquals(1000, benchmark.sortedIndex().planSize());
    }

    @Test
    void the_submission_order_is_a_seeded_permutation() {
      int[] order = PlanScalingBenchmark.submissionOrder(1000);
      int[] sorted = order.clone();
      Arrays.sort(sorted);

      for (int i = 0; i < sorted.length; i++) {
        assertEquals(i, sorted[i]);
      }
      assertTrue(Arrays.equals(order, PlanScalingBenchmark.submissionOrder(1000)), "same seed, same order");
      assertFalse(Arrays.equals(order, sorted), "shuffled");
    }

    @Test
    void both_baselines_accept_and_refuse_random_interventions_exactly_as_casemgmt_does() {
      long seed = 20_260_105L;
      Random random = new Random(seed);
      int days = 400;
      CaseFile file = PlanScalingBenchmark.planningCase(8 * days / 10);
      MutableCase linear = PlanScalingBenchmark.baselineInPlanning(MutableCase.linear("CASE-1"));
      MutableCase sorted = PlanScalingBenchmark.baselineInPlanning(MutableCase.sorted("CASE-1"));
      int accepted = 0;
      for (int step = 0; step < 3000; step++) {
        int id = 1 + random.nextInt(1500);
        int need = 1 + random.nextInt(4);
        Kind kind = random.nextBoolean() ? Kind.COUNSELLING : Kind.HOUSING;
        int start = random.nextInt(days - 1);
        int end = Math.min(days, start + 1 + random.nextInt(12));
        MutableCase.Command baselineAdd = PlanScalingBenchmark.baselineAdd(id, need, kind, start, end);

        Either<Rejection, CaseFile> next = file.handle(ANNA, PlanScalingBenchmark.add(id, need, kind, start, end));
        boolean byLinear = linear.handle(baselineAdd);
        boolean bySorted = sorted.handle(baselineAdd);

        String where = "seed " + seed + ", step " + step + ", I-" + id + " N-" + need + " " + kind + " [" + start + ", "
            + end + ")";
        assertEquals(next.isRight(), byLinear, "linear scan vs casemgmt at " + where);
        assertEquals(next.isRight(), bySorted, "sorted index vs casemgmt at " + where);
        next.swap().forEach(r -> assertTrue(
            r instanceof Rejection.OverlappingIntervention || r instanceof Rejection.DuplicateIntervention,
            "casemgmt refused for another rule (" + r.rule() + ") at " + where));
        if (next.isRight()) {
          accepted++;
          file = next.getOrNull();
        }
      }
      assertEquals(accepted, linear.planSize());
      assertEquals(accepted, sorted.planSize());
      assertEquals(accepted, file.currentPlan().map(p -> p.interventions().size()).getOrElse(-1));
      assertTrue(accepted > 100 && accepted < 3000, "both outcomes are exercised: " + accepted + " accepted");
    }
  }

  @Nested
  class The_cost_of_each_command {

    @Test
    void its_steps_are_the_lifecycle_s_commands_in_order_and_each_is_accepted_on_the_case_before_it()
        throws NoSuchFieldException {
      String[] steps = CommandCostBenchmark.Step.class.getField("step")
          .getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
      Command[] commands = ReferenceLifecycleBenchmark.commands();
      assertEquals(commands.length, steps.length, "one step per command after opening");
      CommandCostBenchmark benchmark = new CommandCostBenchmark();
      for (int k = 0; k < steps.length; k++) {
        assertEquals(k, CommandCostBenchmark.indexOf(commands, steps[k]), steps[k]);
        CommandCostBenchmark.Step step = new CommandCostBenchmark.Step();
        step.step = steps[k];
        step.prepare();
        CaseFile after = benchmark.command(step);
        assertEquals(k + 2, after.version(), steps[k] + ": opening, the steps before it and itself");
        assertEquals(after, benchmark.command(step), steps[k] + ": the same step again gives the same case file");
      }
    }

    @Test
    void a_step_the_lifecycle_does_not_have_is_refused_with_its_name() {
      Command[] commands = ReferenceLifecycleBenchmark.commands();
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> CommandCostBenchmark.indexOf(commands, "PLAN_INTERVENTION#6"));
      assertTrue(e.getMessage().contains("PLAN_INTERVENTION#6"));
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> CommandCostBenchmark.indexOf(commands, "PLAN_INTERVENTION"));
    }

    @Test
    void the_baseline_runs_a_whole_case() {
      CommandCostBenchmark.Baseline baseline = new CommandCostBenchmark.Baseline();
      baseline.prepare();
      assertEquals(MutableCase.Phase.CLOSED, new CommandCostBenchmark().baselinePerCommand(baseline).phase());
    }
  }

  @Nested
  class The_simulation_at_another_arrival_rate {

    @Test
    void has_about_as_many_model_events_as_the_reference_with_a_fifth_of_the_cases_open() {
      org.casemgmt.simulation.SimulationResult reference =
          org.casemgmt.simulation.Simulation.run(SimulationBenchmark.atArrivalRate(10, 1));
      org.casemgmt.simulation.SimulationResult slower =
          org.casemgmt.simulation.Simulation.run(SimulationBenchmark.atArrivalRate(2, 1));

      assertEquals(reference.modelEvents(), slower.modelEvents(), 0.03 * reference.modelEvents());
      // Little's law: the mean number of cases open is the arrival rate times the mean time in system.
      double openReference = 10 * reference.meanTimeInSystem();
      double openSlower = 2 * slower.meanTimeInSystem();
      assertEquals(5, openReference / openSlower, 0.5);
      assertEquals(0, reference.totalRejections());
      assertEquals(0, slower.totalRejections());
    }
  }

  @Nested
  class Replay {

    @Test
    void both_histories_replay_verified_and_trusted_to_the_same_case_file() {
      for (String history : new String[] {"lifecycle", "long"}) {
        ReplayBenchmark benchmark = new ReplayBenchmark();
        benchmark.history = history;
        benchmark.prepare();
        assertEquals(benchmark.verified(), benchmark.trusted(), history);
      }
    }

    @Test
    void the_lifecycle_history_is_the_reference_case_closed_and_the_long_one_holds_500_events_in_monitoring() {
      assertEquals(26, ReplayBenchmark.lifecycle().size());
      assertEquals(Phase.CLOSED, CaseFile.replay(ReplayBenchmark.lifecycle()).map(CaseFile::phase).getOrNull());
      assertEquals(500, ReplayBenchmark.longCase(500).size());
      assertEquals(Phase.MONITORING, CaseFile.replay(ReplayBenchmark.longCase(500)).map(CaseFile::phase).getOrNull());
    }
  }
  @Nested
  class The_model_checker_on_one_thread_and_on_all_cores {

    @Test
    void checks_the_same_sequences_and_counts_the_same_commands() {
      ModelCheckerBenchmark.Commands one = new ModelCheckerBenchmark.Commands();
      ModelCheckerBenchmark.Commands all = new ModelCheckerBenchmark.Commands();
      ModelCheckerBenchmark benchmark = new ModelCheckerBenchmark();
      ModelChecker.Result onOne = benchmark.oneThread(one);
      ModelChecker.Result onAll = benchmark.allCores(all);
      assertEquals(ModelCheckerBenchmark.SEQUENCES * (long) ModelChecker.DEFAULT_MAX_COMMANDS, one.commands);
      assertEquals(one.commands, all.commands);
      assertEquals(onOne.masterSeed(), onAll.masterSeed());
      assertEquals(ModelCheckerBenchmark.SEQUENCES, onAll.sequences());
    }
  }
}
