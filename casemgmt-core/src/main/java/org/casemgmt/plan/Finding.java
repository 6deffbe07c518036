package org.casemgmt.plan;

/** What a monitoring review found about one intervention. */
public enum Finding {
  /** Being delivered as planned. */
  ON_TRACK,
  /** Late or behind schedule. */
  DELAYED,
  /** No longer fits the needs. */
  NOT_APPROPRIATE,
  /** Delivered. */
  COMPLETED
}
