package org.casemgmt.service;

import io.vavr.collection.Map;
import org.casemgmt.casefile.Phase;
import org.casemgmt.internal.Check;
import org.casemgmt.party.StaffId;

/**
 * The open cases one staff member holds as case manager, and the phases they are in.
 *
 * @param manager the case manager
 * @param open    how many open cases they hold
 * @param byPhase how many of them are in each phase (phases with none are left out)
 */
public record Caseload(StaffId manager, int open, Map<Phase, Integer> byPhase) {

  /** Throws {@link org.casemgmt.InvalidInputException} if a part is missing or the count is negative. */
  public Caseload {
    Check.orThrow(Check.present("manager", manager), Check.atLeast("open", open, 0),
        Check.entries("byPhase", byPhase));
  }
}
