package org.casemgmt.examples.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part of the global order that each database does its own way: handing positions to an append, and telling a
 * reader how far it may read without overtaking an append that holds a lower position and has not finished. Why
 * this is enough for a reader never to miss an event nor see one twice is argued in {@link JdbcEventStore}'s class
 * comment.
 */
abstract sealed class GlobalPositions permits GlobalPositions.Postgres, GlobalPositions.Embedded {

  /**
   * On PostgreSQL, the positions each transaction owns: a position is the writing transaction's id times this,
   * plus the event's index in its append. It bounds the events of one append.
   */
  static final long PER_TRANSACTION = 1L << 16;

  /** The highest transaction id whose positions still fit a {@code long}. */
  static final long LAST_TRANSACTION = Long.MAX_VALUE / PER_TRANSACTION - 1;

  /**
   * The positions of the database a connection reaches.
   *
   * @param dialect    its dialect
   * @param connection a connection to it
   * @return how that database hands out positions
   * @throws SQLException if the database cannot be asked for its name
   */
  static GlobalPositions of(Dialect dialect, Connection connection) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      return Postgres.INSTANCE;
    }
    try (Statement statement = connection.createStatement();
        ResultSet name = statement.executeQuery("SELECT DATABASE()")) {
      name.next();
      return Embedded.named(name.getString(1));
    }
  }

  /**
   * What one append holds: nothing until it {@link Claim#take}s its positions, then those positions until
   * {@link Claim#settle} (after its COMMIT or ROLLBACK has returned).
   */
  abstract Claim claim();

  /**
   * The highest position a read may return now: every append that holds this position or a lower one has
   * finished, so no event at or below it can appear later.
   *
   * @param reader the reader's connection, in auto-commit mode
   * @return the position, 0 if there is none
   * @throws SQLException if the database cannot be read
   */
  abstract long readable(Connection reader) throws SQLException;

  /** The positions of one append. */
  interface Claim {

    /**
     * Takes the positions of an append's events, in their order. Called inside the append's transaction, after it
     * has read the case's head and nothing earlier in the transaction has written.
     *
     * @param writer the append's connection
     * @param count  how many events it stores
     * @return increasing positions, one per event
     * @throws SQLException if the database cannot hand them out
     */
    long[] take(Connection writer, int count) throws SQLException;

    /** The append has committed or rolled back: readers may pass its positions. Safe to call more than once. */
    void settle();
  }

  /**
   * PostgreSQL: a position is the transaction id ({@code pg_current_xact_id()}, 64 bits, never reused, handed out
   * in increasing order) times {@link #PER_TRANSACTION} plus the event's index; a reader goes up to just below the
   * oldest transaction its snapshot still sees running ({@code pg_snapshot_xmin}). Writers take nothing in turn.
   */
  static final class Postgres extends GlobalPositions {
    static final Postgres INSTANCE = new Postgres();

    private static final Claim CLAIM = new Claim() {
      @Override
      public long[] take(Connection writer, int count) throws SQLException {
        // Assigns the transaction its id if nothing has yet: JdbcEventStore calls this after the head read.
        long transaction = single(writer, "SELECT CAST(CAST(pg_current_xact_id() AS TEXT) AS BIGINT)");
        if (transaction > LAST_TRANSACTION) {
          throw new EventStoreException("transaction id " + transaction + " is beyond the store's global positions",
              null);
        }
        long[] positions = new long[count];
        for (int i = 0; i < count; i++) {
          positions[i] = transaction * PER_TRANSACTION + i;
        }
        return positions;
      }

      @Override
      public void settle() {
        // The server knows which transactions have ended: nothing to give back.
      }
    };

    private Postgres() {}

    @Override
    Claim claim() {
      return CLAIM;
    }

    @Override
    long readable(Connection reader) throws SQLException {
      long oldestRunning =
          single(reader, "SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT) AS BIGINT)");
      return Math.min(oldestRunning, LAST_TRANSACTION + 1) * PER_TRANSACTION - 1;
    }
  }

  /**
   * H2, embedded: positions come from the sequence {@code case_event_position}, taken under a lock of this JVM
   * that also records the append as in flight; a reader goes up to just below the lowest position in flight, or to
   * the highest stored when none is. An embedded database lives in one JVM, whose appends all pass here; databases
   * are told apart by name, and two of the same name (files in different directories) only make each other's
   * readers wait a little longer.
   */
  static final class Embedded extends GlobalPositions {
    private static final ConcurrentHashMap<String, Embedded> BY_NAME = new ConcurrentHashMap<>();

    /** The first position of each append in flight, with a count (two databases may share a name). */
    private final TreeMap<Long, Integer> inFlight = new TreeMap<>();

    private Embedded() {}

    static Embedded named(String database) {
      return BY_NAME.computeIfAbsent(database, name -> new Embedded());
    }

    @Override
    Claim claim() {
      return new Claim() {
        private long first;
        private boolean held;

        @Override
        public long[] take(Connection writer, int count) throws SQLException {
          synchronized (Embedded.this) {
            long[] positions = new long[count];
            try (PreparedStatement next = writer.prepareStatement(
                "SELECT NEXT VALUE FOR case_event_position FROM SYSTEM_RANGE(1, ?)")) {
              next.setInt(1, count);
              try (ResultSet values = next.executeQuery()) {
                for (int i = 0; i < count && values.next(); i++) {
                  positions[i] = values.getLong(1);
                }
              }
            }
            Arrays.sort(positions);
            if (positions[0] < 1) {
              throw new EventStoreException("the position sequence gave fewer than " + count + " values", null);
            }
            first = positions[0];
            held = true;
            inFlight.merge(first, 1, Integer::sum);
            return positions;
          }
        }

        @Override
        public void settle() {
          synchronized (Embedded.this) {
            if (held) {
              held = false;
              inFlight.computeIfPresent(first, (position, count) -> count == 1 ? null : count - 1);
            }
          }
        }
      };
    }

    @Override
    synchronized long readable(Connection reader) throws SQLException {
      // Under the lock no append takes a position: every position handed out so far is in flight or settled.
      if (!inFlight.isEmpty()) {
        return inFlight.firstKey() - 1;
      }
      return single(reader, "SELECT COALESCE(MAX(global_position), 0) FROM case_event");
    }
  }

  private static long single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
