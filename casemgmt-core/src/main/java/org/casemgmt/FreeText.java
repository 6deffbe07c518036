package org.casemgmt;

import org.casemgmt.internal.Check;

/**
 * Free text about a person: a need's description, a reason, a note, a goal's target, a name. Case files hold
 * such text because practice needs it, but it is the most sensitive thing they hold, so it is its own type:
 * its {@code toString} is always {@code ***}, whatever it is nested in, and its length is bounded. Privacy
 * therefore does not depend on every record remembering to redact its fields: a log line, an exception
 * message or a test report that prints a command, an event or a case file never shows the text.
 *
 * <pre>{@code
 * FreeText why = FreeText.of("Admitted to hospital after a fall");
 * why.toString();  // "***"
 * why.text();      // the text itself, for the screens of people entitled to read it
 * }</pre>
 *
 * <p>Commands, events and values that hold free text also accept a plain {@code String} in a constructor or
 * factory and wrap it; each checks its own free-text fields (not blank, at most {@value #MAX_LENGTH}
 * characters, fewer for a name) and reports every problem of its arguments at once.
 *
 * <p>A free text may hold line breaks ({@code \n}, {@code \r}) and tabs, but no other control character (a NUL,
 * say, which PostgreSQL's {@code text} cannot hold) and no lone UTF-16 surrogate — half of a character outside
 * the Basic Multilingual Plane, which no encoding can write, so the text could never be stored in UTF-8. Both
 * are refused as {@link InputError.Problem#MALFORMED}; a character such as an emoji, a proper surrogate pair, is
 * fine.
 */
public final class FreeText {

  /** The most characters a free-text field holds. */
  public static final int MAX_LENGTH = 4000;

  static {
    // Lets the library's own constructors wrap a string and report its problems with their other arguments', and
    // check a text once rather than at every value that holds it.
    Check.registerFreeText(new Check.FreeTextAccess() {
      @Override
      public FreeText wrap(String text) {
        return new FreeText(text);
      }

      @Override
      public boolean knownValid(FreeText text) {
        return text.valid;
      }

      @Override
      public void markValid(FreeText text) {
        text.valid = true;
      }
    });
  }

  private final String text;
  /**
   * Whether the text is known to be valid (not blank, at most {@link #MAX_LENGTH} characters, only characters a
   * text may hold), so that the constructors that hold it need not scan it again: set by {@link #of} and by the
   * first check that passes. A racy read may see false and check again, which is harmless, as for
   * {@code String}'s cached hash.
   */
  private boolean valid;

  private FreeText(String text) {
    this.text = text;
  }

  /**
   * Wraps a text.
   *
   * @param text the text; not blank, at most {@value #MAX_LENGTH} characters, no control character but tabs and
   *     line breaks, no lone surrogate
   * @return the text wrapped, shown as {@code ***} by {@code toString}
   * @throws InvalidInputException if the text is missing, blank, too long or holds a character it may not
   */
  public static FreeText of(String text) {
    Check.orThrow(Check.text("text", text, MAX_LENGTH));
    FreeText checked = new FreeText(text);
    checked.valid = true;
    return checked;
  }


  /** {@return the text itself, to show to the people entitled to read it; never log it} */
  public String text() {
    return text;
  }

  /** {@return the number of characters} */
  public int length() {
    return text.length();
  }

  /** {@return whether the text is blank (only ever true of a value a constructor is about to refuse)} */
  boolean isBlank() {
    return text.isBlank();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FreeText that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** {@return {@code ***}: free text never shows in a log, a message or a report} */
  @Override
  public String toString() {
    return "***";
  }
}
