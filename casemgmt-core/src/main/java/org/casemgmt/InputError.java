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
    /** A number is below its allowed minimum (e.g. a negative amount). */
    OUT_OF_RANGE,
    /** A date window whose end is not after its start. */
    INVERTED_WINDOW,
    /** A text does not have the required form (e.g. an identifier with spaces). */
    MALFORMED,
    /**
     * A value contradicts another definition of the same thing: a service kind's code given with the other
     * exclusivity than a built-in kind, a catalogue's kind or another kind of the same list has.
     */
    CONFLICTING
  }

  /** Throws {@link IllegalArgumentException} if an argument is null: a programmer error in casemgmt itself. */
  public InputError {
    if (field == null || problem == null || detail == null) {
      throw new IllegalArgumentException("field, problem and detail are required");
    }
  }

  /**
   * Runs a construction and answers its result, or every input problem it found.
   *
   * @param construction builds a casemgmt value from untrusted input, e.g. {@code () -> NeedId.of(text)}
   * @param <T> the type of the value
   * @return the value, or all problems found by its checks
   */
  public static <T> Validation<Seq<InputError>, T> validate(Supplier<? extends T> construction) {
    if (construction == null) {
      throw new IllegalArgumentException("construction is null");
    }
    try {
      return Validation.valid(construction.get());
    } catch (InvalidInputException e) {
      return Validation.invalid(e.errors());
    }
  }
}
