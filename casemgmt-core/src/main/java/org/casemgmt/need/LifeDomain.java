package org.casemgmt.need;

/**
 * The areas of a person's life in which needs arise. A case's <em>scope</em> is the set of domains the
 * services agreed with the client to deal with; the others stay private (seed 001).
 */
public enum LifeDomain {
  /** Physical health. */
  PHYSICAL_HEALTH,
  /** Psychological wellbeing. */
  PSYCHOLOGICAL_WELLBEING,
  /** Social inclusion and relationships. */
  SOCIAL_INCLUSION,
  /** Autonomy in daily living. */
  AUTONOMY,
  /** Education and training. */
  EDUCATION_TRAINING,
  /** Work and employment. */
  WORK,
  /** Housing. */
  HOUSING,
  /** Integration (e.g. of migrants and refugees). */
  INTEGRATION,
  /** Safety and protection from violence and abuse. */
  SAFETY,
  /** Economic hardship. */
  ECONOMIC,
  /** Access to services and entitlements. */
  ACCESS_TO_SERVICES
}
