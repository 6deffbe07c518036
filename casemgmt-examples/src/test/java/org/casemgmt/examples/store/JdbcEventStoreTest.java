package org.casemgmt.examples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.casefile.Rejection.VersionConflict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The event store on H2: append with an expected version, load by replay, conflicts as values. */
class JdbcEventStoreTest {

  static final AtomicInteger DATABASES = new AtomicInteger();
  static final Seq<RecordedEvent> HISTORY = GoldenHistory.events();
  static final Seq<IssuedCommand> COMMANDS = GoldenHistory.commands();

  String url;
  JdbcEventStore store;

  @BeforeEach
  void a_fresh_database() {
    String name = "store-test-" + DATABASES.incrementAndGet();
    url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    store = JdbcEventStore.h2InMemory(name);
  }

  @AfterEach
  void close() {
    store.close();
  }

  CaseFile opened() {
    return store.append(Option.none(), HISTORY.take(1)).getOrElseThrow(c -> new AssertionError(c));
  }

  /** Opens the golden case through the service, issued as the golden commands say. */
  static Either<CaseService.Failure, CaseFile> open(CaseService service) {
    IssuedCommand opening = COMMANDS.head();
    return service.open(opening.issued(), (Command.OpenCase) opening.command());
  }

  @Nested
  class Appending_and_loading {
    @Test
    void a_stored_history_loads_back_as_the_same_case_file() {
      assertTrue(store.append(Option.none(), HISTORY).isRight());
      assertEquals(CaseFile.replay(HISTORY).toOption(), store.load(GoldenHistory.CASE));
      assertEquals(HISTORY, store.eventsAfter(GoldenHistory.CASE, 0));
      assertEquals(HISTORY.size(), store.version(GoldenHistory.CASE));
    }

    @Test
    void appending_returns_the_case_file_after_the_events() {
      CaseFile opened = opened();
      Either<VersionConflict, CaseFile> after = store.append(Option.some(opened), HISTORY.slice(1, 5));
      assertEquals(CaseFile.replay(HISTORY.take(5)).toOption(), after.toOption());
      assertEquals(Option.some(5L), after.map(CaseFile::version).toOption());
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
      CaseFile opened = opened();
      assertThrows(IllegalArgumentException.class,
          () -> store.append(GoldenHistory.CASE, 1, JdbcEventStore.PhasedEvent.applying(Option.some(opened),
              HISTORY.slice(1, 3)).drop(1)));
    }
  }

  @Nested
  class Concurrency {
    @Test
    void a_writer_with_a_stale_version_gets_a_version_conflict_and_nothing_is_stored() {
      CaseFile opened = opened();
      assertTrue(store.append(Option.some(opened), HISTORY.slice(1, 3)).isRight());
      Either<VersionConflict, CaseFile> stale = store.append(Option.some(opened), HISTORY.slice(1, 2));
      assertEquals(Either.left(new VersionConflict(GoldenHistory.CASE, 1, 3)), stale.map(CaseFile::version));
      assertEquals(3, store.version(GoldenHistory.CASE));
    }

    @Test
    void a_writer_expecting_a_version_the_case_has_not_reached_gets_a_conflict_not_a_gap() {
      opened();
      Seq<JdbcEventStore.PhasedEvent> later = JdbcEventStore.PhasedEvent.applying(Option.none(), HISTORY.take(6))
          .drop(4);
      assertEquals(Either.left(new VersionConflict(GoldenHistory.CASE, 4, 1)),
          store.append(GoldenHistory.CASE, 4, later));
    }

    @Test
    void a_duplicate_key_from_a_racing_writer_is_reported_as_a_version_conflict() throws Exception {
      opened();
      // Simulate the race window: the other writer's row lands after this writer read the version.
      RacingWriter.url = url;
      try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
        s.execute("CREATE TRIGGER race BEFORE INSERT ON case_event FOR EACH ROW CALL \""
            + RacingWriter.class.getName() + "\"");
      }
      Seq<JdbcEventStore.PhasedEvent> next = JdbcEventStore.PhasedEvent.applying(Option.none(), HISTORY.take(2))
          .drop(1);
      Either<VersionConflict, Long> result = store.append(GoldenHistory.CASE, 1, next);
      assertEquals(Either.left(new VersionConflict(GoldenHistory.CASE, 1, 2)), result);
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
    void a_command_for_an_unknown_case_is_reported_as_such() {
      CaseService service = new CaseService(store, 3);
      assertEquals(Either.left(new CaseService.Failure.UnknownCase(CaseId.of("NOBODY"))),
          service.handle(CaseId.of("NOBODY"), COMMANDS.get(1)));
    }

    @Test
    void a_refused_command_stores_nothing() {
      CaseService service = new CaseService(store, 3);
      open(service);
      Either<CaseService.Failure, CaseFile> refused = service.handle(GoldenHistory.CASE, COMMANDS.get(15));
      assertInstanceOf(Rejection.CommandNotPermitted.class,
          refused.swap().map(f -> ((CaseService.Failure.Refused) f).rejection()).getOrNull());
      assertEquals(1, store.version(GoldenHistory.CASE));
    }
  }

  @Nested
  class Corruption {
    @Test
    void a_payload_of_an_unknown_schema_is_refused_on_load() throws Exception {
      store.append(Option.none(), HISTORY.take(3));
      try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE case_event SET payload_json = REPLACE(payload_json, '\"schema\":2', '\"schema\":9') "
            + "WHERE sequence = 2");
      }
      WireFormatException e = assertThrows(WireFormatException.class, () -> store.load(GoldenHistory.CASE));
      assertEquals(WireFormatException.Reason.UNSUPPORTED_SCHEMA, e.reason());
    }

    @Test
    void payloads_stored_in_schema_1_still_load() throws Exception {
      store.append(Option.none(), HISTORY);
      try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
        // Event documents have the same shape in schemas 1 and 2: a row written before schema 2 differs by its
        // number only.
        assertEquals(HISTORY.size(), s.executeUpdate(
            "UPDATE case_event SET payload_json = REPLACE(payload_json, '\"schema\":2', '\"schema\":1')"));
      }
      assertEquals(CaseFile.replay(HISTORY).toOption(), store.load(GoldenHistory.CASE));
      assertEquals(HISTORY, store.eventsAfter(GoldenHistory.CASE, 0));
    }

    @Test
    void a_history_with_a_gap_is_refused_on_load() throws Exception {
      store.append(Option.none(), HISTORY.take(3));
      try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM case_event WHERE sequence = 2");
      }
      assertThrows(EventStoreException.class, () -> store.load(GoldenHistory.CASE));
    }
  }

  /** An H2 trigger that plays the other writer: it inserts the row this writer is about to insert, once. */
  public static final class RacingWriter implements org.h2.api.Trigger {
    static volatile String url;
    private boolean fired;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
      if (fired) {
        return;
      }
      fired = true;
      try (Connection other = DriverManager.getConnection(url, "sa", "");
          java.sql.PreparedStatement insert = other.prepareStatement(
              "INSERT INTO case_event (case_id, sequence, phase_after, recorded_at, actor, type, payload_json) "
                  + "SELECT case_id, ?, phase_after, recorded_at, actor, type, payload_json FROM case_event "
                  + "WHERE case_id = ? AND sequence = 1")) {
        insert.setLong(1, (Long) newRow[1]);
        insert.setString(2, (String) newRow[0]);
        insert.executeUpdate();
      }
    }
  }
}
