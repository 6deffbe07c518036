package org.casemgmt.examples.store;

import io.vavr.control.Option;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.CommandId;

/**
 * The connection failed while the store committed an append: the database may have stored the events or not,
 * and only asking it again can tell. With a command id, asking is safe: {@link JdbcEventStore#findCommand} finds
 * the command if it was stored, and appending it again stores it at most once ({@link CaseService} does both).
 * The database's own error is the cause, never replaced by a later one (those are suppressed beside it).
 */
public final class OutcomeUnknownException extends EventStoreException {

  private static final long serialVersionUID = 1L;

  private final transient CaseId caseId;
  private final transient Option<CommandId> commandId;

  /**
   * Creates the exception.
   *
   * @param caseId    the case appended to
   * @param commandId the command whose events were committed, if it had an id
   * @param cause     the error the commit ended with
   */
  public OutcomeUnknownException(CaseId caseId, Option<CommandId> commandId, Throwable cause) {
    super("the outcome of an append to case " + caseId + commandId.map(id -> " (command " + id + ")").getOrElse("")
        + " is unknown: the connection failed at COMMIT", cause);
    this.caseId = caseId;
    this.commandId = commandId;
  }

  /** The case appended to. */
  public CaseId caseId() {
    return caseId;
  }

  /** The command whose events may be stored, if it had an id. */
  public Option<CommandId> commandId() {
    return commandId;
  }
}
