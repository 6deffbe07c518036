package org.casemgmt.simulation;

import java.util.ArrayList;
import org.casemgmt.casefile.CaseFile;

/**
 * What a {@link Run} knows about an open case besides its case file: where the event loop files it, what the
 * {@link Practitioner} has done and still has to do for it, and the handle of its record in the run's service
 * projection. Mutable, and never seen outside a run.
 */
final class SimulatedCase {
  final long number;
  /** The case's place in the table of open cases, and how many cases held it before: scheduled occurrences
   * name the case by both, so those of a closed case are recognised after its slot is reused. */
  final int slot;
  final int generation;
  CaseFile file;
  /** What the run's service projection keeps of the case, handed back with each event (spares a look-up). */
  Object projected;

  // For the practitioner.
  /** The index of the case manager holding a place for the case, or -1. */
  int manager = -1;
  boolean waiting;
  /** A review is scheduled with the epoch of its implementation; the epoch moves on when that ends, so the
   * review is dropped. */
  int epoch;
  int running;
  int active;
  int interventionCount;
  final boolean[] hasNeed;
  final boolean[] planned;
  final boolean[] goal;
  /** The day after the last window planned per need and service kind, or {@link Long#MIN_VALUE}. */
  long[] lastEndDay;
  ArrayList<Practitioner.Deferred> deferred;
  /** The interventions planned so far, by their number in the case ({@code I-k} at index k). */
  SimulatedIntervention[] interventions;

  // The intrusive list of open cases, in arrival order (kept by the run).
  SimulatedCase previous;
  SimulatedCase next;

  SimulatedCase(long number, int slot, int generation, int needs) {
    this.number = number;
    this.slot = slot;
    this.generation = generation;
    this.hasNeed = new boolean[needs];
    this.planned = new boolean[needs];
    this.goal = new boolean[needs];
  }
}
