package org.casemgmt.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.casemgmt.plan.Money;

/**
 * The little JSON the OCEL writer needs, written by hand into a {@link StringBuilder}: quoted strings with the
 * escapes RFC 8259 requires, and attribute values. The official OCEL 2.0 JSON schema types every attribute value as
 * a string, so numbers, amounts, booleans and days are written as strings too (the attribute's declared type says
 * how to read them); days as midnight UTC in the log's one timestamp format.
 */
final class Json {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /** Appends {@code value} as a JSON string, quotes included. */
  static StringBuilder string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            // Control characters must be escaped; the two line separators are, so that the text is also valid JS.
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  /** Appends an instant as a JSON string in the log's timestamp format ({@code 2026-03-02T09:00:00.000Z}). */
  static StringBuilder time(StringBuilder out, Instant at) {
    out.append('"');
    return LogLine.timestamp(out, at).append('"');
  }

  /**
   * Appends an attribute value as a JSON string: an enum by its name, an amount in plain decimal notation, a day
   * as its midnight UTC, anything else (ids, numbers, booleans) as its text.
   */
  static StringBuilder value(StringBuilder out, Object value) {
    if (value instanceof Enum<?> e) {
      return string(out, e.name());
    }
    if (value instanceof Money m) {
      return string(out, m.amount().toPlainString());
    }
    if (value instanceof LocalDate d) {
      return time(out, d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    if (value instanceof Instant t) {
      return time(out, t);
    }
    return string(out, String.valueOf(value));
  }
}
