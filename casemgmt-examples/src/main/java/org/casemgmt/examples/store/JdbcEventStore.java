package org.casemgmt.examples.store;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.CommandId;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection.VersionConflict;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only store of case events in SQL, on H2 (embedded) or PostgreSQL, with optimistic concurrency, a
 * command identity for safe retries, bounded waits, a hash chain per case and one order across all cases for
 * projections to catch up with.
 *
 * <pre>{@code
 * HikariConfig config = new HikariConfig();
 * config.setJdbcUrl("jdbc:postgresql://db.example.org/cases");
 * DataSource pool = new HikariDataSource(config);
 * StoreSchema.migrate(pool);                               // once, at start-up
 * JdbcEventStore store = JdbcEventStore.over(pool);
 * Seq<RecordedEvent> events = caseFile.decide(issued, command).getOrElseThrow(...);
 * store.append(Option.some(caseFile), IssuedCommand.of(issued, command), events)   // expects caseFile.version()
 *     .fold(notAppended -> reloadAndRetry(), after -> show(after));
 * Option<CaseFile> loaded = store.load(caseFile.id());      // hash chain and rules checked
 * Seq<PositionedEvent> next = store.eventsAfterPosition(checkpoint, 500);  // every case's events, in global order
 * }</pre>
 *
 * <p><b>Tables</b> (created by {@link StoreSchema#migrate}). {@code case_event(case_id, sequence, phase_after,
 * recorded_at, actor, type, payload_json, command_id, previous_hash, event_hash, global_position)}, primary key
 * {@code (case_id, sequence)}, {@code global_position} unique: the payload is the event's {@link WireFormat}
 * document; the other columns repeat what queries need so that nobody has to parse JSON in SQL.
 * {@code case_command(command_id, case_id, first_sequence, last_sequence, digest)}, primary key
 * {@code command_id}: one row per stored command that had an id, with the SHA-256 of its wire-format document. Rows
 * are only ever inserted.
 *
 * <p><b>Concurrency.</b> A case's events are numbered 1, 2, 3… without gaps, so the primary key is the lock: two
 * writers who decided on the same version both insert the same sequence number and the database keeps one. The
 * insert is {@code ON CONFLICT DO NOTHING} (PostgreSQL) or {@code MERGE … WHEN NOT MATCHED} (H2) and the row
 * count tells who won: the loser gets a {@link NotAppended.Conflict} value, and the server logs no error. No row
 * locks, no {@code SELECT … FOR UPDATE}.
 *
 * <p><b>Commands and unknown outcomes.</b> When the command's envelope has a {@link CommandId}, its row goes in
 * first, in the same transaction: a second append of the same command stores nothing and answers
 * {@link NotAppended.AlreadyStored}. If the connection fails at COMMIT the store throws
 * {@link OutcomeUnknownException} (the events may be stored); the caller asks {@link #findCommand} or appends the
 * same command again, which stores it at most once. Any other {@link EventStoreException} from an append means
 * nothing was stored. Errors while rolling back are suppressed beside the error that caused the rollback, never
 * thrown in its place.
 *
 * <p><b>Bounded waits.</b> A writer waits for another writer of the same case (one that inserted the same sequence
 * and has not committed) at most {@link Timeouts#lock()}, then gets {@link NotAppended.Busy}; each statement runs
 * at most {@link Timeouts#statement()}; on PostgreSQL a transaction left idle longer than
 * {@link Timeouts#idleInTransaction()} (a writer paused mid-append) is ended by the server, releasing what it held.
 *
 * <p><b>Tamper evidence.</b> Each row carries the hash of the case's previous row and its own
 * ({@link HashChain}); reading verifies the chain and throws {@link TamperedHistoryException} naming the first
 * altered, removed or inserted row. A row that cannot be read back throws {@link StoredRowException} naming it.
 *
 * <p><b>One order across cases.</b> Every event also has a global position ({@code global_position}): unique,
 * increasing along each case's sequence, and higher than that of every event committed before its append began.
 * A projection across cases keeps the position of the last event it applied (its checkpoint) and asks for the
 * events after it ({@link #eventsAfterPosition}, {@link #readAllAfter}). Positions are not consecutive: on H2 an
 * append that loses a race at its insert leaves a gap, and on PostgreSQL positions are large numbers derived from
 * transaction ids, with gaps between transactions.
 *
 * <p><b>Why a polling reader misses nothing and sees nothing twice.</b> An append takes its positions before its
 * COMMIT, and appends commit in any order: one may hold position 10 while another, holding 11, commits first. A
 * reader that returned 11 then and moved its checkpoint past 10 would never see 10. So a read returns only
 * positions below every position still held by an unfinished append, and what it returns is a prefix of the final
 * order: nothing can appear below it later. The next read starts after the checkpoint and sees each event once.
 * <ul>
 *   <li><b>PostgreSQL</b>: a position is the writing transaction's id ({@code pg_current_xact_id()}, 64 bits,
 *   handed out in increasing order and never reused) times 65,536, plus the event's index in its append. A read
 *   goes up to just below the {@code xmin} of its snapshot ({@code pg_snapshot_xmin(pg_current_snapshot())}), the
 *   oldest transaction still running: every transaction with a lower id has ended, and its events are visible if
 *   it committed; every transaction still running or yet to start has an id of at least {@code xmin}, so all its
 *   positions lie above what the read returned. Writers take nothing in turn: they commit concurrently and the
 *   server still flushes their commits together. An append reads its case's head before it writes anything, so its
 *   transaction gets its id afterwards, later than the writer of the case's previous event, which had committed:
 *   positions follow each case's sequence.
 *   <li><b>H2</b> (embedded, in the application's JVM): positions come from a sequence, taken after the head read
 *   under a lock of this JVM that also records the append as in flight until its COMMIT or ROLLBACK has returned.
 *   A read goes up to just below the lowest position in flight, or to the highest stored if none is. This assumes
 *   that every writer of the database runs in this JVM, as for an embedded database; use PostgreSQL when several
 *   processes write.
 * </ul>
 * The price on both: a reader waits for the slowest unfinished append below the events it would read (the feed
 * lags, it never skips). On PostgreSQL that is any transaction of the server that has written something, in any
 * database, until it ends; for this store's own appends at most the idle-in-transaction limit. The global position
 * is not part of a row's hash: it orders the feed, and the chain keeps protecting each case's content and order.
 *
 * <p>Thread-safe: it holds no connection between calls; give it a pooled {@link DataSource}.
 */
public final class JdbcEventStore implements AutoCloseable {

  /** Why an append stored nothing, as a value: each is an outcome of concurrent work, not a failure. */
  public sealed interface NotAppended {

    /**
     * The case is no longer at the version the events were decided on: reload, decide again.
     *
     * @param conflict the expected and the stored version
     */
    record Conflict(VersionConflict conflict) implements NotAppended {}

    /**
     * The command was stored before (an earlier attempt whose outcome was unknown, or a concurrent retry).
     *
     * @param stored what the store holds for the command's id
     */
    record AlreadyStored(StoredCommand stored) implements NotAppended {}

    /**
     * Another writer of the same case held the row this append needs for longer than the lock timeout: it may
     * commit or roll back; try again.
     *
     * @param caseId the case
     * @param waited the lock timeout waited
     */
    record Busy(CaseId caseId, Duration waited) implements NotAppended {}
  }

  /**
   * A command the store holds, by its id.
   *
   * @param commandId     the command's id
   * @param caseId        the case it changed
   * @param firstSequence the sequence number of its first event
   * @param lastSequence  the sequence number of its last event: the case's version right after it
   * @param digest        the SHA-256 of its wire-format document ({@link #digestOf})
   */
  public record StoredCommand(CommandId commandId, CaseId caseId, long firstSequence, long lastSequence,
      String digest) {}

  /**
   * A stored event with its place in the store's one order across all cases.
   *
   * <pre>{@code
   * for (PositionedEvent stored : store.eventsAfterPosition(checkpoint, 500)) {
   *   service = service.apply(stored.event());     // a ServiceProjection, say
   *   checkpoint = stored.position();
   * }
   * }</pre>
   *
   * @param position the event's global position: at least 1, unique, higher than that of every event a reader
   *                 must see first (see the class comment); positions are not consecutive
   * @param event    the event, as {@link #eventsAfter} reads it
   */
  public record PositionedEvent(long position, RecordedEvent event) {

    /** Throws {@link IllegalArgumentException} if the position is below 1 or the event missing. */
    public PositionedEvent {
      if (position < 1 || event == null) {
        throw new IllegalArgumentException("a position of at least 1 and an event are required");
      }
    }
  }

  /** The most events one append may store: on PostgreSQL, the positions one transaction owns. */
  public static final int MAX_EVENTS_PER_APPEND = (int) GlobalPositions.PER_TRANSACTION;

  /** The most events one catch-up read returns. */
  public static final int MAX_PAGE = 10_000;

  /**
   * How long the store lets a database operation wait.
   *
   * @param lock              a writer's wait for a row another writer of the same case holds
   * @param statement         any one statement
   * @param idleInTransaction on PostgreSQL, how long the server keeps a transaction whose client has gone quiet
   */
  public record Timeouts(Duration lock, Duration statement, Duration idleInTransaction) {

    /** Lock 2 s, statement 10 s, idle in transaction 15 s. */
    public static final Timeouts DEFAULT =
        new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(15));

    /** Throws {@link IllegalArgumentException} unless every limit is from 1 ms to 1 hour. */
    public Timeouts {
      for (Duration limit : new Duration[] {lock, statement, idleInTransaction}) {
        if (limit == null || limit.toMillis() < 1 || limit.compareTo(Duration.ofHours(1)) > 0) {
          throw new IllegalArgumentException("every timeout is from 1 ms to 1 hour");
        }
      }
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(JdbcEventStore.class);

  /** The SQLState of a unique-key violation, in H2 and PostgreSQL alike (SQL standard class 23). */
  private static final String DUPLICATE_KEY = "23505";

  private static final String[] EVENT_COLUMNS = {"case_id VARCHAR(64)", "sequence BIGINT",
      "phase_after VARCHAR(32)", "recorded_at TIMESTAMP WITH TIME ZONE", "actor VARCHAR(64)", "type VARCHAR(64)",
      "payload_json VARCHAR(1000000)", "command_id VARCHAR(64)", "previous_hash CHAR(64)", "event_hash CHAR(64)",
      "global_position BIGINT"};

  private static final String[] COMMAND_COLUMNS = {"command_id VARCHAR(64)", "case_id VARCHAR(64)",
      "first_sequence BIGINT", "last_sequence BIGINT", "digest CHAR(64)"};

  private static final String HEAD = "SELECT sequence, event_hash FROM case_event WHERE case_id = ? "
      + "ORDER BY sequence DESC FETCH FIRST 1 ROWS ONLY";

  private static final String ROW_COLUMNS = "SELECT case_id, sequence, phase_after, recorded_at, actor, type, "
      + "payload_json, command_id, previous_hash, event_hash FROM case_event ";

  private static final String ROWS_FROM = ROW_COLUMNS + "WHERE case_id = ? AND sequence >= ? ORDER BY sequence";

  private static final String ROWS_UP_TO = ROW_COLUMNS + "WHERE case_id = ? AND sequence <= ? ORDER BY sequence";

  private static final String POSITIONED_ROWS = "SELECT case_id, sequence, phase_after, recorded_at, actor, type, "
      + "payload_json, command_id, previous_hash, event_hash, global_position FROM case_event "
      + "WHERE global_position > ? AND global_position <= ? ORDER BY global_position FETCH FIRST ? ROWS ONLY";

  private static final String HEAD_POSITION = "SELECT MAX(global_position) FROM case_event WHERE global_position <= ?";

  private static final String COMMAND = "SELECT command_id, case_id, first_sequence, last_sequence, digest "
      + "FROM case_command WHERE command_id = ?";

  private static final String LAST_COMMANDED = "SELECT MAX(last_sequence) FROM case_command WHERE case_id = ?";

  private static final String CASES_IN_PHASE = "SELECT e.case_id FROM case_event e "
      + "WHERE e.phase_after = ? "
      + "AND e.sequence = (SELECT MAX(s.sequence) FROM case_event s WHERE s.case_id = e.case_id)";

  private final DataSource dataSource;
  private final WireFormat wire;
  private final Timeouts timeouts;
  private final Dialect dialect;
  private final GlobalPositions positions;
  private final String insertEvent;
  private final String insertCommand;
  private final Runnable onClose;

  private JdbcEventStore(DataSource dataSource, WireFormat wire, Timeouts timeouts, Runnable onClose) {
    if (dataSource == null || wire == null || timeouts == null) {
      throw new IllegalArgumentException("dataSource, wire and timeouts are required");
    }
    this.dataSource = dataSource;
    this.wire = wire;
    this.timeouts = timeouts;
    this.onClose = onClose;
    try (Connection connection = dataSource.getConnection()) {
      this.dialect = Dialect.of(connection);
      this.positions = GlobalPositions.of(dialect, connection);
      int version = StoreSchema.version(connection);
      if (version != StoreSchema.CURRENT) {
        throw new EventStoreException("the database is at event-store schema version " + version + ", this store "
            + "needs " + StoreSchema.CURRENT + ": run StoreSchema.migrate first", null);
      }
    } catch (SQLException e) {
      throw new EventStoreException("cannot open the event store", e);
    }
    this.insertEvent = dialect.insertUnlessPresent("case_event", EVENT_COLUMNS, "case_id", "sequence");
    this.insertCommand = dialect.insertUnlessPresent("case_command", COMMAND_COLUMNS, "command_id");
  }

  /**
   * A store over a database whose schema {@link StoreSchema#migrate} brought up to date, with the default
   * {@link Timeouts}.
   *
   * @param dataSource the database, H2 or PostgreSQL; a pool in production (HikariCP, say)
   * @return the store
   * @throws EventStoreException if the database cannot be reached or its schema is not current
   */
  public static JdbcEventStore over(DataSource dataSource) {
    return over(dataSource, new WireFormat(), Timeouts.DEFAULT);
  }

  /**
   * A store over a migrated database, with its wire format and timeouts.
   *
   * @param dataSource the database, H2 or PostgreSQL
   * @param wire       the wire format of the payloads
   * @param timeouts   how long operations may wait
   * @return the store; closing it leaves the data source open (it is the caller's)
   * @throws EventStoreException if the database cannot be reached or its schema is not current
   */
  public static JdbcEventStore over(DataSource dataSource, WireFormat wire, Timeouts timeouts) {
    return new JdbcEventStore(dataSource, wire, timeouts, () -> { });
  }

  /**
   * A store in a named in-memory H2 database that lives until the JVM ends ({@code DB_CLOSE_DELAY=-1}), migrated,
   * for tests, demos and single-process tools.
   *
   * @param name the database name: letters, digits, {@code -} and {@code _}
   * @return the store; closing it closes its connection pool
   */
  public static JdbcEventStore h2InMemory(String name) {
    if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("name must be 1 to 64 letters, digits, - or _");
    }
    JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    pool.setMaxConnections(32);
    StoreSchema.migrate(pool);
    return new JdbcEventStore(pool, new WireFormat(), Timeouts.DEFAULT, pool::dispose);
  }

  // ---------------------------------------------------------------- writing

  /**
   * Appends the events a case file decided, without a command id, expecting the store to hold exactly
   * {@code before}'s version of the case (none for the opening events).
   *
   * @param before the case file the events were decided on, or none when the events open the case
   * @param events the events, numbered from {@code before.version() + 1}
   * @return the case file after the events, or why nothing was stored
   * @throws IllegalArgumentException if the events do not follow {@code before}
   * @throws EventStoreException      if the database failed (see the class comment for what was stored)
   */
  public Either<NotAppended, CaseFile> append(Option<CaseFile> before, Seq<RecordedEvent> events) {
    return append(before, Option.none(), events);
  }

  /**
   * Appends the events a command decided, recording the command's id (if its envelope has one) so that the same
   * command is never stored twice. This is the usual way in: decide, then append, and use the returned case file.
   *
   * @param before  the case file the events were decided on, or none when the events open the case
   * @param command the command with its envelope
   * @param events  the events it decided, numbered from {@code before.version() + 1}
   * @return the case file after the events, or why nothing was stored
   * @throws IllegalArgumentException if the events do not follow {@code before}
   * @throws OutcomeUnknownException  if the connection failed at COMMIT
   * @throws EventStoreException      if the database failed otherwise (nothing was stored)
   */
  public Either<NotAppended, CaseFile> append(Option<CaseFile> before, IssuedCommand command,
      Seq<RecordedEvent> events) {
    if (command == null) {
      throw new IllegalArgumentException("command is required");
    }
    return append(before, Option.some(command), events);
  }

  private Either<NotAppended, CaseFile> append(Option<CaseFile> before, Option<IssuedCommand> command,
      Seq<RecordedEvent> events) {
    if (before == null || events == null || events.isEmpty()) {
      throw new IllegalArgumentException("before and at least one event are required");
    }
    Seq<PhasedEvent> phased = PhasedEvent.applying(before, events);
    long expected = before.map(CaseFile::version).getOrElse(0L);
    return append(events.head().caseId(), expected, command, phased).map(version -> phased.last().after());
  }

  /**
   * Appends events in one transaction if the case is at the expected version; all or none are stored.
   *
   * @param caseId          the case the events belong to
   * @param expectedVersion the version the events were decided on (0 for a new case)
   * @param command         the command that decided them, whose id (if any) is recorded; none for events
   *                        without a command (an import, say)
   * @param events          the events, numbered from {@code expectedVersion + 1}, with their phases
   * @return the case's new version, or why nothing was stored
   * @throws IllegalArgumentException if the events belong to another case or are not numbered in order
   * @throws OutcomeUnknownException  if the connection failed at COMMIT
   * @throws EventStoreException      on any other database error (nothing was stored)
   */
  public Either<NotAppended, Long> append(CaseId caseId, long expectedVersion, Option<IssuedCommand> command,
      Seq<PhasedEvent> events) {
    checkNumbering(caseId, expectedVersion, events);
    if (command == null) {
      throw new IllegalArgumentException("command is required (none for events without one)");
    }
    Option<CommandId> commandId = command.flatMap(c -> c.issued().commandId());
    Option<String> digest = commandId.isDefined() ? command.map(this::digestOf) : Option.none();
    Connection connection = connect("append to case " + caseId);
    GlobalPositions.Claim claim = positions.claim();
    try {
      Either<NotAppended, Long> outcome =
          insert(connection, caseId, expectedVersion, commandId, digest, events, claim);
      if (outcome.isRight()) {
        try {
          connection.commit();
        } catch (SQLException e) {
          throw new OutcomeUnknownException(caseId, commandId, e);
        }
      }
      return outcome;
    } finally {
      release(connection, caseId);
      // Only once the transaction is over, whatever its end: readers may now pass its positions.
      claim.settle();
    }
  }

  /** Hands the connection back; a failure here changes nothing about what was stored, so it is only logged. */
  private static void release(Connection connection, CaseId caseId) {
    try (connection) {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      LOG.debug("cannot release a connection after appending to case {}", caseId, e);
    }
  }

  /** The transaction up to COMMIT; rolled back (and nothing stored) unless it answers the new version. */
  private Either<NotAppended, Long> insert(Connection connection, CaseId caseId, long expectedVersion,
      Option<CommandId> commandId, Option<String> digest, Seq<PhasedEvent> events, GlobalPositions.Claim claim) {
    try {
      connection.setAutoCommit(false);
      limitWaits(connection);
      long last = events.last().event().sequence();
      // The head before anything is written: on PostgreSQL the transaction gets its id, and so its positions, at its
      // first write, after this read; the writer of the case's previous event had committed before it, so that
      // event's position is lower (see the class comment).
      Head head = head(connection, caseId);
      // Then the command: a command already stored is answered as such, whatever the case's version now.
      if (commandId.isDefined()) {
        try (PreparedStatement insert = prepare(connection, insertCommand)) {
          insert.setString(1, commandId.get().value());
          insert.setString(2, caseId.value());
          insert.setLong(3, expectedVersion + 1);
          insert.setLong(4, last);
          insert.setString(5, digest.get());
          if (insert.executeUpdate() == 0) {
            connection.rollback();
            return Either.left(new NotAppended.AlreadyStored(command(connection, commandId.get())
                .getOrElseThrow(() -> new EventStoreException("command " + commandId.get()
                    + " is both stored and not found", null))));
          }
        }
      }
      if (head.version() != expectedVersion) {
        connection.rollback();
        return Either.left(conflict(caseId, expectedVersion, head.version()));
      }
      long[] taken = claim.take(connection, events.size());
      String previous = head.hash();
      int index = 0;
      try (PreparedStatement insert = prepare(connection, insertEvent)) {
        for (PhasedEvent phased : events) {
          RecordedEvent event = phased.event();
          String type = event.event().getClass().getSimpleName();
          String phase = phased.after().phase().name();
          String payload = wire.toJson(event);
          String hash = HashChain.hash(previous, caseId.value(), event.sequence(),
              commandId.map(CommandId::value).getOrNull(), phase, type, payload);
          insert.setString(1, caseId.value());
          insert.setLong(2, event.sequence());
          insert.setString(3, phase);
          insert.setObject(4, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
          insert.setString(5, event.actor().value());
          insert.setString(6, type);
          insert.setString(7, payload);
          insert.setString(8, commandId.map(CommandId::value).getOrNull());
          insert.setString(9, previous);
          insert.setString(10, hash);
          insert.setLong(11, taken[index++]);
          if (insert.executeUpdate() == 0) {
            // Another writer committed this sequence number after the version was read.
            connection.rollback();
            return Either.left(conflict(caseId, expectedVersion, head(connection, caseId).version()));
          }
          previous = hash;
        }
      }
      return Either.right(last);
    } catch (SQLException e) {
      rollbackQuietly(connection, e);
      if (isDuplicateKey(e)) {
        // A database that reports the race as an error after all: still a conflict, not a failure.
        return Either.left(conflict(caseId, expectedVersion, version(caseId)));
      }
      if (isWaitTimeout(e)) {
        return Either.left(new NotAppended.Busy(caseId, timeouts.lock()));
      }
      throw new EventStoreException("cannot append to case " + caseId + "; nothing was stored", e);
    }
  }

  private static NotAppended conflict(CaseId caseId, long expected, long actual) {
    return new NotAppended.Conflict(new VersionConflict(caseId, expected, actual));
  }

  /** Sets the transaction's lock and idle timeouts (statements get theirs in {@link #prepare}). */
  private void limitWaits(Connection connection) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      try (PreparedStatement set = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true), "
          + "set_config('statement_timeout', ?, true), set_config('idle_in_transaction_session_timeout', ?, true)")) {
        set.setString(1, Long.toString(timeouts.lock().toMillis()));
        set.setString(2, Long.toString(timeouts.statement().toMillis()));
        set.setString(3, Long.toString(timeouts.idleInTransaction().toMillis()));
        set.execute();
      }
    } else {
      try (Statement set = connection.createStatement()) {
        set.execute("SET LOCK_TIMEOUT " + timeouts.lock().toMillis());
      }
    }
  }

  private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setQueryTimeout((int) Math.max(1, (timeouts.statement().toMillis() + 999) / 1000));
    return statement;
  }

  private static void checkNumbering(CaseId caseId, long expectedVersion, Seq<PhasedEvent> events) {
    if (caseId == null || events == null || events.isEmpty() || expectedVersion < 0) {
      throw new IllegalArgumentException("a case id, a version of at least 0 and at least one event are required");
    }
    if (events.size() > MAX_EVENTS_PER_APPEND) {
      throw new IllegalArgumentException("an append holds at most " + MAX_EVENTS_PER_APPEND + " events, not "
          + events.size());
    }
    long sequence = expectedVersion;
    for (PhasedEvent phased : events) {
      sequence++;
      if (!phased.event().caseId().equals(caseId) || phased.event().sequence() != sequence) {
        throw new IllegalArgumentException("event " + phased.event().caseId() + "#" + phased.event().sequence()
            + " does not follow " + caseId + "#" + (sequence - 1));
      }
    }
  }

  private static boolean isDuplicateKey(SQLException error) {
    return hasState(error, DUPLICATE_KEY);
  }

  /**
   * A lock or statement timeout: PostgreSQL's lock_not_available (55P03) or query_canceled (57014), H2's lock
   * timeout (HYT00, error 50200).
   */
  private static boolean isWaitTimeout(SQLException error) {
    return hasState(error, "55P03") || hasState(error, "57014") || hasState(error, "HYT00");
  }

  private static boolean hasState(SQLException error, String state) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static void rollbackQuietly(Connection connection, Exception original) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      original.addSuppressed(e);
    }
  }

  private Connection connect(String what) {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new EventStoreException("cannot connect to " + what, e);
    }
  }

  /**
   * The SHA-256 of a command's wire-format document, envelope included: two attempts of one command have the
   * same digest, two commands that share an id by mistake do not.
   *
   * @param command the command in its envelope
   * @return 64 lower-case hex digits
   */
  public String digestOf(IssuedCommand command) {
    if (command == null) {
      throw new IllegalArgumentException("command is required");
    }
    return HashChain.sha256(wire.toJson(command));
  }

  // ---------------------------------------------------------------- reading

  /**
   * A stored command, by its id.
   *
   * @param commandId the id its envelope had
   * @return where the store holds it, or none if no command with this id is stored
   */
  public Option<StoredCommand> findCommand(CommandId commandId) {
    if (commandId == null) {
      throw new IllegalArgumentException("commandId is required");
    }
    try (Connection connection = connect("find command " + commandId)) {
      return command(connection, commandId);
    } catch (SQLException e) {
      throw new EventStoreException("cannot find command " + commandId, e);
    }
  }

  private Option<StoredCommand> command(Connection connection, CommandId commandId) throws SQLException {
    try (PreparedStatement select = prepare(connection, COMMAND)) {
      select.setString(1, commandId.value());
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Option.none();
        }
        return Option.some(new StoredCommand(commandId, CaseId.of(rows.getString(2)), rows.getLong(3),
            rows.getLong(4), rows.getString(5)));
      }
    }
  }

  /**
   * Loads a case by replaying its stored events, after checking their hash chain; each event is checked against
   * the rules.
   *
   * @param caseId the case to load
   * @return the case file, or none if the case has no events
   * @throws TamperedHistoryException if a row was altered, removed or inserted behind the store's back
   * @throws StoredRowException       if a row cannot be read back
   * @throws EventStoreException      if the stored history breaks the rules or the database failed
   */
  public Option<CaseFile> load(CaseId caseId) {
    // The commands first: a command committed before this read has its events committed too, so the events read
    // next include them, whatever other writers commit in between.
    long commanded = lastCommandedSequence(caseId);
    Seq<RecordedEvent> history = eventsAfter(caseId, 0);
    if (commanded > history.size()) {
      throw new TamperedHistoryException(new Tampering(caseId, history.size() + 1, Tampering.Kind.REMOVED));
    }
    return history.isEmpty() ? Option.none() : Option.some(replay(caseId, history));
  }

  /**
   * Loads a case as it was at a version: right after a stored command, say ({@link StoredCommand#lastSequence}).
   *
   * @param caseId  the case to load
   * @param version the version, from 1
   * @return the case file at that version, or none if the case has fewer events
   * @throws TamperedHistoryException if a row up to the version was altered, removed or inserted
   * @throws StoredRowException       if a row cannot be read back
   */
  public Option<CaseFile> load(CaseId caseId, long version) {
    if (caseId == null || version < 1) {
      throw new IllegalArgumentException("a case id and a version from 1 are required");
    }
    Seq<RecordedEvent> history = read(caseId, ROWS_UP_TO, version, 0);
    return history.size() < version ? Option.none() : Option.some(replay(caseId, history));
  }

  private static CaseFile replay(CaseId caseId, Seq<RecordedEvent> history) {
    return CaseFile.replay(history).getOrElseThrow(invalid ->
        new EventStoreException("the stored history of case " + caseId + " is invalid: " + invalid, null));
  }

  /**
   * Checks a case's stored history for tampering without loading it: the whole hash chain, and that no command
   * the store recorded for the case has lost its events.
   *
   * @param caseId the case to check
   * @return the first row at fault, or none if the history is as the store wrote it
   * @throws StoredRowException  if a row cannot be read back
   * @throws EventStoreException if the database failed
   */
  public Option<Tampering> audit(CaseId caseId) {
    try {
      load(caseId);
      return Option.none();
    } catch (TamperedHistoryException e) {
      return Option.some(e.tampering());
    }
  }

  /**
   * Brings a case file up to date with the events stored after its version: cheaper than {@link #load} for a
   * caller that keeps case files in memory, and equivalent to it. The new events are chained to the stored
   * event at the file's version.
   *
   * @param file a case file of this store
   * @return the case file with every stored event after its version applied
   * @throws TamperedHistoryException if the newer rows do not chain, or the file's version is no longer stored
   */
  public CaseFile catchUp(CaseFile file) {
    return file.evolve(eventsAfter(file.id(), file.version()));
  }

  /**
   * The stored events of a case after a version, in order, their hash chain checked from that version on.
   *
   * @param caseId  the case whose events to read
   * @param version the version already known; 0 for the whole history
   * @return the events numbered from {@code version + 1}, in order (empty if there are none)
   * @throws TamperedHistoryException if a row was altered, removed or inserted
   * @throws StoredRowException       if a row cannot be read back
   */
  public Seq<RecordedEvent> eventsAfter(CaseId caseId, long version) {
    if (caseId == null || version < 0) {
      throw new IllegalArgumentException("a case id and a version of at least 0 are required");
    }
    return read(caseId, ROWS_FROM, version, version);
  }

  /**
   * The stored events of all cases after a checkpoint, in the order of their global positions: the read a
   * projection across cases (a service's caseload, a report) polls to stay current without reading everything
   * again. It never skips an event that another writer has yet to commit and never returns one twice: each event
   * comes back once its append and every append holding a lower position have finished (see the class comment).
   *
   * <pre>{@code
   * Seq<PositionedEvent> page = store.eventsAfterPosition(checkpoint, 500);   // checkpoint 0 at first
   * service = service.applyAll(page.map(PositionedEvent::event));               // a ServiceProjection, say
   * checkpoint = page.lastOption().map(PositionedEvent::position).getOrElse(checkpoint);  // kept with it
   * }</pre>
   *
   * <p>Each row is checked on its own: its hash over its columns and stored document, and its document against its
   * columns. The links of each case's chain are checked by {@link #load} and {@link #audit}.
   *
   * @param position the position of the last event already seen; 0 to read from the first event
   * @param limit    the most events to return, from 1 to {@link #MAX_PAGE}
   * @return the next events, at most {@code limit}, in position order; empty when there are none yet
   * @throws IllegalArgumentException if the position is negative or the limit out of range
   * @throws TamperedHistoryException if a row no longer matches its hash
   * @throws StoredRowException       if a row cannot be read back
   * @throws EventStoreException      if the database failed
   */
  public Seq<PositionedEvent> eventsAfterPosition(long position, int limit) {
    if (position < 0) {
      throw new IllegalArgumentException("position must be at least 0, not " + position);
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_PAGE + ", not " + limit);
    }
    try (Connection connection = connect("read the events after position " + position)) {
      // The bound first, the rows in a later statement: what was finished then is still finished, and visible.
      long readable = positions.readable(connection);
      if (readable <= position) {
        return Vector.empty();
      }
      Vector<PositionedEvent> read = Vector.empty();
      try (PreparedStatement select = prepare(connection, POSITIONED_ROWS)) {
        select.setLong(1, position);
        select.setLong(2, readable);
        select.setInt(3, limit);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            Row row = Row.of(rows);
            if (!row.sealed()) {
              throw new TamperedHistoryException(new Tampering(CaseId.of(row.caseId()), row.sequence(),
                  Tampering.Kind.ALTERED));
            }
            read = read.append(new PositionedEvent(rows.getLong(11), decode(row)));
          }
        }
      }
      return read;
    } catch (SQLException e) {
      throw new EventStoreException("cannot read the events after position " + position, e);
    }
  }

  /**
   * The position of the latest event a catch-up read returns now: a projection whose checkpoint is here is current.
   * Later events may be stored and still not be readable while an append holding a lower position is unfinished.
   *
   * <pre>{@code
   * boolean current = checkpoint >= store.headPosition();
   * }</pre>
   *
   * @return the position, 0 if no event is readable
   * @throws EventStoreException if the database failed
   */
  public long headPosition() {
    try (Connection connection = connect("read the head position")) {
      long readable = positions.readable(connection);
      try (PreparedStatement select = prepare(connection, HEAD_POSITION)) {
        select.setLong(1, readable);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? rows.getLong(1) : 0;
        }
      }
    } catch (SQLException e) {
      throw new EventStoreException("cannot read the head position", e);
    }
  }

  /**
   * Reads every event after a checkpoint, page by page, up to the head as it was when the last page was read: the
   * catch-up loop of a projection across cases, which then polls again (or stores its checkpoint and stops).
   *
   * <pre>{@code
   * AtomicReference<ServiceProjection> service = new AtomicReference<>(ServiceProjection.empty(settings));
   * long checkpoint = store.readAllAfter(0, 500,
   *     page -> service.set(service.get().applyAll(page.map(PositionedEvent::event))));
   * }</pre>
   *
   * @param position the position of the last event already seen; 0 to read from the first event
   * @param pageSize the most events handed over at once, from 1 to {@link #MAX_PAGE}
   * @param eachPage receives each non-empty page in order; if it throws, the reading stops there and the exception
   *                 propagates
   * @return the position of the last event handed over, or {@code position} if there was none
   * @throws IllegalArgumentException as {@link #eventsAfterPosition}, or if {@code eachPage} is missing
   * @throws TamperedHistoryException if a row no longer matches its hash
   * @throws StoredRowException       if a row cannot be read back
   * @throws EventStoreException      if the database failed
   */
  public long readAllAfter(long position, int pageSize, Consumer<? super Seq<PositionedEvent>> eachPage) {
    if (eachPage == null) {
      throw new IllegalArgumentException("eachPage is required");
    }
    long reached = position;
    while (true) {
      Seq<PositionedEvent> page = eventsAfterPosition(reached, pageSize);
      if (page.isEmpty()) {
        return reached;
      }
      eachPage.accept(page);
      reached = page.last().position();
      if (page.size() < pageSize) {
        return reached;
      }
    }
  }

  /**
   * Reads rows and follows their chain. With {@code anchor > 0} the first row must be the one at the anchor,
   * whose hash the next row chains to; it is not returned.
   */
  private Seq<RecordedEvent> read(CaseId caseId, String sql, long bound, long anchor) {
    try (Connection connection = connect("read case " + caseId);
        PreparedStatement select = prepare(connection, sql)) {
      select.setString(1, caseId.value());
      select.setLong(2, bound);
      Vector<Row> chained = Vector.empty();
      try (ResultSet rows = select.executeQuery()) {
        Chain chain = new Chain(caseId, anchor);
        while (rows.next()) {
          Row row = Row.of(rows);
          if (chain.follow(row)) {
            chained = chained.append(row);
          }
        }
        chain.end();
      }
      // Only a chain that holds is read: tampering is reported before whatever the tampered rows would break.
      return chained.map(this::decode);
    } catch (SQLException e) {
      throw new EventStoreException("cannot read case " + caseId, e);
    }
  }

  /** A row as stored. */
  private record Row(String caseId, long sequence, String phaseAfter, OffsetDateTime recordedAt, String actor,
      String type, String payload, String commandId, String previousHash, String eventHash) {

    static Row of(ResultSet rows) throws SQLException {
      return new Row(rows.getString(1), rows.getLong(2), rows.getString(3),
          rows.getObject(4, OffsetDateTime.class), rows.getString(5), rows.getString(6), rows.getString(7),
          rows.getString(8), rows.getString(9), rows.getString(10));
    }

    boolean sealed() {
      return eventHash.equals(HashChain.hash(previousHash, caseId, sequence, commandId, phaseAfter, type, payload));
    }
  }

  /** Follows a case's rows in sequence order and throws at the first one that departs from the chain. */
  private static final class Chain {
    private final CaseId caseId;
    private final long anchor;
    private long expected;
    private Row previous;

    Chain(CaseId caseId, long anchor) {
      this.caseId = caseId;
      this.anchor = anchor;
      this.expected = anchor == 0 ? 1 : anchor;
    }

    /** Checks the next row; true if it is an event to return (not the anchor). */
    boolean follow(Row row) {
      if (row.sequence() != expected) {
        throw tampered(expected, Tampering.Kind.REMOVED);
      }
      expected++;
      // The link first: a row put in or taken out shows as a link that skips, even where the rows after it were
      // renumbered and their own hashes recomputed.
      String before = previous == null ? (anchor == 0 ? HashChain.GENESIS : null) : previous.eventHash();
      if (before != null && !row.previousHash().equals(before)) {
        boolean skipsPrevious = previous != null && row.previousHash().equals(previous.previousHash());
        throw skipsPrevious
            ? tampered(previous.sequence(), Tampering.Kind.INSERTED)
            : tampered(row.sequence(), Tampering.Kind.REMOVED);
      }
      if (!row.sealed()) {
        throw tampered(row.sequence(), Tampering.Kind.ALTERED);
      }
      previous = row;
      return row.sequence() > anchor;
    }

    /** After the last row: the anchor, if any, must have been there. */
    void end() {
      if (anchor > 0 && previous == null) {
        throw tampered(anchor, Tampering.Kind.REMOVED);
      }
    }

    private TamperedHistoryException tampered(long sequence, Tampering.Kind kind) {
      return new TamperedHistoryException(new Tampering(caseId, sequence, kind));
    }
  }

  private RecordedEvent decode(Row row) {
    CaseId caseId = CaseId.of(row.caseId());
    RecordedEvent event;
    try {
      event = wire.readEvent(row.payload());
    } catch (WireFormatException | InvalidInputException e) {
      throw new StoredRowException(caseId, row.sequence(), "cannot be read back", e);
    }
    if (!event.caseId().equals(caseId) || event.sequence() != row.sequence()
        || !event.event().getClass().getSimpleName().equals(row.type())
        || !event.actor().value().equals(row.actor()) || !event.at().equals(row.recordedAt().toInstant())) {
      throw new StoredRowException(caseId, row.sequence(), "has a payload that does not match its columns", null);
    }
    return event;
  }

  private long lastCommandedSequence(CaseId caseId) {
    try (Connection connection = connect("read case " + caseId);
        PreparedStatement select = prepare(connection, LAST_COMMANDED)) {
      select.setString(1, caseId.value());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new EventStoreException("cannot read the commands of case " + caseId, e);
    }
  }

  /**
   * The version of a case: the sequence number of its last stored event.
   *
   * @param caseId the case to look up
   * @return the version, 0 if the case has no events
   */
  public long version(CaseId caseId) {
    if (caseId == null) {
      throw new IllegalArgumentException("caseId is required");
    }
    try (Connection connection = connect("read case " + caseId)) {
      return head(connection, caseId).version();
    } catch (SQLException e) {
      throw new EventStoreException("cannot read the version of case " + caseId, e);
    }
  }

  /** A case's latest version and the hash the next event chains to. */
  private record Head(long version, String hash) {}

  private Head head(Connection connection, CaseId caseId) throws SQLException {
    try (PreparedStatement select = prepare(connection, HEAD)) {
      select.setString(1, caseId.value());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? new Head(rows.getLong(1), rows.getString(2)) : new Head(0, HashChain.GENESIS);
      }
    }
  }

  /**
   * The cases whose latest event left them in a phase, e.g. to list the open assessments of a team.
   *
   * @param phase the phase the case's latest event left it in (a suspended case keeps its phase)
   * @return the cases' ids, ordered by {@link CaseId#compareTo} whatever the database's collation
   */
  public Seq<CaseId> casesInPhase(Phase phase) {
    if (phase == null) {
      throw new IllegalArgumentException("phase is required");
    }
    try (Connection connection = connect("list the cases in " + phase);
        PreparedStatement select = prepare(connection, CASES_IN_PHASE)) {
      select.setString(1, phase.name());
      List<CaseId> ids = List.empty();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids = ids.prepend(CaseId.of(rows.getString(1)));
        }
      }
      return ids.sorted();
    } catch (SQLException e) {
      throw new EventStoreException("cannot list the cases in " + phase, e);
    }
  }

  /** Releases the connection pool this store created ({@link #h2InMemory}); a data source given to it stays open. */
  @Override
  public void close() {
    onClose.run();
  }

  /**
   * An event with the case file it leaves behind, whose phase goes into {@code phase_after}.
   *
   * @param event a recorded event
   * @param after the case file once the event is applied, whose phase is stored beside it
   */
  public record PhasedEvent(RecordedEvent event, CaseFile after) {

    /** Throws {@link IllegalArgumentException} if a part is missing. */
    public PhasedEvent {
      if (event == null || after == null) {
        throw new IllegalArgumentException("event and after are required");
      }
    }

    /**
     * Applies events one by one, keeping the case file after each.
     *
     * @param before the case file the events follow, or none if they open the case
     * @param events the recorded events to apply, in order
     * @return each event with the case file after it
     * @throws IllegalArgumentException if the events do not follow {@code before} (or do not open a case)
     */
    public static Seq<PhasedEvent> applying(Option<CaseFile> before, Seq<RecordedEvent> events) {
      Vector<PhasedEvent> phased = Vector.empty();
      Option<CaseFile> state = before;
      for (RecordedEvent event : events) {
        CaseFile next = state.isDefined()
            ? state.map(file -> file.evolve(List.of(event))).getOrElseThrow(IllegalStateException::new)
            : opened(event);
        phased = phased.append(new PhasedEvent(event, next));
        state = Option.some(next);
      }
      return phased;
    }

    private static CaseFile opened(RecordedEvent event) {
      if (!(event.event() instanceof CaseEvent.CaseOpened)) {
        throw new IllegalArgumentException("a new case's first event must be CaseOpened");
      }
      return CaseFile.replay(List.of(event)).getOrElseThrow(invalid -> new IllegalArgumentException(invalid.toString()));
    }
  }
}
