package org.casemgmt.examples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.examples.store.JdbcEventStore.NotAppended;
import org.casemgmt.examples.store.JdbcEventStore.PhasedEvent;
import org.casemgmt.examples.store.JdbcEventStore.PositionedEvent;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.service.ServiceProjection;
import org.casemgmt.service.ServiceSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The store's one order across cases, on H2 and on a real PostgreSQL: every event has a global position, a reader
 * catches up by asking for the events after its checkpoint, and it never misses an event nor sees one twice, even
 * when appends commit in another order than they took their positions.
 */
@ParameterizedClass
@MethodSource("org.casemgmt.examples.store.TestDatabase#all")
class GlobalOrderTest {

  static final Seq<RecordedEvent> HISTORY = GoldenHistory.events();
  static final Seq<IssuedCommand> COMMANDS = GoldenHistory.commands();

  final TestDatabase db;
  final java.util.List<HikariDataSource> pools = new ArrayList<>();
  String name;
  HikariDataSource pool;
  JdbcEventStore store;

  GlobalOrderTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void a_fresh_database() {
    name = db.createEmpty();
    pool = pool(name);
    StoreSchema.migrate(pool);
    store = JdbcEventStore.over(pool);
  }

  @AfterEach
  void close() {
    pools.forEach(HikariDataSource::close);
  }

  HikariDataSource pool(String database) {
    HikariDataSource created = db.pool(database, 6);
    pools.add(created);
    return created;
  }

  /** A case's place in the feed: its id and the event's sequence number. */
  record Key(String caseId, long sequence) {
    static Key of(RecordedEvent event) {
      return new Key(event.caseId().value(), event.sequence());
    }
  }

  /** Every stored event's key with its position, in position order, as SQL shows them. */
  Seq<Tuple2<Key, Long>> storedInSql(String database) throws SQLException {
    try (Connection c = db.direct(database).getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT case_id, sequence, global_position FROM case_event "
            + "ORDER BY global_position")) {
      Vector<Tuple2<Key, Long>> rows = Vector.empty();
      while (r.next()) {
        rows = rows.append(Tuple.of(new Key(r.getString(1), r.getLong(2)), r.getLong(3)));
      }
      return rows;
    }
  }

  static Seq<Key> keys(Seq<PositionedEvent> events) {
    return events.map(e -> Key.of(e.event()));
  }

  /** The golden case's whole history for another case id, decided by the real rules. */
  static Seq<RecordedEvent> historyOf(CaseId caseId) {
    Seq<RecordedEvent> events = JdbcEventStoreTest.openingOf(caseId);
    CaseFile file = CaseFile.replay(events).get();
    for (IssuedCommand command : COMMANDS.tail()) {
      Seq<RecordedEvent> next = file.decide(command.issued(), command.command()).get();
      events = events.appendAll(next);
      file = file.evolve(next);
    }
    return events;
  }

  /** Appends a slice of a case's history, the events from {@code from} (0-based) before {@code to}. */
  void appendSlice(JdbcEventStore target, Seq<RecordedEvent> history, int from, int to) {
    Option<CaseFile> before = from == 0 ? Option.none() : CaseFile.replay(history.take(from)).toOption();
    Either<NotAppended, CaseFile> appended = target.append(before, history.slice(from, to));
    assertTrue(appended.isRight(), appended::toString);
  }

  /** Three cases whose appends interleave: a-1..4, b-1..3, a-5..9, c-1..6, b-4..9. */
  Seq<Key> threeInterleavedCases() {
    Seq<RecordedEvent> a = historyOf(CaseId.of("A"));
    Seq<RecordedEvent> b = historyOf(CaseId.of("B"));
    Seq<RecordedEvent> c = historyOf(CaseId.of("C"));
    appendSlice(store, a, 0, 4);
    appendSlice(store, b, 0, 3);
    appendSlice(store, a, 4, 9);
    appendSlice(store, c, 0, 6);
    appendSlice(store, b, 3, 9);
    return a.take(4).appendAll(b.take(3)).appendAll(a.slice(4, 9)).appendAll(c.take(6)).appendAll(b.slice(3, 9))
        .map(Key::of);
  }

  @Nested
  class Positions {
    @Test
    void positions_strictly_increase_in_the_order_the_appends_committed_and_along_each_case() throws SQLException {
      Seq<Key> appended = threeInterleavedCases();
      Seq<PositionedEvent> read = store.eventsAfterPosition(0, JdbcEventStore.MAX_PAGE);
      assertEquals(appended, keys(read));
      assertTrue(read.sliding(2).forAll(pair -> pair.head().position() < pair.last().position()), read::toString);
      assertEquals(storedInSql(name).map(Tuple2::_2), read.map(PositionedEvent::position));
    }

    @Test
    void the_events_read_in_global_order_are_the_events_of_each_case() {
      threeInterleavedCases();
      Seq<PositionedEvent> read = store.eventsAfterPosition(0, JdbcEventStore.MAX_PAGE);
      for (String id : List.of("A", "B", "C")) {
        assertEquals(store.eventsAfter(CaseId.of(id), 0),
            read.map(PositionedEvent::event).filter(e -> e.caseId().value().equals(id)));
      }
    }

    @Test
    void an_empty_store_has_head_position_0_and_nothing_to_read() {
      assertEquals(0, store.headPosition());
      assertEquals(List.empty(), store.eventsAfterPosition(0, 10));
      assertEquals(0, store.readAllAfter(0, 10, page -> {
        throw new AssertionError("no page expected");
      }));
    }

    @Test
    void an_append_that_stored_nothing_has_no_place_in_the_order() {
      CaseFile opened = store.append(Option.none(), HISTORY.take(1)).get();
      assertTrue(store.append(Option.some(opened), HISTORY.slice(1, 3)).isRight());
      assertTrue(store.append(Option.some(opened), HISTORY.slice(1, 2)).isLeft());
      assertTrue(store.append(store.load(GoldenHistory.CASE), HISTORY.slice(3, 5)).isRight());
      assertEquals(HISTORY.take(5), store.eventsAfterPosition(0, 100).map(PositionedEvent::event));
    }
  }

  @Nested
  class Catching_up {
    @Test
    void catching_up_from_0_in_small_pages_returns_every_event_once_in_order() throws SQLException {
      Seq<Key> appended = threeInterleavedCases();
      java.util.List<Seq<PositionedEvent>> pages = new ArrayList<>();
      long reached = store.readAllAfter(0, 4, pages::add);
      Seq<PositionedEvent> read = Vector.ofAll(pages).flatMap(page -> page);
      assertEquals(appended, keys(read));
      assertTrue(pages.stream().allMatch(page -> page.size() <= 4));
      assertEquals(read.last().position(), reached);
      assertEquals(store.headPosition(), reached);
      assertEquals(storedInSql(name).last()._2, reached);
    }

    @Test
    void catching_up_from_a_position_returns_exactly_the_later_events() {
      Seq<Key> appended = threeInterleavedCases();
      Seq<PositionedEvent> all = store.eventsAfterPosition(0, JdbcEventStore.MAX_PAGE);
      for (int seen : new int[] {1, 5, 11, all.size() - 1, all.size()}) {
        long checkpoint = all.get(seen - 1).position();
        assertEquals(appended.drop(seen), keys(store.eventsAfterPosition(checkpoint, JdbcEventStore.MAX_PAGE)));
        assertEquals(appended.drop(seen).take(3), keys(store.eventsAfterPosition(checkpoint, 3)));
      }
    }

    @Test
    void a_reader_polls_new_events_as_they_are_appended() {
      Seq<RecordedEvent> a = historyOf(CaseId.of("A"));
      appendSlice(store, a, 0, 3);
      long checkpoint = store.readAllAfter(0, 2, page -> { });
      assertEquals(store.headPosition(), checkpoint);
      assertEquals(List.empty(), store.eventsAfterPosition(checkpoint, 10));
      appendSlice(store, a, 3, 5);
      Seq<PositionedEvent> next = store.eventsAfterPosition(checkpoint, 10);
      assertEquals(a.slice(3, 5).map(Key::of), keys(next));
      assertEquals(next.last().position(), store.headPosition());
    }

    @Test
    void a_page_handler_that_fails_stops_the_loop_at_that_page() {
      threeInterleavedCases();
      java.util.List<Seq<PositionedEvent>> handled = new ArrayList<>();
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.readAllAfter(0, 5, page -> {
        handled.add(page);
        if (handled.size() == 2) {
          throw new IllegalStateException("projection failed");
        }
      }));
      assertEquals("projection failed", e.getMessage());
      assertEquals(2, handled.size());
    }

    @Test
    void an_altered_row_is_named_by_the_catch_up_read() throws SQLException {
      threeInterleavedCases();
      try (Connection c = db.direct(name).getConnection(); Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE case_event SET phase_after = 'CLOSED' WHERE case_id = 'B' AND sequence = 2");
      }
      TamperedHistoryException e =
          assertThrows(TamperedHistoryException.class, () -> store.eventsAfterPosition(0, 100));
      assertEquals(new Tampering(CaseId.of("B"), 2, Tampering.Kind.ALTERED), e.tampering());
    }

    @Test
    void arguments_out_of_range_are_refused_with_what_is_allowed() {
      IllegalArgumentException negative =
          assertThrows(IllegalArgumentException.class, () -> store.eventsAfterPosition(-1, 10));
      assertEquals("position must be at least 0, not -1", negative.getMessage());
      IllegalArgumentException none =
          assertThrows(IllegalArgumentException.class, () -> store.eventsAfterPosition(0, 0));
      assertEquals("limit must be from 1 to 10000, not 0", none.getMessage());
      assertThrows(IllegalArgumentException.class, () -> store.eventsAfterPosition(0, JdbcEventStore.MAX_PAGE + 1));
      assertThrows(IllegalArgumentException.class, () -> store.readAllAfter(0, 10, null));
      assertThrows(IllegalArgumentException.class, () -> store.readAllAfter(-5, 10, page -> { }));
      assertThrows(IllegalArgumentException.class, () -> new PositionedEvent(0, HISTORY.head()));
      assertThrows(IllegalArgumentException.class, () -> new PositionedEvent(1, null));
    }
  }

  @Nested
  class Commit_order {
    /**
     * The interleaving a plain sequence gets wrong. Writer A takes its position and is held at COMMIT; writer B, on
     * another case, takes a higher position and commits. SQL now shows B's event above the reader's checkpoint and
     * not A's: a reader that trusted the positions it can see would return B, move its checkpoint past A's position
     * and never see A. The store's reader returns nothing until A has finished, then A and B, in that order.
     */
    @Test
    void an_append_that_commits_after_a_later_one_is_read_on_the_next_poll_not_skipped() throws Exception {
      Seq<RecordedEvent> a = historyOf(CaseId.of("A"));
      Seq<RecordedEvent> b = historyOf(CaseId.of("B"));
      appendSlice(store, a, 0, 1);
      appendSlice(store, b, 0, 1);
      long checkpoint = store.readAllAfter(0, 10, page -> { });

      FaultyDataSource faulty = new FaultyDataSource(pool(name));
      JdbcEventStore held = JdbcEventStore.over(faulty);
      FaultyDataSource.Pause pause = faulty.pauseNextCommit();
      CompletableFuture<Void> writerA = CompletableFuture.runAsync(() -> appendSlice(held, a, 1, 2));
      pause.awaitPaused();
      appendSlice(store, b, 1, 2);

      Seq<Tuple2<Key, Long>> visible = storedInSql(name).filter(row -> row._2 > checkpoint);
      assertEquals(List.of(new Key("B", 2)), visible.map(Tuple2::_1), "B is committed, A is not");
      long positionOfB = visible.head()._2;
      assertEquals(List.empty(), store.eventsAfterPosition(checkpoint, 10));
      assertEquals(checkpoint, store.headPosition());
      assertEquals(checkpoint, store.readAllAfter(checkpoint, 10, page -> {
        throw new AssertionError("nothing may be read past A's position yet: " + keys(page));
      }));

      pause.release();
      writerA.get(30, TimeUnit.SECONDS);
      Seq<PositionedEvent> next = store.eventsAfterPosition(checkpoint, 10);
      assertEquals(List.of(new Key("A", 2), new Key("B", 2)), keys(next));
      assertTrue(next.head().position() < positionOfB,
          "A holds the lower position: a reader whose checkpoint had moved to B's would have missed it");
      assertEquals(positionOfB, next.last().position());
      assertEquals(List.empty(), store.eventsAfterPosition(positionOfB, 10));
    }

    /**
     * An append that began before the case's previous event was committed, and was still at the start (reading the
     * case's head) when that event committed: its event follows the previous one in the global order too. On
     * PostgreSQL this holds because the append writes nothing, and so has no transaction id, before that read; an
     * append that wrote its command row first would have taken a lower id than the previous event's writer.
     */
    @Test
    void an_append_that_began_before_the_previous_event_of_its_case_still_comes_after_it() throws Exception {
      CaseFile opened = store.append(Option.none(), HISTORY.take(1)).get();
      FaultyDataSource faulty = new FaultyDataSource(pool(name));
      JdbcEventStore late = JdbcEventStore.over(faulty);
      FaultyDataSource.Pause atHead = faulty.pauseNextStatement("ORDER BY sequence DESC");
      IssuedCommand third = IssuedCommand.of(COMMANDS.get(2).issued()
          .withCommandId(org.casemgmt.casefile.CommandId.of("cmd-third")), COMMANDS.get(2).command());
      CompletableFuture<Either<NotAppended, Long>> appendingThird = CompletableFuture.supplyAsync(() ->
          late.append(GoldenHistory.CASE, 2, Option.some(third), JdbcEventStoreTest.phased(2, 3)));
      atHead.awaitPaused();
      assertTrue(store.append(Option.some(opened), HISTORY.slice(1, 2)).isRight());
      atHead.release();
      assertEquals(Either.right(3L), appendingThird.get(30, TimeUnit.SECONDS));
      Seq<PositionedEvent> read = store.eventsAfterPosition(0, 10);
      assertEquals(List.of(1L, 2L, 3L), read.map(e -> e.event().sequence()));
      assertTrue(read.sliding(2).forAll(pair -> pair.head().position() < pair.last().position()), read::toString);
    }

    @Test
    void an_append_whose_commit_answer_is_lost_is_read_not_skipped() throws Exception {
      Seq<RecordedEvent> a = historyOf(CaseId.of("A"));
      Seq<RecordedEvent> b = historyOf(CaseId.of("B"));
      appendSlice(store, a, 0, 1);
      appendSlice(store, b, 0, 1);
      long checkpoint = store.headPosition();
      FaultyDataSource faulty = new FaultyDataSource(pool(name));
      JdbcEventStore held = JdbcEventStore.over(faulty);
      faulty.cutAfterNextCommit();
      // The cut connection's COMMIT reaches the database: the event is stored, the writer is told the outcome is
      // unknown, and its positions are released only after that, so the reader finds the event, not a gap.
      assertThrows(OutcomeUnknownException.class, () -> appendSlice(held, a, 1, 2));
      appendSlice(store, b, 1, 2);
      assertEquals(List.of(new Key("A", 2), new Key("B", 2)), keys(store.eventsAfterPosition(checkpoint, 10)));
    }
  }

  @Nested
  class Migration {
    /** Inserts a case's rows as a store at schema version 2 wrote them: chained, without a global position. */
    void insertAsVersion2(Connection c, Seq<RecordedEvent> history) throws SQLException {
      WireFormat wire = new WireFormat();
      String previous = HashChain.GENESIS;
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO case_event (case_id, sequence, phase_after, "
          + "recorded_at, actor, type, payload_json, command_id, previous_hash, event_hash) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)")) {
        for (PhasedEvent e : PhasedEvent.applying(Option.none(), history)) {
          String phase = e.after().phase().name();
          String type = e.event().event().getClass().getSimpleName();
          String payload = wire.toJson(e.event());
          String hash = HashChain.hash(previous, e.event().caseId().value(), e.event().sequence(), null, phase, type,
              payload);
          insert.setString(1, e.event().caseId().value());
          insert.setLong(2, e.event().sequence());
          insert.setString(3, phase);
          insert.setObject(4, OffsetDateTime.ofInstant(e.event().at(), ZoneOffset.UTC));
          insert.setString(5, e.event().actor().value());
          insert.setString(6, type);
          insert.setString(7, payload);
          insert.setString(8, previous);
          insert.setString(9, hash);
          insert.executeUpdate();
          previous = hash;
        }
      }
    }

    @Test
    void a_version_2_database_gets_positions_in_time_order_along_each_case_and_new_events_follow() throws Exception {
      String old = db.createEmpty();
      HikariDataSource oldPool = pool(old);
      assertEquals(List.of(1, 2), StoreSchema.migrate(oldPool, 2));
      Seq<RecordedEvent> golden = HISTORY;
      Seq<RecordedEvent> team = GoldenHistory.teamEvents();
      // Enough rows that the migration reads them in several fetches while it numbers them.
      Seq<Seq<RecordedEvent>> others = Vector.range(0, 25).map(n -> historyOf(CaseId.of("A-OTHER-" + n)));
      try (Connection c = db.direct(old).getConnection()) {
        insertAsVersion2(c, team);
        insertAsVersion2(c, golden);
        for (Seq<RecordedEvent> other : others) {
          insertAsVersion2(c, other);
        }
      }
      assertThrows(EventStoreException.class, () -> JdbcEventStore.over(oldPool), "version 2 is not current");

      assertEquals(List.of(3), StoreSchema.migrate(oldPool));
      JdbcEventStore migrated = JdbcEventStore.over(oldPool);
      Seq<PositionedEvent> read = migrated.eventsAfterPosition(0, JdbcEventStore.MAX_PAGE);
      int stored = golden.size() + team.size() + others.map(Seq::size).sum().intValue();
      assertTrue(stored > 1_000, "stored " + stored);
      assertEquals(Vector.rangeClosed(1L, (long) stored), read.map(PositionedEvent::position));
      // The order the migration promises: by the latest time of the case so far, then case id, then sequence.
      assertEquals(inMigrationOrder(others.prepend(team).prepend(golden)), keys(read));
      assertEquals(golden, read.map(PositionedEvent::event).filter(e -> e.caseId().equals(GoldenHistory.CASE)));
      assertEquals(Option.none(), migrated.audit(GoldenHistory.CASE));
      assertEquals(CaseFile.replay(golden).toOption(), migrated.load(GoldenHistory.CASE));

      // New appends come after every numbered row.
      Seq<RecordedEvent> fresh = historyOf(CaseId.of("NEW"));
      appendSlice(migrated, fresh, 0, 2);
      assertEquals(fresh.take(2).map(Key::of), keys(migrated.eventsAfterPosition(stored, 10)));
      assertTrue(migrated.headPosition() > stored);
      assertEquals(List.empty(), StoreSchema.migrate(oldPool));
    }

    /** The migration's order, computed independently: each case's running latest time, case id, sequence. */
    Seq<Key> inMigrationOrder(Seq<Seq<RecordedEvent>> histories) {
      record Ordered(Instant reached, Key key) {}
      java.util.List<Ordered> rows = new ArrayList<>();
      for (Seq<RecordedEvent> history : histories) {
        Instant reached = Instant.MIN;
        for (RecordedEvent e : history) {
          reached = e.at().isAfter(reached) ? e.at() : reached;
          rows.add(new Ordered(reached, Key.of(e)));
        }
      }
      rows.sort(Comparator.comparing(Ordered::reached).thenComparing(o -> o.key().caseId())
          .thenComparingLong(o -> o.key().sequence()));
      return Vector.ofAll(rows).map(Ordered::key);
    }

    @Test
    void an_empty_version_2_database_starts_its_positions_at_1() {
      String old = db.createEmpty();
      HikariDataSource oldPool = pool(old);
      StoreSchema.migrate(oldPool, 2);
      assertEquals(List.of(3), StoreSchema.migrate(oldPool));
      JdbcEventStore migrated = JdbcEventStore.over(oldPool);
      assertEquals(0, migrated.headPosition());
      appendSlice(migrated, HISTORY, 0, 3);
      Seq<PositionedEvent> read = migrated.eventsAfterPosition(0, 10);
      assertEquals(HISTORY.take(3), read.map(PositionedEvent::event));
      if (db == TestDatabase.H2) {
        assertEquals(List.of(1L, 2L, 3L), read.map(PositionedEvent::position));
      }
    }
  }

  @Nested
  class Concurrent_writers {
    static final int WRITERS = 4;
    static final int APPENDS_PER_WRITER = 60;
    static final int CASES = 12;
    static final int PAGE = 5;

    /**
     * Four application instances (each its own pool, store and service) append to twelve cases while a reader
     * polls small pages and moves its checkpoint. A quarter of the commits are held back 15 ms before they are
     * sent, so appends commit in another order than they took their positions, as a slow network or a paused
     * thread makes them do. Beside the store's reader, a naive reader that trusts the positions it sees
     * ({@code global_position > checkpoint} without the store's bound) polls the same table: it misses events,
     * which shows the reordering happened; the store's reader misses none and sees none twice.
     */
    @Test
    void a_polling_reader_sees_every_event_of_concurrent_writers_once_and_in_order() throws Exception {
      Issued anna = Issued.by(StaffId.of("anna"), Instant.parse("2026-03-02T09:00:00Z"));
      CaseService opener = new CaseService(store, 3);
      for (int n = 0; n < CASES; n++) {
        assertTrue(opener.open(anna, Command.OpenCase.of(CaseId.of("P-" + n), Client.of(ClientId.of("C-" + n),
            "Client " + n, java.time.LocalDate.of(1970, 1, 1)), GoldenHistory.DAY0, LifeDomain.values())).isRight());
        assertTrue(opener.handle(CaseId.of("P-" + n), anna, new Command.StartAssessment()).isRight());
      }
      java.util.List<CaseService> services = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        FaultyDataSource slowed = new FaultyDataSource(pool(name));
        slowed.slowCommits(20261207L + w, 25, 15);
        services.add(new CaseService(JdbcEventStore.over(slowed), 1_000));
      }

      AtomicBoolean writing = new AtomicBoolean(true);
      ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
      try {
        // The reader keeps a service projection current, page by page, as an application's read model would.
        ServiceSettings settings = ServiceSettings.of(30, 10);
        java.util.concurrent.atomic.AtomicReference<ServiceProjection> kept =
            new java.util.concurrent.atomic.AtomicReference<>(ServiceProjection.empty(settings));
        Future<Seq<PositionedEvent>> reader = threads.submit(() -> {
          Vector<PositionedEvent> seen = Vector.empty();
          long checkpoint = 0;
          while (true) {
            boolean last = !writing.get(); // read once more after the writers are done: the final drain
            Seq<PositionedEvent> page;
            while (!(page = store.eventsAfterPosition(checkpoint, PAGE)).isEmpty()) {
              seen = seen.appendAll(page);
              kept.set(kept.get().applyAll(page.map(PositionedEvent::event)));
              checkpoint = page.last().position();
            }
            if (last) {
              return seen;
            }
            Thread.sleep(1);
          }
        });
        Future<Set<Key>> naive = threads.submit(() -> naiveReader(writing));
        java.util.List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          CaseService service = services.get(w);
          Random random = new Random(20261207L + w);
          writers.add(threads.submit(() -> {
            for (int i = 0; i < APPENDS_PER_WRITER; i++) {
              CaseId target = CaseId.of("P-" + random.nextInt(CASES));
              Either<CaseService.Failure, CaseFile> done = service.handle(target, anna,
                  new Command.RecordStrength(LifeDomain.values()[random.nextInt(LifeDomain.values().length)],
                      "strength " + i));
              assertTrue(done.isRight(), done::toString);
            }
            return null;
          }));
        }
        for (Future<?> writer : writers) {
          writer.get(180, TimeUnit.SECONDS);
        }
        writing.set(false);
        Seq<PositionedEvent> seen = reader.get(60, TimeUnit.SECONDS);
        Set<Key> naiveSeen = naive.get(60, TimeUnit.SECONDS);

        Seq<Tuple2<Key, Long>> stored = storedInSql(name);
        assertEquals(2 * CASES + WRITERS * APPENDS_PER_WRITER, stored.size());
        assertEquals(HashSet.empty(), HashSet.ofAll(stored.map(Tuple2::_1)).diff(HashSet.ofAll(keys(seen))),
            "events the reader missed");
        assertEquals(seen.size(), HashSet.ofAll(keys(seen)).size(), "no event twice");
        // Every stored event exactly once, with its stored position, in position order.
        assertEquals(stored.map(Tuple2::_1), keys(seen));
        assertEquals(stored.map(Tuple2::_2), seen.map(PositionedEvent::position));
        assertTrue(seen.sliding(2).forAll(p -> p.head().position() < p.last().position()));
        // The projection kept current page by page is the projection of every stored event in one pass.
        assertEquals(ServiceProjection.of(settings, seen.map(PositionedEvent::event)), kept.get());
        assertEquals(stored.size(), kept.get().eventCount());
        assertEquals(CASES, kept.get().caseloads().single().open());
        // Along each case, in sequence order, and equal to the case's stored history.
        for (int n = 0; n < CASES; n++) {
          CaseId id = CaseId.of("P-" + n);
          assertEquals(store.eventsAfter(id, 0), seen.map(PositionedEvent::event).filter(e -> e.caseId().equals(id)));
        }
        Set<Key> missed = HashSet.ofAll(stored.map(Tuple2::_1)).diff(naiveSeen);
        System.out.printf("global order on %s: %d events read once each in %d-event pages; a naive reader missed %d%n",
            db, seen.size(), PAGE, missed.size());
        assertTrue(missed.nonEmpty(), "the test provokes commits out of position order: a naive reader misses some");
      } finally {
        writing.set(false);
        threads.shutdownNow();
        threads.awaitTermination(30, TimeUnit.SECONDS);
      }
    }

    /** Polls {@code global_position > checkpoint} in small pages, as a reader trusting a plain sequence would. */
    Set<Key> naiveReader(AtomicBoolean writing) throws Exception {
      Set<Key> seen = HashSet.empty();
      long checkpoint = 0;
      try (Connection c = db.direct(name).getConnection(); PreparedStatement select = c.prepareStatement(
          "SELECT case_id, sequence, global_position FROM case_event WHERE global_position > ? "
              + "ORDER BY global_position FETCH FIRST " + PAGE + " ROWS ONLY")) {
        while (true) {
          boolean last = !writing.get();
          boolean more = true;
          while (more) {
            select.setLong(1, checkpoint);
            more = false;
            try (ResultSet r = select.executeQuery()) {
              while (r.next()) {
                seen = seen.add(new Key(r.getString(1), r.getLong(2)));
                checkpoint = r.getLong(3);
                more = true;
              }
            }
          }
          if (last) {
            return seen;
          }
          Thread.sleep(1);
        }
      }
    }
  }
}
