package org.casemgmt.simulation;

import org.casemgmt.party.StaffId;
import org.casemgmt.plan.InterventionId;

/**
 * An intervention as the simulated world delivers it: when it starts and how long it lasts. The case file
 * records it when the {@link Practitioner} plans it, and its start and completion when they happen (or later,
 * if the case is back in planning or assessment meanwhile).
 */
final class SimulatedIntervention {
  /** Its number in the case ({@code I-k} has index k): an occurrence names it by this number. */
  final int index;
  final InterventionId id;
  final double start;
  final double duration;
  /** Who records its start and completion: its provider's representative on the team, or null for the case manager. */
  final StaffId representative;

  SimulatedIntervention(int index, InterventionId id, double start, double duration, StaffId representative) {
    this.index = index;
    this.id = id;
    this.start = start;
    this.duration = duration;
    this.representative = representative;
  }
}
