package org.casemgmt.casefile;

import java.time.Instant;
import org.casemgmt.internal.Check;
import org.casemgmt.party.StaffId;

/**
 * An event as it is stored: which case, its place in the case's history, who caused it and when. Sequence
 * numbers start at 1 and have no gaps; a case file's version is the sequence number of its last event, so an
 * application can store events under a unique (case id, sequence) key for optimistic concurrency.
 *
 * @param caseId   the case the event belongs to
 * @param sequence the event's position in the case's history, from 1
 * @param actor    who issued the command that caused it
 * @param at       when the command was issued
 * @param event    what happened
 */
public record RecordedEvent(CaseId caseId, long sequence, StaffId actor, Instant at, CaseEvent event) {

  /** Throws {@link org.casemgmt.InvalidInputException} if a field is missing or the sequence is below 1. */
  public RecordedEvent {
    Check.orThrow(Check.present("caseId", caseId), Check.atLeast("sequence", sequence, 1),
        Check.present("actor", actor), Check.instant("at", at), Check.present("event", event));
  }
}
