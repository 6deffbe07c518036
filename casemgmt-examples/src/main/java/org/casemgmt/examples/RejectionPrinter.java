package org.casemgmt.examples;

import io.vavr.collection.List;
import io.vavr.collection.Traversable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import org.casemgmt.casefile.Rejection;

/**
 * Turns a typed {@link Rejection} into one readable line. A rejection carries ids, kinds, days and amounts,
 * never prose, so a user interface words it as it likes; here the overlap rules get a sentence and every other
 * rule is shown as its name and fields (sets sorted, so the line is the same on every run).
 *
 * <pre>{@code
 * RejectionPrinter.describe(rejection);
 * // "OverlappingIntervention: I-3 would overlap I-2 for need N-2 (PSYCHOLOGICAL_SUPPORT) on [2026-03-18, 2026-04-17)"
 * }</pre>
 */
public final class RejectionPrinter {

  private RejectionPrinter() {}

  /**
   * A readable line for a rejection.
   *
   * @param rejection any rejection; its fields are ids, kinds, days and amounts, so all may be printed
   * @return the rule's name followed by what it found
   */
  public static String describe(Rejection rejection) {
    if (rejection instanceof Rejection.OverlappingIntervention o) {
      return o.rule() + ": " + o.proposed() + " would overlap " + o.existing() + " for need " + o.need()
          + " (" + o.kind() + ") on " + o.sharedDays();
    }
    if (rejection instanceof Rejection.ExclusiveServiceOverlap o) {
      return o.rule() + ": " + o.proposed() + " would overlap " + o.existing() + ", both " + o.kind()
          + ", on " + o.sharedDays();
    }
    if (rejection instanceof Rejection.NeedOutsideScope o) {
      return o.rule() + ": need " + o.need() + " is in " + o.domain() + ", outside the agreed scope "
          + HistoryPrinter.sorted(o.scope());
    }
    return rejection.rule() + fields(rejection);
  }

  /** The record's fields as {@code [name=value, ...]}; rejections hold no free text, so all may be shown. */
  private static String fields(Rejection rejection) {
    RecordComponent[] components = rejection.getClass().getRecordComponents();
    if (components == null || components.length == 0) {
      return "";
    }
    return List.of(components).map(c -> c.getName() + "=" + value(rejection, c)).mkString("[", ", ", "]");
  }

  private static String value(Rejection rejection, RecordComponent component) {
    try {
      Object value = component.getAccessor().invoke(rejection);
      return value instanceof Traversable<?> t ? HistoryPrinter.sorted(t) : String.valueOf(value);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return "?";
    }
  }
}
