package org.casemgmt.simulation;

import org.casemgmt.InputError;
import org.casemgmt.InputError.Problem;

/**
 * Checks of numeric simulation parameters, in the style of {@link org.casemgmt.internal.Check}: each answers
 * {@code null} when the value is fine, so a constructor reports every problem at once.
 */
final class Inputs {

  private Inputs() {}

  /** A finite number of at least {@code min}. */
  static InputError atLeast(String field, double value, double min) {
    if (!Double.isFinite(value)) {
      return new InputError(field, Problem.MALFORMED, "must be a finite number");
    }
    return value < min ? new InputError(field, Problem.OUT_OF_RANGE, "must be at least " + min + ", got " + value) : null;
  }

  /** A finite number of at most {@code max} (a non-finite one is reported by the other checks). */
  static InputError atMost(String field, double value, double max) {
    return Double.isFinite(value) && value > max
        ? new InputError(field, Problem.OUT_OF_RANGE, "must be at most " + max + ", got " + value)
        : null;
  }

  /** A finite number strictly above {@code min}. */
  static InputError above(String field, double value, double min) {
    if (!Double.isFinite(value)) {
      return new InputError(field, Problem.MALFORMED, "must be a finite number");
    }
    return value <= min ? new InputError(field, Problem.OUT_OF_RANGE, "must be above " + min + ", got " + value) : null;
  }

  /** A probability in {@code [0, 1]}. */
  static InputError probability(String field, double value) {
    if (!Double.isFinite(value) || value < 0 || value > 1) {
      return new InputError(field, Problem.OUT_OF_RANGE, "must be a probability in [0, 1], got " + value);
    }
    return null;
  }

  /** A condition that must hold, with the detail to report when it does not. */
  static InputError require(boolean condition, String field, String detail) {
    return condition ? null : new InputError(field, Problem.OUT_OF_RANGE, detail);
  }
}
