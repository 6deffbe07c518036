package org.casemgmt.internal;

import io.vavr.collection.List;
import io.vavr.collection.Traversable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.casemgmt.InputError;
import org.casemgmt.InputError.Problem;
import org.casemgmt.InvalidInputException;
import org.casemgmt.plan.DayWindow;

/**
 * Argument checks shared by every public constructor. Each check answers {@code null} when the argument is
 * fine or an {@link InputError} when it is not, so a constructor can run all of its checks and report every
 * problem at once with {@link #orThrow(InputError...)}:
 *
 * <pre>{@code
 * Check.orThrow(Check.present("domain", domain), Check.text("description", description, 2000));
 * }</pre>
 *
 * <p>The detail of an error never contains a text, date or id given: inputs are often personal data. It may
 * quote a number (a text's length, a count out of range).
 */
public final class Check {

  /** The default maximum length of a free-text field. */
  public static final int LONG_TEXT = 4000;
  /** The maximum length of a short text such as a name or a code. */
  public static final int SHORT_TEXT = 200;

  private Check() {}

  /** As {@link #orThrow(InputError...)}, without allocating on the happy path (constructors are hot). */
  public static void orThrow(InputError a, InputError b) {
    if (a != null || b != null) {
      orThrow(new InputError[] {a, b});
    }
  }

  /** As {@link #orThrow(InputError...)}, without allocating on the happy path (constructors are hot). */
  public static void orThrow(InputError a, InputError b, InputError c) {
    if (a != null || b != null || c != null) {
      orThrow(new InputError[] {a, b, c});
    }
  }

  /** As {@link #orThrow(InputError...)}, without allocating on the happy path (constructors are hot). */
  public static void orThrow(InputError a, InputError b, InputError c, InputError d) {
    if (a != null || b != null || c != null || d != null) {
      orThrow(new InputError[] {a, b, c, d});
    }
  }

  /** As {@link #orThrow(InputError...)}, without allocating on the happy path (constructors are hot). */
  public static void orThrow(InputError a, InputError b, InputError c, InputError d, InputError e) {
    if (a != null || b != null || c != null || d != null || e != null) {
      orThrow(new InputError[] {a, b, c, d, e});
    }
  }

  /** As {@link #orThrow(InputError...)}, without allocating on the happy path (constructors are hot). */
  public static void orThrow(InputError a, InputError b, InputError c, InputError d, InputError e, InputError f) {
    if (a != null || b != null || c != null || d != null || e != null || f != null) {
      orThrow(new InputError[] {a, b, c, d, e, f});
    }
  }

  /** As {@link #orThrow(InputError...)}, without allocating on the happy path (constructors are hot). */
  public static void orThrow(InputError a, InputError b, InputError c, InputError d, InputError e, InputError f, InputError g) {
    if (a != null || b != null || c != null || d != null || e != null || f != null || g != null) {
      orThrow(new InputError[] {a, b, c, d, e, f, g});
    }
  }

  /** As {@link #orThrow(InputError...)}, without allocating on the happy path (constructors are hot). */
  public static void orThrow(InputError a, InputError b, InputError c, InputError d, InputError e, InputError f, InputError g, InputError h) {
    if (a != null || b != null || c != null || d != null || e != null || f != null || g != null || h != null) {
      orThrow(new InputError[] {a, b, c, d, e, f, g, h});
    }
  }

  /** As {@link #orThrow(InputError...)}, without allocating on the happy path (constructors are hot). */
  public static void orThrow(InputError a, InputError b, InputError c, InputError d, InputError e, InputError f, InputError g, InputError h, InputError i) {
    if (a != null || b != null || c != null || d != null || e != null || f != null || g != null || h != null || i != null) {
      orThrow(new InputError[] {a, b, c, d, e, f, g, h, i});
    }
  }

  /** As {@link #orThrow(InputError...)}, without allocating on the happy path (constructors are hot). */
  public static void orThrow(InputError a, InputError b, InputError c, InputError d, InputError e, InputError f, InputError g, InputError h, InputError i, InputError j) {
    if (a != null || b != null || c != null || d != null || e != null || f != null || g != null || h != null || i != null || j != null) {
      orThrow(new InputError[] {a, b, c, d, e, f, g, h, i, j});
    }
  }

  /** Throws an {@link InvalidInputException} if any of the given results is an error. */
  public static void orThrow(InputError... results) {
    List<InputError> errors = List.empty();
    for (int i = results.length - 1; i >= 0; i--) {
      if (results[i] != null) {
        errors = errors.prepend(results[i]);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /** A single check that must pass, e.g. in a factory with one argument. */
  public static void orThrow(InputError result) {
    if (result != null) {
      throw new InvalidInputException(List.of(result));
    }
  }

  /**
   * A programmer-facing null check that fails with a typed {@link InvalidInputException} naming the argument,
   * never a {@code NullPointerException}.
   *
   * @return the value, for use in assignments
   */
  public static <T> T notNull(T value, String field) {
    orThrow(present(field, value));
    return value;
  }

  /** The value must not be {@code null}. */
  public static InputError present(String field, Object value) {
    return value == null ? new InputError(field, Problem.MISSING, "is required") : null;
  }

  /** A present option that, when defined, holds a value: {@code Option.some(null)} is refused. */
  public static InputError option(String field, io.vavr.control.Option<?> value) {
    if (value == null) {
      return new InputError(field, Problem.MISSING, "is required");
    }
    return value.isDefined() && value.getOrNull() == null
        ? new InputError(field, Problem.NULL_ELEMENT, "must not hold null")
        : null;
  }

  /** A present option of text that, when defined, holds a non-blank text of at most {@code max} characters. */
  public static InputError optionalText(String field, io.vavr.control.Option<String> value, int max) {
    InputError error = option(field, value);
    return error != null || value.isEmpty() ? error : text(field, value.getOrNull(), max);
  }

  /**
   * A non-blank text of at most {@code max} characters, without control characters other than tab, line feed and
   * carriage return (a line break typed in a form), and without a lone UTF-16 surrogate: half a character, which
   * no encoding can write — PostgreSQL's UTF-8, say, refuses it — so the text could be kept but never stored.
   */
  public static InputError text(String field, String value, int max) {
    if (value == null) {
      return new InputError(field, Problem.MISSING, "is required");
    }
    if (value.isBlank()) {
      return new InputError(field, Problem.BLANK, "must not be blank");
    }
    if (value.length() > max) {
      return new InputError(field, Problem.TOO_LONG, "at most " + max + " characters, got " + value.length());
    }
    return unwritable(field, value);
  }

  /**
   * The first character a text may not hold, as an error: a control character other than tab, line feed or
   * carriage return, or a lone surrogate. One pass over the characters, no allocation when the text is fine: every
   * text of every command goes through it.
   */
  private static InputError unwritable(String field, String value) {
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      if (c < ' ' ? c != '\t' && c != '\n' && c != '\r' : c >= '\u007f' && c <= '\u009f') {
        return new InputError(field, Problem.MALFORMED,
            "no control characters other than tab and line breaks (one at position " + i + ")");
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++; // a pair: one character outside the Basic Multilingual Plane
        } else {
          return new InputError(field, Problem.MALFORMED,
              "no lone UTF-16 surrogate, which no encoding can store (one at position " + i + ")");
        }
      }
    }
    return null;
  }

  /**
   * A present day within the days casemgmt supports, {@link DayWindow#FIRST_DAY} to {@link DayWindow#LAST_DAY}:
   * outside them, date arithmetic could overflow and a day could not be written as four-digit ISO-8601. Two
   * comparisons, no allocation: every day of every command goes through it.
   */
  private static final int FIRST_YEAR = DayWindow.FIRST_DAY.getYear();
  private static final int LAST_YEAR = DayWindow.LAST_DAY.getYear();

  static {
    if (DayWindow.FIRST_DAY.getDayOfYear() != 1 || DayWindow.LAST_DAY.getDayOfYear() != DayWindow.LAST_DAY.lengthOfYear()) {
      throw new ExceptionInInitializerError("the supported days must be whole years for Check.day's year test");
    }
  }

  public static InputError day(String field, LocalDate value) {
    if (value == null) {
      return new InputError(field, Problem.MISSING, "is required");
    }
    // The supported days are whole years (1 January 1900 to 31 December 9999), so the year decides: one field read,
    // where a date comparison reads three, in constructors every command calls.
    int year = value.getYear();
    return year < FIRST_YEAR || year > LAST_YEAR
        ? new InputError(field, Problem.OUT_OF_RANGE, "must be a day from " + DayWindow.FIRST_DAY + " to "
            + DayWindow.LAST_DAY)
        : null;
  }

  /** A present option of a day that, when defined, holds a supported day (see {@link #day}). */
  public static InputError optionalDay(String field, io.vavr.control.Option<LocalDate> value) {
    InputError error = option(field, value);
    return error != null || value.isEmpty() ? error : day(field, value.getOrNull());
  }

  /** The first instant of the supported days: midnight UTC at the start of {@link DayWindow#FIRST_DAY}. */
  public static final Instant FIRST_INSTANT = DayWindow.FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();

  /** The last instant of the supported days: the last nanosecond of {@link DayWindow#LAST_DAY} in UTC. */
  public static final Instant LAST_INSTANT =
      DayWindow.LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);

  /** A present instant within the supported days (see {@link #day}), in UTC. */
  public static InputError instant(String field, Instant value) {
    if (value == null) {
      return new InputError(field, Problem.MISSING, "is required");
    }
    return value.isBefore(FIRST_INSTANT) || value.isAfter(LAST_INSTANT)
        ? new InputError(field, Problem.OUT_OF_RANGE, "must be an instant from " + FIRST_INSTANT + " to the end of "
            + DayWindow.LAST_DAY + " (UTC)")
        : null;
  }

  /** What {@link org.casemgmt.FreeText} lets the library do with it, and nobody else: the package is not exported. */
  public interface FreeTextAccess {
    /** Wraps a text unchecked. */
    org.casemgmt.FreeText wrap(String text);

    /** Whether the text passed the full check once. */
    boolean knownValid(org.casemgmt.FreeText text);

    /** Records that the text passed the full check. */
    void markValid(org.casemgmt.FreeText text);
  }

  private static volatile FreeTextAccess freeTexts;

  /** Called once, by {@link org.casemgmt.FreeText}'s class initialiser. */
  public static void registerFreeText(FreeTextAccess access) {
    if (freeTexts == null) {
      freeTexts = access;
    }
  }

  /**
   * Wraps a string as {@link org.casemgmt.FreeText} without checking it, for a constructor or factory that takes
   * plain strings and hands them to a canonical constructor, which checks them with {@link #freeText(String,
   * org.casemgmt.FreeText, int)} together with its other arguments, so every problem is reported at once. The
   * unchecked value never leaves that call: the canonical constructor refuses it if it is blank or too long.
   *
   * @return the wrapped text, or null for null
   */
  public static org.casemgmt.FreeText freeText(String value) {
    if (value == null) {
      return null;
    }
    if (freeTexts == null) {
      org.casemgmt.FreeText.of("-"); // runs FreeText's class initialiser, which registers the wrapper
    }
    return freeTexts.wrap(value);
  }

  /** A present free text, not blank, of at most {@code max} characters (a name, say, is shorter than a note). */
  public static InputError freeText(String field, org.casemgmt.FreeText value, int max) {
    if (value == null) {
      return new InputError(field, Problem.MISSING, "is required");
    }
    if (freeTexts.knownValid(value)) {
      // Checked once already (by FreeText.of or an earlier value that holds it): only this field's bound remains.
      return value.length() > max
          ? new InputError(field, Problem.TOO_LONG, "at most " + max + " characters, got " + value.length())
          : null;
    }
    InputError error = text(field, value.text(), org.casemgmt.FreeText.MAX_LENGTH);
    if (error == null) {
      freeTexts.markValid(value);
      return value.length() > max
          ? new InputError(field, Problem.TOO_LONG, "at most " + max + " characters, got " + value.length())
          : null;
    }
    return error;
  }

  /** As {@link #freeText(String, org.casemgmt.FreeText, int)} for the longest text a free-text field holds. */
  public static InputError freeText(String field, org.casemgmt.FreeText value) {
    return freeText(field, value, org.casemgmt.FreeText.MAX_LENGTH);
  }

  /** A present option of free text that, when defined, holds a valid text of at most {@code max} characters. */
  public static InputError optionalFreeText(String field, io.vavr.control.Option<org.casemgmt.FreeText> value,
      int max) {
    InputError error = option(field, value);
    return error != null || value.isEmpty() ? error : freeText(field, value.getOrNull(), max);
  }

  /** An identifier: 1 to 64 characters of letters, digits, '-', '_', '.', ':' or '/'. */
  public static InputError identifier(String field, String value) {
    InputError error = text(field, value, 64);
    if (error != null) {
      return error;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':' || c == '/')) {
        return new InputError(field, Problem.MALFORMED, "letters, digits and - _ . : / only");
      }
    }
    return null;
  }

  /** A present collection without null elements, with at least one element if {@code nonEmpty}. */
  public static InputError elements(String field, Traversable<?> value, boolean nonEmpty) {
    if (value == null) {
      return new InputError(field, Problem.MISSING, "is required");
    }
    if (nonEmpty && value.isEmpty()) {
      return new InputError(field, Problem.EMPTY, "needs at least one element");
    }
    // A sorted collection (TreeSet, BitSet, PriorityQueue…) would compare null with its elements and throw: walk it.
    boolean hasNull = value instanceof io.vavr.collection.Ordered<?>
        ? value.exists(java.util.Objects::isNull)
        : value.contains(null);
    return hasNull ? new InputError(field, Problem.NULL_ELEMENT, "must not contain null") : null;
  }

  /**
   * The elements of a varargs array as a set, for factories whose natural argument is a list of values: at least
   * one, none of them null.
   *
   * @throws InvalidInputException naming the field if the array is null or empty or holds null
   */
  @SafeVarargs
  public static <T> io.vavr.collection.Set<T> setOf(String field, T... values) {
    if (values == null) {
      orThrow(new InputError(field, Problem.MISSING, "is required"));
    } else if (values.length == 0) {
      orThrow(new InputError(field, Problem.EMPTY, "needs at least one element"));
    } else {
      for (T value : values) {
        if (value == null) {
          orThrow(new InputError(field, Problem.NULL_ELEMENT, "must not contain null"));
        }
      }
    }
    return io.vavr.collection.HashSet.of(values);
  }

  /** A present map without null keys or values. */
  public static InputError entries(String field, io.vavr.collection.Map<?, ?> value) {
    if (value == null) {
      return new InputError(field, Problem.MISSING, "is required");
    }
    return !value.isEmpty() && value.exists(entry -> entry._1 == null || entry._2 == null)
        ? new InputError(field, Problem.NULL_ELEMENT, "must not contain null keys or values")
        : null;
  }

  /** A present amount that is not negative. */
  public static InputError nonNegative(String field, BigDecimal value) {
    if (value == null) {
      return new InputError(field, Problem.MISSING, "is required");
    }
    return value.signum() < 0 ? new InputError(field, Problem.OUT_OF_RANGE, "must not be negative") : null;
  }

  /** A number that is at least {@code min}. */
  public static InputError atLeast(String field, long value, long min) {
    return value < min ? new InputError(field, Problem.OUT_OF_RANGE, "must be at least " + min + ", got " + value) : null;
  }

  /** A number from {@code min} to {@code max}. */
  public static InputError between(String field, long value, long min, long max) {
    return value < min || value > max
        ? new InputError(field, Problem.OUT_OF_RANGE, "must be from " + min + " to " + max + ", got " + value)
        : null;
  }
}
