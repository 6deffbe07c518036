package org.casemgmt.examples.testing;

import io.vavr.collection.List;
import io.vavr.control.Either;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.testkit.Invariant;
import org.casemgmt.testkit.ModelChecker;
import org.casemgmt.testkit.SystemUnderTest;

/**
 * How an organisation tests its own workflow rule on top of casemgmt's, with the testkit's model checker.
 *
 * <p>The rule: <em>a case has at most three interventions active at once</em> (the team cannot coordinate
 * more). The organisation enforces it in a service around the case file. The checker drives that service with
 * thousands of generated command sequences, checks casemgmt's invariants and the organisation's own after
 * every step, and — because the service below is deliberately careless (it counts "more than three" one too
 * late) — finds a sequence that breaks the rule, shrinks it, and prints it as a short story.
 *
 * <p>Run it: {@code mvn -q -pl casemgmt-examples -am compile exec:java
 * -Dexec.mainClass=org.casemgmt.examples.testing.OwnRuleExample}
 */
public final class OwnRuleExample {

  /** The policy's code, as its refusals carry it. */
  public static final String POLICY = "MAX_THREE_ACTIVE_INTERVENTIONS";

  /** The organisation's rule, as an invariant over every step: the whole property is these few lines. */
  public static final Invariant AT_MOST_THREE_ACTIVE = Invariant.of(
      "at most three interventions active at once",
      step -> step.after().currentPlan().forAll(plan ->
          plan.interventions().values().count(i -> i.status() == InterventionStatus.ACTIVE) <= 3));

  private OwnRuleExample() {}

  /**
   * The organisation's service: casemgmt's rules plus its own policy, checked before starting an
   * intervention. {@code limit} is how many may already be active when one more starts.
   */
  static SystemUnderTest serviceAllowingStartWhenActiveBelow(int limit) {
    SystemUnderTest casemgmt = SystemUnderTest.real();
    return (state, command) -> {
      if (command.command() instanceof Command.StartIntervention) {
        List<String> active = state.currentPlan()
            .map(p -> p.interventions().values().filter(i -> i.status() == InterventionStatus.ACTIVE)
                .map(Intervention::id).map(Object::toString).toList().sorted())
            .getOrElse(List.empty());
        if (active.size() >= limit) {
          return new SystemUnderTest.Handled(Either.left(new Rejection.PolicyViolation(POLICY, active)), state);
        }
      }
      return casemgmt.handle(state, command);
    };
  }

  /** The correct service: a fourth start is refused when three are active. */
  public static SystemUnderTest carefulService() {
    return serviceAllowingStartWhenActiveBelow(3);
  }

  /** The careless service: it lets a fourth intervention start (off by one). */
  public static SystemUnderTest carelessService() {
    return serviceAllowingStartWhenActiveBelow(4);
  }

  /**
   * Checks both services with a fixed seed and prints what the checker found.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    ModelChecker checker = ModelChecker.forCaseFiles().invariant(AT_MOST_THREE_ACTIVE).seed(2026).sequences(3000);

    ModelChecker.Result careful = checker.systemUnderTest(carefulService()).run();
    System.out.println("Careful service:  " + careful.summary());

    ModelChecker.Result careless = checker.systemUnderTest(carelessService()).run();
    System.out.println("Careless service: " + careless.summary());
    careless.failure().forEach(failure -> System.out.println(failure.report()));
  }

  /** A case file's count of active interventions, for tests. */
  static int active(CaseFile file) {
    return file.currentPlan()
        .map(p -> p.interventions().values().count(i -> i.status() == InterventionStatus.ACTIVE)).getOrElse(0);
  }
}
