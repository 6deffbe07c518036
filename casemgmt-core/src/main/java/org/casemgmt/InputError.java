package org.casemgmt;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.function.Supplier;

/**
 * One problem with a value supplied from outside: which field, what is wrong, and a detail that never
 * repeats a text, date or id given (inputs may be personal or free-text case content); it may quote a number,
 * such as a text's length or a parameter out of range, or a service kind's code (a catalogue code, shown by
 * rejections too, never personal data).
 *
 * <p>Every public constructor and factory of casemgmt checks all of its arguments and throws an
 * {@link InvalidInputException} listing every problem at once. Code that handles untrusted input turns that
 * into a {@link Validation}:
 *
 * <pre>{@code
 * Validation<Seq<InputError>, Client> client =
 *     InputError.validate(() -> Client.of(ClientId.of(form.id()), form.name(), form.birthDate()));
 * }</pre>
 *
 * @param field  the name of the argument or field, e.g. {@code "description"}
 * @param problem what is wrong with it
 * @param detail a short explanation safe to log and show (e.g. {@code "at most 2000 characters, got 2417"})
 */
public record InputError(String field, Problem problem, String detail) {

  /** The kinds of problems an input can have. */
  public enum Problem {
    /** The value is missing ({@code null}). */
    MISSING,
    /** A text is empty or only white space. */
    BLANK,
    /** A text or collection is longer than allowed. */
    TOO_LONG,
    /** A collection that needs at least one element is empty. */
    EMPTY,
    /** A collection contains a {@code null} element. */
    NULL_ELEMENT,
    /**
     * A number or a day lies outside its allowed range (a negative amount, an amount above
     * {@code Money.MAX_AMOUNT}, a day before 1900 or after 9999, a count above its maximum).
     */
    OUT_OF_RANGE,
    /** A date window whose end is not after its start. */
    INVERTED_WINDOW,
    /**
     * A value does not have the required form: an identifier with spaces, a text with a control character or a
     * lone UTF-16 surrogate, an amount that is not a decimal number, a history out of sequence.
     */
    MALFORMED,
    /**
     * A value contradicts another definition of the same thing: a service kind's code given with the other
     * exclusivity than a built-in kind, a catalogue's kind or another kind of the same list has.
     */
    CONFLICTING
  }

  /**
   * Creates an input error.
   *
   * @param field the name of the argument or field, e.g. {@code "description"}
   * @param problem what is wrong with it
   * @param detail a short explanation safe to log and show (e.g. {@code "at most 2000 characters, got 2417"})
   * @throws InvalidInputException if an argument is null
   */
  public InputError {
    if (field == null || problem == null || detail == null) {
      // The errors built here have every argument, so this recursion ends at once.
      throw new InvalidInputException(io.vavr.collection.List.of(
              missing("field", field), missing("problem", problem), missing("detail", detail))
          .filter(java.util.Objects::nonNull));
    }
  }

  private static InputError missing(String field, Object value) {
    return value == null ? new InputError(field, Problem.MISSING, "is required") : null;
  }

  /**
   * Runs a construction and answers its result, or every input problem it found.
   *
   * @param construction builds a casemgmt value from untrusted input, e.g. {@code () -> NeedId.of(text)}
   * @param <T> the type of the value
   * @return the value, or all problems found by its checks
   * @throws InvalidInputException if the construction is missing (a programmer error, not an invalid value)
   */
  public static <T> Validation<Seq<InputError>, T> validate(Supplier<? extends T> construction) {
    if (construction == null) {
      throw new InvalidInputException(io.vavr.collection.List.of(missing("construction", null)));
    }
    try {
      return Validation.valid(construction.get());
    } catch (InvalidInputException e) {
      return Validation.invalid(e.errors());
    }
  }
}
