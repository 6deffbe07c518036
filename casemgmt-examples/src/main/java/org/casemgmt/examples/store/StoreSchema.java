package org.casemgmt.examples.store;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store's tables, created and brought up to date by numbered migrations in one explicit step that
 * many application instances may run at the same time.
 *
 * <pre>{@code
 * HikariDataSource pool = new HikariDataSource(config);
 * StoreSchema.migrate(pool);                       // once per start-up, before the first store is built
 * JdbcEventStore store = JdbcEventStore.over(pool);
 * }</pre>
 *
 * <p><b>Migrations.</b> Version 1 is the table every earlier version of the store created by itself
 * ({@code case_event}); version 2 adds a command's identity ({@code case_command}, {@code case_event.command_id})
 * and the hash chain ({@code previous_hash}, {@code event_hash}), sealing rows already stored in their order;
 * version 3 adds the global position ({@code global_position}, unique) that orders events across cases for
 * projections, numbering the rows already stored 1, 2, 3… in the order of time, each case's in its sequence. The
 * applied versions are rows of {@code casemgmt_schema}. A database made by the store before migrations existed
 * has {@code case_event} and no {@code casemgmt_schema}: version 1 finds its table and version 2 seals its rows.
 *
 * <p><b>Many instances at once.</b> On PostgreSQL the whole step is one transaction that first takes a
 * transaction-scoped advisory lock ({@code pg_advisory_xact_lock}): instances starting together on an empty
 * database queue behind the first, which creates everything; the others then find the versions applied and do
 * nothing. PostgreSQL's DDL is transactional, so a failed migration leaves nothing half-done. H2 commits each DDL
 * statement by itself and has no advisory locks: there the step is serialised within the JVM, which is where an
 * embedded H2 database lives.
 *
 * <p><b>Why not Flyway.</b> Version 2 is not plain SQL: sealing stored rows computes each row's SHA-256 over its
 * stored wire-format document, in Java, in each case's order. The store owns three tables, and one locked
 * transaction is all their migration needs, without a dependency an application may already have in another
 * version. An application that runs Flyway for its own tables runs this step beside it (or before it).
 */
public final class StoreSchema {

  /** The schema version this store reads and writes. */
  public static final int CURRENT = 3;

  private static final Logger LOG = LoggerFactory.getLogger(StoreSchema.class);

  /** The key of the advisory lock the migration holds on PostgreSQL: "casemgmt" in ASCII. */
  private static final long LOCK_KEY = 0x636173656d676d74L;

  /** H2 has no advisory locks: within a JVM, migrations of H2 databases take turns. */
  private static final ReentrantLock H2_LOCK = new ReentrantLock();

  private static final String CREATE_VERSIONS = "CREATE TABLE IF NOT EXISTS casemgmt_schema ("
      + "version INTEGER NOT NULL PRIMARY KEY, "
      + "description VARCHAR(200) NOT NULL, "
      + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)";

  /** One migration: a version, what it does, and its statements. */
  private record Migration(int version, String description, Step step) {}

  @FunctionalInterface
  private interface Step {
    void apply(Connection connection) throws SQLException;
  }

  private static final Seq<Migration> MIGRATIONS = List.of(
      new Migration(1, "case_event: one row per recorded event", connection -> execute(connection,
          "CREATE TABLE IF NOT EXISTS case_event ("
              + "case_id VARCHAR(64) NOT NULL, "
              + "sequence BIGINT NOT NULL, "
              + "phase_after VARCHAR(32) NOT NULL, "
              + "recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, "
              + "actor VARCHAR(64) NOT NULL, "
              + "type VARCHAR(64) NOT NULL, "
              + "payload_json VARCHAR(1000000) NOT NULL, "
              + "PRIMARY KEY (case_id, sequence))")),
      new Migration(2, "command identity and hash chain", StoreSchema::commandsAndChain),
      new Migration(3, "global position of every event", StoreSchema::globalPositions));

  private StoreSchema() {}

  /**
   * Brings the database up to {@link #CURRENT}: creates the tables on an empty database, applies what an older
   * one lacks, does nothing to a current one. Safe to run from many instances at once (see the class comment).
   *
   * @param dataSource the database (H2 or PostgreSQL)
   * @return the migrations applied by this call, in order (empty if the database was current)
   * @throws EventStoreException if the database cannot be migrated; nothing is half-applied on PostgreSQL
   */
  public static Seq<Integer> migrate(DataSource dataSource) {
    return migrate(dataSource, CURRENT);
  }

  /**
   * Brings the database up to a version, no further: how the tests build the database an older store left behind.
   *
   * @param dataSource the database
   * @param target     the version to reach, from 1 to {@link #CURRENT}
   * @return the migrations applied by this call, in order
   */
  static Seq<Integer> migrate(DataSource dataSource, int target) {
    if (dataSource == null) {
      throw new IllegalArgumentException("dataSource is required");
    }
    if (target < 1 || target > CURRENT) {
      throw new IllegalArgumentException("target must be from 1 to " + CURRENT + ", not " + target);
    }
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialect.of(connection);
      if (dialect == Dialect.H2) {
        H2_LOCK.lock();
        try {
          return migrate(connection, dialect, target);
        } finally {
          H2_LOCK.unlock();
        }
      }
      return migrate(connection, dialect, target);
    } catch (SQLException e) {
      throw new EventStoreException("cannot migrate the event store's schema", e);
    }
  }

  private static Seq<Integer> migrate(Connection connection, Dialect dialect, int target) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      if (dialect == Dialect.POSTGRESQL) {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, LOCK_KEY);
          lock.execute();
        }
      }
      execute(connection, CREATE_VERSIONS);
      int current = version(connection);
      if (current > CURRENT) {
        throw new EventStoreException("the database is at schema version " + current + ", newer than this store's "
            + CURRENT + ": run a newer casemgmt", null);
      }
      List<Integer> applied = List.empty();
      for (Migration migration : MIGRATIONS.filter(m -> m.version() > current && m.version() <= target)) {
        migration.step().apply(connection);
        try (PreparedStatement record = connection.prepareStatement(
            "INSERT INTO casemgmt_schema (version, description, applied_at) VALUES (?, ?, ?)")) {
          record.setInt(1, migration.version());
          record.setString(2, migration.description());
          record.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
          record.executeUpdate();
        }
        applied = applied.prepend(migration.version());
        LOG.info("event store schema migrated to version {}", migration.version());
      }
      connection.commit();
      return applied.reverse();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection, e);
      throw e;
    } finally {
      try {
        connection.setAutoCommit(autoCommit);
      } catch (SQLException e) {
        LOG.debug("cannot restore auto-commit after migrating", e);
      }
    }
  }

  /**
   * The schema version a database is at.
   *
   * @param connection a connection to it
   * @return the highest version applied, 0 if none (or no {@code casemgmt_schema} table)
   * @throws SQLException if the database cannot be read
   */
  static int version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM casemgmt_schema")) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    } catch (SQLException e) {
      if (tableMissing(e)) {
        return 0;
      }
      throw e;
    }
  }

  private static boolean tableMissing(SQLException e) {
    // 42P01 PostgreSQL's undefined_table, 42S02 H2's table-not-found, both SQL standard class 42.
    return "42P01".equals(e.getSQLState()) || "42S02".equals(e.getSQLState()) || "42S04".equals(e.getSQLState());
  }

  /** Version 2: the command table, the chain's columns, and every stored row sealed in its case's order. */
  private static void commandsAndChain(Connection connection) throws SQLException {
    execute(connection, "CREATE TABLE case_command ("
        + "command_id VARCHAR(64) NOT NULL PRIMARY KEY, "
        + "case_id VARCHAR(64) NOT NULL, "
        + "first_sequence BIGINT NOT NULL, "
        + "last_sequence BIGINT NOT NULL, "
        + "digest CHAR(64) NOT NULL)");
    execute(connection, "CREATE INDEX case_command_by_case ON case_command (case_id, last_sequence)");
    execute(connection, "ALTER TABLE case_event ADD COLUMN command_id VARCHAR(64)");
    execute(connection, "ALTER TABLE case_event ADD COLUMN previous_hash CHAR(64)");
    execute(connection, "ALTER TABLE case_event ADD COLUMN event_hash CHAR(64)");
    sealStoredRows(connection);
    execute(connection, "ALTER TABLE case_event ALTER COLUMN previous_hash SET NOT NULL");
    execute(connection, "ALTER TABLE case_event ALTER COLUMN event_hash SET NOT NULL");
  }

  /** Chains the rows a store without hashes wrote, case by case in sequence order, as they are stored. */
  private static void sealStoredRows(Connection connection) throws SQLException {
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("SELECT case_id, sequence, phase_after, type, payload_json "
            + "FROM case_event ORDER BY case_id, sequence");
        PreparedStatement update = connection.prepareStatement(
            "UPDATE case_event SET previous_hash = ?, event_hash = ? WHERE case_id = ? AND sequence = ?")) {
      String caseId = null;
      String previous = HashChain.GENESIS;
      int sealed = 0;
      while (rows.next()) {
        String rowCase = rows.getString(1);
        if (!rowCase.equals(caseId)) {
          caseId = rowCase;
          previous = HashChain.GENESIS;
        }
        long sequence = rows.getLong(2);
        String hash = HashChain.hash(previous, rowCase, sequence, null, rows.getString(3), rows.getString(4),
            rows.getString(5));
        update.setString(1, previous);
        update.setString(2, hash);
        update.setString(3, rowCase);
        update.setLong(4, sequence);
        update.addBatch();
        previous = hash;
        sealed++;
      }
      if (sealed > 0) {
        update.executeBatch();
        LOG.info("event store: {} stored rows sealed into hash chains", sealed);
      }
    }
  }

  /**
   * Version 3: the global position. Rows already stored are numbered 1, 2, 3… in the order of time, each case's in
   * its sequence: by the latest {@code recorded_at} of the case up to the row, then case id, then sequence. New
   * appends take higher positions: on H2 from the sequence {@code case_event_position}, started after the
   * numbered rows; on PostgreSQL from their transaction's id, which is higher than this migration's (see
   * {@link JdbcEventStore}'s class comment). The column is {@code NOT NULL}: a store of an older version still
   * running fails to append (and stores nothing) instead of storing events that no projection would ever read.
   */
  private static void globalPositions(Connection connection) throws SQLException {
    Dialect dialect = Dialect.of(connection);
    execute(connection, "ALTER TABLE case_event ADD COLUMN global_position BIGINT");
    long numbered = numberStoredRows(connection, dialect);
    if (dialect == Dialect.H2) {
      execute(connection, "CREATE SEQUENCE case_event_position START WITH " + (numbered + 1));
    } else {
      long transaction;
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT CAST(CAST(pg_current_xact_id() AS TEXT) AS BIGINT)")) {
        row.next();
        transaction = row.getLong(1);
      }
      if (numbered >= (transaction + 1) * GlobalPositions.PER_TRANSACTION) {
        throw new EventStoreException(numbered + " stored events are more than the positions below transaction "
            + (transaction + 1) + " hold", null);
      }
    }
    execute(connection, "ALTER TABLE case_event ALTER COLUMN global_position SET NOT NULL");
    execute(connection, "CREATE UNIQUE INDEX case_event_by_position ON case_event (global_position)");
  }

  /** Numbers the stored rows as {@link #globalPositions} says, and answers how many there are. */
  private static long numberStoredRows(Connection connection, Dialect dialect) throws SQLException {
    // Case ids in code-point order whatever the database's collation, so that both databases number alike.
    String byCase = dialect == Dialect.POSTGRESQL ? "case_id COLLATE \"C\"" : "case_id";
    try (Statement select = connection.createStatement();
        PreparedStatement update = connection.prepareStatement(
            "UPDATE case_event SET global_position = ? WHERE case_id = ? AND sequence = ?")) {
      select.setFetchSize(1_000); // a cursor on PostgreSQL (inside this transaction), not every row in memory
      ResultSet rows = select.executeQuery("SELECT case_id, sequence FROM (SELECT case_id, sequence, "
          + "MAX(recorded_at) OVER (PARTITION BY case_id ORDER BY sequence "
          + "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS reached FROM case_event) r "
          + "ORDER BY reached, " + byCase + ", sequence");
      long numbered = 0;
      while (rows.next()) {
        numbered++;
        update.setLong(1, numbered);
        update.setString(2, rows.getString(1));
        update.setLong(3, rows.getLong(2));
        update.addBatch();
        if (numbered % 1_000 == 0) {
          update.executeBatch();
        }
      }
      if (numbered % 1_000 != 0) {
        update.executeBatch();
      }
      if (numbered > 0) {
        LOG.info("event store: {} stored rows given global positions", numbered);
      }
      return numbered;
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void rollbackQuietly(Connection connection, Exception original) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      original.addSuppressed(e);
    }
  }
}
