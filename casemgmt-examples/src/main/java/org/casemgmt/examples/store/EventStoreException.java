package org.casemgmt.examples.store;

/**
 * The event store could not do its job: the database failed, or what it holds is not a valid history. Not a
 * business outcome (a concurrent change is a {@link JdbcEventStore.NotAppended} value), so an application lets it
 * reach its error handling. The message holds ids and SQL context only.
 *
 * <p>Thrown by an append, it means <em>nothing was stored</em> — except for its subclass
 * {@link OutcomeUnknownException}, thrown when the connection failed at COMMIT, after which the events may or may
 * not be stored. Its other subclasses say which stored row is at fault: {@link StoredRowException} (a row that
 * cannot be read back) and {@link TamperedHistoryException} (a row changed behind the store's back).
 */
public class EventStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, with ids only
   * @param cause   the database error, or null
   */
  public EventStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
