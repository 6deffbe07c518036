package org.casemgmt.testkit;

import java.util.function.Predicate;
import org.casemgmt.internal.Check;

/**
 * A rule that must hold after every step of every command sequence, with a name that appears in the report
 * when it breaks. {@link CaseInvariants} holds casemgmt's own; add yours with
 * {@link ModelChecker#invariant(Invariant)}.
 *
 * <pre>{@code
 * Invariant onlyAnnaHandsOver = Invariant.of("only anna hands a case over", step ->
 *     step.command().kind() != CommandKind.HAND_OVER || !step.accepted()
 *         || step.command().issued().actor().equals(StaffId.of("anna")));
 * }</pre>
 */
public interface Invariant {

  /** {@return the name shown when the invariant breaks: say what must hold, in the domain's words} */
  String name();

  /**
   * Whether the invariant holds after a step.
   *
   * @param step the step just taken
   * @return true if it holds
   * @throws org.casemgmt.InvalidInputException if the step is missing (as every invariant of {@link #of} and of
   *     {@link CaseInvariants} answers)
   */
  boolean holds(CheckedStep step);

  /**
   * An invariant from a name and a predicate.
   *
   * @param name  what must hold, in the domain's words; shown in the report when it breaks
   * @param check true when the invariant holds after the step
   * @return an invariant with that name and check
   */
  static Invariant of(String name, Predicate<CheckedStep> check) {
    Check.notNull(name, "name");
    Check.notNull(check, "check");
    return new Invariant() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean holds(CheckedStep step) {
        return check.test(Check.notNull(step, "step"));
      }

      @Override
      public String toString() {
        return "Invariant[" + name + "]";
      }
    };
  }
}
