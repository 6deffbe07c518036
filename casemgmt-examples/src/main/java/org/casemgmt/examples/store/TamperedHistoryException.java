package org.casemgmt.examples.store;

/**
 * A case's stored history was changed behind the store's back: a row altered, removed or inserted, as its hash
 * chain shows. A case file is a legal record: the store refuses to load it rather than answer a history nobody
 * wrote.
 */
public final class TamperedHistoryException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  private final transient Tampering tampering;

  /**
   * Creates the exception.
   *
   * @param tampering the first row at fault
   */
  public TamperedHistoryException(Tampering tampering) {
    super("the stored history of case " + tampering.caseId() + " was tampered with: row #" + tampering.sequence()
        + " " + switch (tampering.kind()) {
          case ALTERED -> "was altered";
          case REMOVED -> "was removed";
          case INSERTED -> "was inserted";
        }, null);
    this.tampering = tampering;
  }

  /** The first row at fault. */
  public Tampering tampering() {
    return tampering;
  }
}
