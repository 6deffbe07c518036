package org.casemgmt.examples.store;

import org.casemgmt.casefile.CaseId;

/**
 * A stored row cannot be read back as the event it should hold: its document is of an unknown schema or does
 * not bind, or it contradicts its own columns. Names the row; the cause says what is wrong with it (a
 * {@link WireFormatException} with its reason, or an {@link org.casemgmt.InvalidInputException}).
 */
public final class StoredRowException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  private final transient CaseId caseId;
  private final long sequence;

  /**
   * Creates the exception.
   *
   * @param caseId   the row's case
   * @param sequence the row's sequence number
   * @param problem  what is wrong, with ids only
   * @param cause    the error reading it, or null
   */
  public StoredRowException(CaseId caseId, long sequence, String problem, Throwable cause) {
    super("the stored row " + caseId + "#" + sequence + " " + problem, cause);
    this.caseId = caseId;
    this.sequence = sequence;
  }

  /** The case of the bad row. */
  public CaseId caseId() {
    return caseId;
  }

  /** The sequence number of the bad row. */
  public long sequence() {
    return sequence;
  }
}
