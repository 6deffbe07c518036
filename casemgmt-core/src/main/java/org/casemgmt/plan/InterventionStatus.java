package org.casemgmt.plan;

/** The lifecycle of an intervention: planned → active ⇄ suspended → completed, or cancelled before that. */
public enum InterventionStatus {
  /** In the plan, not started. */
  PLANNED,
  /** Being delivered. */
  ACTIVE,
  /** Paused; it still occupies its window. */
  SUSPENDED,
  /** Delivered. */
  COMPLETED,
  /** Called off; it no longer occupies its window and may be replaced. */
  CANCELLED;

  /** {@return whether the intervention still counts for the non-overlap rule and the plan's cost} */
  public boolean isLive() {
    return this != CANCELLED;
  }
}
