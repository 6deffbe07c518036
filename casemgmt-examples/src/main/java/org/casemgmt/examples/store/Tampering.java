package org.casemgmt.examples.store;

import org.casemgmt.casefile.CaseId;

/**
 * Where a case's stored history departs from what the store wrote, found by following its hash chain
 * ({@link HashChain}): the first row that was altered, the place where a row was removed, or a row that was
 * inserted.
 *
 * @param caseId   the case
 * @param sequence the first row at fault: the altered or inserted row, or the place of the removed one
 * @param kind     what was done to it
 */
public record Tampering(CaseId caseId, long sequence, Kind kind) {

  /** What was done to the row. */
  public enum Kind {
    /** The row's content no longer has the hash stored with it. */
    ALTERED,
    /** A row is missing here: the sequence has a gap, or the next row chains to a row that is gone. */
    REMOVED,
    /** This row was put in: the row after it chains to the row before it. */
    INSERTED
  }

  /** Throws {@link IllegalArgumentException} if a part is missing. */
  public Tampering {
    if (caseId == null || kind == null || sequence < 1) {
      throw new IllegalArgumentException("a case id, a sequence from 1 and a kind are required");
    }
  }
}
