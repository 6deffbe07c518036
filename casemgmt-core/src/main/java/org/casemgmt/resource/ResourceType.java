package org.casemgmt.resource;

/**
 * Where help comes from: the formal network (public, private and third-sector services) or the informal
 * one around the person (family, friends, neighbours, community) — seeds 000 and 001.
 */
public enum ResourceType {
  /** A public service (municipality, health authority, employment centre). */
  PUBLIC_SERVICE(true),
  /** A private, for-profit service. */
  PRIVATE_SERVICE(true),
  /** A third-sector organisation: cooperative, association, NGO. */
  THIRD_SECTOR(true),
  /** A family member who cares for the person. */
  FAMILY_CAREGIVER(false),
  /** Another relative. */
  RELATIVE(false),
  /** A friend. */
  FRIEND(false),
  /** A neighbour. */
  NEIGHBOUR(false),
  /** A member of the community (parish, volunteer, self-help group). */
  COMMUNITY_MEMBER(false);

  private final boolean formal;

  ResourceType(boolean formal) {
    this.formal = formal;
  }

  /** {@return whether this is a formal (organised, professional) source of help} */
  public boolean isFormal() {
    return formal;
  }
}
