package org.casemgmt.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.EnumSet;
import java.util.Set;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.need.Need;
import org.casemgmt.plan.Intervention;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Meta-tests: the checker must catch deliberately broken rules, each injected through the pluggable system
 * under test, and shrink the failing sequence to at most ten commands. Seeds are fixed so these tests are
 * deterministic; each bug is found well within the sequences given.
 */
class ModelCheckerTest {

  private static final SystemUnderTest REAL = SystemUnderTest.real();

  /**
   * Accepts a command the real rules refused, by recording the events the broken rule would have produced,
   * numbered after the case's version and stamped with the command's envelope.
   */
  private static SystemUnderTest.Handled accept(CaseFile state, IssuedCommand command, CaseEvent... events) {
    Issued issued = command.issued();
    Seq<RecordedEvent> recorded = List.of(events).zipWithIndex().map(e ->
        new RecordedEvent(state.id(), state.version() + 1 + e._2, issued.actor(), issued.at(), e._1));
    return new SystemUnderTest.Handled(Either.right(recorded), state.evolve(recorded));
  }

  private static ModelChecker.Failure caught(SystemUnderTest broken, long seed) {
    return caught(broken, seed, 10);
  }

  /** As above, for a bug that only a longer story can reach: at most {@code longest} commands after the opening. */
  private static ModelChecker.Failure caught(SystemUnderTest broken, long seed, int longest) {
    ModelChecker.Result result = ModelChecker.forCaseFiles().systemUnderTest(broken).seed(seed).sequences(3000).run();
    assertFalse(result.passed(), "the broken rule was not caught in " + result.summary());
    ModelChecker.Failure failure = result.failure().getOrElseThrow(IllegalStateException::new);
    System.out.println(failure.report());
    assertTrue(failure.failingCase().commands().size() <= longest,
        () -> "not shrunk to " + longest + " commands or fewer:\n" + failure.report());
    return failure;
  }

  @Nested
  class Catches_a_broken_rule {

    @Test
    void an_overlap_check_off_by_one_day() {
      SystemUnderTest offByOne = (state, command) -> {
        SystemUnderTest.Handled real = REAL.handle(state, command);
        if (real.answer().swap().getOrNull() instanceof Rejection.OverlappingIntervention o && o.sharedDays().days() == 1
            && command.command() instanceof Command.PlanIntervention p) {
          Intervention planned = Intervention.of(p.intervention(), p.needs(), p.goals(), p.provider().id(), p.service(),
              p.window(), p.cost());
          return accept(state, command, new CaseEvent.InterventionPlanned(planned, p.provider()));
        }
        return real;
      };
      ModelChecker.Failure failure = caught(offByOne, 11L);
      assertEquals(CaseInvariants.NO_OVERLAP.name(), failure.invariant());
      assertEquals(CommandKind.PLAN_INTERVENTION,
          failure.failingCase().commands().get(failure.failingStep() - 1).kind());
    }

    @Test
    void a_start_allowed_after_the_window_has_ended() {
      SystemUnderTest late = (state, command) -> {
        SystemUnderTest.Handled real = REAL.handle(state, command);
        if (real.answer().swap().getOrNull() instanceof Rejection.StartAfterWindow
            && command.command() instanceof Command.StartIntervention c) {
          return accept(state, command, new CaseEvent.InterventionStarted(c.intervention(), c.on()));
        }
        return real;
      };
      ModelChecker.Failure failure = caught(late, 33L);
      assertEquals(CaseInvariants.STARTED_WITHIN_WINDOW.name(), failure.invariant());
      assertEquals(CommandKind.START_INTERVENTION,
          failure.failingCase().commands().get(failure.failingStep() - 1).kind());
    }

    @Test
    void a_review_allowed_before_the_last_review() {
      SystemUnderTest backwards = (state, command) -> {
        SystemUnderTest.Handled real = REAL.handle(state, command);
        if (real.answer().swap().getOrNull() instanceof Rejection.ReviewBeforeLastReview
            && command.command() instanceof Command.RecordReview c) {
          // What the review would record a day after the last one, recorded on the day given.
          IssuedCommand later = IssuedCommand.of(command.issued(), new Command.RecordReview(
              state.lastReviewOn().getOrElseThrow(IllegalStateException::new), c.findings(), c.decision()));
          Seq<RecordedEvent> events = REAL.handle(state, later).answer().getOrElse(List.empty());
          if (!events.isEmpty()) {
            return accept(state, command, new CaseEvent.ReviewRecorded(c.on(), c.findings(), c.decision()));
          }
        }
        return real;
      };
      // A second review needs a started intervention of an approved plan: twelve commands at the least.
      ModelChecker.Failure failure = caught(backwards, 46L, 13);
      assertEquals(CaseInvariants.TIME_MOVES_FORWARD.name(), failure.invariant());
    }

    @Test
    void a_step_allowed_before_the_one_it_follows() {
      SystemUnderTest backdated = (state, command) -> {
        SystemUnderTest.Handled real = REAL.handle(state, command);
        if (real.answer().swap().getOrNull() instanceof Rejection.IssuedBeforeLastStep) {
          // The events the command records when issued at the latest step, stamped with the earlier instant.
          Issued issued = command.issued();
          SystemUnderTest.Handled onTime = REAL.handle(state, IssuedCommand.of(
              new Issued(issued.actor(), state.lastRecordedAt(), issued.expectedVersion()), command.command()));
          if (onTime.accepted()) {
            return accept(state, command, onTime.answer().getOrElse(List.empty()).map(RecordedEvent::event)
                .toJavaArray(CaseEvent[]::new));
          }
        }
        return real;
      };
      ModelChecker.Failure failure = caught(backdated, 55L);
      assertEquals(CaseInvariants.TIME_MOVES_FORWARD.name(), failure.invariant());
    }

    @Test
    void a_skipped_phase_guard_that_lets_planning_start_at_intake() {
      SystemUnderTest skipsAssessment = (state, command) -> {
        Issued issued = command.issued();
        if (state.phase() == Phase.INTAKE && !state.suspended() && command.command() instanceof Command.StartPlanning p
            && issued.expectedVersion().forAll(v -> v == state.version())
            && !issued.at().isBefore(state.openedAt())) {
          // evolve follows the phase table, so the broken rule walks the case through an empty assessment
          return accept(state, command, new CaseEvent.AssessmentStarted(), new CaseEvent.AssessmentCompleted(),
              new CaseEvent.PlanningStarted(1, p.period(), p.coverageThreshold()));
        }
        return REAL.handle(state, command);
      };
      ModelChecker.Failure failure = caught(skipsAssessment, 22L);
      assertEquals(CaseInvariants.TRANSITIONS_IN_TABLE.name(), failure.invariant());
      assertEquals(1, failure.failingCase().commands().size(), failure.report());
    }

    @Test
    void a_rejection_that_still_changes_the_case() {
      SystemUnderTest leaky = (state, command) -> {
        SystemUnderTest.Handled real = REAL.handle(state, command);
        if (real.answer().swap().getOrNull() instanceof Rejection.DuplicateNeed
            && command.command() instanceof Command.RecordNeed n) {
          // records the need over the existing one before noticing the duplicate
          CaseFile changed = accept(state, command, new CaseEvent.NeedRecorded(
              Need.of(n.need(), n.domain(), n.description(), n.priority(), n.identifiedBy()))).after();
          return new SystemUnderTest.Handled(real.answer(), changed);
        }
        return real;
      };
      ModelChecker.Failure failure = caught(leaky, 33L);
      assertEquals(CaseInvariants.REJECTION_CHANGES_NOTHING.name(), failure.invariant());
      assertTrue(failure.failingCase().commands().size() <= 4, failure.report());
    }

    @Test
    void an_exception_in_the_system_under_test() {
      SystemUnderTest crashes = (state, command) -> {
        if (command.kind() == CommandKind.RECORD_REVIEW) {
          throw new IllegalStateException("broken on purpose");
        }
        return REAL.handle(state, command);
      };
      ModelChecker.Failure failure = caught(crashes, 44L);
      assertEquals("the system under test throws no exception", failure.invariant());
      assertTrue(failure.cause().isDefined());
    }

    @Test
    void a_user_invariant_and_reports_it_by_name() {
      Invariant neverThreeNeeds = Invariant.of("a case never has three needs", step -> step.after().needs().size() < 3);
      ModelChecker.Result result = ModelChecker.forCaseFiles().invariant(neverThreeNeeds).seed(55L).sequences(500)
          .run();
      ModelChecker.Failure failure = result.failure().getOrElseThrow(IllegalStateException::new);
      assertEquals("a case never has three needs", failure.invariant());
      // the shortest story: (extend the scope,) start the assessment, record three needs
      assertEquals(3, failure.failingCase().commands().count(c -> c.kind() == CommandKind.RECORD_NEED), failure.report());
      assertTrue(failure.failingCase().commands().size() <= 5, failure.report());
      assertEquals(failure.failingCase().commands().size(), failure.failingStep());
    }
  }

  @Nested
  class Reports {

    @Test
    void the_same_seed_gives_the_same_run_and_the_same_story() {
      Invariant neverPlanning = Invariant.of("never in planning", step -> step.after().phase() != Phase.PLANNING);
      ModelChecker checker = ModelChecker.forCaseFiles().invariant(neverPlanning).seed(7L).sequences(200);
      ModelChecker.Failure first = checker.run().failure().getOrElseThrow(IllegalStateException::new);
      ModelChecker.Failure second = checker.run().failure().getOrElseThrow(IllegalStateException::new);
      assertEquals(first.story(), second.story());
      assertEquals(first.sequenceSeed(), second.sequenceSeed());
    }

    @Test
    void a_failing_sequence_is_repeated_alone_from_its_own_seed() {
      Invariant neverPlanning = Invariant.of("never in planning", step -> step.after().phase() != Phase.PLANNING);
      ModelChecker.Failure first = ModelChecker.forCaseFiles().invariant(neverPlanning).seed(7L).sequences(200).run()
          .failure().getOrElseThrow(IllegalStateException::new);
      ModelChecker.Failure alone = ModelChecker.forCaseFiles().invariant(neverPlanning).seed(first.sequenceSeed())
          .sequences(1).run().failure().getOrElseThrow(IllegalStateException::new);
      assertEquals(first.story(), alone.story());
    }

    @Test
    void check_throws_an_assertion_error_with_the_seed_and_no_free_text() {
      Invariant neverPlanning = Invariant.of("never in planning", step -> step.after().phase() != Phase.PLANNING);
      AssertionError error = assertThrows(AssertionError.class,
          () -> ModelChecker.forCaseFiles().invariant(neverPlanning).seed(8L).sequences(200).check());
      assertTrue(error.getMessage().contains("-Dcasemgmt.seed="), error.getMessage());
      assertTrue(error.getMessage().contains("\"never in planning\" broken here"), error.getMessage());
      assertFalse(error.getMessage().contains("generated text"), error.getMessage());
      assertFalse(error.getMessage().contains("Client "), error.getMessage());
    }

    @Test
    void a_passing_run_counts_its_sequences_and_commands() {
      ModelChecker.Result result = ModelChecker.forCaseFiles().seed(9L).sequences(20).maxCommands(15).check();
      assertTrue(result.passed());
      assertEquals(20, result.sequences());
      assertEquals(20 * 15, result.commandsChecked());
    }
  }

  @Nested
  class Generated_sequences {

    @Test
    void accept_and_refuse_every_command_kind_and_reach_every_phase() {
      Set<CommandKind> accepted = EnumSet.noneOf(CommandKind.class);
      Set<CommandKind> refused = EnumSet.noneOf(CommandKind.class);
      Set<Phase> reached = EnumSet.noneOf(Phase.class);
      Set<String> rules = new java.util.TreeSet<>();
      ModelChecker.forCaseFiles().withoutCaseInvariants().seed(10L).sequences(1000)
          .invariant(Invariant.of("records coverage", step -> {
            (step.accepted() ? accepted : refused).add(step.command().kind());
            step.rejection().forEach(r -> rules.add(r.rule()));
            reached.add(step.after().phase());
            return true;
          }))
          .check();
      System.out.println("rejections seen: " + rules);
      Set<CommandKind> everyButOpening = EnumSet.complementOf(EnumSet.of(CommandKind.OPEN_CASE));
      assertEquals(everyButOpening, accepted, "kinds accepted");
      assertEquals(EnumSet.allOf(CommandKind.class), refused, "kinds refused");
      assertEquals(EnumSet.allOf(Phase.class), reached, "phases reached");
      for (String rule : List.of("OverlappingIntervention", "ExclusiveServiceOverlap", "DuplicateNeed",
          "UnknownIntervention", "DayBeforeOpening", "IssuedBeforeOpening", "VersionConflict", "CommandNotPermitted",
          "CaseAlreadyOpened", "WindowOutsidePlanPeriod", "BudgetExceeded", "UncoveredNeeds", "AgreementMissing")) {
        assertTrue(rules.contains(rule), "never refused with " + rule);
      }
    }
  }
}
