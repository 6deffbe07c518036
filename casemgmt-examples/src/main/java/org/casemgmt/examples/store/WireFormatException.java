package org.casemgmt.examples.store;

/**
 * A JSON document that the {@link WireFormat} refuses to read: it is not JSON, has no or an unsupported schema
 * version, names an unknown type, or has fields missing, unknown or of the wrong shape. Nothing is half-read:
 * a refused document yields no event or command at all.
 *
 * <p>The message names the reason, the type and the field path, never a value from the document, because
 * documents hold personal data and free text (the client's name, descriptions of needs).
 *
 * <p>Values that have the right shape but break a rule of casemgmt's own (a blank identifier, an inverted day
 * window) are not reported here: they surface as {@link org.casemgmt.InvalidInputException}, exactly as when the
 * value is built in code.
 */
public final class WireFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a document was refused. */
  public enum Reason {
    /** Not well-formed JSON, not a JSON object (or array where one is expected), or duplicate keys. */
    MALFORMED_JSON,
    /** The document has no {@code "schema"} field. */
    MISSING_SCHEMA,
    /** The {@code "schema"} field is not a schema version this reader knows. */
    UNSUPPORTED_SCHEMA,
    /** The document has no {@code "type"} field, or it is not a string. */
    MISSING_TYPE,
    /** The {@code "type"} names no event or command of casemgmt. */
    UNKNOWN_TYPE,
    /** A field the type does not have. */
    UNKNOWN_FIELD,
    /** A field the type needs is absent. */
    MISSING_FIELD,
    /** A field has the wrong JSON shape or an unknown enum constant. */
    INVALID_FIELD
  }

  private final Reason reason;
  private final String detail;

  /**
   * Creates the exception.
   *
   * @param reason why the document was refused
   * @param detail the type and field path involved (never a value from the document)
   */
  public WireFormatException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
    this.detail = detail;
  }

  /** Why the document was refused, for callers that react differently (e.g. to a newer schema). */
  public Reason reason() {
    return reason;
  }

  /** The type and field path involved; safe to log. */
  public String detail() {
    return detail;
  }
}
