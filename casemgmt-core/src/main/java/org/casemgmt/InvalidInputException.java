package org.casemgmt;

import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Thrown by casemgmt's constructors and factories when an argument is missing, blank, too long, negative,
 * or otherwise unusable. It lists <em>all</em> problems found, not only the first; its message names fields
 * and problems but never repeats a rejected text, date or id — at most a number (a length, a count, a
 * simulation parameter) or a service kind's code in conflict — so it is safe to log.
 *
 * <p>Use {@link InputError#validate(java.util.function.Supplier)} to receive the problems as a
 * {@link io.vavr.control.Validation} instead.
 */
public final class InvalidInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<InputError> errors;

  /**
   * Creates the exception for a non-empty list of problems.
   *
   * @param errors the problems found, at least one, none null
   * @throws InvalidInputException naming {@code errors} if the list is missing, empty or holds null
   */
  public InvalidInputException(Seq<InputError> errors) {
    super(describe(errors));
    this.errors = List.ofAll(errors);
  }

  /**
   * The problems found, in the order the fields were checked.
   *
   * @return at least one error
   */
  public List<InputError> errors() {
    return errors;
  }

  private static String describe(Seq<InputError> errors) {
    if (errors == null || errors.isEmpty() || errors.contains(null)) {
      // Reported as what it is, an input error of this constructor; the list given here is valid, so it ends.
      throw new InvalidInputException(List.of(errors == null
          ? new InputError("errors", InputError.Problem.MISSING, "is required")
          : errors.isEmpty() ? new InputError("errors", InputError.Problem.EMPTY, "needs at least one element")
          : new InputError("errors", InputError.Problem.NULL_ELEMENT, "must not contain null")));
    }
    return errors.map(e -> e.field() + ": " + e.problem() + " (" + e.detail() + ")").mkString("invalid input: ", "; ", "");
  }
}
