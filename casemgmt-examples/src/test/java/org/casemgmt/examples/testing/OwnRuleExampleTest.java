package org.casemgmt.examples.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.casemgmt.testkit.ModelChecker;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class OwnRuleExampleTest {

  private final ModelChecker checker =
      ModelChecker.forCaseFiles().invariant(OwnRuleExample.AT_MOST_THREE_ACTIVE).seed(2026).sequences(3000);

  @Test
  void the_careful_service_keeps_the_organisation_s_rule_and_every_rule_of_casemgmt() {
    ModelChecker.Result result = checker.systemUnderTest(OwnRuleExample.carefulService()).sequences(1000).run();
    assertTrue(result.passed(), () -> result.failure().map(ModelChecker.Failure::report).getOrElse(""));
  }

  @Test
  void the_checker_finds_the_careless_service_s_off_by_one_and_shrinks_it_to_a_short_story() {
    ModelChecker.Result result = checker.systemUnderTest(OwnRuleExample.carelessService()).run();
    ModelChecker.Failure failure = result.failure().getOrElseThrow(() -> new AssertionError("not found"));
    assertEquals(OwnRuleExample.AT_MOST_THREE_ACTIVE.name(), failure.invariant());
    assertTrue(failure.failingCase().commands().size() <= 25, failure.report());
    assertTrue(failure.report().contains("START_INTERVENTION"), failure.report());
    assertTrue(failure.report().contains("-Dcasemgmt.seed="), "the report says how to repeat it");
  }

  @TestFactory
  Stream<DynamicTest> each_sequence_is_a_dynamic_test_of_the_careful_service() {
    return checker.systemUnderTest(OwnRuleExample.carefulService()).sequences(50).perSequence()
        .map(check -> DynamicTest.dynamicTest(check.name(), check::run));
  }

  @Test
  void a_dynamic_test_of_the_careless_service_fails_with_the_story() {
    AssertionError error = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> checker.systemUnderTest(OwnRuleExample.carelessService()).perSequence()
            .forEach(ModelChecker.NamedCheck::run));
    assertTrue(error.getMessage().contains("at most three interventions active at once"), error.getMessage());
  }
}
