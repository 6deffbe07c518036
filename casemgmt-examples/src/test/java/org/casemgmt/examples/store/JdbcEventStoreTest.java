package org.casemgmt.examples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.CommandId;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.casefile.Rejection.VersionConflict;
import org.casemgmt.examples.store.JdbcEventStore.NotAppended;
import org.casemgmt.examples.store.JdbcEventStore.PhasedEvent;
import org.casemgmt.need.LifeDomain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event store on H2 and on a real PostgreSQL, the same tests on both: append with an expected version, load
 * by replay, conflicts and busy cases as values, a command stored once, bounded waits, tamper evidence.
 */
@ParameterizedClass
@MethodSource("org.casemgmt.examples.store.TestDatabase#all")
class JdbcEventStoreTest {

  static final Seq<RecordedEvent> HISTORY = GoldenHistory.events();
  static final Seq<IssuedCommand> COMMANDS = GoldenHistory.commands();
  static final JdbcEventStore.Timeouts SHORT =
      new JdbcEventStore.Timeouts(Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofMillis(800));

  final TestDatabase db;
  final java.util.List<HikariDataSource> pools = new ArrayList<>();
  String name;
  HikariDataSource pool;
  JdbcEventStore store;

  JdbcEventStoreTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void a_fresh_database() {
    name = db.createEmpty();
    pool = pool();
    StoreSchema.migrate(pool);
    store = JdbcEventStore.over(pool);
  }

  @AfterEach
  void close() {
    pools.forEach(HikariDataSource::close);
  }

  HikariDataSource pool() {
    HikariDataSource created = db.pool(name, 10);
    pools.add(created);
    return created;
  }

  JdbcEventStore storeWithShortTimeouts(DataSource dataSource) {
    return JdbcEventStore.over(dataSource, new WireFormat(), SHORT);
  }

  Connection raw() throws SQLException {
    return db.direct(name).getConnection();
  }

  int sql(String statement) throws SQLException {
    try (Connection c = raw(); Statement s = c.createStatement()) {
      return s.executeUpdate(statement);
    }
  }

  long count(String query) throws SQLException {
    try (Connection c = raw(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }

  CaseFile opened() {
    return store.append(Option.none(), HISTORY.take(1)).getOrElseThrow(c -> new AssertionError(c));
  }

  static Seq<PhasedEvent> phased(int from, int to) {
    return PhasedEvent.applying(Option.none(), HISTORY.take(to)).drop(from);
  }

  /** The golden case's opening events, for another case id. */
  static Seq<RecordedEvent> openingOf(CaseId caseId) {
    IssuedCommand opening = COMMANDS.head();
    Command.OpenCase golden = (Command.OpenCase) opening.command();
    return CaseFile.decideOpening(opening.issued(), new Command.OpenCase(caseId, golden.client(),
        golden.caseManager(), golden.scope(), golden.openedOn())).get();
  }

  /** Opens the golden case through the service, issued as the golden commands say. */
  static Either<CaseService.Failure, CaseFile> open(CaseService service) {
    IssuedCommand opening = COMMANDS.head();
    return service.open(opening.issued(), (Command.OpenCase) opening.command());
  }

  /** Recomputes a case's hash chain over its rows as stored, as a store of an earlier version would have sealed them. */
  void reseal(CaseId caseId) throws SQLException {
    try (Connection c = raw();
        PreparedStatement select = c.prepareStatement("SELECT sequence, command_id, phase_after, type, payload_json "
            + "FROM case_event WHERE case_id = ? ORDER BY sequence");
        PreparedStatement update = c.prepareStatement(
            "UPDATE case_event SET previous_hash = ?, event_hash = ? WHERE case_id = ? AND sequence = ?")) {
      select.setString(1, caseId.value());
      String previous = HashChain.GENESIS;
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String hash = HashChain.hash(previous, caseId.value(), rows.getLong(1), rows.getString(2),
              rows.getString(3), rows.getString(4), rows.getString(5));
          update.setString(1, previous);
          update.setString(2, hash);
          update.setString(3, caseId.value());
          update.setLong(4, rows.getLong(1));
          update.executeUpdate();
          previous = hash;
        }
      }
    }
  }

  @Nested
  class Appending_and_loading {
    @Test
    void a_stored_history_loads_back_as_the_same_case_file() {
      assertTrue(store.append(Option.none(), HISTORY).isRight());
      assertEquals(CaseFile.replay(HISTORY).toOption(), store.load(GoldenHistory.CASE));
      assertEquals(HISTORY, store.eventsAfter(GoldenHistory.CASE, 0));
      assertEquals(HISTORY.size(), store.version(GoldenHistory.CASE));
      assertEquals(Option.none(), store.audit(GoldenHistory.CASE));
    }

    @Test
    void appending_returns_the_case_file_after_the_events() {
      CaseFile opened = opened();
      Either<NotAppended, CaseFile> after = store.append(Option.some(opened), HISTORY.slice(1, 5));
      assertEquals(CaseFile.replay(HISTORY.take(5)).toOption(), after.toOption());
      assertEquals(Option.some(5L), after.map(CaseFile::version).toOption());
    }

    @Test
    void a_case_loads_as_it_was_at_any_stored_version() {
      store.append(Option.none(), HISTORY);
      for (int version : new int[] {1, 7, HISTORY.size()}) {
        assertEquals(CaseFile.replay(HISTORY.take(version)).toOption(), store.load(GoldenHistory.CASE, version));
      }
      assertEquals(Option.none(), store.load(GoldenHistory.CASE, HISTORY.size() + 1));
    }

    @Test
    void an_unknown_case_loads_as_none() {
      assertEquals(Option.none(), store.load(CaseId.of("NOBODY")));
      assertEquals(0, store.version(CaseId.of("NOBODY")));
    }

    @Test
    void catching_up_equals_loading() {
      CaseFile opened = opened();
      store.append(Option.some(opened), HISTORY.slice(1, 20));
      assertEquals(store.load(GoldenHistory.CASE), Option.some(store.catchUp(opened)));
    }

    @Test
    void events_that_do_not_follow_the_expected_version_are_a_programming_error() {
      opened();
      assertThrows(IllegalArgumentException.class,
          () -> store.append(GoldenHistory.CASE, 1, Option.none(), phased(1, 3).drop(1)));
    }

    @Test
    void texts_outside_the_basic_plane_and_every_accent_come_back_exactly() {
      CaseService service = new CaseService(store, 3);
      open(service);
      String text = "Zoë's 住所 — 𝄞 music, 👩‍👧 family, Ꙩ, é/é";
      Issued issued = COMMANDS.get(1).issued();
      assertTrue(service.handle(GoldenHistory.CASE, issued, new Command.StartAssessment()).isRight());
      Either<CaseService.Failure, CaseFile> recorded =
          service.handle(GoldenHistory.CASE, issued, new Command.RecordStrength(LifeDomain.HOUSING, text));
      assertTrue(recorded.isRight(), recorded::toString);
      CaseFile loaded = store.load(GoldenHistory.CASE).get();
      assertEquals(text, loaded.strengths().last().description().text());
      assertEquals(service.latest(GoldenHistory.CASE).get(), loaded);
    }

    @Test
    void the_store_refuses_a_database_whose_schema_is_not_current() throws SQLException {
      sql("DELETE FROM casemgmt_schema WHERE version = " + StoreSchema.CURRENT);
      EventStoreException e = assertThrows(EventStoreException.class, () -> JdbcEventStore.over(pool));
      assertTrue(e.getMessage().contains("StoreSchema.migrate"), e.getMessage());
    }
  }

  @Nested
  class Concurrency {
    @Test
    void a_writer_with_a_stale_version_gets_a_version_conflict_and_nothing_is_stored() {
      CaseFile opened = opened();
      assertTrue(store.append(Option.some(opened), HISTORY.slice(1, 3)).isRight());
      Either<NotAppended, CaseFile> stale = store.append(Option.some(opened), HISTORY.slice(1, 2));
      assertEquals(Either.left(new NotAppended.Conflict(new VersionConflict(GoldenHistory.CASE, 1, 3))),
          stale.map(CaseFile::version));
      assertEquals(3, store.version(GoldenHistory.CASE));
    }

    @Test
    void a_writer_expecting_a_version_the_case_has_not_reached_gets_a_conflict_not_a_gap() {
      opened();
      assertEquals(Either.left(new NotAppended.Conflict(new VersionConflict(GoldenHistory.CASE, 4, 1))),
          store.append(GoldenHistory.CASE, 4, Option.none(), phased(4, 6)));
    }

    /**
     * Two writers decide on the same version; the first inserts its row and is held at COMMIT, the second reads
     * the old version and meets that row at its insert, then the first commits. Answers the second's outcome.
     */
    Either<NotAppended, Long> race(long version) throws Exception {
      FaultyDataSource faulty = new FaultyDataSource(pool());
      JdbcEventStore first = JdbcEventStore.over(faulty);
      FaultyDataSource.Pause pause = faulty.pauseNextCommit();
      int v = (int) version;
      CompletableFuture<Either<NotAppended, Long>> winner = CompletableFuture.supplyAsync(
          () -> first.append(GoldenHistory.CASE, version, Option.none(), phased(v, v + 1)));
      pause.awaitPaused();
      CompletableFuture<Either<NotAppended, Long>> loser = CompletableFuture.supplyAsync(
          () -> store.append(GoldenHistory.CASE, version, Option.none(), phased(v, v + 1)));
      Thread.sleep(200);
      pause.release();
      assertEquals(Either.right(version + 1), winner.get(30, TimeUnit.SECONDS));
      return loser.get(30, TimeUnit.SECONDS);
    }

    @Test
    void a_writer_that_loses_the_race_at_the_insert_gets_a_conflict() throws Exception {
      opened();
      assertEquals(Either.left(new NotAppended.Conflict(new VersionConflict(GoldenHistory.CASE, 1, 2))), race(1));
      assertEquals(2, store.version(GoldenHistory.CASE));
    }

    @Test
    void lost_races_and_repeated_commands_write_no_error_into_the_postgresql_log() throws Exception {
      assumeTrue(db == TestDatabase.POSTGRESQL, "H2 runs in the test's own process and keeps no server log");
      long before = TestDatabase.postgresErrorLines();
      opened();
      for (long version = 1; version <= 5; version++) {
        assertInstanceOf(NotAppended.Conflict.class, race(version).getLeft());
      }
      CaseFile current = store.load(GoldenHistory.CASE).get();
      IssuedCommand command = IssuedCommand.of(COMMANDS.get(6).issued().withCommandId(CommandId.of("cmd-log")),
          COMMANDS.get(6).command());
      Seq<RecordedEvent> events = current.decide(command.issued(), command.command()).get();
      assertTrue(store.append(Option.some(current), command, events).isRight());
      assertInstanceOf(NotAppended.AlreadyStored.class, store.append(Option.some(current), command, events).getLeft());
      assertEquals(before, TestDatabase.postgresErrorLines());
    }

    @Test
    void opening_a_case_twice_is_refused_as_already_opened() {
      CaseService service = new CaseService(store, 3);
      assertTrue(open(service).isRight());
      assertEquals(Either.left(new CaseService.Failure.Refused(new Rejection.CaseAlreadyOpened(GoldenHistory.CASE))),
          open(service));
    }

  }

  @Nested
  class Command_identity {
    IssuedCommand withId(IssuedCommand command, String id) {
      return IssuedCommand.of(command.issued().withCommandId(CommandId.of(id)), command.command());
    }

    @Test
    void the_same_command_appended_twice_is_stored_once() {
      CaseFile opened = opened();
      IssuedCommand command = withId(COMMANDS.get(1), "cmd-1");
      Seq<RecordedEvent> events = opened.decide(command.issued(), command.command()).get();
      assertTrue(store.append(Option.some(opened), command, events).isRight());
      Either<NotAppended, CaseFile> again = store.append(Option.some(opened), command, events);
      assertEquals(Either.left(new NotAppended.AlreadyStored(new JdbcEventStore.StoredCommand(CommandId.of("cmd-1"),
          GoldenHistory.CASE, 2, 2, store.digestOf(command)))), again);
      assertEquals(2, store.version(GoldenHistory.CASE));
    }

    @Test
    void a_retried_command_answers_the_stored_result_without_applying_it_again() throws SQLException {
      CaseService service = new CaseService(store, 3);
      open(service);
      IssuedCommand command = withId(COMMANDS.get(1), "cmd-2");
      CaseFile first = service.handle(GoldenHistory.CASE, command).get();
      // Another command lands in between; the retry still answers the case as its first attempt left it.
      assertTrue(service.handle(GoldenHistory.CASE, COMMANDS.get(2)).isRight());
      CaseService restarted = new CaseService(JdbcEventStore.over(pool), 3);
      assertEquals(Either.right(first), restarted.handle(GoldenHistory.CASE, command));
      assertEquals(3, store.version(GoldenHistory.CASE));
      assertEquals(1, count("SELECT COUNT(*) FROM case_command WHERE command_id = 'cmd-2'"));
      assertEquals(1, count("SELECT COUNT(*) FROM case_event WHERE command_id = 'cmd-2'"));
    }

    @Test
    void an_id_reused_for_another_command_is_refused() {
      CaseService service = new CaseService(store, 3);
      open(service);
      assertTrue(service.handle(GoldenHistory.CASE, withId(COMMANDS.get(1), "cmd-3")).isRight());
      Either<CaseService.Failure, CaseFile> reused = service.handle(GoldenHistory.CASE, withId(COMMANDS.get(2), "cmd-3"));
      assertInstanceOf(CaseService.Failure.CommandIdReused.class, reused.getLeft());
      assertEquals(2, store.version(GoldenHistory.CASE));
    }

    @Test
    void a_connection_lost_right_after_commit_leaves_the_command_stored_exactly_once() throws Exception {
      CaseService opener = new CaseService(store, 3);
      open(opener);
      DataSource cutting;
      TcpRelay relay = null;
      FaultyDataSource faulty = null;
      if (db == TestDatabase.POSTGRESQL) {
        // A real lost connection: the relay forwards the COMMIT, waits for the server's answer and drops it.
        relay = new TcpRelay(TestDatabase.postgresPort());
        org.postgresql.ds.PGSimpleDataSource viaRelay = new org.postgresql.ds.PGSimpleDataSource();
        viaRelay.setURL("jdbc:postgresql://127.0.0.1:" + relay.port() + "/" + name);
        viaRelay.setUser(db.user());
        cutting = viaRelay;
        relay.cutAfterNextCommit();
      } else {
        // H2 in memory has no connection to lose: the connection commits, then fails as a lost one does.
        faulty = new FaultyDataSource(pool());
        faulty.cutAfterNextCommit();
        cutting = faulty;
      }
      try {
        JdbcEventStore cut = JdbcEventStore.over(cutting);
        IssuedCommand command = COMMANDS.get(1);
        CaseFile expected = CaseFile.replay(HISTORY.take(1)).get().handle(command).get();

        // The store itself says what it knows: the outcome is unknown, and the cause is the lost connection.
        CaseFile before = cut.load(GoldenHistory.CASE).get();
        IssuedCommand identified = withId(command, "cmd-cut-1");
        if (relay != null) {
          relay.cutAfterNextCommit();
        } else {
          faulty.cutAfterNextCommit();
        }
        OutcomeUnknownException unknown = assertThrows(OutcomeUnknownException.class, () -> cut.append(
            Option.some(before), identified, before.decide(identified.issued(), identified.command()).get()));
        assertInstanceOf(SQLException.class, unknown.getCause());
        assertEquals("08006", ((SQLException) unknown.getCause()).getSQLState());
        assertEquals(Option.some(CommandId.of("cmd-cut-1")), cut.findCommand(CommandId.of("cmd-cut-1"))
            .map(JdbcEventStore.StoredCommand::commandId));

        // The service finds out and answers the stored result; the command is stored once.
        CaseService service = new CaseService(cut, 3);
        IssuedCommand next = withId(COMMANDS.get(2), "cmd-cut-2");
        if (relay != null) {
          relay.cutAfterNextCommit();
        } else {
          faulty.cutAfterNextCommit();
        }
        Either<CaseService.Failure, CaseFile> answered = service.handle(GoldenHistory.CASE, next);
        assertEquals(expected.handle(next).toOption(), answered.toOption());
        assertEquals(1, service.unknownOutcomes());
        assertEquals(3, store.version(GoldenHistory.CASE));
        assertEquals(1, count("SELECT COUNT(*) FROM case_command WHERE command_id = 'cmd-cut-2'"));
        assertEquals(1, count("SELECT COUNT(*) FROM case_event WHERE command_id = 'cmd-cut-2'"));
        if (relay != null) {
          assertEquals(2, relay.cuts());
        }
      } finally {
        if (relay != null) {
          relay.close();
        }
      }
    }
  }

  @Nested
  class Bounded_waits {
    @Test
    void a_paused_writer_delays_another_writer_of_its_case_by_the_lock_timeout_at_most() throws Exception {
      opened();
      FaultyDataSource faulty = new FaultyDataSource(pool());
      JdbcEventStore paused = storeWithShortTimeouts(faulty);
      JdbcEventStore other = storeWithShortTimeouts(pool);
      FaultyDataSource.Pause pause = faulty.pauseNextCommit();
      CompletableFuture<Either<NotAppended, Long>> stalled =
          CompletableFuture.supplyAsync(() -> paused.append(GoldenHistory.CASE, 1, Option.none(), phased(1, 2)));
      pause.awaitPaused();
      long started = System.nanoTime();
      Either<NotAppended, Long> waited = other.append(GoldenHistory.CASE, 1, Option.none(), phased(1, 2));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertEquals(Either.left(new NotAppended.Busy(GoldenHistory.CASE, Duration.ofMillis(300))), waited);
      assertTrue(took.compareTo(Duration.ofMillis(250)) >= 0, took::toString);
      assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, took::toString);
      // Other cases are not held up at all.
      assertTrue(other.append(Option.none(), openingOf(CaseId.of("OTHER-1"))).isRight());
      pause.release();
      try {
        stalled.get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        // On PostgreSQL the server may already have ended the idle transaction (see the next test).
        assertInstanceOf(OutcomeUnknownException.class, e.getCause());
      }
    }

    @Test
    void postgresql_ends_a_transaction_left_idle_and_the_case_is_free_again() throws Exception {
      assumeTrue(db == TestDatabase.POSTGRESQL,
          "H2 has no idle-in-transaction limit: its bound is the lock timeout of each waiting writer");
      opened();
      FaultyDataSource faulty = new FaultyDataSource(pool());
      JdbcEventStore paused = storeWithShortTimeouts(faulty);
      JdbcEventStore other = storeWithShortTimeouts(pool);
      FaultyDataSource.Pause pause = faulty.pauseNextCommit();
      CompletableFuture<Either<NotAppended, Long>> stalled =
          CompletableFuture.supplyAsync(() -> paused.append(GoldenHistory.CASE, 1, Option.none(), phased(1, 2)));
      pause.awaitPaused();
      Thread.sleep(1_500); // longer than the 800 ms idle-in-transaction limit
      assertEquals(Either.right(2L), other.append(GoldenHistory.CASE, 1, Option.none(), phased(1, 2)));
      pause.release();
      java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
          () -> stalled.get(30, TimeUnit.SECONDS));
      assertInstanceOf(OutcomeUnknownException.class, e.getCause());
      assertEquals(2, store.version(GoldenHistory.CASE));
    }
  }

  @Nested
  class Queries {
    @Test
    void cases_are_listed_by_the_phase_of_their_latest_event() {
      CaseService service = new CaseService(store, 3);
      open(service);
      for (IssuedCommand command : COMMANDS.slice(1, 17)) {
        assertTrue(service.handle(GoldenHistory.CASE, command.issued(), command.command()).isRight(),
            command::toString);
      }
      assertEquals(Phase.PLANNING, service.latest(GoldenHistory.CASE).map(CaseFile::phase).getOrNull());
      assertEquals(List.of(GoldenHistory.CASE), store.casesInPhase(Phase.PLANNING));
      assertEquals(List.empty(), store.casesInPhase(Phase.ASSESSMENT));
      assertEquals(List.empty(), store.casesInPhase(Phase.INTAKE));
    }

    @Test
    void cases_are_listed_in_id_order_whatever_the_collation() {
      List<String> ids = List.of("b-10", "B-2", "a_1", "A.3", "b-9", "Z", "a-1");
      for (String id : ids) {
        assertTrue(store.append(Option.none(), openingOf(CaseId.of(id))).isRight());
      }
      assertEquals(ids.map(CaseId::of).sorted(), store.casesInPhase(Phase.INTAKE));
    }

    @Test
    void a_command_for_an_unknown_case_is_reported_as_such() {
      CaseService service = new CaseService(store, 3);
      assertEquals(Either.left(new CaseService.Failure.UnknownCase(CaseId.of("NOBODY"))),
          service.handle(CaseId.of("NOBODY"), COMMANDS.get(1)));
    }

    @Test
    void a_refused_command_stores_nothing() {
      CaseService service = new CaseService(store, 3);
      open(service);
      // Planning before any assessment, by the case manager herself: the phase table refuses it.
      Either<CaseService.Failure, CaseFile> refused = service.handle(GoldenHistory.CASE,
          IssuedCommand.of(COMMANDS.head().issued(), COMMANDS.get(15).command()));
      assertInstanceOf(Rejection.CommandNotPermitted.class,
          refused.swap().map(f -> ((CaseService.Failure.Refused) f).rejection()).getOrNull());
      assertEquals(1, store.version(GoldenHistory.CASE));
    }
  }

  @Nested
  class Stored_rows {
    @Test
    void a_payload_of_an_unknown_schema_is_refused_naming_the_row() throws Exception {
      store.append(Option.none(), HISTORY.take(3));
      sql("UPDATE case_event SET payload_json = REPLACE(payload_json, '\"schema\":2', '\"schema\":9') "
          + "WHERE sequence = 2");
      reseal(GoldenHistory.CASE);
      StoredRowException e = assertThrows(StoredRowException.class, () -> store.load(GoldenHistory.CASE));
      assertEquals(GoldenHistory.CASE, e.caseId());
      assertEquals(2, e.sequence());
      assertTrue(e.getMessage().contains(GoldenHistory.CASE + "#2"), e.getMessage());
      assertEquals(WireFormatException.Reason.UNSUPPORTED_SCHEMA, ((WireFormatException) e.getCause()).reason());
    }

    @Test
    void payloads_stored_in_schema_1_still_load() throws Exception {
      store.append(Option.none(), HISTORY);
      // Event documents have the same shape in schemas 1 and 2: a row written before schema 2 differs by its
      // number only.
      assertEquals(HISTORY.size(),
          sql("UPDATE case_event SET payload_json = REPLACE(payload_json, '\"schema\":2', '\"schema\":1')"));
      reseal(GoldenHistory.CASE);
      assertEquals(CaseFile.replay(HISTORY).toOption(), store.load(GoldenHistory.CASE));
      assertEquals(HISTORY, store.eventsAfter(GoldenHistory.CASE, 0));
    }

    @Test
    void a_database_of_the_store_before_migrations_is_migrated_and_its_rows_sealed() throws Exception {
      String legacy = db.createEmpty();
      try (Connection c = db.direct(legacy).getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE case_event (case_id VARCHAR(64) NOT NULL, sequence BIGINT NOT NULL, "
            + "phase_after VARCHAR(32) NOT NULL, recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, "
            + "actor VARCHAR(64) NOT NULL, type VARCHAR(64) NOT NULL, payload_json VARCHAR(1000000) NOT NULL, "
            + "PRIMARY KEY (case_id, sequence))");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO case_event VALUES (?, ?, ?, ?, ?, ?, ?)")) {
          WireFormat wire = new WireFormat();
          for (PhasedEvent e : PhasedEvent.applying(Option.none(), HISTORY)) {
            insert.setString(1, e.event().caseId().value());
            insert.setLong(2, e.event().sequence());
            insert.setString(3, e.after().phase().name());
            insert.setObject(4, java.time.OffsetDateTime.ofInstant(e.event().at(), java.time.ZoneOffset.UTC));
            insert.setString(5, e.event().actor().value());
            insert.setString(6, e.event().event().getClass().getSimpleName());
            insert.setString(7, wire.toJson(e.event()));
            insert.executeUpdate();
          }
        }
      }
      HikariDataSource legacyPool = db.pool(legacy, 2);
      pools.add(legacyPool);
      assertEquals(List.of(1, 2, 3), StoreSchema.migrate(legacyPool));
      JdbcEventStore migrated = JdbcEventStore.over(legacyPool);
      assertEquals(CaseFile.replay(HISTORY).toOption(), migrated.load(GoldenHistory.CASE));
      assertEquals(Option.none(), migrated.audit(GoldenHistory.CASE));
      assertEquals(List.empty(), StoreSchema.migrate(legacyPool));
    }
  }

  @Nested
  class Tamper_evidence {
    @BeforeEach
    void a_stored_history() {
      CaseService service = new CaseService(store, 3);
      open(service);
      for (IssuedCommand command : COMMANDS.slice(1, 12)) {
        assertTrue(service.handle(GoldenHistory.CASE, command).isRight(), command::toString);
      }
      assertEquals(Option.none(), store.audit(GoldenHistory.CASE));
    }

    Tampering tampering() {
      TamperedHistoryException e = assertThrows(TamperedHistoryException.class, () -> store.load(GoldenHistory.CASE));
      assertEquals(Option.some(e.tampering()), store.audit(GoldenHistory.CASE));
      return e.tampering();
    }

    @Test
    void an_altered_row_is_named() throws SQLException {
      sql("UPDATE case_event SET payload_json = REPLACE(payload_json, 'bruno', 'carla') WHERE sequence = 5");
      sql("UPDATE case_event SET actor = 'carla' WHERE sequence = 5 AND actor = 'bruno'");
      assertEquals(new Tampering(GoldenHistory.CASE, 5, Tampering.Kind.ALTERED), tampering());
    }

    @Test
    void an_altered_phase_column_is_named_too() throws SQLException {
      sql("UPDATE case_event SET phase_after = 'CLOSED' WHERE sequence = 4");
      assertEquals(new Tampering(GoldenHistory.CASE, 4, Tampering.Kind.ALTERED), tampering());
    }

    @Test
    void a_removed_row_is_named() throws SQLException {
      sql("DELETE FROM case_event WHERE sequence = 6");
      assertEquals(new Tampering(GoldenHistory.CASE, 6, Tampering.Kind.REMOVED), tampering());
    }

    @Test
    void a_removed_row_is_named_when_the_rows_after_it_were_renumbered() throws SQLException {
      sql("DELETE FROM case_event WHERE sequence = 6");
      sql("UPDATE case_event SET sequence = sequence + 999 WHERE sequence > 6");
      sql("UPDATE case_event SET sequence = sequence - 1000 WHERE sequence > 999");
      assertEquals(new Tampering(GoldenHistory.CASE, 6, Tampering.Kind.REMOVED), tampering());
    }

    @Test
    void a_removed_last_row_is_named_while_its_command_is_on_record() throws SQLException {
      long last = store.version(GoldenHistory.CASE);
      sql("DELETE FROM case_event WHERE sequence = " + last);
      assertEquals(new Tampering(GoldenHistory.CASE, last, Tampering.Kind.REMOVED), tampering());
    }

    @Test
    void an_inserted_row_is_named_even_with_a_valid_hash_of_its_own() throws SQLException {
      // Make room at #4, then put in a copy of #3 that chains correctly to #3.
      sql("UPDATE case_event SET sequence = sequence + 1000 WHERE sequence >= 4");
      sql("UPDATE case_event SET sequence = sequence - 999 WHERE sequence > 999");
      try (Connection c = raw();
          PreparedStatement select = c.prepareStatement("SELECT phase_after, recorded_at, actor, type, payload_json, "
              + "event_hash FROM case_event WHERE case_id = ? AND sequence = 3");
          PreparedStatement insert = c.prepareStatement("INSERT INTO case_event (case_id, sequence, phase_after, "
              + "recorded_at, actor, type, payload_json, command_id, previous_hash, event_hash, global_position) "
              + "VALUES (?, 4, ?, ?, ?, ?, ?, NULL, ?, ?, (SELECT MAX(global_position) + 1 FROM case_event))")) {
        select.setString(1, GoldenHistory.CASE.value());
        try (ResultSet row = select.executeQuery()) {
          assertTrue(row.next());
          String previous = row.getString(6);
          insert.setString(1, GoldenHistory.CASE.value());
          insert.setString(2, row.getString(1));
          insert.setObject(3, row.getObject(2, java.time.OffsetDateTime.class));
          insert.setString(4, row.getString(3));
          insert.setString(5, row.getString(4));
          insert.setString(6, row.getString(5));
          insert.setString(7, previous);
          insert.setString(8, HashChain.hash(previous, GoldenHistory.CASE.value(), 4, null, row.getString(1),
              row.getString(4), row.getString(5)));
          insert.executeUpdate();
        }
      }
      assertEquals(new Tampering(GoldenHistory.CASE, 4, Tampering.Kind.INSERTED), tampering());
    }

    @Test
    void catching_up_checks_the_new_rows_against_the_known_one() throws SQLException {
      CaseFile at5 = store.load(GoldenHistory.CASE, 5).get();
      sql("UPDATE case_event SET phase_after = 'CLOSED' WHERE sequence = 7");
      TamperedHistoryException e = assertThrows(TamperedHistoryException.class, () -> store.catchUp(at5));
      assertEquals(new Tampering(GoldenHistory.CASE, 7, Tampering.Kind.ALTERED), e.tampering());
    }
  }
}
