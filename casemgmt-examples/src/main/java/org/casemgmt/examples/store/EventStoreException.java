package org.casemgmt.examples.store;

/**
 * The event store could not do its job: the database failed, or what it holds is not a valid history. Not a
 * business outcome (a concurrent change is a {@link org.casemgmt.casefile.Rejection.VersionConflict} value), so
 * an application lets it reach its error handling. The message holds ids and SQL context only.
 */
public final class EventStoreException extends RuntimeException {

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
