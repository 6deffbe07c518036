package org.casemgmt.examples.store;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection.VersionConflict;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * An append-only store of case events in one SQL table, with optimistic concurrency: H2 embedded by default,
 * PostgreSQL (or another database with the same portable SQL) by JDBC URL.
 *
 * <pre>{@code
 * try (JdbcEventStore store = JdbcEventStore.h2InMemory("cases")) {
 *   Seq<RecordedEvent> events = caseFile.decide(issued, command).getOrElseThrow(...);
 *   store.append(Option.some(caseFile), events)            // expects caseFile.version()
 *       .fold(conflict -> reloadAndRetry(), after -> show(after));
 *   Option<CaseFile> loaded = store.load(caseFile.id());   // CaseFile.replay of the stored events
 * }
 * }</pre>
 *
 * <p><b>Table.</b> {@code case_event(case_id, sequence, phase_after, recorded_at, actor, type, payload_json)} with
 * {@code PRIMARY KEY (case_id, sequence)}. The payload is the event's {@link WireFormat} document; the other
 * columns repeat what queries need (which case, which phase, who, when, what kind) so that nobody has to parse
 * JSON in SQL. Rows are only ever inserted, so rows written in an earlier schema version of the format stay as
 * they are: loading reads them as the wire format reads every schema it knows. Only events are stored: the
 * command that caused an event, and its {@code Issued} envelope, are not kept (the event's {@code actor} and
 * {@code recorded_at} are who issued it and when).
 *
 * <p><b>Concurrency.</b> A case's events are numbered 1, 2, 3… without gaps ({@link RecordedEvent#sequence()}),
 * so the primary key is the lock: two writers who decided on the same version both try to insert the same
 * sequence number and the database lets only one of them commit. The other gets a
 * {@link VersionConflict} as a value, reloads and decides again. No row locks, no {@code SELECT … FOR UPDATE}.
 *
 * <p><b>Portability.</b> The SQL is plain SQL:2003 that H2 2.x and PostgreSQL both accept; a duplicate key is
 * recognised by its SQLState {@code 23505}, the same on both. Unexpected database errors are thrown as
 * {@link EventStoreException}; a payload that cannot be read as {@link WireFormatException} or
 * {@link org.casemgmt.InvalidInputException}.
 */
public final class JdbcEventStore implements AutoCloseable {

  /** Opens database connections; {@code javax.sql.DataSource::getConnection} is one. */
  @FunctionalInterface
  public interface Connections {
    /**
     * Opens a connection, which the store closes after one operation.
     *
     * @return a new or pooled connection
     * @throws SQLException if the database cannot be reached
     */
    Connection open() throws SQLException;
  }

  /** The SQLState of a unique-key violation, in H2 and PostgreSQL alike (SQL standard class 23). */
  private static final String DUPLICATE_KEY = "23505";

  private static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS case_event ("
      + "case_id VARCHAR(64) NOT NULL, "
      + "sequence BIGINT NOT NULL, "
      + "phase_after VARCHAR(32) NOT NULL, "
      + "recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, "
      + "actor VARCHAR(64) NOT NULL, "
      + "type VARCHAR(64) NOT NULL, "
      + "payload_json VARCHAR(1000000) NOT NULL, "
      + "PRIMARY KEY (case_id, sequence))";

  private static final String INSERT = "INSERT INTO case_event "
      + "(case_id, sequence, phase_after, recorded_at, actor, type, payload_json) VALUES (?, ?, ?, ?, ?, ?, ?)";

  private static final String VERSION = "SELECT MAX(sequence) FROM case_event WHERE case_id = ?";

  private static final String EVENTS_AFTER = "SELECT case_id, sequence, type, payload_json FROM case_event "
      + "WHERE case_id = ? AND sequence > ? ORDER BY sequence";

  private static final String CASES_IN_PHASE = "SELECT e.case_id FROM case_event e "
      + "WHERE e.phase_after = ? "
      + "AND e.sequence = (SELECT MAX(s.sequence) FROM case_event s WHERE s.case_id = e.case_id) "
      + "ORDER BY e.case_id";

  private final Connections connections;
  private final WireFormat wire;
  private final Runnable onClose;

  /**
   * Creates a store over the given connections and creates the table if it does not exist.
   *
   * @param connections where connections come from (a pool in production)
   * @param wire        the wire format of the payloads
   * @throws EventStoreException if the table cannot be created
   */
  public JdbcEventStore(Connections connections, WireFormat wire) {
    this(connections, wire, () -> { });
  }

  private JdbcEventStore(Connections connections, WireFormat wire, Runnable onClose) {
    if (connections == null || wire == null) {
      throw new IllegalArgumentException("connections and wire are required");
    }
    this.connections = connections;
    this.wire = wire;
    this.onClose = onClose;
    createTable();
  }

  /**
   * A store in a named in-memory H2 database that lives until the JVM ends ({@code DB_CLOSE_DELAY=-1}), for
   * tests, demos and single-process tools.
   *
   * @param name the database name: letters, digits, {@code -} and {@code _}
   * @return the store, its table created
   */
  public static JdbcEventStore h2InMemory(String name) {
    if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("name must be 1 to 64 letters, digits, - or _");
    }
    return connect("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  /**
   * A store at a JDBC URL: {@code jdbc:h2:…} (memory or file, with a connection pool) or any other URL whose
   * driver is on the class path, e.g. {@code jdbc:postgresql://host/db} (a connection per operation: put a real
   * pool in front with {@link #JdbcEventStore(Connections, WireFormat)} in production).
   *
   * @param url      the JDBC URL
   * @param user     the database user
   * @param password that user's password (H2 in memory: empty)
   * @return the store, its table created
   */
  public static JdbcEventStore connect(String url, String user, String password) {
    if (url == null) {
      throw new IllegalArgumentException("url is null");
    }
    if (url.startsWith("jdbc:h2:")) {
      JdbcConnectionPool pool = JdbcConnectionPool.create(url, user, password);
      pool.setMaxConnections(32);
      return new JdbcEventStore(pool::getConnection, new WireFormat(), pool::dispose);
    }
    return new JdbcEventStore(() -> DriverManager.getConnection(url, user, password), new WireFormat(), () -> { });
  }

  private void createTable() {
    try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
      statement.execute(CREATE_TABLE);
    } catch (SQLException e) {
      throw new EventStoreException("cannot create table case_event", e);
    }
  }

  // ---------------------------------------------------------------- writing

  /**
   * Appends the events a case file decided, expecting the store to hold exactly {@code before}'s version of the
   * case (none for the opening events); computes each event's phase by applying it. This is the usual way in:
   * decide, then append, and use the returned case file.
   *
   * @param before the case file the events were decided on, or none when the events open the case
   * @param events the events, numbered from {@code before.version() + 1}
   * @return the case file after the events, or the conflict if the case changed meanwhile
   * @throws IllegalArgumentException if the events do not follow {@code before}
   */
  public Either<VersionConflict, CaseFile> append(Option<CaseFile> before, Seq<RecordedEvent> events) {
    if (before == null || events == null || events.isEmpty()) {
      throw new IllegalArgumentException("before and at least one event are required");
    }
    Seq<PhasedEvent> phased = PhasedEvent.applying(before, events);
    CaseId caseId = events.head().caseId();
    long expected = before.map(CaseFile::version).getOrElse(0L);
    return append(caseId, expected, phased).map(version -> phased.last().after());
  }

  /**
   * Appends events in one transaction if the case is at the expected version; all or none are stored.
   *
   * @param caseId          the case the events belong to
   * @param expectedVersion the version the events were decided on (0 for a new case)
   * @param events          the events, numbered from {@code expectedVersion + 1}, with their phases
   * @return the case's new version, or a {@link VersionConflict} with the version found
   * @throws IllegalArgumentException if the events belong to another case or are not numbered in order
   * @throws EventStoreException      on any other database error
   */
  public Either<VersionConflict, Long> append(CaseId caseId, long expectedVersion, Seq<PhasedEvent> events) {
    checkNumbering(caseId, expectedVersion, events);
    try (Connection connection = connections.open()) {
      connection.setAutoCommit(false);
      try {
        long actual = version(connection, caseId);
        if (actual != expectedVersion) {
          connection.rollback();
          return Either.left(new VersionConflict(caseId, expectedVersion, actual));
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
          for (PhasedEvent phased : events) {
            RecordedEvent event = phased.event();
            insert.setString(1, caseId.value());
            insert.setLong(2, event.sequence());
            insert.setString(3, phased.after().phase().name());
            insert.setObject(4, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC));
            insert.setString(5, event.actor().value());
            insert.setString(6, event.event().getClass().getSimpleName());
            insert.setString(7, wire.toJson(event));
            insert.executeUpdate();
          }
        }
        connection.commit();
        return Either.right(events.last().event().sequence());
      } catch (SQLException e) {
        connection.rollback();
        if (isDuplicateKey(e)) {
          // Another writer committed the same sequence number first: a conflict, not an error.
          return Either.left(new VersionConflict(caseId, expectedVersion, version(connection, caseId)));
        }
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new EventStoreException("cannot append to case " + caseId, e);
    }
  }

  private static void checkNumbering(CaseId caseId, long expectedVersion, Seq<PhasedEvent> events) {
    if (caseId == null || events == null || events.isEmpty() || expectedVersion < 0) {
      throw new IllegalArgumentException("a case id, a version of at least 0 and at least one event are required");
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
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- reading

  /**
   * Loads a case by replaying its stored events, each checked against the rules.
   *
   * @param caseId the case to load
   * @return the case file, or none if the case has no events
   * @throws EventStoreException if the stored history is not a valid history (a gap, another case's events, an
   *     event the rules would refuse)
   */
  public Option<CaseFile> load(CaseId caseId) {
    Seq<RecordedEvent> history = eventsAfter(caseId, 0);
    if (history.isEmpty()) {
      return Option.none();
    }
    return Option.some(CaseFile.replay(history).getOrElseThrow(invalid ->
        new EventStoreException("the stored history of case " + caseId + " is invalid: " + invalid, null)));
  }

  /**
   * Brings a case file up to date with the events stored after its version: cheaper than {@link #load} for a
   * caller that keeps case files in memory, and exactly equivalent to it.
   *
   * @param file a case file of this store
   * @return the case file with every stored event after its version applied
   */
  public CaseFile catchUp(CaseFile file) {
    return file.evolve(eventsAfter(file.id(), file.version()));
  }

  /**
   * The stored events of a case after a version, in order.
   *
   * @param caseId  the case whose events to read
   * @param version the version already known; 0 for the whole history
   * @return the events numbered from {@code version + 1}, in order (empty if there are none)
   */
  public Seq<RecordedEvent> eventsAfter(CaseId caseId, long version) {
    try (Connection connection = connections.open();
        PreparedStatement select = connection.prepareStatement(EVENTS_AFTER)) {
      select.setString(1, caseId.value());
      select.setLong(2, version);
      Vector<RecordedEvent> events = Vector.empty();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events = events.append(decode(rows));
        }
      }
      return events;
    } catch (SQLException e) {
      throw new EventStoreException("cannot read case " + caseId, e);
    }
  }

  private RecordedEvent decode(ResultSet row) throws SQLException {
    RecordedEvent event = wire.readEvent(row.getString("payload_json"));
    if (!event.caseId().value().equals(row.getString("case_id")) || event.sequence() != row.getLong("sequence")
        || !event.event().getClass().getSimpleName().equals(row.getString("type"))) {
      throw new EventStoreException("the payload of " + row.getString("case_id") + "#" + row.getLong("sequence")
          + " does not match its row", null);
    }
    return event;
  }

  /**
   * The version of a case: the sequence number of its last stored event.
   *
   * @param caseId the case to look up
   * @return the version, 0 if the case has no events
   */
  public long version(CaseId caseId) {
    try (Connection connection = connections.open()) {
      return version(connection, caseId);
    } catch (SQLException e) {
      throw new EventStoreException("cannot read the version of case " + caseId, e);
    }
  }

  private static long version(Connection connection, CaseId caseId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(VERSION)) {
      select.setString(1, caseId.value());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    }
  }

  /**
   * The cases whose latest event left them in a phase, e.g. to list the open assessments of a team.
   *
   * @param phase the phase the case's latest event left it in (a suspended case keeps its phase)
   * @return the cases' ids, in id order
   */
  public Seq<CaseId> casesInPhase(Phase phase) {
    try (Connection connection = connections.open();
        PreparedStatement select = connection.prepareStatement(CASES_IN_PHASE)) {
      select.setString(1, phase.name());
      List<CaseId> ids = List.empty();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids = ids.prepend(CaseId.of(rows.getString(1)));
        }
      }
      return ids.reverse();
    } catch (SQLException e) {
      throw new EventStoreException("cannot list the cases in " + phase, e);
    }
  }

  /** Releases the connection pool this store created, if any; an in-memory H2 database stays until the JVM ends. */
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
