package org.casemgmt.need;

import org.casemgmt.internal.Check;

/** How urgently a need must be addressed, lowest first (so {@code compareTo} orders by urgency). */
public enum Priority {
  /** Can wait. */
  LOW,
  /** Should be addressed in this plan. */
  MEDIUM,
  /** Must be addressed in this plan. */
  HIGH,
  /** Must be addressed at once. */
  URGENT;

  /**
   * Whether this priority is at least as urgent as another.
   *
   * @param other the threshold
   * @return true if {@code this >= other}
   * @throws org.casemgmt.InvalidInputException if {@code other} is missing
   */
  public boolean isAtLeast(Priority other) {
    return compareTo(Check.notNull(other, "other")) >= 0;
  }
}
